"""Chinese numerals: 2018年11月5日, 50万, 十余年, 第二次, 一两个 read as `Quantity`s, with the
words around a numeral that make it vague, part of a word, or no number at all.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from .. import lexicon
from ..memo import remembered
from .quantity import Quantity
from .english import _NEXT, _UNIT_WORDS, _english

_DIGITS = "零〇一二两三四五六七八九"
_NUMERAL_CHARS = _DIGITS + "十百千万亿"
# a Chinese numeral counts as a quantity before a unit or classifier (一体化 is no number)
_UNITS = ("个年月日号时点分秒岁项次名家位条件种类批座所省市区县国人元倍户套台辆架艘场届期"
          "季度周天米里吨斤只张本篇部层级股份笔口头匹棵株支枚颗首幅间栋楼处例起宗轮代辈"
          "英公千克升斤亩寸尺码")
_ZH_NUMERAL = regex.compile(rf"[{_NUMERAL_CHARS}]+")
# 千 and 百 that begin a unit, not a scale: 5千克 is 5 kg, 3千米 3 km, 960百帕 960 hPa, and 百分
# begins 百分点 (0.5百分点); 一百米 is 100 m, so 百 begins no other unit
_KILO_UNITS = "克米瓦帕伏卡焦"
_HECTO_UNITS = "帕分"
_ZH_ARABIC = regex.compile(r"(?<![\p{Latin}\d.])(?<!\p{Latin}-)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
                           rf"(?!\d|\.\d|(?!(?:{_UNIT_WORDS})(?![\p{{Latin}}\d]))\p{{Latin}})"
                           rf"(\s*[余多]?(?:万亿|千亿|百亿|千万|百万|[万亿]|千(?![{_KILO_UNITS}])"
                           rf"|百(?![{_HECTO_UNITS}])))?"
                           r"(\s*[%％])?")
_SCALES = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8}
# two scales read as one number, the smaller first: 百万 a million, 万亿 a trillion (千百年,
# 万千 and 亿万 are "countless")
_COMPOUND_SCALES = ("百万", "千万", "百亿", "千亿", "万亿")
# 一点五 (1.5); not 九点五十分 (a time) nor 一点一点 (bit by bit)
_ZH_DECIMAL = regex.compile(rf"([{_NUMERAL_CHARS}]+)点([〇零一二三四五六七八九]+)(?![十分钟半刻点滴{_NUMERAL_CHARS}])")
_ZH_MEASURE = regex.compile(rf"([{_NUMERAL_CHARS}]+)(米|块|元|斤|尺)([一二三四五六七八九])(?![{_NUMERAL_CHARS}个])")
# 两国, 两岸, 两会: a pair often rendered by naming both ("China and the US"), not by "two"
_PAIRED = "国岸会地市省党军院方边"
# ...and so are two people named just before (父子二人 "father and son", 他们两人 "they") or
# opening a clause as its subject (两人又沉默了 "they fell silent", “两位请进” "come in"),
# where a count inside a clause (事故造成两人死亡) is a figure to render
_PAIR_NAMED = regex.compile(r"(?:^|[，。；：！？、“”「」\"—…\s]|父子|母子|母女|父女|夫妻|夫妇|兄弟|姐妹|"
                            r"兄妹|姐弟|师徒|师生|祖孙|爷孙|婆媳|叔侄|主仆|他们|她们|我们|你们|咱们|"
                            r"你我|这|那|我|你|您|他|她)$")
_ZH_PAIR = regex.compile(r"[双俩仨半]")
# a circle typed for 〇 (一九六○年) beside a Chinese digit; alone, ○ blanks out a name (李○○)
_LOOKALIKE_ZERO = regex.compile(r"(?<=[〇零一二三四五六七八九])[○◯]+|[○◯]+(?=[〇零一二三四五六七八九])")
# an "l" scanned for the digit 1: after a Chinese character and before a digit (l922年,
# 11月l3日), or after a digit and before a digit or a date word (201l年). "Model l3" and a
# litre (2l的可乐, 1.5l) stay letters
_LOOKALIKE_ONE = regex.compile(r"(?<=\p{Han})l(?=\d)|(?<=\d)l(?=\d|[年月日号])")
# body parts that come in pairs: 两只眼睛 is "his eyes", 两手 "her hands", with no "two"
_BODY_PAIR = regex.compile(r"[只条个]?(眼睛|手臂|手掌|脚掌|膝盖|腿弯子|胳膊|胳臂|耳朵|肩膀|眉毛|"
                           r"翅膀|膀子|眼|手|脚|腿|臂|耳|肩|腮|颊|鬓|眉|膝)")
# 他们两个都…, 咱们两个一齐儿走, 见了他两个 (他 for 他们 in older prose): "the two of them", said
# by the pronoun alone; and 贾蓉等两个
# "Jia Rong and another" (a larger count after 等, 张三等五人, is news to render). Only where
# no noun follows the count: 等两个小时 "wait two hours" and 等两位客人 are counts
_TWO_ALONE = regex.compile(r"[个人位](?:$|[都也一又就还便先同齐起常正，。！？、；：”」\s])")
_QUOTE_BEFORE = regex.compile(r"[”」』\"](?:这|那)?$")
# the lunar calendar's named months: 腊月 the twelfth, 正月 the first, 冬月 the eleventh
_LUNAR_MONTHS = {"腊月": 12.0, "正月": 1.0, "冬月": 11.0}
_LUNAR_MONTH = regex.compile("|".join(_LUNAR_MONTHS))
_GROWN_BY = regex.compile(r"(?:增加|增长|提高|提升|上升|上涨|扩大|延长|增多|翻|多)了?"
                          r"(?:近|约|将近|接近|超过|逾)?$")  # 延长了近一倍 "nearly twice as long"
_SHRUNK_BY = regex.compile(r"(?:放慢|减慢|降低|减少|缩小|缩短|下降|减|降)了?(?:近|约|将近|接近)?$")
_GROWN_BY_REACH = 6  # characters before the numeral it may take: 增加了将近 is five
_WEEKDAY_BEFORE = ("周", "星期", "礼拜")
_WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")
_COUNTED = ("次", "回", "遍", "趟", "个", "天", "年")  # 一周一次 "once a week", not Monday
_PLACE_AFTER = regex.compile(r"[里道][街巷村镇庄屯铺堡桥沟河坡湾店口]")
# words around a Chinese numeral that make it vague: 几十, 数百, 十余, 十多, 十来
_APPROX_BEFORE = ("几", "数", "上", "近")
_APPROX_AFTER = ("余", "多", "来", "几")
# a scale after the approximating word: 十多万, 一百来万, 十几亿 (not 五百多千米, a distance)
_APPROX_SCALE = regex.compile(r"[余多来几]((?:百万|千万|百亿|千亿|万亿|[万亿])|千(?![克米瓦帕伏卡焦])"
                              r"|百(?![帕分]))")
_MONEY_AFTER = ("元", "美元", "欧元", "英镑", "日元", "港元", "港币", "新元", "令吉", "卢布", "块")
_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _scale_value(scale: str) -> float:
    """万 10,000; 亿 100 million; a compound multiplies: 百亿 10 billion, 万亿 a trillion."""
    value = 1.0
    for c in scale:
        value *= _SCALES[c]
    return value


# an hour of the 24-hour clock (18时), or one said with 点 beside a time word (18点30分,
# 18点钟, 18点半): not the points of an index (沪指上涨15点)
_HOUR = regex.compile(r"时|点(?:钟|半|整|\d|[〇零一二三四五六七八九十]+分)")


def _clock_readings(value: float, after: str) -> frozenset[float]:
    """An hour of the 24-hour clock said on the 12-hour one: 18时 is "6 p.m."."""
    return frozenset({value - 12}) if 13 <= value <= 23 and _HOUR.match(after) else frozenset()


def _basis_points(value: float, after: str) -> frozenset[float]:
    """25个基点 is "0.25 percentage point": a basis point is a hundredth of one."""
    return frozenset({value / 100}) if after.startswith(("个基点", "基点")) else frozenset()


# a birth cohort: “95后” "those born after 1995", 00后 "the 2000s generation": two digits, a
# multiple of five, then 后 (not 后面, 后来; not a price 涨到50后)
_COHORT = regex.compile(r"[”\"」]?后(?![面来边方期续者])")
_NOT_COHORT_BEFORE = ("到", "至", "比", "涨", "跌", "为")


def _cohort(text: str, m: regex.Match) -> frozenset[float]:
    """The years a cohort written at `m` (an Arabic numeral match) stands for, or none."""
    digits = m.group(1)
    if len(m.group(0)) != 2 or len(digits) != 2 or int(digits) % 5 or \
            not _COHORT.match(text, m.end()) or text[:m.start()].endswith(_NOT_COHORT_BEFORE):
        return frozenset()
    year = (1900 if int(digits) >= 30 else 2000) + int(digits)
    return frozenset({year, year // 10 * 10})


def _digit_by_digit(numeral: str) -> str:
    """Chinese digits read one by one (二〇一八 → "2018", the 五 of 一点五 → "5")."""
    return "".join(str(_DIGIT_VALUE[c]) for c in numeral)


@remembered("zh_numeral_value")  # a document run again imports no cn2an (0.3 s)
@lru_cache(maxsize=20_000)  # cn2an takes 70 µs a numeral, and a book repeats them
def _zh_numeral_value(numeral: str) -> float | None:
    import cn2an

    if numeral in ("百", "千", "万", "亿"):  # 百人: a hundred people
        return _SCALES[numeral]
    if numeral in _COMPOUND_SCALES:
        return _scale_value(numeral)  # 超百亿元 "over 10 billion yuan"
    try:
        return float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        if all(c in _DIGIT_VALUE for c in numeral):  # 二〇一八 read digit by digit
            return float(_digit_by_digit(numeral))
        return None


def _digit(c: str) -> int | None:
    return 2 if c == "两" else _DIGIT_VALUE.get(c)


def _loose_pair(pair: str) -> bool:
    """Two digits said together as a loose range: consecutive ones (七八, 两三) or 三五 ("three
    to five", "a few")."""
    return _consecutive(pair) or pair == "三五"


def _consecutive(pair: str) -> bool:
    """Two digits, the second one more than the first, neither a zero: 七八, 五六 (a range),
    not 零一 (三百零一 is 301)."""
    a, b = (_digit(c) for c in pair)
    return a is not None and b is not None and a >= 1 and b == a + 1


_ITEM_SEPARATOR = regex.compile(r"、")  # 和, 与, 及 also sit inside words (及时)
_CLAUSE_START = regex.compile(r"[^，。；：！？“”「」]*$")


def _enumerated(text: str, start: int) -> int:
    """How many items the clause lists just before a count (宝钗、香菱、莺儿三个 → 3; 茅爷、
    韦爷两位 → 2): a count of the items just named may go unsaid ("这两天" aside, 0 when
    there is no list)."""
    clause = _CLAUSE_START.search(text, 0, start).group()
    items = _ITEM_SEPARATOR.split(clause)
    return len(items) if len(items) >= 2 and all(1 <= len(x) <= 8 for x in items) else 0


def _readings(numeral: str) -> frozenset[float]:
    """Every value a numeral run might be rendered by: the whole, each digit, adjacent pairs
    as a range (一两 one or two), and two-digit years (九二 → 1992, 八〇 → 1980)."""
    values: set[float] = set()
    whole = _zh_numeral_value(numeral)
    if whole is not None:
        values.add(whole)
        if 10 <= whole < 100 or (len(numeral) == 2 and numeral[0] in "零〇"):
            values.update({1900 + whole, 2000 + whole})  # 九二 1992, 零一年 2001
    for k, c in enumerate(numeral):
        v = _zh_numeral_value(c)
        if v is not None:
            values.add(v)
        if k and numeral[k - 1:k + 1] not in ("十万", "百万", "千万"):
            pair = _zh_numeral_value(numeral[k - 1:k + 1])
            if pair is not None:
                values.add(pair)
    for k in range(len(numeral) - 1):
        if len(numeral) >= 3 and _loose_pair(numeral[k:k + 2]):
            # two digits side by side are a range, each taking the place and the scale of
            # the pair: 七八十 70 to 80, 十五六 15 or 16, 一百五六十 150 or 160, 两三万
            # 20,000 or 30,000, 三千五六百 3,500 or 3,600
            for end in (numeral[:k + 1] + numeral[k + 2:], numeral[:k] + numeral[k + 1:]):
                value = _zh_numeral_value(end)
                if value is not None:
                    values.add(value)
    for cut in range(1, len(numeral)):  # 十四五 → 14 and 5
        head, tail = _zh_numeral_value(numeral[:cut]), _zh_numeral_value(numeral[cut:])
        if head is not None and tail is not None:
            values.update({head, tail})
    return frozenset(values)


@lru_cache(maxsize=20_000)
def _word_numbers(word: str) -> frozenset[float]:
    """Numbers a dictionary gloss of a word gives (九二共识 → 1992, 三维 → 3)."""
    found: set[float] = set()
    for sense in lexicon.senses(word)[:6]:
        for q in _english(sense):
            found.add(q.value)
    return frozenset(found)


_SECTION_NUMBER = regex.compile(r"\s*\d{1,3}\s*[.．、]\s*(?=\p{Han})")


def _zh(written: str) -> list[Quantity]:
    text = _LOOKALIKE_ZERO.sub(lambda m: "〇" * len(m.group()), written)  # offsets hold
    text = _LOOKALIKE_ONE.sub("1", text)
    found = _zh_read(text)
    if text == written:
        return found
    return [replace(q, text=written[q.start:q.end]) for q in found]  # shown as written


def _zh_read(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    taken = [False] * len(text)
    section = _SECTION_NUMBER.match(text)
    for m in _ZH_ARABIC.finditer(text):
        whole = m.group(1).replace(",", "")
        value = float(whole + ("." + m.group(2) if m.group(2) else ""))
        factor = _scale_value((m.group(3) or "").strip().lstrip("余多"))
        value *= factor
        scale = factor != 1
        after = text[m.end():m.end() + 3]
        kind = "percent" if m.group(4) else "cardinal"
        if after.startswith("年") and 1000 <= value <= 2100 and not scale:
            kind = "year"
        elif after.startswith("年代"):
            kind, value = "decade", value
        elif after.startswith("月"):
            kind = "month"
        elif after[:1] and after[:1] in "日号":
            kind = "day"
        cohort = _cohort(text, m)
        also = frozenset({1900 + value, 2000 + value}) if kind == "decade" and value < 100 else \
            _clock_readings(value, after) | cohort | _basis_points(value, after)
        if cohort:
            kind = "decade"
        money = after.startswith(_MONEY_AFTER) or (m.start() > 0 and text[m.start() - 1] in "$¥￥")
        # a bare 1 is often "a" or "an" in English: it may go unwritten; so may a heading's
        # section number (14.分娩, 10．老克腊), which a translation often drops
        numbering = section is not None and m.start() < section.end()
        found.append(Quantity(value, m.group(0), m.start(), m.end(), kind,
                              soft=value == 1 or numbering or bool(cohort), money=money, also=also,
                              scale=factor))
        taken[m.start():m.end()] = [True] * (m.end() - m.start())
    for m in _ZH_MEASURE.finditer(text):  # 一米九 = 1.9 m, 三块五 = 3.5
        whole, tenth = _zh_numeral_value(m.group(1)), _zh_numeral_value(m.group(3))
        if whole is not None and tenth is not None and not any(taken[m.start():m.end()]):
            found.append(Quantity(whole + tenth / 10, m.group(0), m.start(), m.end()))
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
    for m in _ZH_DECIMAL.finditer(text):  # 一点五公里 = 1.5 km (not 三点五十分, a time)
        whole = _zh_numeral_value(m.group(1))
        if whole is not None and not any(taken[m.start():m.end()]):
            found.append(Quantity(whole + float("0." + _digit_by_digit(m.group(2))),
                                  m.group(0), m.start(), m.end()))
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
    for m in _ZH_NUMERAL.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        q = _zh_numeral(text, m)
        if q is not None:
            found.append(q)
    for m in _LUNAR_MONTH.finditer(text):  # 腊月二十三 "the 23rd of the twelfth month"
        found.append(Quantity(_LUNAR_MONTHS[m.group()], m.group(), m.start(), m.end(), "month",
                              soft=True))
    for m in _ZH_PAIR.finditer(text):  # 双方 "the two sides", 一半 "half": readings only
        half = m.group() == "半"
        before = text[max(0, m.start() - 1):m.start()]
        # 半年 "six months"; 九点半 "9:30", half an hour; 下半场 "the second half"
        also = frozenset(v for v, said in ((6.0, text.startswith("年", m.end())),
                                           (30.0, before in ("点", "时")),
                                           (_HALF_ORDER.get(before), _ordered_half(text, m.start())))
                         if half and said)
        value = 0.5 if half else 3.0 if m.group() == "仨" else 2.0
        found.append(Quantity(value, m.group(), m.start(), m.end(), soft=True, also=also))
    return found


_HALF_ORDER = {"上": 1.0, "前": 1.0, "下": 2.0, "后": 2.0}  # 上半年 "the first half of the year"


def _ordered_half(text: str, at: int) -> bool:
    """半 at `at` opens a word that names a half by its order (下半场, 上半年, 后半生), as
    jieba cuts the text: not the 后 of 会后 before 半小时, nor the 上 of 天上 before 半明半暗."""
    if at == 0 or text[at - 1] not in _HALF_ORDER:
        return False
    start = 0
    for word, _ in lexicon.tagged_words(text):
        if start == at - 1:
            return len(word) > 2 and word[1] == "半"
        start += len(word)
        if start > at - 1:
            return False
    return False


def _zh_numeral(text: str, m: regex.Match) -> Quantity | None:
    numeral, start, end = m.group(), m.start(), m.end()
    if numeral[-1] == "千" and text[end:end + 1] in _KILO_UNITS or \
            numeral[-1] == "百" and text[end:end + 1] in _HECTO_UNITS:
        if len(numeral) == 1:
            return None  # the 千 of 千米 (a kilometre), the 百 of 960百帕
        numeral, end = numeral[:-1], end - 1  # 五千克 is 5 kg
    before, after = text[max(0, start - 3):start], text[end:end + 3]
    if before.endswith(_WEEKDAY_BEFORE) and numeral in _WEEKDAYS and not after.startswith(_COUNTED):
        return None  # 周三 is Wednesday, not 3; 一周两次 is "twice a week"
    if numeral == "亿" and len(before) >= 2 and before[-1] == "个" and before[-2] in _NUMERAL_CHARS:
        return None  # the scale of 三个亿, read with its numeral
    if _APPROX_SCALE.fullmatch(text, max(0, start - 1), end) and start >= 2 and \
            text[start - 2] in _NUMERAL_CHARS:
        return None  # the scale of 十多万, read with its numeral
    if after.startswith("分之") and numeral == "百":
        return None  # 百分之三十: read with the numeral after it
    readings = _readings(numeral)
    if len(numeral) == 1 and after.startswith("几年") and readings:
        # 九几年 "in the nineties", 八几年 "back in the eighties": a decade said loosely
        readings |= {10 * v for v in readings} | {1900 + 10 * v for v in readings}
    word = _containing_word(text, start, end)
    value = _zh_numeral_value(numeral) if before.endswith("百分之") else None
    if value is not None:  # 百分之七八十 has no one value: read below, as a range
        # 百分之百 said of a belief or a will (百分之百同意) is "absolutely", "totally"
        return Quantity(value, "百分之" + numeral, start - 3, end, "percent",
                        soft=numeral == "百")
    if after.startswith("分之"):
        denominator = _zh_numeral_value(numeral)
        numerator_m = _ZH_NUMERAL.match(text, end + 2)
        if denominator and numerator_m:
            numerator = _zh_numeral_value(numerator_m.group())
            if numerator is not None:
                return Quantity(numerator / denominator, text[start:numerator_m.end()], start,
                                numerator_m.end(), "cardinal")
        return None
    ordinal = before.endswith("第")
    two = numeral in ("两", "二")
    vague = before.endswith(_APPROX_BEFORE) or after.startswith(_APPROX_AFTER) or \
        numeral == "一" or (two and after[:1] in _PAIRED) or \
        (two and after[:1] in "人位" and (numeral == "二" or  # 二人, 二位: literary "the two"
                                          bool(_PAIR_NAMED.search(text, max(0, start - 2), start)))) \
        or (len(numeral) == 2 and _loose_pair(numeral)) \
        or (two and before.endswith("这") and after[:1] in "天日") \
        or (two and _body_pair(text, end)) \
        or (two and before.endswith(("们", "等", "他", "她")) and _TWO_ALONE.match(after) is not None) \
        or _enumerated(text, start) == _zh_numeral_value(numeral)
    scaled = _APPROX_SCALE.match(text, end)
    if scaled and readings:
        # 十多万 "over 100,000", 一百来万 "about a million", 三千多万 "over 30 million": the
        # scale after the approximating word still scales the numeral
        factor = _scale_value(scaled.group(1))
        return Quantity(min(readings) * factor if _zh_numeral_value(numeral) is None
                        else _zh_numeral_value(numeral) * factor,
                        text[start:scaled.end()], start, scaled.end(), "cardinal", soft=True,
                        money=text.startswith(_MONEY_AFTER, scaled.end()),
                        also=frozenset(v * factor for v in readings) | readings, scale=factor)
    if after.startswith("个亿") and not after.startswith("个亿万"):
        # 三个亿 "300 million", 一两个亿 "100 to 200 million": the scale after a classifier,
        # on the value or on both ends of a range, not on every reading of the digits
        ends = [_digit(c) for c in numeral] if len(numeral) == 2 and _consecutive(numeral) \
            else [_zh_numeral_value(numeral)]
        if None not in ends:
            return Quantity(ends[0] * 1e8, numeral + "个亿", start, end + 2, "cardinal",
                            soft=len(ends) > 1, money=text.startswith(_MONEY_AFTER, end + 2),
                            also=frozenset(v * 1e8 for v in ends), scale=1e8)
    if after.startswith("个字") and _QUOTE_BEFORE.search(text, max(0, start - 2), start):
        # “落叶归根”这四个字 "the saying that ...": a count of the characters just quoted
        return Quantity(_zh_numeral_value(numeral) or 0.0, numeral, start, end, "cardinal",
                        soft=True, also=readings)
    value = _zh_numeral_value(numeral)
    if value is None:
        return Quantity(min(readings) if readings else 0.0, numeral, start, end, "range", soft=True,
                        also=readings) if readings else None
    if not ordinal and _in_idiom(text, start):
        return Quantity(value, numeral, start, end, "cardinal", soft=True, also=readings)
    if word and len(word) > len(numeral) and not ordinal:
        # inside a word (三维, 两会, 一体化): the word's gloss carries the number where it
        # gives one (九二共识 → 1992, not 9 or 2)
        glossed = _word_numbers(word)
        return Quantity(value, numeral, start, end, "cardinal", soft=True,
                        also=glossed or readings)
    if ordinal:
        # 第二天 "the next day", 第二年 "the following year"
        follows = 2.0 in readings and value == 2 and after[:1] in "天日年次回届"
        # 第十几批 "the tenth-odd batch": as vague as 十几
        return Quantity(value, "第" + numeral, start - 1, end, "ordinal", soft=value <= 1 or vague,
                        also=readings | ({_NEXT} if follows else set()))
    if _PLACE_AFTER.match(text, end):
        # a place named by a distance (十里街, 三里屯, 八里庄, 五道口): a name, not a count
        return Quantity(value, numeral, start, end, "cardinal", soft=True, also=readings)
    if numeral in ("千", "万") or numeral in _COMPOUND_SCALES:
        # a bare 千 or 万 with no numeral of its own is a figure of speech far more often
        # than a count (千斤巨石 "a huge boulder", 万家万户 "every household", 千里 "far"), and
        # a bare 千万 may be "by all means" (千万不要); 超百亿元 still matches "10 billion"
        return Quantity(value, numeral, start, end, "cardinal", soft=True, also=readings,
                        money=after.startswith(_MONEY_AFTER))
    if after.startswith("旬") and value < 10:
        # 年过七旬 "in his seventies": a 旬 is ten years of age
        return Quantity(value * 10, numeral + "旬", start, end + 1, "cardinal", soft=True,
                        also=readings | {value * 10})
    if after.startswith("成") and value < 10:
        return Quantity(_tenths(value), numeral + "成", start, end + 1, "percent", soft=True,
                        also=readings)
    if after.startswith("倍"):
        if value == 1 and _SHRUNK_BY.search(text, max(0, start - _GROWN_BY_REACH), start):
            # 放慢一倍, 降低一倍: slowed or cut "by one fold" is halved in Chinese usage
            # ("at half speed"; "doubling" it is the opposite)
            return Quantity(0.5, numeral + "倍", start, end + 1, "cardinal")
        # 增加了一倍 "doubled": grown by a multiple is that multiple plus the original
        grown = {value + 1} if _GROWN_BY.search(text, max(0, start - _GROWN_BY_REACH), start) \
            else set()
        return Quantity(value, numeral + "倍", start, end + 1, "cardinal", also=readings | grown)
    if not after.startswith(tuple(_UNITS)) and not after.startswith(_APPROX_AFTER) \
            and not (after.startswith("大") and len(numeral) == 1):
        # a numeral in a name or idiom (伤敌一千自损八百, 十四五): its readings match, but
        # its absence says nothing
        return Quantity(value, numeral, start, end, "cardinal", soft=True, also=readings)
    kind = "year" if after.startswith("年") and value >= 1000 else "cardinal"
    money = after.startswith(_MONEY_AFTER)
    if after.startswith(("万", "亿")):
        pass  # the scale is part of the numeral already (五十万)
    return Quantity(value, numeral, start, end, kind, soft=vague, money=money,
                    also=readings | _clock_readings(value, after) | _basis_points(value, after))


def _body_pair(text: str, end: int) -> bool:
    """A pair of body parts counted at `end` (两只眼睛, 两手), not a word that starts with
    one (两只手套 "two gloves", 两手机)."""
    m = _BODY_PAIR.match(text, end)
    if m is None:
        return False
    table = lexicon.cedict()
    return not any(text[m.start(1):m.end(1) + k] in table for k in (1, 2)
                   if m.end(1) + k <= len(text))


def _containing_word(text: str, start: int, end: int) -> str:
    """The dictionary word that holds text[start:end] together with the characters next to
    it (三维, 九二共识), or ''."""
    table = lexicon.cedict()
    best = ""
    for left in range(max(0, start - 3), start + 1):
        for right in range(end, min(len(text), end + 4) + 1):
            piece = text[left:right]
            if len(piece) > len(best) and piece in table and piece != text[start:end] \
                    and not all(c in _NUMERAL_CHARS for c in piece) \
                    and not _is_counted(piece, text[start:end]):
                best = piece
    return best


def _is_counted(word: str, numeral: str) -> bool:
    """三个, 五年 or 四大 (四大功能 four major functions) in the dictionary is still a count,
    not a word that holds a number; 十分 (very) and 百家 (many schools) are words: their first
    dictionary sense has no number in it."""
    rest = word.replace(numeral, "", 1)
    if not (len(rest) == 1 and (rest in _UNITS or rest == "大") and word.startswith(numeral)):
        return False
    senses = lexicon.senses(word)
    return not senses or bool(_english(senses[0]))


def _in_idiom(text: str, start: int) -> bool:
    """A numeral in a four-character idiom of two numerals that jieba's dictionary lists
    (千人一面, 千家万户, 三心二意, 七上八下): a figure of speech, not a count a translation
    must carry (三省一市, which no dictionary lists, is a count)."""
    for left in range(max(0, start - 2), start + 1):
        piece = text[left:left + 4]
        if len(piece) == 4 and lexicon.HAN_RUN.fullmatch(piece) \
                and piece[0] in _NUMERAL_CHARS and piece[2] in _NUMERAL_CHARS \
                and piece[1] not in _NUMERAL_CHARS and piece[3] not in _NUMERAL_CHARS \
                and lexicon.word_tag(piece):
            return True
    return False


def _tenths(value: float) -> float:
    """A count of 成 (tenths) as a percentage: 三成 is 30%."""
    return value * 10
