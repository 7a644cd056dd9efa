"""The numpy Viterbi decoder for jieba's part-of-speech HMM gives jieba's own answers: every
call jieba makes while tagging the seed articles and the batch fixtures, decoded both ways."""

from __future__ import annotations

import pytest
import regex

from align.language import lexicon, posseg_hmm

from tests.helpers import DATA, SEEDS


@pytest.fixture(scope="module")
def hmm_calls():
    """The character runs jieba hands its HMM (words its dictionary lacks: names, mostly)."""
    import jieba.posseg
    from jieba.posseg.viterbi import viterbi as jiebas

    lexicon._jieba()
    texts = [p.read_bytes().decode("utf-8", "replace")
             for p in [*SEEDS.glob("*.txt"), DATA / "zh3.txt", *(DATA / "batch").glob("*.zh.*")]]
    chinese = [t for t in texts if len(regex.findall(r"\p{Han}", t)) > len(t) / 4]
    calls: list[str] = []

    def recording(obs, *tables):
        calls.append(obs)
        return jiebas(obs, *tables)

    jieba.posseg.viterbi = recording
    try:
        for text in chinese:
            list(jieba.posseg.cut(text))
    finally:
        posseg_hmm.install()
    return calls


def test_same_path_and_score_as_jieba_on_real_text(hmm_calls):
    import jieba.posseg as tables
    from jieba.posseg.viterbi import viterbi as jiebas

    args = (tables.char_state_tab_P, tables.start_P, tables.trans_P, tables.emit_P)
    assert len(hmm_calls) > 300  # enough unknown words to mean something
    for obs in hmm_calls:
        assert posseg_hmm.viterbi(obs, *args) == jiebas(obs, *args), obs


@pytest.mark.parametrize("obs", [
    "龘靐齉",  # characters the HMM never saw: every state allowed, scores tied at its floor
    "陈清扬",  # a name
    "习",  # one character
    "王二和阿尔巴尼亚的朋友",
])
def test_same_answer_on_edge_cases(obs):
    import jieba.posseg as tables
    from jieba.posseg.viterbi import viterbi as jiebas

    args = (tables.char_state_tab_P, tables.start_P, tables.trans_P, tables.emit_P)
    assert posseg_hmm.viterbi(obs, *args) == jiebas(obs, *args)


def test_lexicon_tags_with_it():
    import jieba.posseg

    lexicon._jieba()
    assert jieba.posseg.viterbi is posseg_hmm.viterbi
    assert ("罗小四", "nr") in lexicon.tagged_words("我还借了罗小四的汽枪。")  # found by the HMM
