"""Cross-document terminology: per document, the renderings of the terms the consistency
check follows; across a corpus, the terms rendered differently from one document to another.

The per-document half runs in the worker with the pair's other outputs (renderings.csv, which
also carries each rendering's content-word key and the term's dictionary meaning); the corpus
half groups those tables, so it needs no dictionary, stemmer or model.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from ..checks import CheckContext
from ..checks.consistency import followed_renderings, group_by_key, same_rendering
from ..language.terms import dictionary_meaning, rendering_key

RENDERING_COLUMNS = ["term", "bead", "rendering", "key", "backed", "meaning", "meaning_key"]
CONSISTENCY_COLUMNS = ["term", "rendering", "variants", "occurrences", "documents", "pairs",
                       "suggestion"]


@dataclass(frozen=True)
class TermRendering:
    term: str
    bead: int
    rendering: str
    key: str  # the rendering's content-word stems (terms.rendering_key), space-separated
    backed: bool  # a dictionary sense or the glossary ties it to the term
    meaning: str  # the term's dictionary meaning, and its key
    meaning_key: str

    def row(self) -> list[object]:
        return [self.term, self.bead, self.rendering, self.key, int(self.backed), self.meaning,
                self.meaning_key]


def _key(text: str) -> str:
    return " ".join(sorted(rendering_key(text)))


def document_renderings(context: CheckContext) -> list[TermRendering]:
    """Every rendering, in this document, of a term the consistency check follows, in
    document order: the check's own finder on the run's own context, so both agree on what
    a rendering is and the term alignment is not computed twice."""
    found = followed_renderings(context)
    meanings = {term: dictionary_meaning(term) for term in sorted({r.term for r in found})}
    return [TermRendering(r.term, r.pair.index, r.text, _key(r.text), r.backed,
                          meanings[r.term], _key(meanings[r.term])) for r in found]


def corpus_consistency(renderings: pd.DataFrame) -> pd.DataFrame:
    """Terms whose renderings fall into two or more groups across two or more documents:
    one row per (term, group). `renderings` has the column pair and RENDERING_COLUMNS;
    `variants` (other spellings in the group) and `pairs` (the documents) are tuples.

    Renderings group as the consistency check groups them (a rendering whose content words
    lie inside another's joins it: "Delta" with "Yangtze River Delta"); a term whose every
    group carries a dictionary sense has synonyms, not a problem, and is left out. The
    suggestion is, as in the check, the dictionary meaning where the corpus uses it; else a
    rendering the dictionary backs; then the group used by the most documents, the most often."""
    by_term: dict[str, list[Found]] = defaultdict(list)
    meaning_keys: dict[str, frozenset[str]] = {}
    # plain records, not pandas groups: a corpus has tens of thousands of terms
    for pair, term, text, key, backed, meaning_key in renderings[
            ["pair", "term", "rendering", "key", "backed", "meaning_key"]].itertuples(index=False):
        by_term[term].append(Found(pair, text, frozenset(str(key).split()), bool(int(backed))))
        meaning_keys.setdefault(term, frozenset(str(meaning_key).split()))
    rows: list[list[object]] = []
    for term in sorted(by_term):
        found = by_term[term]
        if len({f.pair for f in found}) < 2:
            continue
        groups = _groups(found)
        if len(groups) < 2:
            continue
        backed = [any(f.backed for f in g) for g in groups]
        if all(backed):
            continue  # every rendering carries a dictionary sense: synonyms, as in the check
        meaning_key = meaning_keys[term]
        described = sorted(
            ((_surface(g), g, b) for g, b in zip(groups, backed)),
            key=lambda sgb: (not (meaning_key and same_rendering(sgb[1][0].key, meaning_key)),
                             not sgb[2], -len({f.pair for f in sgb[1]}), -len(sgb[1]), sgb[0]))
        suggestion = described[0][0]
        spread = len({f.pair for f in found})
        for surface, group, _ in described:
            documents = sorted({f.pair for f in group})
            variants = sorted({f.text for f in group} - {surface})
            rows.append([term, surface, tuple(variants), len(group), len(documents),
                         tuple(documents), suggestion, spread])
    # the terms spread over the most documents first
    rows.sort(key=lambda row: (-row[-1], row[0]))
    return pd.DataFrame([row[:-1] for row in rows], columns=CONSISTENCY_COLUMNS)


class Found(NamedTuple):
    pair: str
    text: str
    key: frozenset[str]  # its content words
    backed: bool


def _groups(found: list[Found]) -> list[list[Found]]:
    """Renderings grouped by content words, longest keys first as the check does; each
    group's first member holds the key the others joined."""
    return group_by_key(sorted(found, key=lambda f: (-len(f.key), f.text, f.pair)))


def _surface(group: list[Found]) -> str:
    counts = Counter(f.text for f in group)
    return min(counts, key=lambda text: (-counts[text], text))
