"""Checking stage: aligned pairs → `Flag`s, one independent check per module.

A check is a function `(context) -> list[Flag]` registered by name in `CHECKS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ..errors import AlignError
from ..english import Token, tokens
from ..terms import TermHit, dictionary_terms, literal_spans
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
    def source_terms(self, pair: Pair) -> list[TermHit]:
        key = ("terms", pair.index)
        if key not in self._cache:
            self._cache[key] = dictionary_terms(pair.source_text)
        return self._cache[key]

    def target_tokens(self, pair: Pair) -> list[Token]:
        key = ("tokens", pair.index)
        if key not in self._cache:
            self._cache[key] = tokens(pair.target_text)
        return self._cache[key]

    def literal_spans(self, pair: Pair, term: str) -> list[tuple[int, int]]:
        key = ("literal", pair.index, term)
        if key not in self._cache:
            self._cache[key] = literal_spans(term, self.target_tokens(pair))
        return self._cache[key]


# flags whose calibrated confidence (the share of such flags that were real errors on the
# MQM news development set) is below this are hidden by default
DEFAULT_MIN_CONFIDENCE = 0.0

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
        consistency, glossary, literal, numbers, omission, pinyin, repetition, sense, weak)


def select_checks(only: tuple[str, ...] | None, skip: tuple[str, ...] = ()) -> list[str]:
    _load_all()
    for name in (*(only or ()), *skip):
        if name not in CHECKS:
            raise AlignError(f"unknown check {name!r}; checks are: {', '.join(CHECKS)}")
    return [name for name in CHECKS if (only is None or name in only) and name not in skip]


def run_checks(context: CheckContext, names: list[str]) -> list[Flag]:
    """Run the named checks; flags come out in document order, then by check order."""
    _load_all()
    flags = [flag for name in names for flag in CHECKS[name](context)]
    order = {name: k for k, name in enumerate(CHECKS)}
    return sorted(flags, key=lambda f: (f.bead, order[f.check]))
