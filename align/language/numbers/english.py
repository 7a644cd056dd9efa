"""English numbers: digits, number words ("half a million", "a second time"), ordinals,
months and fractions read as `Quantity`s; names with digits in them (COVID-19) are none.
"""

from __future__ import annotations

import regex

from .quantity import Quantity

# numbers that are part of a name: COVID-19, G60, F-22, 5G, 10G, SSC5, 4x4 (not RM476.5, 14th, 100x,
# 1980s, 500Mbps, 16-year-old)
_UNIT_WORDS = ("st|nd|rd|th|s|m|km|cm|mm|kg|g|mg|ml|mph|kmh|kph|Mbps|Gbps|kbps|Kbps|GB|MB|KB|TB|"
               "MW|kW|GW|W|MHz|GHz|Hz|ms|h|min|pm|am|bn|mn|k|sq|ft|m2|km2|mAh|kWh|V|A|l|L|MP|x|X|C|F|K|bp|bps")
# a code or a name glued to digits (G60, COVID-19, a phone's S60: money is S$60), not a word
# that modifies a number
# ("mid-1980s", "pre-2020", "top-10")
_LATIN_GLUE = regex.compile(r"(?<![\p{Latin}\d])(?!(?:RM|RMB|USD|EUR|CNY|GBP)\d)"
                            r"(?!(?i:mid|late|early|pre|post|over|under|top|some|about)-\d)"
                            r"\p{Latin}+-?\d+(?:\.\d+)?"
                            rf"|(?<![\d.,])\d+(?!(?:{_UNIT_WORDS})\b)\p{{Latin}}+\d*")
_EN_ARABIC = regex.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
                           r"(?:(st|nd|rd|th)\b|(s)\b|(?![\d,]\d))")
# what follows "a second" of time ("wait a second.", "a second or two", "a second later"),
# where "a second time", "a second wave" are ordinals
_TIME_SECOND = regex.compile(r"s?(?:\s*(?:[.,;:!?)\]\"'”’—–]|$)|\s+-\s|\s+(?:or|ago|later|before|after|to|"
                             r"too|longer|of|in|the|and(?!\s+(?:final|last|third|fourth|fifth)\b))\b)",
                             regex.I)
_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
# "the eighties" (八十年代), "in his thirties" (三十出头)
_EN_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
               "seventies": 70, "eighties": 80, "nineties": 90}
_EN_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NEXT = -2.0  # the value "next" / "following" stand for: a second one after the first
_EN_OTHER = {  # words that name a value: (value, soft)
    "next": (_NEXT, True), "following": (_NEXT, True),
    "half": (0.5, False), "twice": (2, False), "double": (2, True), "doubled": (2, True),
    "triple": (3, True), "tripled": (3, True), "dozen": (12, True), "decade": (10, True),
    "both": (2, True), "pair": (2, True), "couple": (2, True), "single": (1, True),
    "dozens": (12, True), "hundreds": (100, True), "thousands": (1e3, True),
    "millions": (1e6, True), "billions": (1e9, True), "tens": (10, True), "decades": (10, True),
    "once": (1, True), "thrice": (3, True),
    "halve": (0.5, True), "halved": (0.5, True), "halving": (0.5, True),
    "noon": (12, True), "midday": (12, True),  # 12时 "at noon"
}
# tens and units written as one word: "twentyone", "thirtyfive", "twentyfirst" (MAC-Test's
# human translation of 那一天我二十一岁: "That day I was twentyone")
_JOINED_TENS = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|"
                r"fifth|sixth|seventh|eighth|ninth)")
_JOINED = regex.compile(r"(?i)(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(\w+)")
_EN_WORD = regex.compile(r"\b(" + _JOINED_TENS + "|" + "|".join(sorted([*_EN_UNITS, *_EN_ORDINALS, *_EN_SCALES,
                                                    *_EN_DECADES,
                                                    *_EN_OTHER, "quarter", "quarters", "thirds",
                                                    "fifths", "tenths"], key=len, reverse=True))
                         + r")\b", regex.I)
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), 1)}
_MONTH_RE = regex.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) +
                          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")


def _english(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    glued: list[range] | None = None  # found at the first number: most sentences have none

    def inside_name(at: int) -> bool:
        nonlocal glued
        if glued is None:
            glued = [range(m.start(), m.end()) for m in _LATIN_GLUE.finditer(text)]
        return any(at in r for r in glued)

    for m in _EN_ARABIC.finditer(text):
        if inside_name(m.start()):
            continue
        value = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
        rest = text[m.end():m.end() + 12].lower()
        kind = "ordinal" if m.group(3) else "decade" if m.group(4) else "cardinal"
        scale = next((s for s in _EN_SCALES if regex.match(rf"[\s-]*{s}\b", rest)), None)  # 200-billion
        factor = _EN_SCALES[scale] if scale and kind == "cardinal" else 1.0
        value *= factor
        if regex.match(r"\s*(%|per\s*cent|percent)", rest):
            kind = "percent"
        money = text[max(0, m.start() - 3):m.start()].rstrip().endswith(("$", "¥", "€", "£", "RM", "S$", "HK$"))
        also = frozenset({value % 100}) if kind == "decade" else \
            frozenset({value * 1e6}) if _MEGA.match(rest) else \
            frozenset({value / 100}) if _BASIS_POINTS.match(rest) else frozenset()
        if kind == "cardinal" and 1000 <= value <= 2100 and "." not in m.group(0) and "," not in m.group(0):
            kind = "year"
        found.append(Quantity(value, m.group(0), m.start(), m.end(), kind, money=money, also=also,
                              scale=factor))
    for m in _MONTH_RE.finditer(text):
        name = m.group(1).lower()
        if name == "may" and not regex.match(r"\s+\d", text[m.end():]):
            continue  # the verb
        if len(name) <= 4 and name not in _MONTHS and not (
                regex.match(r"\s*\d", text[m.end():])
                or regex.search(r"\d(?:st|nd|rd|th)?(?:\s+of)?\s*$", text[:m.start()])):
            continue  # an abbreviation with no day or year beside it is a name: "Gu Jun"
        month = next(v for k, v in _MONTHS.items() if k.startswith(name[:3]))
        found.append(Quantity(float(month), m.group(0), m.start(), m.end(), "month"))
    points = _point_decimals(text)
    found.extend(points)
    found.extend(q for q in _english_words(text, found)
                 if not any(p.start <= q.start < p.end for p in points))
    found.sort(key=lambda q: q.start)
    return found


# a unit of a million: 5000万像素 is "a 50-megapixel camera", "50MP"
_MEGA = regex.compile(r"[\s-]*(?:mega(?:pixel|watt|ton|hertz|byte)|MP\b)", regex.I)
# a hundredth of a percentage point: 0.25个百分点 is "25 basis points"
_BASIS_POINTS = regex.compile(r"[\s-]*(?:basis[\s-]+points?\b|bps?\b)", regex.I)
_DIGIT_WORDS = tuple(w for w, v in _EN_UNITS.items() if v < 10)  # zero ... nine, in order
_EN_POINT = regex.compile(r"\b(" + "|".join(_DIGIT_WORDS) + r")\s+point((?:[\s-]+(?:"
                          + "|".join(_DIGIT_WORDS) + r"))+)\b", regex.I)


def _point_decimals(text: str) -> list[Quantity]:
    """A decimal spelled out: "one point five" = 1.5."""
    out = []
    for m in _EN_POINT.finditer(text):
        digits = "".join(str(_DIGIT_WORDS.index(w.lower())) for w in regex.findall(r"\p{L}+", m.group(2)))
        out.append(Quantity(float(f"{_DIGIT_WORDS.index(m.group(1).lower())}.{digits}"),
                            m.group(0), m.start(), m.end()))
    return out


def _english_words(text: str, digits: list[Quantity]) -> list[Quantity]:
    """Number words, compounds read as one ("twenty-five", "one hundred and twenty")."""
    out: list[Quantity] = []
    matches = list(_EN_WORD.finditer(text))
    k = 0
    while k < len(matches):
        m = matches[k]
        word = m.group(1).lower()
        if word == "half" and regex.match(r"\s+an?\s+(?:million|billion|thousand|hundred|dozen)\b",
                                           text[m.end():], regex.I):
            k += 1
            continue  # "half a million": read with the scale word
        joined = _JOINED.fullmatch(word)
        if joined and joined.group(2) in {**_EN_UNITS, **_EN_ORDINALS}:
            unit = joined.group(2)
            out.append(Quantity(float(_EN_UNITS[joined.group(1)] + _EN_UNITS.get(
                unit, _EN_ORDINALS.get(unit, 0))), m.group(0), m.start(), m.end(),
                "ordinal" if unit in _EN_ORDINALS else "cardinal"))
            k += 1
            continue
        fraction = _fraction(text, m)
        if fraction is not None:  # its numerator word was read on its own: "two" of two-thirds
            out = [q for q in out if q.end <= fraction.start]
            out.append(fraction)
            k += 1
            continue
        if word not in _EN_UNITS and word not in _EN_ORDINALS and word not in _EN_SCALES \
                and word not in _EN_OTHER and word not in _EN_DECADES:
            k += 1
            continue  # "quarter" alone is a season of the year, not a number
        if word in _EN_DECADES:
            value = float(_EN_DECADES[word])
            out.append(Quantity(value, m.group(0), m.start(), m.end(), "decade",
                                also=frozenset({1900 + value})))
            k += 1
            continue
        if word in _EN_OTHER:
            value, soft = _EN_OTHER[word]
            out.append(Quantity(float(value), m.group(0), m.start(), m.end(), "cardinal", soft=soft))
            k += 1
            continue
        if word in _EN_ORDINALS:
            if word == "second" and (_TIME_SECOND.match(text, m.end()) and regex.search(
                    r"\b(a|one|split)\s+$", text[:m.start()], regex.I)
                    or regex.search(r"\bper\s+$", text[:m.start()], regex.I)):
                k += 1
                continue  # a second of time
            out.append(Quantity(float(_EN_ORDINALS[word]), m.group(0), m.start(), m.end(),
                                "ordinal", soft=word == "first"))
            k += 1
            continue
        if word in _EN_SCALES and any(0 <= m.start() - q.end <= 1 for q in digits):
            k += 1
            continue  # "3 million": scaled with its digits already
        # a run of number words: twenty-five, one hundred and twenty, half a million
        total, current, end, j, kind = 0.0, 0.0, m.end(), k, "cardinal"
        lead = 0.0  # the number its first scale word multiplies: 3 of "three hundred thousand"
        while j < len(matches):
            w = matches[j].group(1).lower()
            if j > k and not regex.fullmatch(r"[\s-]*(?:and\s+)?", text[end:matches[j].start()]):
                break
            if j > k and matches[j].group(1)[:1].isupper() and text[m.start()].islower():
                break  # "two Eight Immortals tables": a capitalised word starts a name
            if w in _EN_ORDINALS and j > k:  # twenty-first, one hundred and fifth
                if not _continues_ordinal(matches[j - 1].group(1).lower(), w):
                    break  # "one second", "two third": two words, not 3 and 5
                current += _EN_ORDINALS[w]
                end, j, kind = matches[j].end(), j + 1, "ordinal"
                break
            if w in _EN_UNITS:
                if j > k and not _continues_number(matches[j - 1].group(1).lower(), w):
                    break  # "the four fourteen-year-olds": two numbers side by side
                current += _EN_UNITS[w]
            elif w == "hundred":
                lead = lead or current or 1
                current = (current or 1) * 100
            elif w in _EN_SCALES:
                lead = lead or current or 1
                total += (current or 1) * _EN_SCALES[w]
                current = 0.0
            else:
                break
            end = matches[j].end()
            j += 1
        value = total + current
        if j == k:
            j = k + 1
        half = regex.search(r"half\s+an?\s+$", text[:m.start()], regex.I)
        if half and word in _EN_SCALES:
            value = 0.5 * _EN_SCALES[word]
        soft = word == "one" and j == k + 1
        if kind == "cardinal" and _WORD_PERCENT.match(text, end):
            kind = "percent"  # "fifty percent" is a share as "50%" is
        out.append(Quantity(value, text[m.start():end], m.start(), end, kind, soft=soft,
                            # the scale a range's first end takes: "two or three hundred
                            # thousand" is 200,000 to 300,000
                            scale=value / lead if lead and kind == "cardinal" else 1.0))
        k = j
    return out


_WORD_PERCENT = regex.compile(r"\s*(?:percent|per\s*cent)\b", regex.I)


def _continues_number(previous: str, word: str) -> bool:
    """Whether a units word carries on the number word before it: "twenty-five", "hundred
    and five", "million two", not "four fourteen"."""
    if previous == "hundred" or previous in _EN_SCALES:
        return True
    tens = _EN_UNITS.get(previous, 0)
    return tens >= 20 and tens % 10 == 0 and _EN_UNITS[word] < 10


def _continues_ordinal(previous: str, word: str) -> bool:
    """Whether an ordinal ends the number word before it: "twenty-first", "hundred and fifth",
    not "one second"."""
    if previous == "hundred" or previous in _EN_SCALES:
        return True
    tens = _EN_UNITS.get(previous, 0)
    return tens >= 20 and tens % 10 == 0 and _EN_ORDINALS[word] < 10


# what follows a fraction word used as a part: "a third of", "by a third.", "a third more"
# (not a hyphen that makes it an ordinal: "a third-party agency")
_PART_AFTER = regex.compile(r"\s*(?:of\b|(?!-\w)[^\w\s]|$)|\s+(?:more|less|fewer|larger|smaller|higher|"
                           r"lower|bigger|longer|shorter|cheaper|faster|slower)\b", regex.I)
_PERIODS_BEFORE = regex.compile(r"\b(?:first|last|past|next|previous|coming|following|final|"
                                r"consecutive|straight)\s+$", regex.I)
_OF_A_YEAR = regex.compile(r"\s+of\s+(?:(?:the|this|last|next|that)\s+)?(?:(?:fiscal|financial)\s+)?"
                           r"(?:year|\d{4})\b", regex.I)
_FRACTION_HEAD = regex.compile(r"\b(a|an|one|two|three|four)[\s-]+$", regex.I)
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}


def _fraction(text: str, m: regex.Match) -> Quantity | None:
    """"one third", "two-thirds", "a quarter" as values (1/3, 2/3, 1/4)."""
    word = m.group(1).lower()
    head = _FRACTION_HEAD.search(text[:m.start()])
    if word not in _DENOMINATORS or word == "half" or not head:
        return None
    if word.startswith(("quarter", "fourth")) and not regex.match(r"\s+of\b", text[m.end():]) \
            and not head.group().endswith("-"):
        return None  # "two quarters": half a year, not 2/4; "three-quarters white" is 3/4
    if word.startswith("quarter") and _PERIODS_BEFORE.search(text[:head.start()]) and \
            _OF_A_YEAR.match(text, m.end()):
        return None  # "the first three quarters of this year": nine months, not 3/4
    if not word.endswith("s") and not _PART_AFTER.match(text, m.end()):
        return None  # "a third stage": an ordinal; "a third of", "cut by a third." are parts
    numerator = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}[head.group(1).lower()]
    return Quantity(numerator / _DENOMINATORS[word], text[head.start():m.end()], head.start(), m.end())
