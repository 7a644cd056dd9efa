"""Inconsistent rendering: one source term rendered several ways across the document
(长三角 → "long triangle", "Yangtze River Triangulation", "Yangtze River Delta").

Reads the term alignment. A term is followed when it has a meaning to translate (not a name,
see `align.language.names`) and two or more characters. Its renderings are grouped (a
rendering whose content words lie inside another's joins it: "Delta" with "Yangtze River
Delta"); dictionary synonyms ("EU" and "European Union" are both senses of 欧盟) are one
rendering. Two or more groups give one finding, at the first place that differs from the
suggestion, listing all the other places. The suggestion is the dictionary meaning if the
text uses it, the meaning of the term's full form where the text has it (长江三角洲 for 长三角),
else the rendering backed by the dictionary that is used most.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ..language.terms import dictionary_meaning, full_form, rendering_key
from ..types import Flag, Pair, Place, Severity
from . import CheckContext, register

# evidence that ties a rendering to the term itself: a dictionary sense or the glossary
_WORD_LEVEL = frozenset({"phrase", "sense", "glossary"})


@dataclass(frozen=True)
class Rendering:
    term: str
    pair: Pair
    text: str
    backed: bool  # every word of it carries a dictionary sense of the term (or the glossary)
    offsets: tuple[int, int]

    @property
    def key(self) -> frozenset[str]:
        return rendering_key(self.text)


def followed_renderings(context: CheckContext) -> list[Rendering]:
    """Every rendering, in document order, of the terms this check follows."""
    found = []
    for pair in context.matched:
        alignment = context.links(pair)
        for link in alignment.links:
            if len(link.units) != 1 or link.evidence in ("number", "latin"):
                continue
            unit = alignment.units[link.units[0]]
            if unit.name or not unit.han or len(unit.text) < 2:
                continue
            backed = all(lv in _WORD_LEVEL for lv in link.levels if lv)
            found.append(Rendering(unit.text, pair, alignment.text_of(link), backed,
                                   alignment.target_offsets(link)))
    return found


def same_rendering(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


@register("consistency")
def check(context: CheckContext) -> list[Flag]:
    by_term: dict[str, list[Rendering]] = defaultdict(list)
    for r in followed_renderings(context):
        by_term[r.term].append(r)
    source_text = "".join(s.text for s in context.source)
    flags: list[Flag] = []
    for term, found in by_term.items():
        groups = group_renderings(found)
        if len(groups) < 2:
            continue
        if all(any(r.backed for r in g) for g in groups):
            continue  # every rendering carries a dictionary sense: synonyms, not a problem
        suggestion, why = suggest(term, groups, source_text)
        wanted = rendering_key(suggestion)
        differing = [r for g in groups if not same_rendering(g[0].key, wanted) for r in g]
        if not differing:
            continue
        differing.sort(key=lambda r: r.pair.index)
        counts = ", ".join(f'"{surface(g)}" ×{len(g)}' for g in groups)
        first, rest = differing[0], differing[1:]
        flags.append(Flag(
            "consistency", "terminology/inconsistent", Severity.MINOR, first.pair.index,
            first.pair.source_ids, first.pair.target_ids, src_term=term, tgt_span=first.text,
            suggestion=suggestion, target_offsets=first.offsets, kind="renderings",
            places=tuple(Place(r.pair.index, r.text, r.offsets) for r in rest),
            message=f'{term} is rendered {len(groups)} ways in this document: {counts}; '
                    f'use "{suggestion}" ({why}); {len(differing)} place(s) differ'))
    return flags


class Keyed(Protocol):
    @property
    def key(self) -> frozenset[str]: ...


K = TypeVar("K", bound=Keyed)


def group_by_key(ordered: Iterable[K]) -> list[list[K]]:
    """Renderings grouped in the order given (longest keys first); a key inside another joins
    the group whose first member holds it. The check and the corpus-wide report share this."""
    groups: list[list[K]] = []
    for item in ordered:
        for group in groups:
            if same_rendering(group[0].key, item.key):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def group_renderings(found: list[Rendering]) -> list[list[Rendering]]:
    """Renderings grouped by key, most frequent first; a key inside another joins it."""
    groups = group_by_key(sorted(found, key=lambda r: (-len(r.key), r.pair.index)))
    return sorted(groups, key=lambda g: (-len(g), g[0].pair.index))


def surface(group: list[Rendering]) -> str:
    return Counter(r.text for r in group).most_common(1)[0][0]


def suggest(term: str, groups: list[list[Rendering]], source_text: str) -> tuple[str, str]:
    meaning = dictionary_meaning(term)
    key = rendering_key(meaning)
    for group in groups:
        if key and same_rendering(group[0].key, key):
            return surface(group), "the dictionary meaning, used in this text"
    full = full_form(term)
    if full and full in source_text and dictionary_meaning(full):
        return dictionary_meaning(full), f"the meaning of its full form {full}, which this text uses"
    backed = [g for g in groups if any(r.backed for r in g)]
    if backed:
        return surface(backed[0]), "the rendering the dictionary backs, used most in this text"
    if meaning:
        return meaning, "the dictionary meaning"
    return surface(groups[0]), "the most frequent rendering"
