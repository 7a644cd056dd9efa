"""The literal test: whether a link renders its term word by word from its characters while
the term as a whole means something else (长三角 "long triangle"), by `LiteralSettings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ...language import english, lexicon
from ...language.terms import (dictionary_meaning, full_form, is_compositional, matches_any, parts,
                               related, sense_stems)
from .units import Link, TermAlignment
from .evidence import cues


@dataclass(frozen=True)
class LiteralSettings:
    min_words: int = 2  # a one-word rendering commits to too little to call it literal
    max_chars: int = 6  # longer terms are phrases, translated freely
    # parts of speech (jieba) of terms whose renderings are judged: nouns, abbreviations,
    # set phrases; verbs and idioms translate too freely
    tags: tuple[str, ...] = ("n", "j", "l")
    # a rendering of a word the dictionary lacks is literal only when some character is
    # taken in a sense past its first this many (CC-CEDICT lists the common meaning first)
    primary_senses: int = 1
    # a compound's modifier (龙头 of 龙头企业) rendered by a word of one of its first this
    # many senses is rendered by meaning ("leading"), not character by character
    modifier_senses: int = 3
    # a meaning of more words than this (a name's aside) describes the term rather than
    # names it: a rendering need not hold its words ("station chief" for 站长, 'person in
    # charge of a train station')
    described: int = 4


LITERAL = LiteralSettings()
_CARRIED = frozenset({"char", "part", ""})  # evidence a literal rendering carries ('': stop word)


# CC-CEDICT's words for a proper name of a place, person or firm ("Gaomi, county-level city
# in Weifang", "Dashan, stage name of ...", "DiDi, app-based transportation company"): such
# a name is often also an ordinary phrase its characters spell (高密 "tall and dense", 大石桥
# "the big stone bridge"), unlike a region's name or an abbreviation (长三角, 珠三角)
_PLACE_OR_PERSON = regex.compile(r"\b(?:city|county|town|township|village|capital|district|"
                                 r"prefecture|company|stage name|pen name|courtesy name)\b")


def literal_kind(alignment: TermAlignment, link: Link) -> str:
    """Whether a link renders its term word by word from its characters while the term as a
    whole means something else: 'dictionary' (CC-CEDICT gives the whole a meaning of its
    own: 长三角 "long triangle"), 'characters' (the dictionary has no entry, and each word
    takes one character's sense: 片区 "film area"), or ''."""
    if len(link.units) != 1:
        return ""
    unit = alignment.units[link.units[0]]
    levels = [lv for lv in link.levels if lv]
    if not unit.han or not 2 <= len(unit.text) <= LITERAL.max_chars \
            or len(levels) < LITERAL.min_words:
        return ""
    if not set(link.levels) <= _CARRIED:
        if _literal_modifier(alignment, link):
            return "dictionary"
        return "partial" if stray_words(alignment, link) else ""
    if cues(unit.text).sense:
        meaning = dictionary_meaning(unit.text)
        if is_compositional(unit.text):
            if _literal_modifier(alignment, link):
                return "dictionary"
            return "unrelated" if stray_words(alignment, link) else ""
        if not (meaning[:1].isupper() or unit.tag[:1] in LITERAL.tags):
            return ""
        if meaning[:1].isupper() and _PLACE_OR_PERSON.search(lexicon.senses(unit.text)[0]):
            return ""  # 大山 (Dashan, a stage name), 金边 (Phnom Penh): also a big mountain, a gold rim
        if _spells_out(alignment.tokens[link.first:link.end], lexicon.senses(unit.text)[0]) or \
                _colour_by_parts(alignment, link, meaning):
            return ""
        return "dictionary"
    if unit.name or unit.tag[:1] not in LITERAL.tags or "part" in levels:
        return ""
    glosses = character_glosses(unit.text, alignment, link)
    # the dictionary does not know the word: judge by the senses picked. "cold rain" takes
    # each character's first meaning, as a compound built of them would; "film area" takes
    # a later sense of 片 (disk, sheet, ... film), one the word does not have
    if len(glosses) < 2 or all(_sense_rank(c, w) < LITERAL.primary_senses for c, w in glosses):
        return ""
    return "characters"


def _literal_modifier(alignment: TermAlignment, link: Link) -> bool:
    """A compound rendered as its modifier's characters, then the head its tail means:
    "dragon head enterprises" (or "companies") for 龙头企业 (key enterprises), where 企业 is
    rightly rendered but 龙头 is taken character by character, not as "leading"."""
    unit = alignment.units[link.units[0]]
    if len(unit.text) < 3 or unit.name or unit.tag[:1] not in LITERAL.tags or not cues(unit.text).sense:
        return False
    content = [(tok, level) for tok, level in
               zip(alignment.tokens[link.first:link.end], link.levels) if tok.content]
    for split in parts(unit.text):
        if len(split) != 2 or len(split[0]) < 2:
            continue
        modifier, tail = split
        tail_stems = sense_stems(tail)
        start = len(content)  # the head: the last words, each a sense of the tail
        while start and matches_any(content[start - 1][0].stem, tail_stems):
            start -= 1
        literal = content[:start]
        if start == len(content) or len(literal) < LITERAL.min_words or \
                any(level not in ("char", "part") for _, level in literal) or \
                not any(level == "char" for _, level in literal):
            continue  # (some word a character's own: "front-runner" is a sense of 龙头 itself)
        common = sense_stems(modifier, LITERAL.modifier_senses)
        words = [t for t, _ in literal]
        return not (any(matches_any(t.stem, common) for t in words)
                    or _spells_out(words, lexicon.senses(unit.text)[0]))
    return False


# English colour names, and the word "colour" itself ("tea-colored")
_COLOURS = frozenset("""red orange yellow green blue purple violet pink brown black white grey
gray tan tawny azure cyan crimson scarlet navy beige ivory khaki maroon magenta olive teal
turquoise amber auburn ochre indigo vermilion lavender silver golden color colour colored
coloured""".split())


def _colour_by_parts(alignment: TermAlignment, link: Link, meaning: str) -> bool:
    """A colour word (X色) whose meaning is a colour, rendered as a colour: 茶色 "tea-colored"
    (dark brown), 黄褐色 "yellow-brown" (tan). A colour named by its parts is still that colour,
    where 特色 "special color" (characteristic) is a mistake."""
    if not alignment.units[link.units[0]].text.endswith("色"):
        return False
    return any(w in _COLOURS for w in english.words(meaning)) and any(
        w in _COLOURS for w in english.words(alignment.text_of(link)))


def _spells_out(tokens, sense: str) -> bool:
    """Whether the rendering's words share a word with the first sense, notes included: it
    then spells the meaning out rather than mistaking it ("half circle" for semicircle, "hoof
    print" for hoofprint, "flat surface" for 'plane (flat surface)'), where "long triangle"
    shares nothing with 'Yangtze River Delta'."""
    sense = sense.lower()
    return any(tok.content and len(tok.bare) >= 4 and tok.bare in sense for tok in tokens)


@lru_cache(maxsize=50_000)
def _sense_rank(char: str, word: str) -> int:
    """Position of the first meaning (references left out) of `char` that `word` carries."""
    target = english.stem(word.lower())
    meanings = [s for s in lexicon.senses(char) if not lexicon.is_reference(s)]
    for k, sense in enumerate(meanings):
        if matches_any(target, frozenset(english.stem(w) for w in lexicon.sense_words(sense))):
            return k
    return len(meanings)


def character_glosses(word: str, alignment: TermAlignment, link: Link) -> list[tuple[str, str]]:
    """(character, English word) for each word of the span that carries the sense of one
    character, each character used once."""
    out: list[tuple[str, str]] = []
    used: set[str] = set()
    for tok in alignment.tokens[link.first:link.end]:
        if not tok.content:
            continue
        for c in word:
            if c not in used and matches_any(tok.stem, cues(c).sense):
                used.add(c)
                out.append((c, tok.text))
                break
    return out


@dataclass(frozen=True)
class Stray:
    """What makes a rendering literal by its characters: the words taken from a character's
    or part's sense (`words`) where the term's meaning has words of its own that the
    sentence lacks (`missing`)."""

    words: tuple[str, ...]
    missing: tuple[str, ...]
    meaning: str  # the meaning the rendering aims at


def stray_words(alignment: TermAlignment, link: Link) -> Stray | None:
    """A rendering built, wholly or in part, from its characters' senses where the term as a
    whole means something else: "Yangtze River Triangulation" (三角 "triangle" for 长三角,
    the Yangtze River Delta), "country affairs court" (国务院, the State Council), "Insurance
    Supervision Meeting" (保监会), "Deep Exchange" (深交所, the Shenzhen Stock Exchange).

    A word of the span is stray when it carries the sense of a character or part of the
    term, is no sense of the term itself nor of another word of the sentence, and that
    character or part has no sense among the words of the meaning the sentence lacks:
    "demonstration area" for 示范区 ('demonstration zone') is no slip when 区 also means
    "zone"; "country" for 国 in 国务院 ('State Council') takes 国's sense "state". Where the
    sentence has every word of the meaning, only a word between two of them is stray
    ("inside-curtain trading"). None when nothing is stray. Not judged: idioms (an English
    idiom may keep part of the picture: "a young bird" for 小鸟依人), a verb whose rendering
    has a word of its meaning ("increase efforts" for 加大力度), a meaning that describes
    rather than names, a rendering that is not one phrase."""
    unit = alignment.units[link.units[0]]
    term = unit.text
    if not unit.han or not 2 <= len(term) <= LITERAL.max_chars or _named_place_or_person(term):
        return None
    own = cues(term).sense
    span = alignment.tokens[link.first:link.end]
    content = [t for t in span if t.content]
    # one phrase: a word between ("brands will naturally", "because of Einstein's") joins
    # what the term's rendering ends with to words of the sentence around it
    if len(content) < LITERAL.min_words or len(content) < len(span):
        return None
    if _idiom(term):
        return None  # an idiom's English may keep part of its picture ("a young bird")
    rendered = [t.stem for t in content if matches_any(t.stem, own)]
    meaning = _meaning_rendered(term, rendered, verbs=not rendered)
    named = term if lexicon.senses(term) else full_form(term)
    if not meaning or (meaning[:1].isupper() and not lexicon.is_proper_name(named)):
        return None  # a name that is also a common word (火炭 Fo Tan, charcoal)
    if not rendered and _spells_out(content, meaning):
        return None  # "half circle" for 半圆 'semicircle' spells the meaning out
    elsewhere = _rendered_elsewhere(alignment, link)
    present = frozenset(t.stem for t in alignment.tokens if t.content)
    # the meaning's wordings ('key enterprises; leading enterprises'), each with the words
    # the sentence lacks: a rendering that has all of one wording is no slip
    wordings = [tuple(w for w in english.words(piece) if w not in english.STOPWORDS
                      and not matches_any(english.stem(w), present))
                for piece in meaning.split(";")]
    # with every word of the meaning there, a character's sense still strays into the
    # middle of it: "inside-curtain trading" (幕 "curtain" in 内幕交易, insider trading)
    inside_only = not all(wordings)
    if not meaning[:1].isupper() and min(len(english.words(p)) for p in meaning.split(";")) > \
            LITERAL.described:
        return None  # a description ('person in charge of a train station'), not a name
    sources = _sources(term)
    stray = []
    for k, tok in enumerate(content):
        if matches_any(tok.stem, own):
            continue
        if inside_only and not (any(matches_any(t.stem, own) for t in content[:k]) and
                                any(matches_any(t.stem, own) for t in content[k + 1:])):
            continue
        if tok.bare in _NOT_A_RENDERING or tok.bare.endswith("ly") or tok.stem in elsewhere:
            continue  # "all dressed", "Atlantic freely", "study enterprise" (研究 "study")
        if tok.text[:1].isupper() and any(tok.stem in _named_by(c) for c in term):
            continue  # a character that stands for a place, named: 中欧 "China-Europe"
        carriers = [stems for stems in sources if matches_any(tok.stem, stems)]
        if carriers and not any(related(english.stem(m), stems) for missing in wordings
                                for m in missing for stems in carriers):
            stray.append(tok.text)
    meaning = meaning.split(";")[0].strip()
    return Stray(tuple(stray), wordings[0] or tuple(english.words(meaning)), meaning) \
        if stray else None


def _meaning_rendered(term: str, rendered: list[str], verbs: bool = False) -> str:
    """The meaning the rendering aims at, its wordings joined by ';': of the term's senses
    (its full form's included), the first that has the most of the rendered words ("Yangtze
    River" → 'Yangtze River Delta'), or the first; '' for a verb's."""
    full = full_form(term)
    senses = [s for s in (*lexicon.senses(term), *(lexicon.senses(full) if full else ()))
              if lexicon.meaning(s)]
    best, count = (senses[0] if senses else ""), 0
    for sense in senses:
        stems = frozenset(english.stem(w) for w in lexicon.sense_words(sense))
        n = sum(1 for r in rendered if matches_any(r, stems))
        if n > count:
            best, count = sense, n
    # a verb's rendering is free to reword ("increase efforts" for 加大力度, 'to try harder'),
    # unless nothing of it is the verb's meaning ("hang a number" for 挂号, 'to register')
    if not best or (lexicon.is_verb_sense(best) and not verbs):
        return ""
    return "; ".join(lexicon.meaning(piece) for piece in best.split(";") if lexicon.meaning(piece))


# function words no stop list holds, which a character's sense may still match (都 "all",
# 下 "under", 因 "because")
_NOT_A_RENDERING = frozenset("""all under below above because after before between through
while during within without around again even still ever never always every more most less
much many few""".split())


@lru_cache(maxsize=10_000)
def _named_by(char: str) -> frozenset[str]:
    """Stems of the proper names a character stands for (中 'China', 欧 'Europe')."""
    return frozenset(english.stem(w) for sense in lexicon.senses(char) if sense[:1].isupper()
                     for w in lexicon.sense_words(sense))


def _idiom(term: str) -> bool:
    return lexicon.word_tag(term) in ("i", "l") or any("(idiom)" in s for s in lexicon.senses(term))


def _rendered_elsewhere(alignment: TermAlignment, link: Link) -> frozenset[str]:
    """Stems that another word of the source has among its own senses: a word of the span
    that renders that word ("study" of 研究 in "study enterprise" for 研究企业) is no
    character of this term's."""
    mine = set(link.units)
    return frozenset().union(*(cues(u.text).sense for k, u in enumerate(alignment.units)
                               if k not in mine and u.han and u.content))


@lru_cache(maxsize=20_000)
def _sources(term: str) -> tuple[frozenset[str], ...]:
    """The sense stems of each character and each dictionary part of the term."""
    pieces = dict.fromkeys([*term, *(p for split in parts(term) for p in split if len(p) > 1)])
    return tuple(sense_stems(p) for p in pieces)


def _named_place_or_person(term: str) -> bool:
    """A proper name of a place, person or firm that is also an ordinary phrase (高密, 大山)."""
    senses = lexicon.senses(term)
    return bool(senses) and senses[0][:1].isupper() and bool(_PLACE_OR_PERSON.search(senses[0]))
