"""Glossary subcommands: build (mine a corpus and aligned pairs), review, export (CSV → TBX)
and import (TBX → CSV).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from ..errors import AlignError, InputError
from ..types import GlossaryEntry
from ..files import write_atomic
from .extract import corpus_sentences, extract_terms
from .io import glossary_csv, glossary_tbx, load_glossary
from .mine import load_pairs, mine_renderings, propose


def main(args: argparse.Namespace) -> int:
    command = args.glossary_command
    if command == "export":
        write_atomic(args.out, glossary_tbx(load_glossary(args.glossary)))
        print(f"wrote {args.out}")
    elif command == "import":
        write_atomic(args.out, glossary_csv(load_glossary(args.tbx)))
        print(f"wrote {args.out}")
    elif command == "review":
        return review(args.glossary, args.approve, args.forbid, args.reject)
    elif command == "add":
        terms = [term_and_english(e) for e in args.entries]
        if args.from_decisions:
            promoted = promotions(args.from_decisions, args.min_count)
            for (term, english), count in promoted.items():
                print(f"{term}={english}\tdismissed {count} times")
            terms += list(promoted)
        if not terms:
            raise AlignError("nothing to add: give TERM=EN, or --from-decisions with renderings "
                             f"dismissed at least {args.min_count} times")
        entries, added = add(args.glossary, terms)
        write_atomic(args.glossary, glossary_csv(entries))
        print(f"{added} added, {len(terms) - added} updated; wrote {args.glossary}")
    else:
        entries, added = build(args.corpus, args.pairs, args.out, args.top)
        write_atomic(args.out, glossary_csv(entries))
        print(f"{len(entries)} entries ({added} new candidates); wrote {args.out}")
    return 0


def build(corpus: list[Path], pairs: list[Path], out: Path, top: int) -> tuple[list[GlossaryEntry], int]:
    """Mine terms and renderings; merge into the glossary at `out` if it exists.

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
    found = mine_renderings([t.term for t in terms], load_pairs(pairs)) if pairs else {}
    corpus_text = "".join(s for _, s in sentences)
    existing = load_glossary(out) if out.exists() else []
    by_term = {e.zh: k for k, e in enumerate(existing)}
    entries = list(existing)
    added = 0
    for term in terms:
        proposal = propose(term.term, found.get(term.term), corpus_text)
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
    from collections import Counter

    from ..decisions import DISMISS, load_decisions

    seen: Counter[tuple[str, str]] = Counter()
    for path in paths:
        for decision in load_decisions(path).values():
            if decision.decision == DISMISS and decision.src_term and decision.tgt_span:
                seen[(decision.src_term, decision.tgt_span)] += 1
    return {key: n for key, n in seen.most_common() if n >= min_count}


def add(path: Path, terms: list[tuple[str, str]]) -> tuple[list[GlossaryEntry], int]:
    """Add terms as approved with their English, or approve and re-English existing ones."""
    entries = load_glossary(path) if path.exists() else []
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


def review(path: Path, approve: list[str], forbid: list[str], reject: list[str]) -> int:
    """Without decisions: list candidates one per line. With them: record them in the file.

    `--approve TERM=EN` approves and sets the English in one step."""
    entries = load_glossary(path)
    if not (approve or forbid or reject):
        for e in entries:
            if e.status == "candidate":
                print(f"{e.zh}\t{e.en}\t{'|'.join(e.variants)}\t{e.frequency}")
        return 0
    approved = dict(term_and_english(t) for t in approve)
    known = {e.zh for e in entries}
    for term in (*approved, *forbid, *reject):
        if term not in known:
            raise AlignError(f"{path}: no term {term!r}")
    status = {**{t: "approved" for t in approved}, **{t: "forbidden" for t in forbid}}
    updated = [replace(e, status=status.get(e.zh, e.status), en=approved.get(e.zh) or e.en)
               for e in entries if e.zh not in reject]
    write_atomic(path, glossary_csv(updated))
    print(f"{len(approve)} approved, {len(forbid)} forbidden, {len(reject)} removed")
    return 0
