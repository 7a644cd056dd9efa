"""Alignment stage: two sides' embeddings → monotonic `Bead`s (1-1 … 1-4, 4-1, 2-2, 1-0, 0-1).

Two passes, as Bertalign does: a cheap 1-1 path (through a coarse block path on long
documents), then a many-to-many dynamic programme in a narrow band around it, so cost
grows linearly with document length.
"""

from __future__ import annotations

import numpy as np

from ..types import Bead
from .sides import AlignSettings, Side
from .passes import band_around, first_pass, second_pass


def align(source: Side, target: Side, settings: AlignSettings = AlignSettings()) -> list[Bead]:
    """Align two sides; every sentence of each lands in exactly one bead, in order."""
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [Bead((i,), (), settings.skip) for i in range(n)] + \
               [Bead((), (j,), settings.skip) for j in range(m)]
    path = first_pass(source, target, settings)
    lo, hi = band_around(path, n, m, settings.window)
    beads = second_pass(source, target, lo, hi, settings)
    return detach_strays(beads, source, target, settings)


# ----------------------------------------------------------------- stray sentences

def detach_strays(beads: list[Bead], source: Side, target: Side,
                  settings: AlignSettings) -> list[Bead]:
    """Split off sentences that share nothing with their bead's other side.

    The DP prefers a poor match to two skips; a repeated headline, a dropped sub-headline or
    an appended credit line is better reported as a 0-1 or 1-0 bead than merged.
    """
    sims = np.array([b.similarity for b in beads if b.similarity is not None])
    floor = settings.min_similarity
    if len(sims) >= settings.stray_min_beads:
        # far below this document's own matches: a floor relative to its distribution
        median = float(np.median(sims))
        spread = float(np.median(np.abs(sims - median))) * _MAD_TO_SD
        floor = max(floor, min(settings.stray_floor_cap,
                               median - settings.stray_deviations * spread))
    out: list[Bead] = []
    for bead in beads:
        out.extend(_detach(bead, source, target, settings, floor))
    return out


_MAD_TO_SD = 1.4826  # the median absolute deviation of a normal distribution, in SDs


def _run_vector(side: Side, ids: tuple[int, ...]) -> np.ndarray:
    return side.runs(len(ids))[ids[0]]


def _detach(bead: Bead, source: Side, target: Side, settings: AlignSettings,
            floor: float) -> list[Bead]:
    src, tgt = bead.source_ids, bead.target_ids
    if not src or not tgt:
        return [bead]
    if len(src) == 1 and len(tgt) == 1:
        if float(bead.similarity or 0.0) < floor:
            return [Bead(src, (), settings.skip), Bead((), tgt, settings.skip)]
        return [bead]
    before: list[Bead] = []
    after: list[Bead] = []
    changed = True
    while changed and len(src) + len(tgt) > 2:
        changed = False
        for side_is_src, ids, other_side, other_ids in (
                (True, src, target, tgt), (False, tgt, source, src)):
            if len(ids) < 2:
                continue
            other = _run_vector(other_side, other_ids)
            own = source if side_is_src else target
            whole = float(_run_vector(own, ids) @ other)
            for edge in (ids[0], ids[-1]):
                if float(own.runs(1)[edge] @ other) >= floor:
                    continue
                rest = tuple(i for i in ids if i != edge)
                if float(_run_vector(own, rest) @ other) < whole + settings.detach_gain:
                    continue  # the sentence still adds to the match: keep it
                single = Bead((edge,), (), settings.skip) if side_is_src else \
                    Bead((), (edge,), settings.skip)
                (before if edge == ids[0] else after).append(single)
                if side_is_src:
                    src = rest
                else:
                    tgt = rest
                changed = True
                break
            if changed:
                break
    if (src, tgt) == (bead.source_ids, bead.target_ids):
        return [bead]
    similarity = float(_run_vector(source, src) @ _run_vector(target, tgt))
    return before + [Bead(src, tgt, bead.score, similarity)] + after[::-1]
