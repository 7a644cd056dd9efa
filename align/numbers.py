"""Numbers, dates and percentages in Chinese and English text, as comparable values.

2018年11月5日 and "November 5, 2018" both give {2018, 11, 5}; 五个 and "five" both give 5.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# a Chinese numeral counts as a quantity only before a unit or classifier (一体化 is no number)
_ZH_UNITS = "个年月日号时点分秒岁项次名家位条件种类批座所省市区县国人元倍户套台辆架艘场届期季度周天米里吨斤城大项只张本篇部万亿千百%％"
_ZH_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_ZH_NUMERAL = regex.compile(rf"百分之([{_ZH_DIGITS}]+)|(第)?([{_ZH_DIGITS}]+)(?=[{_ZH_UNITS}])")
_ARABIC = regex.compile(r"(?<![\p{Latin}\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d])")
_EN_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9,
    "dozen": 12,
}  # ordinals are left out: "Second, ..." renders 二是, which is no quantity
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), 1)}
_MONTH_RE = regex.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) +
                          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=\s+\d)")
_EN_WORD_RE = regex.compile(r"\b(" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) +
                            r")(?:-(one|two|three|four|five|six|seven|eight|nine))?\b", regex.I)
_SCALE = {"万": 1e4, "亿": 1e8, "million": 1e6, "billion": 1e9, "thousand": 1e3}


@dataclass(frozen=True)
class Quantity:
    value: float
    text: str  # as written
    start: int
    end: int


def _zh_value(numeral: str) -> float | None:
    import cn2an

    if numeral in ("一", "两") or numeral.startswith(("一一", "二二")):
        return 2.0 if numeral == "两" else None  # bare 一 is "a"/"one": too vague to compare
    try:
        return float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        # digit strings such as 二〇一八 read digit by digit
        digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
        if all(c in digits or c == "零" for c in numeral):
            return float("".join(str(digits.get(c, 0)) for c in numeral))
        return None


def quantities(text: str, lang: str) -> list[Quantity]:
    """Every number-like value in a text, with its span."""
    found: list[Quantity] = []
    for m in _ARABIC.finditer(text):
        whole = m.group(1).replace(",", "")
        value = float(whole + ("." + m.group(2) if m.group(2) else ""))
        end = m.end()
        rest = text[end:end + 8]
        scale = next((s for s in _SCALE if rest.lstrip().lower().startswith(s)), None)
        if scale and lang == "zh" and rest.startswith(scale):
            value *= _SCALE[scale]
        elif scale and lang == "en" and scale in ("million", "billion", "thousand"):
            value *= _SCALE[scale]
        found.append(Quantity(value, m.group(0), m.start(), end))
    if lang == "zh":
        for m in _ZH_NUMERAL.finditer(text):
            numeral = m.group(1) or m.group(3)
            value = _zh_value(numeral)
            if value is not None and value != 0:
                found.append(Quantity(value, m.group(0), m.start(), m.end()))
    else:
        for m in _MONTH_RE.finditer(text):
            name = m.group(1).lower()
            month = next(v for k, v in _MONTHS.items() if k.startswith(name[:3]))
            found.append(Quantity(float(month), m.group(0), m.start(), m.end()))
        for m in _EN_WORD_RE.finditer(text):
            word = m.group(1).lower()
            value = float(_EN_WORDS[word])
            if m.group(2):
                value += _EN_WORDS.get(m.group(2).lower(), 1 if m.group(2) == "one" else 0)
            if word in ("million", "billion", "thousand", "hundred") and \
                    any(0 <= m.start() - q.end <= 1 for q in found):
                continue  # "3 million" was already scaled above
            found.append(Quantity(value, m.group(0), m.start(), m.end()))
    found.sort(key=lambda q: q.start)
    return found


def numbers_in(text: str, lang: str) -> list[float]:
    return [q.value for q in quantities(text, lang)]
