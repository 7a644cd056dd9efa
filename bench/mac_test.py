"""Alignment accuracy and speed on MAC-Test (24 literary chapters, human gold).

Run by hand: python bench/mac_test.py [--model use] [--out DIR] [--workers N]. Prints
strict/lax P/R/F1 and the time spent embedding and aligning, with no cache. With --workers N
the chapters run in N processes, each summing with one BLAS thread (as `align batch
--workers N` runs a corpus); the stage times are then summed over the workers.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from align.alignment.sides import AlignSettings
from align.alignment.encoders import load_encoder
from align.pipeline import align_documents
from align.io.read import read_file
from align.io.align_format import format_align, parse_align
from align.alignment.score import score
from align.language.segment import segment

MAC = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "mac-test"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=MAC)
    parser.add_argument("--model", default="use")
    parser.add_argument("--side", default="en", choices=["en", "mt"])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--cache", type=Path, help="embedding cache (timings then leave out "
                        "the encoder); for trying settings quickly")
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE",
                        help="AlignSettings fields to change, e.g. margin=0.4")
    args = parser.parse_args()
    started = time.perf_counter()
    names = sorted(p.stem for p in (args.data / "zh").glob("*.txt"))
    if args.only:
        names = [n for n in names if n in args.only]
    settings = AlignSettings(**{k: type(getattr(AlignSettings(), k))(v) for k, v in
                                (item.split("=", 1) for item in args.set)})
    jobs = [(args.data, args.side, name, settings, args.cache) for name in names]
    if args.workers > 1:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        # the longest chapters first, so no process is left with a long one at the end
        order = sorted(range(len(jobs)), key=lambda k: -(args.data / "zh" / f"{names[k]}.txt")
                       .stat().st_size)
        with ProcessPoolExecutor(args.workers, get_context("spawn"), _start,
                                 (args.model, True)) as pool:
            done = dict(zip(order, pool.map(_align_chapter, [jobs[k] for k in order])))
        results = [done[k] for k in range(len(jobs))]
    else:
        _start(args.model, False)
        results = [_align_chapter(job) for job in jobs]
    gold_docs, test_docs, timings = [], [], {"embed": 0.0, "align": 0.0}
    for name, (beads, spent) in zip(names, results):
        for key in timings:
            timings[key] += spent[key]
        test_docs.append(beads)
        gold_docs.append(parse_align((args.data / "gold" / f"{name}.align").read_text()))
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{name}.align").write_text(format_align(beads))
    scores = score(gold_docs, test_docs)
    print(f"MAC-Test, {len(names)} texts, model {args.model}, target side {args.side}, "
          f"{args.workers} process{'es' if args.workers > 1 else ''}")
    print("\n".join(scores.lines()))
    print("\n".join(error_breakdown(gold_docs, test_docs)))
    print(f"embedding {timings['embed']:.1f} s, alignment {timings['align']:.1f} s, "
          f"total with loading {time.perf_counter() - started:.1f} s")
    return 0


def error_breakdown(gold_docs: list, test_docs: list) -> list[str]:
    """Strict errors by bead type: gold beads missed (with how many there are), and beads
    proposed that gold lacks. A 0-1 or 1-0 bead counts too, though the scores leave it out:
    a translator's addition taken into a neighbour is what makes the neighbour wrong."""
    def kind(bead) -> str:
        return f"{len(bead[0])}-{len(bead[1])}"

    gold_n: Counter = Counter()
    missed: Counter = Counter()
    wrong: Counter = Counter()
    for gold, test in zip(gold_docs, test_docs):
        gold_set = {(tuple(a), tuple(b)) for a, b in gold}
        test_set = {(tuple(a), tuple(b)) for a, b in test}
        gold_n.update(kind(b) for b in gold_set)
        missed.update(kind(b) for b in gold_set - test_set)
        wrong.update(kind(b) for b in test_set - gold_set)
    types = sorted(set(gold_n) | set(wrong), key=lambda k: (-gold_n[k], k))
    lines = ["errors by bead type:  type  gold  missed  proposed-not-in-gold"]
    lines += [f"  {k:>5} {gold_n[k]:5d} {missed[k]:7d} {wrong[k]:9d}" for k in types]
    return lines


_ENCODER = None


def _start(model: str, one_blas_thread: bool) -> None:
    global _ENCODER
    if one_blas_thread:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    _ENCODER = load_encoder(model)


def _align_chapter(job: tuple) -> tuple[list, dict[str, float]]:
    data, side, name, settings, cache = job
    src = segment(read_file(data / "zh" / f"{name}.txt", fmt="lines").blocks, "zh")
    tgt = segment(read_file(data / side / f"{name}.txt", fmt="lines").blocks, "en")
    result = align_documents(src, tgt, _ENCODER, settings, cache_dir=cache)
    return [(b.source_ids, b.target_ids) for b in result.beads], result.timings


if __name__ == "__main__":
    sys.exit(main())
