"""Repetition: doubled words and phrases ("Hefei Hefei", "China, China, China") and repeated
target sentences whose source is not repeated.

A doubling the source has too (负120度，负120度; G60 G60) is faithful, and a pronoun or
function word on both sides of a comma ("it, it") is two clauses, not a stutter.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..language.english import JOINED_WORD, STOPWORDS
from ..types import Flag, Severity
from . import CheckContext, register

# a run of two or more characters said again at once, maybe after a comma: 负120度，负120度
_SOURCE_REPEAT = regex.compile(r"(.{2,12}?)[，、,\s]*\1")

_WITHIN = regex.compile(r"\s+")  # between the words of one phrase
_BETWEEN = regex.compile(r"\s*,\s*|\s+")  # between a phrase and its repeat


@dataclass(frozen=True)
class RepetitionSettings:
    max_phrase: int = 4  # longest doubled phrase looked for, in words
    min_sentence: int = 20  # a repeated sentence shorter than this (characters) may be a refrain


SETTINGS = RepetitionSettings()
# doubles that English allows
_ALLOWED = {"that", "had", "is", "bye", "very", "so", "no", "yes", "ha", "many", "more", "far",
            "again", "step by", "day by", "by"}


@register("repetition")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    seen: dict[str, int] = {}
    for pair in context.pairs:
        if not pair.target_ids:
            continue
        for phrase, span in doubled(pair.target_text):
            if phrase.lower() in _ALLOWED or phrase.isdigit():
                continue
            if _doubled_in_source(phrase, pair.source_text):
                continue
            if phrase.lower() in STOPWORDS and "," in span:
                continue  # "it, it": two clauses
            flags.append(Flag("repetition", "fluency/repetition", Severity.MINOR, pair.index,
                              pair.source_ids, pair.target_ids, tgt_span=span,
                              suggestion=phrase, message=f'"{phrase}" is repeated', kind="words"))
        for j in pair.target_ids:
            key = " ".join(context.target[j].text.lower().split())
            if len(key) < SETTINGS.min_sentence:
                continue
            if key in seen and pair.source_ids:
                flags.append(Flag("repetition", "fluency/repetition", Severity.MINOR,
                                  pair.index, pair.source_ids, (j,),
                                  tgt_span=context.target[j].text,
                                  message=f"sentence repeats target sentence {seen[key]}",
                                  kind="sentence"))
            seen.setdefault(key, j)
    return flags


def _doubled_in_source(phrase: str, source: str) -> bool:
    """A doubling the source has too is faithful: Latin text (G60 G60), or any Chinese run
    said twice in a row (负120度，负120度)."""
    if phrase.lower() in source.lower() and (phrase + " " + phrase).lower() in source.lower():
        return True
    return any(regex.search(r"[\p{Han}\d]", m.group(1)) for m in _SOURCE_REPEAT.finditer(source))


def doubled(text: str) -> list[tuple[str, str]]:
    """(phrase, whole repeated span) for each run of a 1-4 word phrase said twice or more in a
    row, with spaces or a comma between: "Hefei Hefei", "China, China, China"."""
    words = list(JOINED_WORD.finditer(text))
    lower = [w.group().lower() for w in words]

    def gap(k: int) -> str:  # the text between word k and word k+1
        return text[words[k].end():words[k + 1].start()]

    found = []
    i = 0
    while i < len(words):
        for n in range(SETTINGS.max_phrase, 0, -1):
            if lower[i:i + n] != lower[i + n:i + 2 * n] or len(lower[i + n:i + 2 * n]) < n:
                continue
            if not all(_WITHIN.fullmatch(gap(k)) for k in range(i, i + n - 1)):
                continue
            end = i + n  # index of the first word after the last repeat
            while lower[end - n:end] == lower[end:end + n] and len(lower[end:end + n]) == n \
                    and _BETWEEN.fullmatch(gap(end - 1)) \
                    and all(_WITHIN.fullmatch(gap(k)) for k in range(end, end + n - 1)):
                end += n
            if end == i + n:
                continue
            phrase = text[words[i].start():words[i + n - 1].end()]
            found.append((phrase, text[words[i].start():words[end - 1].end()]))
            i = end - 1
            break
        i += 1
    return found
