"""Literal translation: a term rendered word by word from its characters, while the word as
a whole means something else ("long triangle" for 长三角, the Yangtze River Delta; "film
area" for 片区, where 片 never means film).

Reads the term alignment: a term whose rendering is two or more English words that each
carry the sense of one of its characters or parts, and none a sense of the term itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..links import TermAlignment, cues
from ..terms import dictionary_meaning, is_compositional
from ..types import Flag, Pair, Severity
from . import CheckContext, register


@dataclass(frozen=True)
class LiteralSettings:
    min_words: int = 2  # a one-word rendering commits to too little to call it literal
    max_chars: int = 6  # longer terms are phrases, translated freely
    # parts of speech (jieba) of terms whose renderings are judged: nouns, abbreviations,
    # set phrases; verbs and idioms translate too freely
    tags: tuple[str, ...] = ("n", "j", "l")


SETTINGS = LiteralSettings()
_CARRIED = {"char", "part", ""}  # evidence a literal rendering may carry ('' : a stop word)


@register("literal")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for pair in context.matched:
        flags.extend(_possessive_flags(pair))
        alignment = context.links(pair)
        for link in alignment.links:
            flag = _literal(pair, alignment, link)
            if flag:
                flags.append(flag)
    return flags


def _literal(pair: Pair, alignment: TermAlignment, link) -> Flag | None:
    if len(link.units) != 1:
        return None
    unit = alignment.units[link.units[0]]
    levels = [lv for lv in link.levels if lv]
    if not unit.han or not 2 <= len(unit.text) <= SETTINGS.max_chars \
            or len(levels) < SETTINGS.min_words or not set(link.levels) <= _CARRIED:
        return None
    known = bool(cues(unit.text).sense)
    meaning = dictionary_meaning(unit.text)
    span = alignment.text_of(link)
    offsets = dict(source_offsets=(unit.start, unit.end),
                   target_offsets=alignment.target_offsets(link))
    if known:
        if is_compositional(unit.text) or not (meaning[:1].isupper() or
                                               unit.tag[:1] in SETTINGS.tags):
            return None
        return Flag("literal", "accuracy/mistranslation", Severity.MAJOR, pair.index,
                    pair.source_ids, pair.target_ids, src_term=unit.text, tgt_span=span,
                    suggestion=meaning, kind="dictionary",
                    message=f'"{span}" renders {unit.text} character by character; '
                            f'it means "{meaning}"', **offsets)
    if unit.name or unit.tag[:1] not in SETTINGS.tags or "part" in levels:
        return None
    glosses = _character_glosses(unit.text, alignment, link)
    if len(glosses) < 2:
        return None
    return Flag("literal", "accuracy/mistranslation", Severity.MAJOR, pair.index,
                pair.source_ids, pair.target_ids, src_term=unit.text, tgt_span=span,
                kind="characters",
                message=f'"{span}" renders {unit.text} character by character ('
                        + " + ".join(f'{c} "{w}"' for c, w in glosses)
                        + f"); {unit.text} as a whole is a word of its own", **offsets)


def _character_glosses(word: str, alignment: TermAlignment, link) -> list[tuple[str, str]]:
    """(character, English word) for each word of the span that carries the sense of one
    character, each character used once."""
    out: list[tuple[str, str]] = []
    used: set[str] = set()
    for tok in alignment.tokens[link.first:link.end]:
        if not tok.content:
            continue
        for c in word:
            if c not in used and _carries(tok.stem, cues(c).sense):
                used.add(c)
                out.append((c, tok.text))
                break
    return out


def _carries(stem: str, stems: frozenset[str]) -> bool:
    return stem in stems or (len(stem) >= 5 and any(s[:5] == stem[:5] for s in stems))


# 我国 / 我市 / 我省 … in official prose speak for the institution ("China", "the city"); a
# translation that says "my country" renders 我 word by word
_OUR_UNITS = {"国": ("country", "China"), "市": ("city", "the city"), "省": ("province", "the province"),
              "区": ("district", "the district"), "县": ("county", "the county"),
              "校": ("school", "the school"), "院": ("institute", "the institute")}
_MY_UNIT = regex.compile(r"\bmy\s+(country|city|province|district|county|school|institute)\b", regex.I)


def _possessive_flags(pair) -> list[Flag]:
    flags = []
    for m in _MY_UNIT.finditer(pair.target_text):
        unit = m.group(1).lower()
        han = next((c for c, (word, _) in _OUR_UNITS.items() if word == unit), "")
        if "我" + han not in pair.source_text:
            continue
        suggestion = _OUR_UNITS[han][1]
        flags.append(Flag("literal", "accuracy/mistranslation", Severity.MAJOR, pair.index,
                          pair.source_ids, pair.target_ids, src_term="我" + han, tgt_span=m.group(),
                          suggestion=suggestion, kind="possessive",
                          target_offsets=(m.start(), m.end()),
                          message=f'"{m.group()}" renders 我{han} word by word; in official '
                                  f'prose it means "{suggestion}"'))
    return flags
