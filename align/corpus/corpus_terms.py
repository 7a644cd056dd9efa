"""Cross-document terminology: per document, the renderings of the terms the consistency
check follows; across a corpus, the terms rendered differently from one document to another.

The per-document half runs in the worker with the pair's other outputs (renderings.csv, which
also carries each rendering's content-word key and the term's dictionary meaning); the corpus
half groups those tables, and keeps the terms a glossary would hold (names, institutions,
abbreviations, set phrases, specific nouns: jieba's tag and IDF), where a second rendering is
likely a slip; an ordinary word translated freely (走进 "entered / walked") is left alone.
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
                       "suggestion", "kind"]


@dataclass(frozen=True)
class TermSettings:
    """Which terms the corpus list keeps, by jieba's part of speech and IDF specificity
    (glossary.extract.specificity: 发展 0.30, 房子 0.53, 龙头 0.61, 开发区 0.72)."""

    name_tags: frozenset[str] = frozenset({"nr", "ns", "nt", "nz", "nrt", "nrfg"})
    phrase_tags: frozenset[str] = frozenset({"i", "l"})
    noun_tags: frozenset[str] = frozenset({"n"})
    # a name under this is a common word jieba tags as a place (东西 0.40 "east and west")
    name_specificity: float = 0.41
    # an ordinary noun (房子 0.53, 桌子 0.59, 老人 0.53) is translated freely in literature;
    # a specific one (龙头 0.61, 火车站 0.69, 生产队 0.80) is a glossary's
    noun_specificity: float = 0.6


TERMS = TermSettings()
# how much a second rendering matters, most first
# an idiom (一声不吭) is said many ways in good translations, a specific noun (猎枪) less so
KIND_WEIGHT = {"name": 3, "abbreviation": 3, "noun": 2, "set phrase": 1}


def glossary_kind(term: str) -> str:
    """What kind of glossary term `term` is (name, abbreviation, set phrase, noun), or ""
    for a word a glossary would not hold."""
    from ..glossary.extract import specificity
    from ..language import lexicon

    tag = lexicon.word_tag(term)
    specific = specificity((term,))
    if tag == "j":
        return "abbreviation"
    # jieba tags some common words as names (和尚 nr, 阳光 nr): a name is one to the
    # dictionary too, or a word it lacks
    named = lexicon.is_proper_name(term) or tag in TERMS.name_tags and not lexicon.senses(term)
    if named and specific >= TERMS.name_specificity:
        return "name"
    if tag in TERMS.phrase_tags:
        return "set phrase"
    # a word jieba's dictionary lacks (很漂亮, 站起来) is a cut of the sentence, not a term
    if (tag in TERMS.noun_tags or tag in TERMS.name_tags) and \
            specific >= TERMS.noun_specificity:
        return "noun"
    return ""


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
        kind = glossary_kind(term)
        if not kind:
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
                         tuple(documents), suggestion, kind,
                         (KIND_WEIGHT[kind], spread, len(found))])
    # where a second rendering matters most (names, institutions...), then the terms spread
    # over the most documents and used the most; a term's rows stay together, in order
    rows.sort(key=lambda row: (-row[-1][0], -row[-1][1], -row[-1][2], row[0]))
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
