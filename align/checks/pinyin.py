"""Untranslated pinyin: romanised Chinese left in the target ("Kechuang" for 科创).

Reads the term alignment's pinyin links. A name (person, place, organisation, brand: see
`align.language.names`) left in pinyin is correct and never flagged; nor is pinyin that
English has taken in (yuan, Weibo). A one-character place abbreviation left in pinyin ("Su Zhe" for
苏浙) is flagged with the places it stands for.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from ..language import lexicon, names
from ..language.terms import dictionary_meaning, noun_meaning
from .links import TermAlignment
from ..types import Flag, Pair, Severity
from . import CheckContext, register


@dataclass(frozen=True)
class PinyinSettings:
    # a pinyin word the translator writes this many times in one document is a choice, a
    # loanword kept on purpose ("longtang" for 弄堂, 30 times in a MAC-Test chapter of
    # Wang Anyi's) or a name ("Baoyu" for 宝玉, 18 times), not a word left untranslated; MT's
    # pinyin slips are one-offs ("Shicai" for 适才, "zhiku" for 智库)
    deliberate_uses: int = 3


SETTINGS = PinyinSettings()

# pinyin that English dictionaries list as English words, or that English news uses as the
# name of a thing (not in CC-CEDICT's English glosses, which feed the vocabulary test)
LOANWORDS = frozenset("""yuan renminbi jiao fen weibo douyin taobao tmall alipay wechat hukou
guanxi kungfu gongfu tofu qigong taichi mahjong fengshui wushu putonghua jiaozi baozi wonton
wuxia xiangqi erhu pipa guzheng qipao cheongsam hutong siheyuan dazibao laowai lama tao dao
yin yang ganbei shifu gaokao""".split())


@register("pinyin")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    vocabulary = lexicon.english_vocabulary()
    for pair in context.matched:
        alignment = context.links(pair)
        for link in alignment.links:
            if link.evidence != "pinyin":
                continue
            words = [t.bare for t in alignment.tokens[link.first:link.end]]
            if all(w in LOANWORDS or w in vocabulary for w in words):
                continue
            flag = _finding(pair, alignment, link, context.abbreviations)
            if flag:
                flags.append(flag)
    uses = Counter(f.tgt_span.lower() for f in flags)
    return [f for f in flags if uses[f.tgt_span.lower()] < SETTINGS.deliberate_uses]


def _finding(pair: Pair, alignment: TermAlignment, link,
             abbreviations: dict[str, str]) -> Flag | None:
    units = [alignment.units[u] for u in link.units]
    han = "".join(u.text for u in units)
    span = alignment.text_of(link)
    spelled = _spelled(han, span)
    places = [names.abbreviation_of(c) for c in spelled]
    offsets = alignment.target_offsets(link)
    source_offsets = (units[0].start, units[-1].end)
    words = alignment.tokens[link.first:link.end]
    one_each = len(words) == len(spelled) and all(w.gap_after == " " for w in words[:-1])
    if one_each and all(names.abbreviation_of(c) for c in han) and 2 <= len(han) <= 4:
        # a run of place abbreviations (沪苏浙皖, 京津冀): each stands for a province or city;
        # one syllable alone ("Yun" for 云) is as likely a name
        suggestion = " and ".join(places) if len(places) <= 2 else ", ".join(places)
        return Flag("pinyin", "accuracy/untranslated", Severity.MAJOR, pair.index,
                    pair.source_ids, pair.target_ids, src_term=spelled, tgt_span=span,
                    suggestion=suggestion,
                    message=f'"{span}" spells the abbreviations {spelled} in pinyin; '
                            f"they stand for {suggestion}",
                    source_offsets=source_offsets, target_offsets=offsets, kind="abbreviation")
    if any(u.name for u in units) or _written_as_name(spelled, alignment, link, abbreviations):
        return None
    flag = Flag("pinyin", "accuracy/untranslated", Severity.MAJOR, pair.index, pair.source_ids,
                pair.target_ids, src_term=han, tgt_span=span,
                suggestion=_suggest(han, abbreviations.get(han, "")),
                message=f'"{span}" is the pinyin of {han}, left untranslated',
                source_offsets=source_offsets, target_offsets=offsets, kind="untranslated")
    if han in abbreviations:
        return replace(flag, message=f'"{span}" is the pinyin of {han}, short for '
                                     f'{abbreviations[han]} in this text, left untranslated')
    if span[:1].isupper():
        # capitalised, the English may mean a name (宝玉 is also "precious jade", 国电 a
        # firm's name): a finding of its own kind, with its own confidence
        return replace(flag, kind="capitalised",
                       message=f'"{span}" is the pinyin of {han}, left untranslated, unless '
                               f"it is a name here")
    return flag


def _written_as_name(han: str, alignment: TermAlignment, link,
                     abbreviations: dict[str, str]) -> bool:
    """The English writes a name: one capitalised syllable for one character (a surname, a
    short name), or "Xia Liyan" — a surname's reading, then the given name, capitalised. A
    word no dictionary knows is taken for a name, unless the document spells it out as the
    short form of its own words ("Kechuang" for 科创, where the text says 科技创新)."""
    words = alignment.tokens[link.first:link.end]
    hyphenated = all(w.gap_after in ("-", "‐") for w in words[:-1]) and len(words) > 1
    if not words[0].text[:1].isupper() or not (hyphenated or all(w.text[:1].isupper() for w in words)):
        return False  # "Xiang-yun" is capitalised as one name
    if len(han) == 1 or names.name_reading(han):
        return True  # a syllable, or a dictionary name reading (高密 Gaomi)
    if not lexicon.senses(han) and lexicon.word_tag(han) != "j" and han not in abbreviations:
        # a capitalised word no dictionary gives a meaning (清平 Qingping, 井坎 Jingkan): as
        # likely a name as a term; names are never errors. An abbreviation jieba knows (同创)
        # or the document spells out (科创 of 科技创新) has a meaning to translate.
        return True
    after = alignment.tokens[link.end:link.end + 3]
    if any(t.text[:1].isupper() and t.bare in names.NAME_HEADS for t in after):
        return True  # "Tianmu News", "Yingmen Aviation Technology Group"
    last = link.units[-1]
    place = alignment.units[last + 1].text if last + 1 < len(alignment.units) else ""
    article = link.first and alignment.tokens[link.first - 1].bare in ("a", "an")
    if place in _PLACE_KINDS and after and after[0].bare in _PLACE_KINDS[place] and not article:
        return True  # 桥墩镇 "Qiaodun town": a place's name before the kind of place it is
        # (not "a Lvyou island" for 旅游岛: an island is no name after "a")
    surname = names.surname_reading(han[0])
    if len(words) >= 2 and surname.lower() == words[0].bare:
        return True
    # a given name jieba cut from its surname (许|文静, the surname read as 'perhaps'): the
    # English writes the surname's reading, capitalised, just before ("Xu Wenjing")
    # (the surname a word of its own, not the end of one: 也许 is "perhaps")
    first = link.units[0]
    surname_unit = alignment.units[first - 1] if first else None
    before = alignment.tokens[link.first - 1] if link.first else None
    return before is not None and surname_unit is not None and before.gap_after == " " and \
        before.text[:1].isupper() and len(surname_unit.text) == 1 and \
        surname_unit.end == alignment.units[first].start and \
        names.surname_reading(surname_unit.text).lower() == before.bare


# a one-character word for a kind of place, and its English words
_PLACE_KINDS = {"镇": {"town", "township"}, "乡": {"township", "village"},
                "村": {"village"}, "县": {"county"}, "市": {"city"}, "区": {"district"},
                "省": {"province"}, "州": {"prefecture"}, "岛": {"island"}}


def _spelled(han: str, span: str) -> str:
    """The characters of `han` whose pinyin the English span spells (苏浙 of 苏浙皖)."""
    wanted = "".join(c for c in span.lower() if c.isalpha()).replace("ü", "v")
    for size in range(len(han), 0, -1):
        for i in range(len(han) - size + 1):
            if lexicon.pinyin(han[i:i + size]).replace("ü", "v") == wanted:
                return han[i:i + size]
    return han


def _suggest(han: str, spelled_out: str = "") -> str:
    """What the word means, in words a reviewer can paste: its dictionary meaning, or its full
    form's (the dictionary's, or the one the document spells out); '' when nothing says."""
    meaning = dictionary_meaning(han)
    if meaning or not spelled_out:
        return meaning
    pieces = [noun_meaning(u) for u in lexicon.words(spelled_out)]
    return " ".join(pieces) if all(pieces) else ""
