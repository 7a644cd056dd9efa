"""The one answer to "is this Chinese word a name?", for the checks and the glossary alike.

A name (person, place, organisation, brand) has no meaning to translate: left in pinyin it
is correct, and its renderings are not followed for consistency.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from . import lexicon

# jieba's part-of-speech tags for names: person (nr; nrfg, nrt transliterated), place (ns),
# organisation (nt), other proper noun (nz)
NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz"})
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})

# an unknown word ending in one of these is a place or an institution: 天目湖, 雨村, 江北新区
PLACE_SUFFIXES = frozenset("省市县区镇乡村庄屯湖山岭峰河江溪岛港湾州城路街桥寺")

# a surname before one of these is a form of address: 钱老板 → "Boss Qian"
TITLES = ("老板", "先生", "女士", "小姐", "老师", "书记", "市长", "省长", "县长", "区长", "总理",
          "主席", "部长", "教授", "医生", "大夫", "经理", "总裁", "董事长", "局长", "院长", "主任",
          "队长", "同志", "老汉", "大爷", "大娘", "师傅", "太太", "夫人", "大使", "总统", "首相",
          "老大", "老二", "老三", "掌柜", "东家", "姑娘", "嫂", "哥", "姐", "叔", "婶", "伯", "爷",
          "公", "氏", "家", "总", "董", "局", "处", "科")

# characters that spell foreign names (冯德莱恩 von der Leyen, 阿斯麦 ASML); a word made of
# them alone, unknown to the dictionary, is a transliteration
TRANSLITERATION = frozenset(
    "阿埃艾安昂奥澳巴拜班邦贝本比彼宾波伯博布查达戴丹道德登迪蒂丁杜顿多厄恩尔法凡范菲费芬"
    "丰佛夫福弗盖冈戈格古哈海汉豪赫亨胡华霍基吉加嘉贾杰金卡凯坎康考柯科克肯库夸奎拉莱兰朗"
    "劳勒雷蕾黎里利莉林琳卢鲁路伦罗洛玛马迈麦曼梅蒙米敏摩莫默穆纳娜奈南内尼宁纽努诺欧帕潘"
    "佩彭皮珀普奇齐乔切钦琼丘萨塞赛桑瑟森沙莎善舍什施史斯松苏索塔泰坦汤唐特提田图托瓦旺威"
    "韦维温沃乌伍西希席谢辛休修雅亚扬耶伊英尤约泽扎詹兹佐")

# English head nouns of organisation, media and place names: a pinyin word capitalised before
# one of them is part of a name ("Tianmu News", "Yingmen Aviation Group", "Tianmu Lake")
NAME_HEADS = frozenset("""news daily times post herald weekly evening morning network media
press agency tv television radio group company co corp corporation holdings holding bank
airlines airways aviation technology technologies tech electronics motors steel industries
industry pharmaceutical pharma securities insurance capital investment fund foundation
university college school academy institute hospital clinic museum library association
society federation union club team lake mountain mountains mount hill hills river creek
island islands bay harbour harbor port road street avenue lane bridge temple palace park
square tower village town county city district province prefecture township garden gardens
station airport stadium hotel restaurant brand store mall""".split())

_SURNAME_SENSE = regex.compile(r"^surname (\p{Lu}\p{Ll}+)$")


@lru_cache(maxsize=50_000)
def surname_reading(char: str) -> str:
    """The capitalised pinyin CC-CEDICT gives a character as a surname ('钱' → 'Qian'), or ''."""
    for sense in lexicon.senses(char):
        found = _SURNAME_SENSE.match(sense)
        if found:
            return found.group(1)
    return ""


_ABBREVIATION = regex.compile(r"^(?:abbr\. for|short name for) (\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)*)")


@lru_cache(maxsize=50_000)
def abbreviation_of(char: str) -> str:
    """The place a one-character abbreviation stands for: 苏 → 'Jiangsu', 沪 → 'Shanghai'."""
    if len(char) != 1:
        return ""
    places = [(found.group(1), sense) for sense in lexicon.senses(char)
              for found in [_ABBREVIATION.match(sense)] if found]
    # 苏 abbreviates both the Soviet Union and Jiangsu province: a Chinese place first
    chinese = [place for place, sense in places
               if regex.search(r"province|city|municipality|county", sense)]
    places = [place for place, _ in places]
    return (chinese or places or [""])[0]


@lru_cache(maxsize=50_000)
def name_reading(word: str) -> str:
    """The transliteration a dictionary sense opens with, when the word can be a name:
    高密 → 'Gaomi' ("Gaomi, county-level city in Weifang"), 上海 → 'Shanghai'; else ''."""
    wanted = lexicon.pinyin(word)
    for entry in lexicon.cedict().get(word, ()):
        if not entry.pinyin[:1].isupper():
            continue
        for sense in entry.senses:
            head = regex.match(r"[\p{Lu}][\p{L}\s'-]*", sense)
            if head and head.group().replace(" ", "").replace("-", "").lower().startswith(wanted):
                return head.group().split(",")[0].strip()
    return ""


def is_name(word: str, tag: str = "", before: str = "", after: str = "",
            before_tag: str = "") -> bool:
    """Whether a Chinese word (with jieba's tag and its neighbours in the sentence) is a name.

    Evidence, any of: jieba's name tags; CC-CEDICT readings that are all capitalised; an
    unknown word that opens with a surname, spells a transliteration or ends in a place
    suffix; a surname before a title (钱老板); a given name after a surname (夏 立言).
    """
    if not lexicon.HAN.search(word):
        return False
    if lexicon.is_proper_name(word):
        return True
    if tag in NAME_TAGS:
        # jieba tags some common words as people (顾问 adviser): a word whose dictionary
        # readings are all lower case is not a name
        entries = lexicon.cedict().get(word, ())
        return not (tag in _PERSON_TAGS and entries and all(e.pinyin[:1].islower() for e in entries))
    if len(word) == 1:
        return bool(surname_reading(word)) and after.startswith(TITLES)
    if before_tag == "nr" and len(before) == 1 and surname_reading(before) and len(word) <= 2 \
            and tag[:1] in ("", "n", "a", "z"):
        return True  # 夏|立言: the given name after a surname
    if lexicon.senses(word) or lexicon.word_tag(word):
        return False  # a word the dictionaries know as a common word (片区 zone, 立言)
    if tag == "j":
        return False  # an abbreviation (科创, 同创) has a meaning to translate
    if all(c in TRANSLITERATION for c in word):
        return True
    if word[-1] in PLACE_SUFFIXES:
        return True
    return 2 <= len(word) <= 3 and bool(surname_reading(word[0])) and tag in ("", "nr", "nrfg")
