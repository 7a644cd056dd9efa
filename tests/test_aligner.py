from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from align.aligner import AlignSettings, Side, align
from align.encoders import MeanRuns
from align.pipeline import align_documents
from align.read import read_file
from align.align_format import parse_align
from align.score import score
from align.segment import segment

from conftest import MAC

needs_mac = pytest.mark.skipif(not MAC.exists(), reason=f"benchmark data not found at {MAC}")


def _covered(beads, n, m):
    src = [i for b in beads for i in b.source_ids]
    tgt = [j for b in beads for j in b.target_ids]
    return src == list(range(n)) and tgt == list(range(m))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 2**31 - 1))
def test_every_sentence_in_exactly_one_bead_in_order(n, m, seed):
    rng = np.random.default_rng(seed)
    src = rng.normal(size=(n, 16)).astype(np.float32)
    # the target is a noisy, partly shuffled copy: insertions and deletions happen
    keep = rng.random(n) > 0.2
    tgt = np.concatenate([src[keep] + 0.3 * rng.normal(size=(keep.sum(), 16)),
                          rng.normal(size=(max(0, m - keep.sum()), 16))])[:m].astype(np.float32)
    tgt = tgt if len(tgt) else np.zeros((0, 16), np.float32)
    norm = lambda x: x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    beads = align(Side(MeanRuns(norm(src)), np.full(n, 20.0)),
                  Side(MeanRuns(norm(tgt)), np.full(len(tgt), 60.0)))
    assert _covered(beads, n, len(tgt))


@needs_mac
def test_coarse_band_path_matches_full(encoder):
    """Long documents go through the block pass; its result must equal the full search here."""
    src = segment(read_file(MAC / "zh" / "001.txt", fmt="lines").blocks, "zh")
    tgt = segment(read_file(MAC / "en" / "001.txt", fmt="lines").blocks, "en")
    full = align_documents(src, tgt, encoder, AlignSettings())
    coarse = align_documents(src, tgt, encoder, AlignSettings(coarse_cells=1000))
    same = sum(a.source_ids == b.source_ids and a.target_ids == b.target_ids
               for a, b in zip(full.beads, coarse.beads))
    assert same >= 0.97 * len(full.beads)


@needs_mac
def test_accuracy_on_two_benchmark_chapters(encoder):
    gold_docs, test_docs = [], []
    for name in ("001", "013"):
        src = segment(read_file(MAC / "zh" / f"{name}.txt", fmt="lines").blocks, "zh")
        tgt = segment(read_file(MAC / "en" / f"{name}.txt", fmt="lines").blocks, "en")
        result = align_documents(src, tgt, encoder)
        assert _covered(result.beads, len(src), len(tgt))
        test_docs.append([(b.source_ids, b.target_ids) for b in result.beads])
        gold_docs.append(parse_align((MAC / "gold" / f"{name}.align").read_text()))
    scores = score(gold_docs, test_docs)
    assert scores.strict_f1 > 0.85 and scores.lax_f1 > 0.98


def test_seed_pair_headline_and_strays(seed_run):
    result, _ = seed_run
    beads = result.alignment.beads
    assert (beads[0].source_ids, beads[0].target_ids) == ((0,), (0,))
    sub = next(b for b in beads if 1 in b.source_ids)
    assert sub.target_ids == ()  # the dropped sub-headline
    repeated = next(b for b in beads if 1 in b.target_ids)
    assert repeated.source_ids == ()  # the headline printed twice
    last_two = beads[-2:]
    assert all(b.source_ids == () for b in last_two)  # credit line and sharing prompt
