"""Small builders the test modules share."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from align.checks import CheckContext, run_checks
from align.types import Bead, GlossaryEntry, Pair, Sentence

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"
MAC = ROOT.parent / "shared" / "benchmarks" / "mac-test"
SEED_ZH = SEEDS / "000_91fa2b82305ae014.txt"
SEED_EN = SEEDS / "003_78d1700710a5bdc8.txt"


def check_context(pairs_text: list[tuple[str, str]],
                  glossary: list[GlossaryEntry] | None = None) -> CheckContext:
    """A CheckContext of one bead per (Chinese, English) pair; an empty side makes a 1-0 or
    0-1 bead."""
    pairs, source, target = [], [], []
    for k, (zh, en) in enumerate(pairs_text):
        src_ids = (len(source),) if zh else ()
        tgt_ids = (len(target),) if en else ()
        if zh:
            source.append(Sentence(len(source), zh, k))
        if en:
            target.append(Sentence(len(target), en, k))
        pairs.append(Pair(k, Bead(src_ids, tgt_ids, 0.5, 0.6 if zh and en else None), zh, en))
    return CheckContext(pairs, source, target, glossary)



def flags_found(zh, en, check, encoder=None):
    """(kind, source term, target span) of each flag `check` raises on one pair."""
    context = check_context([(zh, en)])
    if encoder is not None:  # checks that ask the encoder (omission confirms with it)
        context.embed = lambda texts: encoder.embed(texts).vectors
    return [(f.kind, f.src_term, f.tgt_span) for f in run_checks(context, [check])]


def drain_pty(leader: int, sink: Callable[[bytes], object]) -> None:
    """Read a pseudo-terminal's output into `sink` until its other end closes (a pty drops
    what nobody read when it closes, so read while the process runs)."""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            return
        if not chunk:
            return
        sink(chunk)
