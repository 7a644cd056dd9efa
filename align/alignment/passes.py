"""The aligner's two passes: a cheap 1-1 path (through a coarse block path on long documents)
and the band around it; then the many-to-many dynamic programme in that band, the beads'
scores made a chunk of rows at a time.
"""

from __future__ import annotations

import numpy as np

from ..types import Bead
from .sides import AlignSettings, NEG, Side, bead_types


def first_pass(source: Side, target: Side, settings: AlignSettings) -> np.ndarray:
    """For each source prefix length i, the target prefix length on a 1-1 path (n+1 values)."""
    n, m = len(source), len(target)
    src, tgt = source.runs(1), target.runs(1)
    if n * m <= settings.coarse_cells:
        lo, hi = np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64)
    else:
        lo, hi = coarse_band(src, tgt, settings)
    return one_to_one_path(src, tgt, lo, hi)


def coarse_band(src: np.ndarray, tgt: np.ndarray, settings: AlignSettings
                ) -> tuple[np.ndarray, np.ndarray]:
    """Align blocks of sentences (means of their vectors), then widen that path to a band."""
    n, m = len(src), len(tgt)
    blocks = max(2, int(np.sqrt(settings.coarse_cells)))
    src_edges = np.linspace(0, n, min(n, blocks) + 1).astype(np.int64)
    tgt_edges = np.linspace(0, m, min(m, blocks) + 1).astype(np.int64)
    src_blocks = _block_means(src, src_edges)
    tgt_blocks = _block_means(tgt, tgt_edges)
    nb, mb = len(src_blocks), len(tgt_blocks)
    block_path = one_to_one_path(src_blocks, tgt_blocks, np.zeros(nb + 1, np.int64),
                                 np.full(nb + 1, mb + 1, np.int64), skip=settings.coarse_skip)
    # block prefix i ↔ block prefix block_path[i]; open a margin of two blocks around it
    src_lo = np.zeros(n + 1, dtype=np.int64)
    src_hi = np.zeros(n + 1, dtype=np.int64)
    for b in range(nb):
        rows = slice(src_edges[b], src_edges[b + 1] + 1)
        t0 = tgt_edges[max(0, block_path[b] - 2)]
        t1 = tgt_edges[min(mb, block_path[b + 1] + 2)]
        src_lo[rows] = t0
        src_hi[rows] = np.maximum(src_hi[rows], t1 + 1)
    return _monotone(src_lo, src_hi, m)


def _block_means(vectors: np.ndarray, edges: np.ndarray) -> np.ndarray:
    sums = np.add.reduceat(vectors, edges[:-1], axis=0)
    return sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)


def one_to_one_path(src: np.ndarray, tgt: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                    skip: float = 0.0) -> np.ndarray:
    """Best monotonic 1-1 matching (with skips) within the band [lo[i], hi[i]) per row.

    Returns, for each source prefix i, the target prefix on the path.
    """
    n, m = len(src), len(tgt)
    rows: list[tuple[int, np.ndarray, np.ndarray]] = []  # (lo, scores, moves) per prefix i
    cols = np.arange(lo[0], hi[0])
    prev = cols * skip
    rows.append((int(lo[0]), prev, np.full(len(cols), 2, np.int8)))
    block, block_start, block_end = np.empty((0, 0)), 1, 0
    for i in range(1, n + 1):
        if i > block_end:  # the similarities of a chunk of rows, in one product
            block_start, block_end = i, min(n, i + _CHUNK_ROWS - 1)
            first_col = max(1, int(lo[block_start]))
            block = src[block_start - 1:block_end] @ tgt[first_col - 1:int(hi[block_end]) - 1].T
        cols = np.arange(lo[i], hi[i])
        sims = np.full(len(cols), NEG)
        ok = cols >= 1
        sims[ok] = block[i - block_start, cols[ok] - first_col]
        diag = _shifted(prev, rows[-1][0], cols - 1) + sims
        up = _shifted(prev, rows[-1][0], cols) + skip
        best = np.maximum(diag, up)
        moves = np.where(diag >= up, 0, 1).astype(np.int8)
        best, moves = _add_insertions(best, moves, cols, skip)
        rows.append((int(lo[i]), best, moves))
        prev = best
    path = np.full(n + 1, -1, dtype=np.int64)
    i, j = n, m
    while i > 0 or j > 0:
        start, _, moves = rows[i]
        if path[i] < 0:
            path[i] = j  # the last (largest) target prefix the path reaches on this row
        move = moves[j - start]
        if move == 0:
            i, j = i - 1, j - 1
        elif move == 1:
            i -= 1
        else:
            j -= 1
    path[0] = max(path[0], 0)
    return path


def _shifted(values: np.ndarray, start: int, cols: np.ndarray) -> np.ndarray:
    """values indexed by absolute column (offset `start`), NEG outside their range."""
    idx = cols - start
    ok = (idx >= 0) & (idx < len(values))
    out = np.full(len(cols), NEG)
    out[ok] = values[idx[ok]]
    return out


def _add_insertions(best: np.ndarray, moves: np.ndarray, cols: np.ndarray, skip: float,
                    marker: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Allow 0-1 moves within a row: best[j] = max(best[j], best[j-1] + skip), in one pass.

    Cells reached that way get the move code `marker`.
    """
    offset = best - cols * skip
    running = np.maximum.accumulate(offset)
    improved = running > offset + 1e-12
    best = np.where(improved, running + cols * skip, best)
    moves = np.where(improved, np.int8(marker), moves)
    return best, moves


def band_around(path: np.ndarray, n: int, m: int, window: int
                ) -> tuple[np.ndarray, np.ndarray]:
    """A monotone band of half-width `window` around a path, always holding (0,0) and (n,m)."""
    # on row i the path runs from about path[i-1] (after a 0-1 stretch) up to path[i]
    lo = np.concatenate([[0], path[:-1]]) - window
    hi = path + window + 1
    return _monotone(lo, hi, m)


def _monotone(lo: np.ndarray, hi: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    lo = np.minimum.accumulate(np.clip(lo, 0, m)[::-1])[::-1].copy()
    hi = np.maximum.accumulate(np.clip(hi, 1, m + 1))
    lo[0], hi[-1] = 0, m + 1
    return lo, hi


# ----------------------------------------------------------------- second pass

def second_pass(source: Side, target: Side, lo: np.ndarray, hi: np.ndarray,
                settings: AlignSettings) -> list[Bead]:
    """The many-to-many programme in the band [lo[i], hi[i]) of each source prefix i.

    A bead's score does not depend on the path that reaches it, so the scores of every bead
    type are made for a chunk of rows at once, from a few matrix products; the programme
    itself then takes one gather and one maximum per row. (Matrix products round in another
    order than one dot product at a time: scores agree to about 3e-7, and an exact tie, as
    between two copies of one sentence, may fall either way.)"""
    n = len(source)
    types = bead_types(settings)
    width = (hi - lo).astype(np.int64)
    offsets = np.concatenate([[0], np.cumsum(width)])
    sentinel = int(offsets[-1])  # one cell past the last row: stays NEG, the invalid origin
    scores = np.full(sentinel + 1, NEG)
    moves = np.full(sentinel, -2, dtype=np.int8)  # index into `types`, -1 for 1-0, -2 for 0-1
    sims = np.zeros(sentinel, dtype=np.float32)
    rows = [slice(int(offsets[i]), int(offsets[i + 1])) for i in range(n + 1)]
    cols = np.arange(lo[0], hi[0])
    first = np.where(cols == 0, 0.0, NEG)
    scores[rows[0]], moves[rows[0]] = _add_insertions(
        first, np.full(len(cols), -2, dtype=np.int8), cols, settings.skip, marker=-2)
    table = _BeadTable(source, target, lo, hi, offsets, sentinel, settings)
    start = 1
    while start <= n:
        stop = min(n + 1, start + _CHUNK_ROWS)
        # a band that widens where many sentences of one side go unmatched takes fewer rows
        while stop - start > 1 and (stop - start) * int(width[start:stop].max()) > _CHUNK_CELLS:
            stop = start + (stop - start) // 2
        beads, bead_sims, origins = table.chunk(start, stop)
        for i in range(start, stop):
            r, w = i - start, int(width[i])
            cols = np.arange(lo[i], hi[i])
            up = cols - lo[i - 1]
            up = np.where((up >= 0) & (up < width[i - 1]), offsets[i - 1] + up, sentinel)
            candidates = np.empty((len(types) + 1, w))
            candidates[0] = scores[up] + settings.skip
            candidates[1:] = scores[origins[:, r, :w]] + beads[:, r, :w]
            pick = candidates.argmax(axis=0)
            best = candidates[pick, np.arange(w)]
            move = (pick - 1).astype(np.int8)
            move[pick == 0] = -1
            dead = best <= NEG / 2
            best[dead], move[dead] = NEG, -2
            through = pick > 0
            sims[rows[i]][through] = bead_sims[pick[through] - 1, r, np.nonzero(through)[0]]
            scores[rows[i]], moves[rows[i]] = _add_insertions(best, move, cols, settings.skip,
                                                              marker=-2)
        start = stop
    return _backtrack([scores[s] for s in rows], [moves[s] for s in rows],
                      [sims[s] for s in rows], lo, types, n, len(target), settings.skip)


_CHUNK_ROWS = 128  # source rows whose bead scores are made at once...
_CHUNK_CELLS = 128 * 64  # ...and at most this many cells (rows × widest band among them)


class _BeadTable:
    """The score of every bead type ending in each cell of a chunk of rows, with the
    similarity of its two sides and the flat index of the cell it starts from."""

    def __init__(self, source: Side, target: Side, lo: np.ndarray, hi: np.ndarray,
                 offsets: np.ndarray, sentinel: int, settings: AlignSettings) -> None:
        self.source, self.target, self.lo, self.hi = source, target, lo, hi
        self.width = hi - lo
        self.offsets, self.sentinel, self.settings = offsets, sentinel, settings
        self.types = bead_types(settings)
        ratio = float(source.lengths.sum()) / max(1.0, float(target.lengths.sum()))
        self.src_len = np.concatenate([[0.0], np.cumsum(source.lengths, dtype=np.float64)])
        self.tgt_len = np.concatenate([[0.0], np.cumsum(target.lengths, dtype=np.float64)]) \
            * ratio
        self.src_breaks = _break_counts(source.paragraph_starts, len(source))
        self.tgt_breaks = _break_counts(target.paragraph_starts, len(target))
        # per prefix: whether the sentence before it closes a quotation
        self.src_closes = _closes(source.quote_ends, len(source))
        self.tgt_closes = _closes(target.quote_ends, len(target))
        closing = sorted([int(self.src_closes.sum()), int(self.tgt_closes.sum())])
        self.turns_agree = closing[0] > 0 and closing[0] >= settings.turn_agreement * closing[1]

    def chunk(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows start .. stop-1: (scores, similarities, origins), each (types, rows, width)."""
        s = self.settings
        n, m = len(self.source), len(self.target)
        lo, width = self.lo, self.width
        wide = int(width[start:stop].max())
        rows = np.arange(start, stop)[:, None]
        ends = lo[start:stop, None] + np.arange(wide)[None, :]  # target prefix j of each cell
        inside = np.arange(wide)[None, :] < width[start:stop, None]
        # target runs start in [t0, t1); source singles (the neighbours) in [s0, s1)
        t0 = max(0, int(lo[start]) - s.max_target - 1)
        t1 = max(t0 + 1, min(m, int(self.hi[stop - 1])))
        s0, s1 = max(0, start - s.max_source - 1), min(n, stop)
        tgt_runs = {b: self.target.runs(b)[np.arange(t0, t1)]
                    for b in range(1, s.max_target + 1)}
        src_single = self.source.runs(1)[s0:s1]
        src_runs = {a: self.source.runs(a)[np.clip(np.arange(start - a, stop - a), 0, None)]
                    for a in range(1, s.max_source + 1)}
        run_to_single = {a: src_runs[a] @ tgt_runs[1].T for a in src_runs}
        single_to_run = {b: src_single @ tgt_runs[b].T for b in tgt_runs}
        shape = (len(self.types), stop - start, wide)
        scores, sims = np.zeros(shape), np.zeros(shape, dtype=np.float32)
        origins = np.full(shape, self.sentinel, dtype=np.int64)
        here = rows - start
        for t, (a, b) in enumerate(self.types):
            begins, firsts = rows - a, ends - b  # the bead's source and target run starts
            back = np.clip(begins, 0, None)
            step = firsts - lo[back]  # the origin cell's column in its row
            ok = inside & (begins >= 0) & (firsts >= 0) & (step >= 0) & (step < width[back])
            column = np.clip(firsts - t0, 0, t1 - t0 - 1)
            products = run_to_single[a] if b == 1 else src_runs[a] @ tgt_runs[b].T
            sim = products[here, column]
            total, count = np.zeros(shape[1:]), np.zeros(shape[1:])
            for neighbour in (firsts - 1, firsts + b):  # target sentences just outside
                near = ok & (neighbour >= 0) & (neighbour < m)
                total += np.where(near, run_to_single[a][here, np.clip(neighbour - t0, 0,
                                                                       t1 - t0 - 1)], 0.0)
                count += near
            for neighbour in (begins - 1, begins + a):  # source sentences just outside
                near = ok & (neighbour >= 0) & (neighbour < n)
                total += np.where(near, single_to_run[b][np.clip(neighbour - s0, 0,
                                                                 s1 - s0 - 1), column], 0.0)
                count += near
            bead = sim.astype(np.float64)
            if s.margin:
                bead = bead - s.margin * (total / np.maximum(count, 1))
            src_chars = self.src_len[rows] - self.src_len[back]
            tgt_chars = self.tgt_len[np.clip(ends, 0, m)] - self.tgt_len[np.clip(firsts, 0, m)]
            short, long_ = np.minimum(src_chars, tgt_chars), np.maximum(src_chars, tgt_chars)
            bead = bead * np.log2(1.0 + short / np.maximum(long_, 1e-9)) ** s.length_power
            bead = bead + s.merge * (a + b - 2)
            crossings = (self.src_breaks[rows] - self.src_breaks[np.clip(begins + 1, 0, n)]
                         if a > 1 else 0) + \
                (self.tgt_breaks[np.clip(ends, 0, m)] - self.tgt_breaks[np.clip(firsts + 1, 0, m)])
            bead = bead - s.paragraph_penalty * crossings
            if s.turn_penalty and self.turns_agree:
                bead = bead - s.turn_penalty * (self.src_closes[rows] !=
                                                self.tgt_closes[np.clip(ends, 0, m)])
            scores[t] = np.where(ok, bead, 0.0)
            sims[t] = np.where(ok, sim, 0.0)
            origins[t] = np.where(ok, self.offsets[back] + step, self.sentinel)
        return scores, sims, origins


def _closes(ends: np.ndarray | None, count: int) -> np.ndarray:
    if ends is None:
        return np.zeros(count + 1, dtype=bool)
    return np.concatenate([[False], ends.astype(bool)])


def _break_counts(starts: np.ndarray | None, count: int) -> np.ndarray:
    """Prefix counts of paragraph openings: breaks inside run [s, e) = c[e] - c[s+1]."""
    if starts is None:
        return np.zeros(count + 1, dtype=np.int64)
    return np.concatenate([[0], np.cumsum(starts.astype(np.int64))])


def _backtrack(scores, moves, sims, lo, types, n: int, m: int, skip: float) -> list[Bead]:
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        k = j - int(lo[i])
        move = int(moves[i][k])
        here = scores[i][k]
        if move == -1:
            beads.append(Bead((i - 1,), (), skip))
            i -= 1
        elif move == -2:
            beads.append(Bead((), (j - 1,), skip))
            j -= 1
        else:
            a, b = types[move]
            before = scores[i - a][j - b - int(lo[i - a])]
            beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)),
                              float(here - before), float(sims[i][k])))
            i, j = i - a, j - b
    beads.reverse()
    return beads
