"""Literal translation: a term rendered word by word from its characters while the dictionary
gives it a meaning of its own ("long triangle" for 长三角, the Yangtze River Delta).
"""

from __future__ import annotations

import regex

from .. import lexicon
from ..terms import dictionary_meaning, is_compositional, matches_any, sense_stems
from ..types import Flag, Severity
from . import CheckContext, register


@register("literal")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for pair in context.matched:
        flags.extend(_possessive_flags(pair))
        target = context.target_tokens(pair)
        seen: set[tuple[str, int]] = set()
        for hit in context.source_terms(pair):
            if len(hit.term) > 4:
                continue
            spans = context.literal_spans(pair, hit.term)
            # the costlier test (part of speech) only once a literal-looking span is found
            if not spans or not _is_candidate(hit.term, pair.source_text):
                continue
            own = sense_stems(hit.term)
            for start, end in spans:
                if any(matches_any(tok.stem, own) for tok in target[start:end]):
                    continue  # a word of the term's own meaning: not a literal rendering
                span = pair.target_text[target[start].start:target[end - 1].end]
                if (hit.term, start) in seen:
                    continue
                seen.add((hit.term, start))
                meaning = dictionary_meaning(hit.term)
                flags.append(Flag("literal", "accuracy/mistranslation", Severity.MAJOR,
                                  pair.index, pair.source_ids, pair.target_ids,
                                  src_term=hit.term, tgt_span=span, suggestion=meaning,
                                  message=f'"{span}" renders {hit.term} character by character; '
                                          f'it means "{meaning}"'))
    return flags


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
                          suggestion=suggestion,
                          message=f'"{m.group()}" renders 我{han} word by word; in official '
                                  f'prose it means "{suggestion}"'))
    return flags


def _is_candidate(term: str, source: str) -> bool:
    """Short noun-like terms with a meaning of their own; idioms and verbs translate freely."""
    if len(term) > 4 or is_compositional(term):
        return False
    meaning = dictionary_meaning(term)
    if meaning[:1].isupper():
        return True
    return any(word == term and flag[:1] in ("n", "j") for word, flag in lexicon.tagged_words(source))
