"""Literal translation: a term rendered word by word from its characters, while the word as
a whole means something else ("long triangle" for 长三角, the Yangtze River Delta; "film
area" for 片区, where 片 never means film).

Reads the term alignment: a term whose rendering is two or more English words that each
carry the sense of one of its characters or parts, and none a sense of the term itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import regex

from .links import CLOSENESS, TermAlignment, character_glosses, literal_kind, stray_words
from ..language.terms import dictionary_meaning
from ..types import Flag, Pair, Severity
from . import CheckContext, register


@register("literal")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    judged: list[tuple[Flag, str, str]] = []  # a dictionary finding, and what the encoder compares
    # a title (《三体》 "Three Body") is the translator's to render, and so is a word that is a
    # whole title wherever else the document uses it: a novel's 三体 is no trisomy anywhere
    # (a word inside a longer title, 长三角 of 《长三角一体化发展规划纲要》, is judged elsewhere)
    titled = {m.group()[1:-1] for pair in context.matched
              for m in _TITLE.finditer(pair.source_text)}
    for pair in context.matched:
        flags.extend(_possessive_flags(pair))
        alignment = context.links(pair)
        titles = [m.span() for m in _TITLE.finditer(pair.source_text)]
        for link in alignment.links:
            unit = alignment.units[link.units[0]]
            if unit.text in titled or any(a <= unit.start and unit.end <= b for a, b in titles):
                continue
            kind = literal_kind(alignment, link)
            if not kind or (kind in _WORD_LEVEL and
                            context.linked_share() < CLOSENESS.word_level):
                continue
            if kind == "characters":
                flags.append(_characters_flag(pair, alignment, link))
            else:
                judged.append(_dictionary_flag(pair, alignment, link, kind))
    return flags + _not_paraphrases(context, judged)


@dataclass(frozen=True)
class LiteralCheckSettings:
    # a rendering the encoder reads as close to the dictionary's meaning paraphrases it
    # ("rays of light" / sunshine 0.56, "quiet and peaceful" / tranquil 0.65) rather than
    # mistaking it ("long triangle" / Yangtze River Delta 0.34, "new crown" / novel
    # coronavirus 0.45). MQM dev: every right dictionary finding is at most 0.45; MAC-Test's
    # human translations, where these are the translators' free choices, median 0.49.
    paraphrase: float = 0.5


SETTINGS = LiteralCheckSettings()

_WORD_LEVEL = ("partial", "unrelated")  # the kinds judged in close translations only
_TITLE = regex.compile(r"《[^《》]{1,30}》")


def _not_paraphrases(context: CheckContext, judged: list[tuple[Flag, str, str]]) -> list[Flag]:
    """The dictionary findings whose rendering the encoder does not find close to the
    meaning (a partial one is judged by its stray words against the meaning's missing ones,
    "Triangulation" / "Delta": the words it shares with the meaning make any rendering read
    close)."""
    if not judged or context.embed is None:
        return [f for f, _, _ in judged]
    vectors = context.embed([a for _, a, _ in judged] + [b for _, _, b in judged])
    n = len(judged)
    close = np.einsum("ij,ij->i", vectors[:n], vectors[n:])
    return [f for (f, _, _), c in zip(judged, close) if c < SETTINGS.paraphrase]


def _dictionary_flag(pair: Pair, alignment: TermAlignment, link, kind: str) -> tuple[Flag, str, str]:
    """A finding against the dictionary's meaning, with the two texts the paraphrase test
    compares."""
    unit = alignment.units[link.units[0]]
    span = alignment.text_of(link)
    offsets = dict(source_offsets=(unit.start, unit.end),
                   target_offsets=alignment.target_offsets(link))
    stray = stray_words(alignment, link) if kind in _WORD_LEVEL else None
    meaning = stray.meaning if stray else dictionary_meaning(unit.text)
    how = "partly character by character" if kind == "partial" else "character by character"
    said = (' (' + ", ".join(f'"{w}"' for w in stray.words) + ")") if stray else ""
    flag = Flag("literal", "accuracy/mistranslation", Severity.MAJOR, pair.index,
                pair.source_ids, pair.target_ids, src_term=unit.text, tgt_span=span,
                suggestion=meaning, kind=kind,
                message=f'"{span}" renders {unit.text} {how}{said}; it means "{meaning}"',
                **offsets)
    if stray:
        return flag, " ".join(stray.words), " ".join(stray.missing)
    return flag, span, meaning


def _characters_flag(pair: Pair, alignment: TermAlignment, link) -> Flag:
    # the dictionary does not know the word, so whether it is compositional (寒风 "cold
    # wind") or not (片区 "film area") is a guess: a finding to review, not a major error
    unit = alignment.units[link.units[0]]
    span = alignment.text_of(link)
    glosses = character_glosses(unit.text, alignment, link)
    return Flag("literal", "accuracy/mistranslation", Severity.MINOR, pair.index,
                pair.source_ids, pair.target_ids, src_term=unit.text, tgt_span=span,
                kind="characters", source_offsets=(unit.start, unit.end),
                target_offsets=alignment.target_offsets(link),
                message=f'"{span}" renders {unit.text} character by character ('
                        + " + ".join(f'{c} "{w}"' for c, w in glosses)
                        + f"); {unit.text} as a whole is a word of its own")


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
