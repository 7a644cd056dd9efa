"""Literal translation: a term rendered word by word from its characters while the dictionary
gives it a meaning of its own ("long triangle" for 长三角, the Yangtze River Delta).
"""

from __future__ import annotations

from .. import lexicon
from ..terms import dictionary_terms, is_compositional, literal_spans, tokens
from ..types import Flag, Severity
from . import CheckContext, register


@register("literal")
def check(context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    for pair in context.matched:
        target = tokens(pair.target_text)
        seen: set[tuple[str, int]] = set()
        for hit in dictionary_terms(pair.source_text):
            if lexicon.is_proper_name(hit.term) or is_compositional(hit.term):
                continue
            for start, end in literal_spans(hit.term, target):
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


def dictionary_meaning(term: str) -> str:
    """The first sense, without its notes: 'Yangtze River Delta (abbr. for …)' → 'Yangtze River Delta'."""
    for sense in lexicon.senses(term):
        clean = sense.split(" (")[0].strip()
        if clean and not clean.lower().startswith(("cl:", "see ", "variant")):
            return clean
    return ""
