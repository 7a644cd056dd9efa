"""Lexical alignment signal: what the Chinese words mean in English, against the English words.

Both sides become hashed bags of English stems (dictionary senses, pinyin of names, numbers),
weighted by rarity; `MixedRuns` mixes them into the embeddings the aligner compares.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..language import english, lexicon
from .embeddings import SideEmbeddings, run_window, unit_rows, window_sums
from ..language.numbers import numbers_in

DIM = 1024


@lru_cache(maxsize=300_000)
def _slot(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) % DIM


@lru_cache(maxsize=200_000)
def _word_tokens(word: str) -> tuple[tuple[str, float], ...]:
    """English stems a Chinese word may be rendered by, each with a weight."""
    if lexicon.HAN.search(word) is None:
        return ((word.lower(), 1.0),) if word.strip() else ()
    found = lexicon.senses(word)
    if found:
        stems: list[str] = []
        for sense in found[:8]:
            stems += [english.stem(w) for w in lexicon.sense_words(sense)]
        unique = list(dict.fromkeys(stems))
        if lexicon.is_proper_name(word):
            unique.append(lexicon.pinyin(word))
        weight = 1.0 / np.sqrt(max(1, len(unique)))
        return tuple((s, weight) for s in unique)
    if len(word) == 1:
        return ()
    # unknown words are often names: 陈清扬 → chenqingyang, chen, qingyang
    full = lexicon.pinyin(word)
    tokens = [(full, 1.0)]
    if len(word) == 3:
        tokens += [(lexicon.pinyin(word[0]), 0.5), (lexicon.pinyin(word[1:]), 0.8)]
    return tuple(tokens)


def chinese_bag(text: str) -> Counter:
    bag: Counter = Counter()
    # jieba with parts of speech: the same segmentation the term alignment reads later,
    # so each sentence is cut once
    for word, _ in lexicon.tagged_words(text):
        if not word.strip():
            continue
        for token, weight in _word_tokens(word):
            bag[token] += weight
    for value in numbers_in(text, "zh"):
        bag[f"#{value:g}"] += 1.0
    return bag


def english_bag(text: str) -> Counter:
    bag: Counter = Counter()
    for word in english.words(text):
        if word not in english.STOPWORDS and not word.isdigit():
            bag[english.stem(word)] += 1.0
    for value in numbers_in(text, "en"):
        bag[f"#{value:g}"] += 1.0
    return bag


def _add_row(out: np.ndarray, row: int, bag: Counter, idf: dict[str, float]) -> None:
    for token, weight in bag.items():
        if weight > 0:
            out[row, _slot(token)] += weight * idf.get(token, 1.0)


def lexical_vectors(source: list[str], target: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Un-normalised hashed vectors for both sides, rare shared tokens weighted up.

    The target's bags are kept (their words give the weights); each source bag, with the
    senses of all its words, is made, used and dropped in turn, so a long document never
    holds them all (150 MB at 10,000 sentences)."""
    tgt_bags = [english_bag(text) for text in target]
    tgt_vocab = {t for bag in tgt_bags for t in bag}
    df: Counter = Counter()
    for bag in tgt_bags:
        df.update(t for t in bag)
    n = max(1, len(tgt_bags))
    idf = {t: float(np.log(1.0 + n / (1 + df[t]))) for t in tgt_vocab}
    tgt = np.zeros((len(target), DIM), dtype=np.float32)
    for row, bag in enumerate(tgt_bags):
        _add_row(tgt, row, bag, idf)
    del tgt_bags
    src = np.zeros((len(source), DIM), dtype=np.float32)
    for row, text in enumerate(source):
        bag = chinese_bag(text)
        # tokens the target never uses add nothing but noise
        for token in [t for t in bag if t not in tgt_vocab]:
            del bag[token]
        _add_row(src, row, bag, idf)
    return src, tgt


@dataclass
class MixedRuns:
    """Embeddings and lexical vectors side by side, so a dot product mixes both cosines."""

    embeddings: SideEmbeddings
    lexical: np.ndarray  # un-normalised; runs are sums
    weight: float  # share of the lexical cosine in the mixed similarity

    @property
    def vectors(self) -> np.ndarray:
        return self.runs(1)

    def runs(self, length: int) -> np.ndarray:
        return self.run_rows(length, 0, len(self.lexical))

    def run_rows(self, length: int, start: int, stop: int) -> np.ndarray:
        neural_share = np.float32(np.sqrt(1.0 - self.weight))
        lexical_share = np.float32(np.sqrt(self.weight))
        width = self.embeddings.vectors.shape[1]
        out = np.empty((stop - start, width + self.lexical.shape[1]), dtype=np.float32)
        # made in chunks: all single sentences at once would need three times their size
        for first in range(start, stop, CHUNK):
            last = min(stop, first + CHUNK)
            rows = slice(first - start, last - start)
            out[rows, :width] = self.embeddings.run_rows(length, first, last) * neural_share
            lexical = run_window(self.lexical, length, first, last)
            if length > 1:  # a run past the end sums to zero and stays zero
                lexical = window_sums(lexical, length)[:last - first]
            out[rows, width:] = unit_rows(lexical) * lexical_share
        return out


CHUNK = 4096  # rows of mixed runs made at once
