"""Glossary curation: build (mine a corpus and aligned pairs into entries, keeping the
reviewer's decisions), add approved terms, record review decisions.

Each function takes plain arguments and returns the entries to write; `align glossary` (cli.py)
reads the arguments, writes the file and says what was done.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..io.decisions import DISMISS, load_decisions
from ..errors import AlignError, InputError
from ..types import GlossaryEntry
from .extract import corpus_sentences, extract_terms
from .compose import Composer
from .mine import load_pairs, mine_renderings


def build(corpus: list[Path], pairs: list[Path], existing: list[GlossaryEntry],
          top: int) -> tuple[list[GlossaryEntry], int]:
    """Mine terms and renderings and merge them into the `existing` entries; returns the
    entries and how many are new.

    A reviewer's decision (any status but candidate) is never changed: only its frequency is
    refreshed, and renderings not yet in the entry are listed in its note for review. New
    terms are added as candidates, after the existing entries.
    """
    for path in corpus:
        if not path.is_file():
            raise InputError(f"{path}: corpus file not found")
    sentences = corpus_sentences(corpus)
    if not sentences:
        raise InputError("the corpus has no Chinese sentences")
    terms = extract_terms(sentences, top=top)
    aligned = load_pairs(pairs) if pairs else []
    found = mine_renderings([t.term for t in terms], aligned) if aligned else {}
    corpus_text = "".join(s for _, s in sentences)
    composer = Composer(aligned, corpus_text, found)
    by_term = {e.zh: k for k, e in enumerate(existing)}
    entries = list(existing)
    added = 0
    for term in terms:
        proposal = composer.proposal(term.term)
        source = (f"extracted: {term.documents} docs, C-value {term.cvalue:g}, "
                  f"specificity {term.specificity:g}; proposal: {proposal.why}")
        if term.term not in by_term:
            note = f"seen: {proposal.observed}" if proposal.observed else ""
            entries.append(GlossaryEntry(term.term, proposal.en, "candidate", (),
                                         proposal.forbidden, note, term.frequency, source))
            added += 1
            continue
        old = existing[by_term[term.term]]
        known = {old.en.lower(), *(v.lower() for v in old.variants),
                 *(f.lower() for f in old.forbidden)}
        if old.status == "candidate":
            entries[by_term[term.term]] = replace(
                old, en=old.en or proposal.en, frequency=term.frequency,
                forbidden=tuple(dict.fromkeys((*old.forbidden, *proposal.forbidden))))
            continue
        unseen = [r for r in (*proposal.forbidden, *(proposal.observed.split("; ")
                                                     if proposal.observed else ()))
                  if r and r.rsplit(" ×", 1)[0].lower() not in known]
        note = old.note
        if unseen and "unreviewed renderings:" not in note:
            note = (note + "; " if note else "") + "unreviewed renderings: " + ", ".join(unseen)
        entries[by_term[term.term]] = replace(old, frequency=term.frequency, note=note)
    extracted = {t.term for t in terms}
    entries = [e if e.zh in extracted else replace(e, frequency=corpus_text.count(e.zh))
               for e in entries]
    return entries, added


def term_and_english(text: str) -> tuple[str, str]:
    """`临港新片区=Lingang Special Area` → (term, English); a bare term has no English."""
    term, _, english = text.partition("=")
    if not term.strip():
        raise AlignError(f"{text!r}: give a Chinese term, optionally =English")
    return term.strip(), english.strip()


def promotions(paths: list[Path], min_count: int) -> dict[tuple[str, str], int]:
    """(term, rendering) pairs whose flags reviewers dismissed at least `min_count` times in
    these decisions files: a rendering they keep accepting, worth recording as approved."""
    seen: Counter[tuple[str, str]] = Counter()
    for path in paths:
        for decision in load_decisions(path).values():
            if decision.decision == DISMISS and decision.src_term and decision.tgt_span:
                seen[(decision.src_term, decision.tgt_span)] += 1
    return {key: n for key, n in seen.most_common() if n >= min_count}


def add(existing: list[GlossaryEntry],
        terms: list[tuple[str, str]]) -> tuple[list[GlossaryEntry], int]:
    """Add terms as approved with their English, or approve and re-English existing ones;
    returns the entries and how many are new."""
    entries = list(existing)
    by_term = {e.zh: k for k, e in enumerate(entries)}
    added = 0
    for term, english in terms:
        if not english:
            raise AlignError(f"{term}: give its English as {term}=ENGLISH")
        if term in by_term:
            old = entries[by_term[term]]
            variants = tuple(v for v in (*old.variants, old.en) if v and v != english)
            entries[by_term[term]] = replace(old, en=english, status="approved",
                                             variants=variants)
        else:
            by_term[term] = len(entries)
            entries.append(GlossaryEntry(term, english, "approved", source="added by hand"))
            added += 1
    return entries, added


def candidates(entries: tuple[GlossaryEntry, ...] | list[GlossaryEntry]) -> list[GlossaryEntry]:
    """The entries still waiting for a reviewer's decision."""
    return [e for e in entries if e.status == "candidate"]


def decide(entries: tuple[GlossaryEntry, ...] | list[GlossaryEntry], approve: list[str],
           forbid: list[str], reject: list[str], name: str) -> list[GlossaryEntry]:
    """Record review decisions: approve (`TERM=EN` also sets the English), forbid, or reject
    (remove) terms; a term the glossary does not hold is an error naming it."""
    approved = dict(term_and_english(t) for t in approve)
    known = {e.zh for e in entries}
    for term in (*approved, *forbid, *reject):
        if term not in known:
            raise AlignError(f"{name}: no term {term!r}")
    status = {**{t: "approved" for t in approved}, **{t: "forbidden" for t in forbid}}
    return [replace(e, status=status.get(e.zh, e.status), en=approved.get(e.zh) or e.en)
            for e in entries if e.zh not in reject]
