"""Cross-document terminology: per document, the renderings of the terms the consistency
check follows; across a corpus, the terms rendered differently from one document to another.

The per-document half runs in the worker with the pair's other outputs (renderings.csv, which
also carries each rendering's content-word key and the term's dictionary meaning); the corpus
half groups those tables, so it needs no dictionary, stemmer or model.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from .checks import CheckContext
from .checks.consistency import followed_renderings, same_rendering
from .terms import dictionary_meaning, rendering_key

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
    rows: list[list[object]] = []
    if renderings.empty:
        return pd.DataFrame(rows, columns=CONSISTENCY_COLUMNS)
    for term, found in renderings.groupby("term", sort=True):
        if found["pair"].nunique() < 2:
            continue
        groups = _groups(list(zip(found["pair"], found["rendering"], found["key"])))
        if len(groups) < 2:
            continue
        backed_texts = set(found.loc[found["backed"].astype(int) == 1, "rendering"])
        backed = [any(text in backed_texts for _, text, _ in g) for g in groups]
        if all(backed):
            continue  # every rendering carries a dictionary sense: synonyms, as in the check
        meaning_key = frozenset(str(found["meaning_key"].iloc[0]).split())
        described = sorted(
            ((_surface(g), g, b) for g, b in zip(groups, backed)),
            key=lambda sgb: (not (meaning_key and same_rendering(sgb[1][0][2], meaning_key)),
                             not sgb[2], -len({p for p, _, _ in sgb[1]}), -len(sgb[1]), sgb[0]))
        suggestion = described[0][0]
        for surface, group, _ in described:
            documents = sorted({pair for pair, _, _ in group})
            variants = sorted({text for _, text, _ in group} - {surface})
            rows.append([term, surface, tuple(variants), len(group), len(documents),
                         tuple(documents), suggestion])
    table = pd.DataFrame(rows, columns=CONSISTENCY_COLUMNS)
    # the terms spread over the most documents first
    spread = table.groupby("term")["documents"].transform("sum")
    order = table.assign(_spread=spread).sort_values(["_spread", "term", "documents"],
                                                     ascending=[False, True, False], kind="stable")
    return order.drop(columns="_spread").reset_index(drop=True)


Found = tuple[str, str, frozenset[str]]  # pair, rendering, its key


def _groups(found: list[tuple[str, str, str]]) -> list[list[Found]]:
    """(pair, rendering, key) grouped by content words, longest keys first as the check does;
    each group's first member holds the key the others joined."""
    keyed = [(pair, text, frozenset(str(key).split())) for pair, text, key in found]
    groups: list[list[Found]] = []
    for item in sorted(keyed, key=lambda f: (-len(f[2]), f[1], f[0])):
        for members in groups:
            if same_rendering(members[0][2], item[2]):
                members.append(item)
                break
        else:
            groups.append([item])
    return groups


def _surface(group: list[Found]) -> str:
    counts = Counter(text for _, text, _ in group)
    return min(counts, key=lambda text: (-counts[text], text))
