"""Checking stage: aligned pairs → `Flag`s, one independent check per module.

A check is a function `(context) -> list[Flag]` registered by name in `CHECKS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from ..errors import AlignError
from .links import TermAlignment, align_terms, linkable
from ..types import Flag, GlossaryEntry, Pair, Sentence


@dataclass
class CheckContext:
    """What every check may look at: the pairs, both documents, and an optional glossary."""

    pairs: list[Pair]
    source: list[Sentence]
    target: list[Sentence]
    glossary: list[GlossaryEntry] | None = None
    # the encoder's unit vectors per sentence, and the encoder itself for short texts; None
    # when the caller has no encoder (checks that need one then stay silent)
    source_vectors: np.ndarray | None = None
    target_vectors: np.ndarray | None = None
    embed: Callable[[list[str]], np.ndarray] | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def matched(self) -> list[Pair]:
        return [p for p in self.pairs if p.source_ids and p.target_ids]

    @cached_property
    def similarities(self) -> np.ndarray:
        return np.array([p.bead.similarity or 0.0 for p in self.matched])

    # per-pair analyses that several checks share, computed once
    def links(self, pair: Pair) -> TermAlignment:
        """The pair's term alignment: which English words render which Chinese words."""
        key = ("links", pair.index)
        if key not in self._cache:
            self._cache[key] = align_terms(pair.source_text, pair.target_text, self.glossary)
        return self._cache[key]


    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """Abbreviations the document spells out itself, to their full forms: a run of two to
        four words whose first characters make a word of the document (科技|创新 → 科创,
        长江|三角洲 is no 长三角: 角 begins no word). News writes the full form once and the
        short one after; a dictionary lists few of these."""
        used = {u.text for pair in self.matched for u in self.links(pair).units if u.han}
        found: dict[str, str] = {}
        for pair in self.matched:
            units = self.links(pair).units
            for k in range(len(units)):
                run = units[k:k + 4]
                for n in range(2, len(run) + 1):
                    words = run[:n]
                    if not all(u.han and len(u.text) >= 2 and u.content for u in words) or \
                            any(a.end != b.start for a, b in zip(words, words[1:])):
                        break
                    short = "".join(u.text[0] for u in words)
                    if short in used and short not in found:
                        found[short] = "".join(u.text for u in words)
        return found

    def linked_share(self, findings: list[Flag] = ()) -> float:
        """The share of the linkable source words of the matched pairs that are linked, the
        source spans of the given omission findings left out: how closely the translator
        follows the source. Several checks trust word-level evidence only in a close
        translation (a literary rewrite paraphrases where a machine slips)."""
        judged: dict[int, list[tuple[int, int]]] = {}
        for f in findings:
            if f.source_offsets is not None and f.category.endswith("omission"):
                judged.setdefault(f.bead, []).append(f.source_offsets)
        key = ("linked_share", tuple(sorted((b, tuple(s)) for b, s in judged.items())))
        if key not in self._cache:
            judged_words = linked = 0
            for pair in self.matched:
                alignment = self.links(pair)
                spans = judged.get(pair.index, ())
                for k, unit in enumerate(alignment.units):
                    if any(a <= unit.start < b for a, b in spans):
                        continue
                    if linkable(alignment, k):
                        judged_words += 1
                        linked += alignment.link_of(k) is not None
            self._cache[key] = linked / judged_words if judged_words else 1.0
        return self._cache[key]


Check = Callable[[CheckContext], list[Flag]]
CHECKS: dict[str, Check] = {}


def register(name: str) -> Callable[[Check], Check]:
    def add(check: Check) -> Check:
        CHECKS[name] = check
        return check
    return add


def _load_all() -> None:
    # importing registers; one line per check
    from . import (  # noqa: F401
        consistency, glossary, literal, negation, numbers, omission, pinyin, punctuation,
        repetition, sense, tags, untranslated, verbatim, weak)


def check_names() -> list[str]:
    """Every registered check, in registry order."""
    _load_all()
    return list(CHECKS)


def select_checks(only: tuple[str, ...] | None, skip: tuple[str, ...] = (),
                  min_confidence: float | None = None) -> list[str]:
    """The checks to run: `only` if given, else those on by default; `skip` left out.

    A check is on by default when at least one of its rules was right often enough on the
    development set to be shown at `min_confidence` (default: the calibrated one); a check
    whose flags were mostly wrong stays off unless asked for by name."""
    from .calibration import default_min_confidence, shown_by_default

    _load_all()
    for name in (*(only or ()), *skip):
        if name not in CHECKS:
            raise AlignError(f"unknown check {name!r}; checks are: {', '.join(CHECKS)}")
    floor = default_min_confidence() if min_confidence is None else min_confidence
    return [name for name in CHECKS if name not in skip and
            (name in only if only is not None else shown_by_default(name, floor))]


def default_checks() -> list[str]:
    return select_checks(None)


def settings() -> dict[str, object]:
    """Every frozen settings object of the checks and of the term alignment they all read,
    by name ("links", "links.literal", "check.omission"): what a run's signature records.
    Found by looking, so a check that gains a settings object is recorded without more."""
    import sys
    from dataclasses import is_dataclass

    from . import links

    _load_all()
    modules = [("links", links)] + sorted(
        (f"check.{module.rsplit('.', 1)[-1]}", sys.modules[module])
        for module in {check.__module__ for check in CHECKS.values()})
    found: dict[str, object] = {}
    for prefix, module in modules:
        for attribute, value in vars(module).items():
            kind = type(value)
            if is_dataclass(value) and not isinstance(value, type) and \
                    kind.__name__.endswith("Settings") and kind.__dataclass_params__.frozen:
                name = prefix if attribute == "SETTINGS" else f"{prefix}.{attribute.lower()}"
                found[name] = value
    return found


# when several checks flag one span, the most specific one speaks for all
SPECIFICITY = ("glossary", "tags", "verbatim", "literal", "pinyin", "untranslated", "numbers",
               "negation", "sense", "omission", "consistency", "repetition", "punctuation",
               "weak")


def run_checks(context: CheckContext, names: list[str]) -> list[Flag]:
    """Run the named checks, calibrate each flag's confidence, and keep one finding per
    problem; flags come out in document order, then by check order."""
    from .calibration import calibrated

    _load_all()
    flags = one_per_problem(calibrated([flag for name in names for flag in CHECKS[name](context)]))
    order = {name: k for k, name in enumerate(CHECKS)}
    return sorted(flags, key=lambda f: (f.bead, order[f.check]))


def one_per_problem(flags: list[Flag]) -> list[Flag]:
    """Flags on the same span of one pair fold into the most specific one: its message lists
    the others, its confidence is the highest of them. A finding with several places
    (inconsistent renderings) stands on its own."""
    rank = {name: k for k, name in enumerate(SPECIFICITY)}
    kept: list[Flag] = []
    for flag in sorted(flags, key=lambda f: (f.bead, rank.get(f.check, len(rank)))):
        host = next((k for k, other in enumerate(kept) if other.bead == flag.bead
                     and not flag.places and not other.places and _same_span(other, flag)), None)
        if host is None:
            kept.append(flag)
            continue
        other = kept[host]
        # one "(also check: ...)" per check: a second finding of it says nothing new
        also = "" if flag.check == other.check or f"(also {flag.check}:" in other.message \
            else f" (also {flag.check}: {flag.message.split(' (also ')[0]})"
        kept[host] = replace(other, confidence=max(other.confidence, flag.confidence),
                             message=other.message + also)
    return kept


def _same_span(a: Flag, b: Flag) -> bool:
    def overlap(x: tuple[int, int] | None, y: tuple[int, int] | None) -> bool:
        return x is not None and y is not None and x[0] < y[1] and y[0] < x[1]

    if overlap(a.target_offsets, b.target_offsets) or overlap(a.source_offsets, b.source_offsets):
        return True
    located = a.target_offsets is not None and b.target_offsets is not None
    return not located and bool(a.tgt_span) and a.tgt_span == b.tgt_span
