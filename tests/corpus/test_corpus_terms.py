"""The corpus term list: the terms a glossary would hold, where a second rendering matters
most first; ordinary words translated freely left out."""

from __future__ import annotations

import pandas as pd
import pytest

from align.corpus.corpus_terms import corpus_consistency, glossary_kind


def _renderings(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """(pair, term, rendering) → the renderings table, no rendering backed by a dictionary."""
    return pd.DataFrame([{"pair": pair, "term": term, "rendering": text,
                          "key": " ".join(sorted(w[:4] for w in text.lower().split())),
                          "backed": 0, "meaning_key": ""} for pair, term, text in rows])


@pytest.mark.parametrize("term, kind", [
    ("长三角", "name"), ("外交部", "name"), ("天安门", "name"), ("一体化", "set phrase"),
    ("开门见山", "set phrase"), ("龙头", "noun"), ("生产队", "noun"), ("开发区", "noun"),
    ("走进", ""), ("还有", ""), ("不会", ""), ("房子", ""), ("东西", ""),
])
def test_the_kind_of_glossary_term(term, kind):
    assert glossary_kind(term) == kind


def test_free_renderings_of_ordinary_words_are_left_alone_and_names_come_first():
    table = corpus_consistency(_renderings([
        ("a", "走进", "entered"), ("b", "走进", "walked"), ("c", "走进", "went"),
        ("a", "还有", "addition"), ("b", "还有", "also"),
        ("a", "龙头", "head"), ("b", "龙头", "leader"), ("c", "龙头", "leader"),
        ("a", "天安门", "Tiananmen"), ("b", "天安门", "Gate of Heavenly Peace"),
    ]))
    assert list(dict.fromkeys(table["term"])) == ["天安门", "龙头"]
    assert set(table[table["term"] == "龙头"]["kind"]) == {"noun"}


@pytest.mark.parametrize("term", ["和尚", "阳光", "明白", "站起来"])
def test_common_words_jieba_tags_as_names_or_lacks_are_no_terms(term):
    assert glossary_kind(term) == ""
