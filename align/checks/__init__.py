"""Checking stage: aligned pairs → `Flag`s, one independent check per module.

A check is a function `(context) -> list[Flag]` registered by name in `CHECKS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ..errors import AlignError
from ..types import Flag, GlossaryEntry, Pair, Sentence


@dataclass
class CheckContext:
    """What every check may look at: the pairs, both documents, and an optional glossary."""

    pairs: list[Pair]
    source: list[Sentence]
    target: list[Sentence]
    glossary: list[GlossaryEntry] | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def matched(self) -> list[Pair]:
        return [p for p in self.pairs if p.source_ids and p.target_ids]

    @cached_property
    def similarities(self) -> np.ndarray:
        return np.array([p.bead.similarity or 0.0 for p in self.matched])

    @cached_property
    def full_target(self) -> str:
        return " ".join(s.text for s in self.target)


Check = Callable[[CheckContext], list[Flag]]
CHECKS: dict[str, Check] = {}


def register(name: str) -> Callable[[Check], Check]:
    def add(check: Check) -> Check:
        CHECKS[name] = check
        return check
    return add


def _load_all() -> None:
    # importing registers; one line per check
    from . import glossary, literal, numbers, omission, pinyin, repetition, weak  # noqa: F401


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
