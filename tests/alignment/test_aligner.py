from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from align.alignment.sides import NEG, AlignSettings, Side, bead_types
from align.alignment.passes import (_add_insertions, _backtrack, _break_counts, _shifted,
                                    band_around, first_pass, second_pass)
from align.alignment.aligner import align
from align.alignment.embeddings import MeanRuns
from align.pipeline import align_documents
from align.io.read import read_file
from align.io.align_format import parse_align
from align.alignment.score import score
from align.types import Bead
from align.language.segment import segment

from tests.helpers import MAC

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


# ------------------------------------------------------------- the second pass, cell by cell
# The aligner makes each chunk's bead scores at once from matrix products; this is the
# programme written one cell and one bead type at a time, as it was before, to check that
# the two find the same beads with the same scores.

def _reference_second_pass(source: Side, target: Side, lo: np.ndarray, hi: np.ndarray,
                           settings: AlignSettings) -> list[Bead]:
    n, m = len(source), len(target)
    types = bead_types(settings)
    src_runs = {a: source.runs(a) for a in range(1, settings.max_source + 1)}
    tgt_runs = {b: target.runs(b) for b in range(1, settings.max_target + 1)}
    ratio = float(source.lengths.sum()) / max(1.0, float(target.lengths.sum()))
    src_len = np.concatenate([[0.0], np.cumsum(source.lengths, dtype=np.float64)])
    tgt_len = np.concatenate([[0.0], np.cumsum(target.lengths, dtype=np.float64)]) * ratio
    src_breaks = _break_counts(source.paragraph_starts, n)
    tgt_breaks = _break_counts(target.paragraph_starts, m)

    scores: list[np.ndarray] = []
    moves: list[np.ndarray] = []  # index into `types`, or -1 for 1-0, -2 for 0-1
    sims_kept: list[np.ndarray] = []
    for i in range(n + 1):
        cols = np.arange(lo[i], hi[i])
        best = np.full(len(cols), NEG)
        move = np.full(len(cols), -2, dtype=np.int8)
        best_sim = np.zeros(len(cols), dtype=np.float32)
        if i == 0:
            best[cols == 0] = 0.0
        else:
            up = _shifted(scores[i - 1], int(lo[i - 1]), cols) + settings.skip
            take = up > best
            best[take], move[take] = up[take], -1
            for t, (a, b) in enumerate(types):
                if a > i:
                    continue
                j0 = cols - b
                ok = (j0 >= 0) & (j0 + b <= m)
                if not ok.any():
                    continue
                prev = _shifted(scores[i - a], int(lo[i - a]), j0)
                ok &= prev > NEG / 2
                if not ok.any():
                    continue
                j0 = j0[ok]
                sim = tgt_runs[b][j0] @ src_runs[a][i - a]
                bead = sim.astype(np.float64)
                if settings.margin:
                    bead = bead - settings.margin * _reference_neighbour_sim(
                        src_runs, tgt_runs, i - a, a, j0, b, n, m)
                src_chars = src_len[i] - src_len[i - a]
                tgt_chars = tgt_len[j0 + b] - tgt_len[j0]
                short, long_ = np.minimum(src_chars, tgt_chars), np.maximum(src_chars, tgt_chars)
                bead = bead * np.log2(1.0 + short / np.maximum(long_, 1e-9)) ** settings.length_power
                bead = bead + settings.merge * (a + b - 2)
                crossings = (src_breaks[i] - src_breaks[i - a + 1] if a > 1 else 0) + \
                    (tgt_breaks[j0 + b] - tgt_breaks[j0 + 1])
                bead = bead - settings.paragraph_penalty * crossings
                total = prev[ok] + bead
                idx = np.nonzero(ok)[0]
                better = total > best[idx]
                best[idx[better]] = total[better]
                move[idx[better]] = t
                best_sim[idx[better]] = sim[better]
        best, move = _add_insertions(best, move, cols, settings.skip, marker=-2)
        scores.append(best)
        moves.append(move)
        sims_kept.append(best_sim)
    return _backtrack(scores, moves, sims_kept, lo, types, n, m, settings.skip)


def _reference_neighbour_sim(src_runs, tgt_runs, i0: int, a: int, j0: np.ndarray, b: int,
                   n: int, m: int) -> np.ndarray:
    """Mean similarity of each side of a bead with the sentences just outside the other side.

    Subtracting it (Bertalign's margin) stops a generic sentence from matching everything.
    """
    src_vec = src_runs[a][i0]
    tgt_single = tgt_runs[1]
    total = np.zeros(len(j0))
    count = np.zeros(len(j0))
    for neighbour in (j0 - 1, j0 + b):
        ok = (neighbour >= 0) & (neighbour < m)
        total[ok] += tgt_single[neighbour[ok]] @ src_vec
        count[ok] += 1
    tgt_vecs = tgt_runs[b][j0]
    src_single = src_runs[1]
    for neighbour in (i0 - 1, i0 + a):
        if 0 <= neighbour < n:
            total += tgt_vecs @ src_single[neighbour]
            count += 1
    return total / np.maximum(count, 1)




@settings(max_examples=40, deadline=None)
@given(st.integers(1, 30), st.integers(1, 30), st.integers(0, 2**31 - 1), st.booleans())
def test_second_pass_matches_cell_by_cell(n, m, seed, paragraphs):
    _compare_second_passes(n, m, seed, paragraphs)


def test_second_pass_in_small_chunks_matches_cell_by_cell(monkeypatch):
    # chunks of a few rows, halved where the band is wide: the chunk edges and the halving
    # are crossed many times (a 1-40 pair widens the band of its rows)
    import align.alignment.passes as passes

    monkeypatch.setattr(passes, "_CHUNK_ROWS", 4)
    monkeypatch.setattr(passes, "_CHUNK_CELLS", 24)
    for seed in range(12):
        _compare_second_passes(3 + seed % 5, 40 - seed, seed, seed % 2 == 0)


def test_every_cells_bead_score_matches_cell_by_cell():
    """Each chunk's score for every bead type and cell (not only those on the best path),
    against the formula written for one cell at a time."""
    from align.alignment.passes import _BeadTable

    for seed in range(6):
        rng = np.random.default_rng(seed)
        n, m = 9 + seed, 30 - seed
        source, target, config, lo, hi = _random_sides(n, m, rng, seed % 2 == 0)
        width = hi - lo
        offsets = np.concatenate([[0], np.cumsum(width)])
        table = _BeadTable(source, target, lo, hi, offsets, int(offsets[-1]), config)
        types = bead_types(config)
        for start in range(1, n + 1, 3):
            stop = min(n + 1, start + 3)
            scores, sims, origins = table.chunk(start, stop)
            for i in range(start, stop):
                for k, j in enumerate(range(lo[i], hi[i])):
                    for t, (a, b) in enumerate(types):
                        want = _reference_bead(source, target, config, lo, hi, i, j, a, b)
                        origin = origins[t, i - start, k]
                        if want is None:
                            assert origin == offsets[-1]
                            continue
                        assert origin == offsets[i - a] + (j - b - lo[i - a])
                        assert scores[t, i - start, k] == pytest.approx(want[0], abs=1e-5)
                        assert sims[t, i - start, k] == pytest.approx(want[1], abs=1e-5)


def _reference_bead(source, target, config, lo, hi, i, j, a, b):
    """(score, similarity) of the a-b bead ending at cell (i, j), or None where it cannot be
    (it would start before either side, or from a cell outside the band)."""
    n, m = len(source), len(target)
    i0, j0 = i - a, j - b
    if i0 < 0 or j0 < 0 or j > m or not lo[i0] <= j0 < hi[i0]:
        return None
    src_runs = {k: source.runs(k) for k in range(1, config.max_source + 1)}
    tgt_runs = {k: target.runs(k) for k in range(1, config.max_target + 1)}
    sim = float(tgt_runs[b][j0] @ src_runs[a][i0])
    score = sim - config.margin * float(_reference_neighbour_sim(
        src_runs, tgt_runs, i0, a, np.array([j0]), b, n, m)[0])
    ratio = float(source.lengths.sum()) / max(1.0, float(target.lengths.sum()))
    src_chars = float(source.lengths[i0:i].sum())
    tgt_chars = float(target.lengths[j0:j].sum()) * ratio
    short, long_ = min(src_chars, tgt_chars), max(src_chars, tgt_chars)
    score *= np.log2(1.0 + short / max(long_, 1e-9)) ** config.length_power
    score += config.merge * (a + b - 2)
    breaks = lambda starts, first, end: 0 if starts is None else int(starts[first + 1:end].sum())
    score -= config.paragraph_penalty * (breaks(source.paragraph_starts, i0, i) +
                                         breaks(target.paragraph_starts, j0, j))
    return score, sim


def _random_sides(n, m, rng, paragraphs):
    norm = lambda x: x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    vectors = norm(rng.normal(size=(n + m, 16))).astype(np.float32)
    starts = (lambda k: rng.random(k) < 0.3) if paragraphs else (lambda k: None)
    source = Side(MeanRuns(vectors[:n]), rng.integers(5, 80, n).astype(np.float64), starts(n))
    target = Side(MeanRuns(vectors[n:]), rng.integers(5, 200, m).astype(np.float64), starts(m))
    config = AlignSettings(window=int(rng.integers(1, 6)))
    lo, hi = band_around(first_pass(source, target, config), n, m, config.window)
    return source, target, config, lo, hi


def _compare_second_passes(n, m, seed, paragraphs):
    source, target, config, lo, hi = _random_sides(n, m, np.random.default_rng(seed), paragraphs)
    fast = second_pass(source, target, lo, hi, config)
    slow = _reference_second_pass(source, target, lo, hi, config)
    assert [(b.source_ids, b.target_ids) for b in fast] == \
        [(b.source_ids, b.target_ids) for b in slow]
    assert np.allclose([b.score for b in fast], [b.score for b in slow], atol=1e-5)
    assert np.allclose([b.similarity or 0.0 for b in fast], [b.similarity or 0.0 for b in slow],
                       atol=1e-5)
