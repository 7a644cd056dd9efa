"""Term extraction from a Chinese corpus: jieba words → noun-phrase candidates → C-value,
weighted by domain specificity against jieba's general-language IDF table.

A candidate is a run of one to seven jieba words inside a clause that starts with neither a
verb nor an adverb and ends with a noun-like word (长三角生态绿色一体化发展示范区,
虹桥国际开放枢纽, G60科创走廊, 长三角). Its C-value (Frantzi et al. 2000) rewards
frequency and length and discounts a term seen mostly inside longer ones (生态绿色 inside
长三角生态绿色一体化发展示范区); one found almost only inside a single longer candidate is a
fragment and is dropped. Specificity is the mean IDF of its words in jieba's table;
words missing from that table are the rarest and score highest. Transliterated person and
place names alone (上海 → Shanghai) are left out: they need no glossary entry.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..language import lexicon, names

MAX_WORDS = 7
NESTED_SHARE = 0.75  # a candidate found this often inside one longer candidate is a fragment
SPECIFICITY_POWER = 3  # how strongly general-language words are pushed down
MIN_SINGLE_SPECIFICITY = 0.5  # a one-word term must be at least this specific (发展 is 0.30)
# tags that end a candidate run: punctuation, particles, prepositions, conjunctions, adverbs,
# pronouns, locatives, numerals, measure words, time words, interjections
_BREAK = {"x", "uj", "ul", "uz", "ug", "ud", "uv", "u", "p", "c", "d", "r", "y", "e", "o", "w",
          "f", "m", "mq", "q", "t", "tg", "zg", "df", "dg", "rr", "rz", "k", "h"}
_NO_START = {"v", "vd", "vi", "vg", "ad", "ag", "a", "b"}
_NOUN_END = {"n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "j", "vn", "l", "eng", "ng", "an", "nl"}
_PERSON_TAGS = {"nr", "nrt", "nrfg"}
# a few very common single words that jieba tags as nouns but that no glossary needs
_GENERAL = frozenset("我们 他们 工作 方面 问题 情况 时候 部分 方式 内容 水平 作用 同志 记者 表示".split())


@dataclass(frozen=True)
class TermCandidate:
    term: str
    words: tuple[str, ...]
    frequency: int
    documents: int
    cvalue: float
    specificity: float
    score: float


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's bundled IDF table (general-language document frequencies) and its median."""
    from importlib.util import find_spec

    # found, not imported: jieba.analyse's import parses jieba's dictionary for jieba.posseg
    # (0.6 s), which lexicon loads from the cache folder instead
    path = Path(find_spec("jieba.analyse").origin).parent / "idf.txt"
    table: dict[str, float] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.strip().rpartition(" ")
            if word:
                table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


def specificity(words: tuple[str, ...]) -> float:
    """Mean of the average and the highest word IDF, over the table's median: a phrase is as
    specific as its rarest word, tempered by the rest (发展 0.30, 长三角 0.75, 科创 1.16)."""
    table, median = idf_table()
    top = max(table.values()) if table else 14.0
    # a word jieba's corpus never saw is as rare as the rarest it did see
    values = [table.get(w, top) for w in words]
    return (sum(values) / len(values) + max(values)) / 2 / median


def _runs(sentence: str) -> list[list[tuple[str, str]]]:
    """Clauses of content words: (word, tag) runs between breaking words."""
    runs: list[list[tuple[str, str]]] = [[]]
    for word, tag in lexicon.tagged_words(sentence):
        if tag in _BREAK or not word.strip() or word in ("的", "之"):
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((word, tag))
    return [r for r in runs if r]


def _is_transliterated_name(word: str, tag: str) -> bool:
    """A name whose English is its pinyin (上海 Shanghai, 郑永刚): nothing to put in a
    glossary. A name with a meaning of its own (长三角 Yangtze River Delta) stays."""
    return names.is_name(word, tag) and (not lexicon.senses(word) or bool(names.name_reading(word)))


def _only_verb(word: str) -> bool:
    """A verb by jieba's dictionary (or unknown to it) whose every CC-CEDICT sense is a verb
    ('to exert oneself'); 一体化 ('to integrate', tagged l) stays: it is used as a noun."""
    if lexicon.word_tag(word)[:1] not in ("", "v") or lexicon.word_tag(word) == "vn":
        return False
    senses = [s for s in lexicon.senses(word) if not lexicon.is_reference(s)]
    return bool(senses) and all(lexicon.is_verb_sense(s) for s in senses)


def candidates(sentences: list[tuple[str, str]]) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """(document, sentence) pairs → each candidate's word tuple with where it occurs."""
    found: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    for document, sentence in sentences:
        for run in _runs(sentence):
            for i in range(len(run)):
                if run[i][1] in _NO_START:
                    continue
                for j in range(i + 1, min(len(run), i + MAX_WORDS) + 1):
                    words = run[i:j]
                    if words[-1][1] not in _NOUN_END:
                        continue
                    if len(words) == 1 and (_is_transliterated_name(*words[0])
                                            or words[0][0] in _GENERAL
                                            or len(words[0][0]) < 2
                                            or _only_verb(words[0][0])):
                        continue
                    if len(words) > 1 and any(tag in _PERSON_TAGS for _, tag in words):
                        continue  # a title with a name (市长龚正) is not a term
                    found[tuple(w for w, _ in words)].append((document, sentence))
    return found


def extract_terms(sentences: list[tuple[str, str]], min_frequency: int = 2,
                  top: int | None = None) -> list[TermCandidate]:
    """Rank candidate terms of a corpus given as (document name, sentence) pairs."""
    found = candidates(sentences)
    frequent = {words: places for words, places in found.items()
                if len(places) >= min_frequency and any(lexicon.HAN.search(w) for w in words)}
    # nested: for each candidate, the longer frequent candidates that contain it
    containers: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for longer, places in frequent.items():
        for i in range(len(longer)):
            for j in range(i + 1, len(longer) + 1):
                if (j - i) < len(longer) and longer[i:j] in frequent:
                    containers[longer[i:j]].append(len(places))
    ranked = []
    for words, places in frequent.items():
        f = len(places)
        nested = containers.get(words, [])
        if nested and max(nested) >= NESTED_SHARE * f:
            continue  # almost always inside one longer term: a fragment of it (书记 in 总书记)
        adjusted = f - (sum(nested) / len(nested) if nested else 0.0)
        cvalue = math.log2(1 + len(words)) * adjusted
        if cvalue <= 0:
            continue
        spec = specificity(words)
        if len(words) == 1 and spec < MIN_SINGLE_SPECIFICITY:
            continue
        ranked.append(TermCandidate(
            "".join(words), words, f, len({d for d, _ in places}), round(cvalue, 3),
            round(spec, 3), round(cvalue * spec ** SPECIFICITY_POWER, 3)))
    ranked.sort(key=lambda c: (-c.score, -c.frequency, c.term))
    return ranked[:top] if top else ranked


def corpus_sentences(paths: list[Path]) -> list[tuple[str, str]]:
    """Read and segment each Chinese corpus file: (file name, sentence) pairs."""
    from ..io.read import read_file
    from ..language.segment import segment

    return [(path.name, s.text) for path in paths for s in segment(read_file(path).blocks, "zh")]
