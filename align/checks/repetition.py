"""Repetition: doubled words and phrases ("Hefei Hefei", "China, China, China") and repeated
target sentences whose source is not repeated.
"""

from __future__ import annotations

import regex

from ..types import Flag, Severity
from . import CheckContext, register

# a phrase of one to four words, then the same phrase again (comma or space between)
_DOUBLED = regex.compile(r"(?i)\b((?:[\p{L}\d]+[-’']?[\p{L}\d]*)(?:\s+[\p{L}\d]+){0,3})"
                         r"(?:(?:\s*,\s*|\s+)\1\b)+")
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
        for m in _DOUBLED.finditer(pair.target_text):
            phrase = m.group(1)
            if phrase.lower() in _ALLOWED or phrase.isdigit():
                continue
            if _doubled_in_source(phrase, pair.source_text):
                continue
            flags.append(Flag("repetition", "fluency/repetition", Severity.MINOR, pair.index,
                              pair.source_ids, pair.target_ids, tgt_span=m.group(0),
                              suggestion=phrase, message=f'"{phrase}" is repeated'))
        for j in pair.target_ids:
            key = " ".join(context.target[j].text.lower().split())
            if len(key) < 20:
                continue
            if key in seen and pair.source_ids:
                flags.append(Flag("repetition", "fluency/repetition", Severity.MINOR,
                                  pair.index, pair.source_ids, (j,),
                                  tgt_span=context.target[j].text,
                                  message=f"sentence repeats target sentence {seen[key]}"))
            seen.setdefault(key, j)
    return flags


def _doubled_in_source(phrase: str, source: str) -> bool:
    """Latin text doubled in the source too (G60 G60) is faithful, not an error."""
    return phrase.lower() in source.lower() and (phrase + " " + phrase).lower() in source.lower()
