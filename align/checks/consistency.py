"""Inconsistent rendering: one source term rendered several ways across the document
(长三角 → "long triangle", "Yangtze River Triangulation", "Yangtze River Delta").

For each term with a meaning of its own (CC-CEDICT, not built from its parts, or a proper
name), the rendering in each pair is the run of target words that carry the term's senses or
its parts' senses. When a document shows two or more renderings that are not inflections of
one another, every occurrence that differs from the suggested one is flagged with the counts.
The suggestion is, in order: the dictionary meaning if the text uses it, the rendering of the
term's full form where the text has one (长江三角洲 for 长三角), the dictionary meaning,
the most frequent rendering.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .. import lexicon
from ..terms import dictionary_meaning, full_form, is_compositional, rendering_key, renderings_in
from ..types import Flag, Pair, Severity
from . import CheckContext, register


@dataclass(frozen=True)
class Rendering:
    pair: Pair
    text: str

    @property
    def key(self) -> frozenset[str]:
        return rendering_key(self.text)


def same_rendering(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


def _qualifies(term: str, pair: Pair, context: CheckContext) -> bool:
    """Proper terms (the dictionary meaning is capitalised: 长三角 → Yangtze River Delta), and
    terms with their own meaning that this target renders literally somewhere."""
    meaning = dictionary_meaning(term)
    if len(term) < 2 or not meaning:
        return False
    if meaning[:1].isupper():
        # a transliterated name (上海 → Shanghai, 安徽 → Anhui Province) has one obvious
        # rendering, and its dictionary notes ("capital of Anhui") are not renderings
        return not meaning.replace(" ", "").lower().startswith(lexicon.pinyin(term))
    return len(term) <= 4 and bool(context.literal_spans(pair, term)) and not is_compositional(term)


@register("consistency")
def check(context: CheckContext) -> list[Flag]:
    seen: dict[str, list[Rendering]] = defaultdict(list)
    qualified: set[str] = set()
    source_text = "".join(s.text for s in context.source)
    for pair in context.matched:  # first the terms worth following
        qualified.update(hit.term for hit in context.source_terms(pair)
                         if hit.term not in qualified and _qualifies(hit.term, pair, context))
    for pair in context.matched:  # then their renderings, pair by pair
        target = context.target_tokens(pair)
        for term in {hit.term for hit in context.source_terms(pair)} & qualified:
            for text in renderings_in(term, target, pair.target_text):
                seen[term].append(Rendering(pair, text))
    flags: list[Flag] = []
    for term, found in seen.items():
        groups = _group(found)
        if len(groups) < 2:
            continue
        suggestion, why = _suggest(term, groups, source_text)
        counts = ", ".join(f'"{_surface(g)}" ×{len(g)}' for g in groups)
        for group in groups:
            if same_rendering(group[0].key, rendering_key(suggestion)):
                continue
            for r in group:
                flags.append(Flag("consistency", "terminology/inconsistent", Severity.MINOR,
                                  r.pair.index, r.pair.source_ids, r.pair.target_ids,
                                  src_term=term, tgt_span=r.text, suggestion=suggestion,
                                  message=f"{term} is rendered {len(groups)} ways in this "
                                          f'document: {counts}; use "{suggestion}" ({why})'))
    return flags


def _group(found: list[Rendering]) -> list[list[Rendering]]:
    """Renderings grouped by key, most frequent first; a key inside another joins it."""
    groups: list[list[Rendering]] = []
    for r in sorted(found, key=lambda r: -len(r.key)):
        for group in groups:
            if same_rendering(group[0].key, r.key):
                group.append(r)
                break
        else:
            groups.append([r])
    return sorted(groups, key=lambda g: -len(g))


def _surface(group: list[Rendering]) -> str:
    return Counter(r.text for r in group).most_common(1)[0][0]


def _suggest(term: str, groups: list[list[Rendering]], source_text: str) -> tuple[str, str]:
    meaning = dictionary_meaning(term)
    key = rendering_key(meaning)
    for group in groups:
        if key and group[0].key == key:
            return _surface(group), "the dictionary meaning, used in this text"
    full = full_form(term)
    if full and full in source_text and dictionary_meaning(full):
        return dictionary_meaning(full), f"the meaning of its full form {full}, which this text uses"
    if meaning:
        return meaning, "the dictionary meaning"
    return _surface(groups[0]), "the most frequent rendering"
