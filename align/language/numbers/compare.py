"""Comparing quantities: a text's quantities in either language (ranges joined), the units of
a measure and their conversion, and `match`, which pairs two sides' quantities.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from .quantity import Quantity
from .chinese import _APPROX_AFTER, _tenths, _zh
from .english import _english

_RANGE = regex.compile(r"\s*(?:至|到|-|–|—|~|～|to|and|or)\s*$", regex.I)


def _ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """"12 to 14 million", 1200至1400万: the first number takes the scale of the second;
    "10 to 20 percent", 一至两成 (one to two tenths): it is a share as the second is, and
    百分之十至二十: the second is a share as the first is."""
    out = list(found)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if not _RANGE.match(text[a.end:b.start]):
            continue
        if a.scale == 1 and b.scale != 1 and a.kind == b.kind == "cardinal":
            out[k] = replace(a, value=a.value * b.scale, scale=b.scale)
        elif a.kind == "cardinal" and b.kind == "percent" and a.scale == 1:
            tenths = b.text.endswith("成") and a.value < 10
            out[k] = replace(a, value=_tenths(a.value) if tenths else a.value, kind="percent",
                             soft=b.soft)
        elif a.kind == "percent" and b.kind == "cardinal" and a.text.startswith("百分之"):
            out[k + 1] = replace(b, kind="percent", soft=a.soft)
    return out


# units of length, weight and area, Chinese and English, as (dimension, size in metres,
# kilograms or square metres): a translator converts 二十公里 to "twelve miles" and 一米九 to
# "six feet"
_ZH_MEASURES = {"平方公里": ("m2", 1e6), "平方米": ("m2", 1.0), "公里": ("m", 1e3), "千米": ("m", 1e3),
                "厘米": ("m", 0.01), "毫米": ("m", 0.001), "米": ("m", 1.0), "里": ("m", 500.0),
                "丈": ("m", 10 / 3), "尺": ("m", 1 / 3), "寸": ("m", 1 / 30), "公斤": ("kg", 1.0),
                "千克": ("kg", 1.0), "斤": ("kg", 0.5), "吨": ("kg", 1e3), "亩": ("m2", 666.7)}
_EN_MEASURES = {"square kilometre": ("m2", 1e6), "square kilometer": ("m2", 1e6),
                "square mile": ("m2", 2.59e6), "square metre": ("m2", 1.0),
                "square meter": ("m2", 1.0), "square feet": ("m2", 0.0929),
                "square foot": ("m2", 0.0929), "acre": ("m2", 4047.0), "hectare": ("m2", 1e4),
                "kilometre": ("m", 1e3), "kilometer": ("m", 1e3), "km": ("m", 1e3),
                "metre": ("m", 1.0), "meter": ("m", 1.0), "m": ("m", 1.0), "mile": ("m", 1609.3),
                "yard": ("m", 0.9144), "feet": ("m", 0.3048), "foot": ("m", 0.3048),
                "ft": ("m", 0.3048), "inch": ("m", 0.0254), "inches": ("m", 0.0254),
                "centimetre": ("m", 0.01), "centimeter": ("m", 0.01), "cm": ("m", 0.01),
                "kilogram": ("kg", 1.0), "kilo": ("kg", 1.0), "kg": ("kg", 1.0),
                "pound": ("kg", 0.4536), "lb": ("kg", 0.4536), "ton": ("kg", 1e3),
                "tonne": ("kg", 1e3)}
# the unit after a number, past its scale word ("1 million tonnes": the value has the scale)
_EN_MEASURE = regex.compile(r"[\s-]*(?:(?:hundred|thousand|million|billion|trillion)[\s-]+)?("
                            + "|".join(sorted(map(regex.escape, _EN_MEASURES), key=len,
                                              reverse=True)) + r")s?\b", regex.I)


_EN_RANGE_TAIL = regex.compile(r"\s*(?:to|or|-|–)\s*(?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?)(?=\s)",
                               regex.I)


def unit_of(text: str, q: Quantity, lang: str) -> str:
    """The unit written after (or inside: 一米九) a quantity, as written, or ''."""
    if lang == "zh":
        inside = next((u for u in _ZH_MEASURES if u in q.text), None)
        at = q.end + (text[q.end:q.end + 1] in _APPROX_AFTER)  # 二十多里: about twenty li
        return inside or next((u for u in _ZH_MEASURES if text.startswith(u, at)), "")
    m = _EN_MEASURE.match(text, q.end)
    if m is None:  # the first end of a range takes the unit of the second: "150 or 160 miles"
        tail = _EN_RANGE_TAIL.match(text, q.end)
        m = _EN_MEASURE.match(text, tail.end()) if tail else None
    return m.group(1) if m else ""


def measure(text: str, q: Quantity, lang: str) -> tuple[str, float] | None:
    """The quantity as a measure: (dimension, size in metres, kilograms or square metres),
    from its unit (`unit_of`), or None."""
    unit = unit_of(text, q, lang)
    if not unit:
        return None
    dimension, size = (_ZH_MEASURES[unit] if lang == "zh" else _EN_MEASURES[unit.lower()])
    return dimension, q.value * size


def converted(source: str, q_src: Quantity, target: str, q_tgt: Quantity,
              tolerance: float = 0.1) -> bool:
    """Whether the target renders the source's measure in another unit, rounded (二十公里 →
    "twelve miles": 20 km is 12.4 miles), within `tolerance` of the larger."""
    a, b = measure(source, q_src, "zh"), measure(target, q_tgt, "en")
    if a is None or b is None or a[0] != b[0] or max(a[1], b[1]) <= 0:
        return False
    return abs(a[1] - b[1]) <= tolerance * max(a[1], b[1])


def quantities(text: str, lang: str) -> list[Quantity]:
    """Every number-like value in a text, with its span, in order."""
    return list(_quantities(text, lang))


@lru_cache(maxsize=4096)  # the term alignment and the number check read the same pairs
def _quantities(text: str, lang: str) -> tuple[Quantity, ...]:
    found = _zh(text) if lang == "zh" else _english(text)
    return tuple(_ranges(text, sorted(found, key=lambda q: q.start)))


def same_share(a: Quantity, b: Quantity) -> bool:
    """A percentage and the share it stands for: 百分之五十 and "half", 25% and "a quarter"."""
    return any(p.kind == "percent" and q.kind != "percent" and abs(p.value / 100 - q.value) < 1e-9
               for p, q in ((a, b), (b, a)))


def numbers_in(text: str, lang: str) -> list[float]:
    """Values of the firm quantities (what the aligner's lexical signal compares)."""
    return [q.value for q in quantities(text, lang) if not q.soft]


@dataclass(frozen=True)
class Matching:
    pairs: tuple[tuple[Quantity, Quantity], ...]  # (source, target) rendering each other
    source_left: tuple[Quantity, ...]
    target_left: tuple[Quantity, ...]


def match(source: list[Quantity], target: list[Quantity]) -> Matching:
    """Pair quantities that share a value, firm ones first, in order; the rest is left."""
    pairs: list[tuple[Quantity, Quantity]] = []
    used: set[int] = set()
    left: list[Quantity] = []
    for q in sorted(source, key=lambda q: (q.soft, q.start)):
        for k, t in enumerate(target):
            if k not in used and q.values & t.values:
                used.add(k)
                pairs.append((q, t))
                break
        else:
            left.append(q)
    return Matching(tuple(sorted(pairs, key=lambda p: p[0].start)),
                    tuple(sorted(left, key=lambda q: q.start)),
                    tuple(t for k, t in enumerate(target) if k not in used))
