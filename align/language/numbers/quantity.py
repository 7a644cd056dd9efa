"""Numbers stage, the value itself: a `Quantity` found in a text, with its span, its kind and
the other values that render it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quantity:
    value: float
    text: str  # as written
    start: int
    end: int
    kind: str = "cardinal"  # cardinal | ordinal | percent | year | month | day | decade | range
    soft: bool = False  # vague or inside a word: may go unrendered in a correct translation
    money: bool = False
    also: frozenset[float] = field(default_factory=frozenset)  # other values that render it
    scale: float = 1.0  # the scale word written with it (万, million): 1 when none

    @property
    def values(self) -> frozenset[float]:
        # compared to 10 significant digits: 1.1亿 is 110 million, float rounding aside
        return frozenset(float(f"{v:.10g}") for v in (self.also | {self.value}))
