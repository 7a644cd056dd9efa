"""Numbers and dates: a value on one side of a pair that the other side does not render.

五 vs "four" is a change; 2018年11月5日 = "November 5, 2018", 第二次 = "second time",
50万 = "half a million" are not. Numbers inside words (三维, 十四五) and vague ones (几十,
一两个) never count as missing, and an English number that any reading of a Chinese numeral
gives (九二共识 → "1992 Consensus") never counts as added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

import regex

from ..language.numbers import (Quantity, converted, corrected, in_idiom, list_marker, match,
                                measure, quantities, same_share, unit_of)
from ..types import Flag, Pair, Severity
from . import CheckContext, register


@dataclass(frozen=True)
class NumberSettings:
    # a firm English number absent from the source is reported (minor: often a unit
    # conversion or an explanatory figure the translator added)
    report_added: bool = True
    # a value the target prints more often than the source: reported as "repeated?"
    report_repeated: bool = True
    # a count below this left unsaid (三个人 → the three names listed) is minor: often style
    small_count: float = 10
    # the same number in another unit is reported when the two amounts differ by more than
    # this share of the larger: 亩 as acres (6 times), 公里 as miles (1.6), 斤 as kilograms (2),
    # not "a five-yard hole" for 五六米 (a free rendering on MAC-Test, 24% apart at six metres)
    other_unit_tolerance: float = 0.3


SETTINGS = NumberSettings()

# kinds that can stand for one another when one side changed the value
_COMPARABLE = {"cardinal": "count", "range": "count", "percent": "percent", "year": "date",
               "month": "date", "day": "date", "decade": "date", "ordinal": "count"}


def _rendered_names(context: CheckContext, pair: Pair) -> list[tuple[int, int]]:
    """Source spans of the names the target spells out in pinyin: there the numeral is
    rendered, as a syllable. A name rendered by its English name may carry its number in
    English (第二次世界大战 "World War II", 十一届三中全会), and a count named with a place
    word (三省 linked to "Province" by a character's sense) is a count: both stay checked."""
    alignment = context.links(pair)
    return [(u.start, u.end) for k, u in enumerate(alignment.units)
            if u.name and (link := alignment.link_of(k)) is not None
            and link.evidence == "pinyin"]


@register("numbers")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for pair in context.matched:
        src = quantities(pair.source_text, "zh")
        tgt = quantities(pair.target_text, "en")
        matching = match(src, tgt)
        readings = frozenset().union(*(q.values for q in src)) if src else frozenset()
        written = frozenset().union(*(q.values for q in tgt)) if tgt else frozenset()
        # a value said twice in the source and once in the target (两名妇女 … 这两名妇女
        # → "two women … them") is coreference, not a loss
        unsaid = [q for q in matching.source_left if not (q.values & written)]
        # a day with its month left implied (9日 in a dispatch dated 10月9日) is "Oct. 9"
        implied_month = any(q.kind == "day" for q in src) and \
            not any(q.kind == "month" for q in src)
        # ...and 11月份 环比 is "from October": the month before is the one compared with
        base_months = {(q.value - 2) % 12 + 1 for q in src if q.kind == "month"} \
            if "环比" in pair.source_text else set()
        # an English idiom's number ("nineteen to the dozen") renders no figure of the source
        added = [q for q in matching.target_left if not q.soft and not (q.values & readings)
                 and not (q.kind == "month" and (implied_month or q.value in base_months))
                 and not in_idiom(pair.target_text, q)]
        # a measure converted to other units may be approximate in the source (二十多里
        # "more than 10 kilometers"), and a percentage may be said as the share it is
        # (不足五成 "less than half"): soft quantities are paired too
        for pairing in (partial(_conversions, pair), _shares):
            _drop_pairs(pairing(unsaid, added), unsaid, added)
        names = _rendered_names(context, pair) if any(not q.soft for q in unsaid) else []
        # a numeral inside a name the target spells out (方七 "Fang Qi") is part of the name
        # ...and a figure the speaker takes back (三十个，不对，四十个) may go unsaid
        missing = [q for q in unsaid if not q.soft
                   and not any(a <= q.start and q.end <= b for a, b in names)
                   and not corrected(pair.source_text, q, src)]
        _drop_pairs(_the_others(pair, missing, added), missing, added)
        _drop_pairs(_pair_up(missing, added, _rounded), missing, added)
        for q_src, q_tgt in _changes(missing, added):
            missing.remove(q_src)
            added.remove(q_tgt)
            money = q_src.money or q_tgt.money
            if _age(pair.source_text, q_src, q_tgt):
                flags.append(_flag(pair, "age", Severity.MINOR, q_src, q_tgt,
                                   f"source says {q_src.text}岁, target says {q_tgt.text}: "
                                   "traditional reckoning (虚岁) counts a year more; check "
                                   "which the translation means"))
                continue
            flags.append(_flag(pair, "changed", Severity.CRITICAL if money else Severity.MAJOR,
                               q_src, q_tgt, f"source says {_said(q_src)}, "
                               f"target says {_written(q_tgt)}" + (" (an amount of money)" if money else "")))
        for q in missing:
            if q.value == 0 and _NONE.search(pair.target_text):
                continue  # said as an absence, and no other figure stands for it
            # a small count left unsaid (三个人 → the three names listed) is often style;
            # a date, an amount, a percentage or a larger count is not
            small = q.kind in ("cardinal", "ordinal") and q.value < SETTINGS.small_count and not q.money
            flags.append(_flag(pair, "missing-count" if small else "missing",
                               Severity.MINOR if small else Severity.MAJOR, q, None,
                               f"number {_said(q)} is missing from the target"))
        # a round number or an idiomatic "two" with no source number left unsaid to stand
        # for is idiom; beside one (几个人 → "a dozen people") it may be that number changed
        unpaired_soft = any(q.soft and q.value != 1 for q in unsaid)  # 一 is mostly "a"
        for q in added if SETTINGS.report_added else ():
            # an ordinal that marks a list ("Second, ...") says 其次 or 再者 with a number
            if (_figure_of_speech(pair.target_text, q) and not unpaired_soft) or \
                    _plan_years(pair.target_text, q) or list_marker(pair.target_text, q):
                continue
            flags.append(_flag(pair, "added", Severity.MINOR, None, q,
                               f"number {q.text} in the target is not in the source"))
        if SETTINGS.report_repeated:
            flags.extend(_repeated(pair, src, tgt))
        flags.extend(_said_otherwise(pair, matching.pairs))
        flags.extend(_compared_otherwise(pair))
    return flags


# the period a change is measured against: 同比 against the same period a year before, 环比
# against the period just before (a month, a quarter)
_EN_YEAR_ON_YEAR = regex.compile(
    r"(?i)\byear[- ](?:on|over)[- ]year\b|\by-?o-?y\b|\bfrom (?:a|one) year (?:earlier|ago|before)\b"
    r"|\bfrom last year\b|\b(?:from|over|compared with|against) the same (?:period|month|quarter)"
    r" (?:of|in|a year|last year)")
_EN_PERIOD_ON_PERIOD = regex.compile(
    r"(?i)\b(?:month|quarter|week)[- ](?:on|over)[- ](?:month|quarter|week)\b|\b(?:mom|qoq)\b"
    r"|\bsequential(?:ly)?\b|\b(?:from|over|compared with|against) the (?:previous|prior|"
    r"preceding) (?:month|quarter|week|period)\b|\bfrom last (?:month|quarter|week)\b")
# the same period a year before, said in words (比上年, 去年同期): a 同比 of its own
_ZH_ON_LAST_YEAR = regex.compile(r"同比|[比较]上年|[比较]去年|去年同期|上年同期")


def _compared_otherwise(pair: Pair) -> list[Flag]:
    """A change measured against the wrong period: 环比 (on the period before) said "year on
    year", or 同比 (on the same period a year before) said "month on month"."""
    zh, en = pair.source_text, pair.target_text
    on_last_year = _ZH_ON_LAST_YEAR.search(zh) is not None
    if ("环比" in zh) == on_last_year or "环比" not in zh and "同比" not in zh:
        return []  # neither, or both: which English phrase renders which is not known
    wrong = _EN_YEAR_ON_YEAR if "环比" in zh else _EN_PERIOD_ON_PERIOD
    right = _EN_PERIOD_ON_PERIOD if "环比" in zh else _EN_YEAR_ON_YEAR
    found = wrong.search(en)
    if found is None or right.search(en):
        return []
    term = "环比" if "环比" in zh else "同比"
    at = zh.index(term)
    meaning = "on the period before (month on month, quarter on quarter)" if term == "环比" \
        else "on the same period a year before (year on year)"
    return [Flag("numbers", "locale/number", Severity.MAJOR, pair.index, pair.source_ids,
                 pair.target_ids, src_term=term, tgt_span=found.group(),
                 message=f'"{found.group()}": {term} compares {meaning}',
                 source_offsets=(at, at + 2), target_offsets=found.span(), kind="said-otherwise")]


# what a figure is, said around it: percentage points or a percentage; an hour of the
# morning or of the afternoon; below zero
_ZH_POINTS = regex.compile(r"\s*个?百分点")
_EN_POINTS = regex.compile(r"(?i)\s*(?:percentage|%|per\s*cent)?\s*points?\b|\s*pp\b")
_EN_PERCENT = regex.compile(r"(?i)\s*(?:%|per\s*cent\b|percent\b)(?!\s*(?:age\s+)?points?\b)")
_ZH_AFTERNOON = regex.compile(r"(?:下午|晚上|傍晚|晚间|夜里|夜间)\s*$")
_ZH_MORNING = regex.compile(r"(?:上午|早上|早晨|清晨|凌晨)\s*$")
_ZH_HOUR_AFTER = ("时", "点")
# a.m. or p.m. after the hour, its minutes between ("3:30 p.m.")
_EN_AM = regex.compile(r"(?i)(?::\d\d)?\s*a\.?\s?m\b\.?")
_EN_PM = regex.compile(r"(?i)(?::\d\d)?\s*p\.?\s?m\b\.?")
# below zero: 零下, or 负 before a temperature (负债, 背负, 正负 and 负2层 are no sign)
_ZH_BELOW_ZERO = regex.compile(r"零下\s*$|(?<![正背肩身抱欠])负\s*$")
_ZH_DEGREES = regex.compile(r"\s*(?:摄氏度|华氏度|度|℃|°)")
_EN_NEGATIVE = regex.compile(r"(?i)(?:[-−–]|\bminus\s+|\bnegative\s+)$")
_EN_BELOW_ZERO = regex.compile(r"(?i)[^.;]{0,30}?\b(?:below\s+(?:zero|freezing)|sub-?zero)\b")


def _said_otherwise(pair: Pair,
                    pairs: tuple[tuple[Quantity, Quantity], ...]) -> list[Flag]:
    """A figure rendered with its value but not with what it measures: 0.25个百分点 "0.25
    percent" (a percentage point is no percent), 下午5时 "5 a.m.", 零下5摄氏度 "5 degrees"."""
    zh, en = pair.source_text, pair.target_text
    flags = []
    for q_src, q_tgt in pairs:
        src_after, tgt_after = zh[q_src.end:], en[q_tgt.end:]
        src_before, tgt_before = zh[max(0, q_src.start - 4):q_src.start], en[:q_tgt.start]
        problem = ""
        if _ZH_POINTS.match(src_after) and _EN_PERCENT.match(tgt_after):
            problem = f"{q_src.text}个百分点 are percentage points, not a percentage"
        elif q_src.kind == "percent" and _EN_POINTS.match(tgt_after):
            problem = f"{q_src.text} is a percentage, not percentage points"
        elif src_after.startswith(_ZH_HOUR_AFTER) and q_src.value != 12 and (
                (_ZH_AFTERNOON.search(src_before) or 13 <= q_src.value <= 23)
                and _EN_AM.match(tgt_after)
                or _ZH_MORNING.search(src_before) and _EN_PM.match(tgt_after)):
            when = "morning" if _EN_PM.match(tgt_after) else "afternoon or evening"
            problem = f"the source's hour is in the {when}"
        elif _ZH_BELOW_ZERO.search(src_before) and _ZH_DEGREES.match(src_after) \
                and not _EN_NEGATIVE.search(tgt_before) and not _EN_BELOW_ZERO.match(tgt_after):
            sign = _ZH_BELOW_ZERO.search(src_before).group().strip()
            problem = f"the source says below zero ({sign}{q_src.text})"
        elif _per_hour(zh, q_src) and _EN_PER_SHORTER.match(tgt_after):
            problem = "时速 is a speed per hour"
        else:
            problem = _other_unit(zh, q_src, en, q_tgt)
        if problem:
            flags.append(_flag(pair, "said-otherwise", Severity.MAJOR, q_src, q_tgt,
                               f"{q_tgt.text}: {problem}"))
    return flags


_EN_PER_SHORTER = regex.compile(r"(?i)[\s-]*(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m)?"
                                r"\s*(?:per|an?|/)\s*(?:minute|min|second|sec|s)\b")
# units translators render loosely in a literary text (三十里 "thirty miles"): not judged
_LOOSE_UNITS = ("里", "丈", "尺", "寸")


def _per_hour(zh: str, q: Quantity) -> bool:
    """A speed given per hour just before the figure: 时速385公里, 时速达到350公里."""
    return "时速" in zh[max(0, q.start - 6):q.start]


def _other_unit(zh: str, q_src: Quantity, en: str, q_tgt: Quantity) -> str:
    """The value kept but the unit changed to another of the same kind (128万亩 "1.28 million
    acres", 20公里 "20 miles"), so the amount is wrong; '' when the units agree or convert."""
    shared = q_src.values & q_tgt.values  # a range (五六米) is judged at the value rendered
    q_src = replace(q_src, value=min(shared)) if shared else q_src
    a, b = measure(zh, q_src, "zh"), measure(en, q_tgt, "en")
    if a is None or b is None or a[0] != b[0] or unit_of(zh, q_src, "zh") in _LOOSE_UNITS or \
            converted(zh, q_src, en, q_tgt, tolerance=SETTINGS.other_unit_tolerance):
        return ""
    return (f"the source's unit is {unit_of(zh, q_src, 'zh')}, the target's "
            f"{unit_of(en, q_tgt, 'en')}: the same number is another amount")


# a zero said as an absence: 0比0 "a goalless draw", 零伤亡 "no casualties"
_NONE = regex.compile(r"(?i)\b(?:no(?!\.)|none|nil|nothing|zero|goalless|scoreless|without|neither)\b")
_ROUND_WORDS = regex.compile(r"(?i)(?:a\s+|an\s+)?(?:half|dozens?|hundreds?|thousands?|"
                           r"half-a-dozen|half\s+a\s+dozen)")
# a two of idiom: "a minute or two", "one or two", "you two", "those two", "the two of them"
_IDIOMATIC_TWO = regex.compile(r"(?i)\b(?:(?:a|an|one)\s+(?:\w+\s+)?or|you|those|these|we|us)\s+$")
_THE_TWO_OF = (regex.compile(r"(?i)\bthe\s+$"), regex.compile(r"(?i)\s+of\s+(?:us|you|them)\b"))


def _figure_of_speech(text: str, q: Quantity) -> bool:
    """A round number or an idiomatic "two" spelled out that the source does not have: in a
    free translation these are mostly idiom ("a minute or two", "you two", "half as tall",
    "talking nineteen to the dozen"), where "Nine people died" or a figure in digits that
    the source lacks is not."""
    if q.kind != "cardinal" or regex.search(r"\d", q.text):
        return False
    if _ROUND_WORDS.fullmatch(q.text):
        return True
    before = text[max(0, q.start - 24):q.start]
    the, of = _THE_TWO_OF
    return q.value == 2 and bool(_IDIOMATIC_TWO.search(before) or
                                 (the.search(before) and of.match(text, q.end)))


# the years a translator gives in brackets after a five-year plan: "the 14th Five-Year Plan
# (2021-2025)". The first two plans ran 1953-1962; from the third on, each plan N runs five
# years from 1966 + 5 (N - 3), after the 1963-1965 adjustment
_PLAN_YEARS = regex.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)\s+Five-Year\s+Plan(?:\s+period)?\s*"
                            r"\((\d{4})\s*[-–—]\s*(\d{4})\)")


def _plan_years(target: str, q: Quantity) -> bool:
    """A year of a five-year plan's own span, given after its name: an explanation of the
    term, not a number the source lacks. Another span ("(2019-2023)") is still added."""
    for m in _PLAN_YEARS.finditer(target):
        if m.start(2) <= q.start < m.end(3):
            first = 1966 + 5 * (int(m.group(1)) - 3)
            return int(m.group(1)) >= 3 and (int(m.group(2)), int(m.group(3))) == (first, first + 4)
    return False


def _drop_pairs(pairs: list[tuple[Quantity, Quantity]], missing: list[Quantity],
                added: list[Quantity]) -> None:
    """Take the paired numbers off both lists: they render each other."""
    for q_src, q_tgt in pairs:
        missing.remove(q_src)
        added.remove(q_tgt)


def _pair_up(missing: list[Quantity], added: list[Quantity],
             fits: Callable[[Quantity, Quantity], object]) -> list[tuple[Quantity, Quantity]]:
    """Pairs of a missing and an added number that `fits` joins, in order, each used once."""
    out, used = [], set()
    for q in missing:
        for k, t in enumerate(added):
            if k not in used and fits(q, t):
                used.add(k)
                out.append((q, t))
                break
    return out


def _changes(missing: list[Quantity], added: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Pairs of a missing and an added number of the same kind: a changed value."""
    return _pair_up(missing, added,
                    lambda q, t: _COMPARABLE.get(q.kind) == _COMPARABLE.get(t.kind))


def _conversions(pair: Pair, missing: list[Quantity],
                 added: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Pairs of a missing and an added number that are one measure in two units."""
    return _pair_up(missing, added,
                    lambda q, t: converted(pair.source_text, q, pair.target_text, t))


def _shares(missing: list[Quantity], added: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Pairs of a percentage and the share it stands for (不足五成 "less than half")."""
    return _pair_up(missing, added, same_share)


_OTHER_BEFORE = regex.compile(r"\bothers?\s*$", regex.I)  # "and the other three"
_OTHER_AFTER = regex.compile(r"\s*(?:others?|more)\b", regex.I)  # "and three others"


def _the_others(pair: Pair, missing: list[Quantity],
                added: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """李力世等四人 ("Li and three others", "Li and the other three"): 等 counts the one named
    before it, English counts the others."""
    text = pair.target_text

    def fits(q: Quantity, t: Quantity) -> bool:
        return pair.source_text.endswith("等", 0, q.start) and t.value == q.value - 1 and bool(
            _OTHER_BEFORE.search(text, max(0, t.start - 12), t.start) or
            _OTHER_AFTER.match(text, t.end))
    return _pair_up(missing, added, fits)


def _rounded(q: Quantity, t: Quantity) -> bool:
    """One value written to fewer decimals than the other (2.726 K for 2.7255 K): the same
    quantity rounded, not a changed one."""
    def decimals(text: str) -> int | None:
        found = regex.search(r"\d\.(\d+)", text)
        return len(found.group(1)) if found else (0 if regex.search(r"\d", text) else None)

    places = [decimals(q.text), decimals(t.text)]
    # both written with decimals: 12% for 12.5% may well be a slip, 2.73 for 2.7255 is not
    if None in places or min(places) < 1 or places[0] == places[1] or q.kind != t.kind:
        return False
    return abs(q.value - t.value) <= 0.5 * 10 ** -min(places) + 1e-12


def _age(source: str, q_src: Quantity, q_tgt: Quantity) -> bool:
    """An age one year apart (十四岁 → "his fifteenth birthday", 三岁 → "two years old")."""
    return source.startswith("岁", q_src.end) and abs(q_src.value - q_tgt.value) == 1


def _repeated(pair: Pair, src: list[Quantity], tgt: list[Quantity]) -> list[Flag]:
    """A firm value the target prints more often than the source has it (2021 twice)."""
    in_source = Counter(q.value for q in src)
    # a month said again where the source lets the day imply it ("BEIJING, Dec. 3 ... as of
    # Dec. 3" for 12月3日 ... 截至3日) is style, not a slip
    in_target = Counter(q.value for q in tgt if not q.soft and q.kind != "month")
    flags = []
    for value, count in in_target.items():
        if in_source[value] and count > in_source[value] and value >= 10:
            last = [q for q in tgt if q.value == value][-1]
            flags.append(_flag(pair, "repeated", Severity.MINOR, None, last,
                               f"number {last.text} is in the target {count} times but in the "
                               f"source {in_source[value]} time(s): repeated?"))
    return flags


def _flag(pair: Pair, kind: str, severity: Severity, q_src: Quantity | None,
          q_tgt: Quantity | None, message: str) -> Flag:
    return Flag("numbers", "locale/number", severity, pair.index, pair.source_ids,
                pair.target_ids, src_term=q_src.text if q_src else "",
                tgt_span=q_tgt.text if q_tgt else "",
                suggestion=_shown(q_src) if q_src else "", message=message,
                source_offsets=(q_src.start, q_src.end) if q_src else None,
                target_offsets=(q_tgt.start, q_tgt.end) if q_tgt else None, kind=kind)


def _plain(value: float) -> str:
    if value == int(value) and value >= 10000:
        return f"{value:,.0f}"
    shown = f"{value:.10g}"
    # never 5e-06: a reader writes 0.000005
    return f"{value:.12f}".rstrip("0").rstrip(".") if "e" in shown and abs(value) < 1 else shown


def _said(q: Quantity) -> str:
    """A source number as written, and its value where the writing is not the value."""
    shown = _shown(q)
    return q.text if shown.replace(",", "") == q.text.replace(",", "") else f"{q.text} ({shown})"


def _written(q: Quantity) -> str:
    """A target number as the message quotes it: with its % (the span stops before it)."""
    return f"{q.text}%" if q.kind == "percent" and q.text[-1:].isdigit() else q.text


def _shown(q: Quantity) -> str:
    """A value as a reader writes it: 百分之一 is 1%, 千分之三 0.3%, 百万分之五 5 ppm."""
    if q.kind == "percent":
        return f"{_plain(q.value)}%"
    if "分之" in q.text and 0 < q.value < 1:
        percent = float(f"{q.value * 100:.10g}")
        return f"{_plain(percent)}%" if percent >= 0.01 else f"{_plain(q.value * 1e6)} ppm"
    return _plain(q.value)
