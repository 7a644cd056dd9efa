"""Alignment accuracy and speed on MAC-Test (24 literary chapters, human gold).

Run by hand: python bench/mac_test.py [--model use] [--out DIR]. Prints strict/lax P/R/F1
and the time spent embedding and aligning, with no cache.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from align.aligner import AlignSettings
from align.encoders import load_encoder
from align.pipeline import align_documents
from align.read import read_file
from align.align_format import format_align, parse_align
from align.score import score
from align.segment import segment

MAC = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "mac-test"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=MAC)
    parser.add_argument("--model", default="use")
    parser.add_argument("--side", default="en", choices=["en", "mt"])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    started = time.perf_counter()
    encoder = load_encoder(args.model)
    names = sorted(p.stem for p in (args.data / "zh").glob("*.txt"))
    if args.only:
        names = [n for n in names if n in args.only]
    gold_docs, test_docs, timings = [], [], {"embed": 0.0, "align": 0.0}
    for name in names:
        src = segment(read_file(args.data / "zh" / f"{name}.txt", fmt="lines").blocks, "zh")
        tgt = segment(read_file(args.data / args.side / f"{name}.txt", fmt="lines").blocks, "en")
        result = align_documents(src, tgt, encoder, AlignSettings(), cache_dir=None)
        for key in timings:
            timings[key] += result.timings[key]
        beads = [(b.source_ids, b.target_ids) for b in result.beads]
        test_docs.append(beads)
        gold_docs.append(parse_align((args.data / "gold" / f"{name}.align").read_text()))
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{name}.align").write_text(format_align(beads))
    scores = score(gold_docs, test_docs)
    print(f"MAC-Test, {len(names)} texts, model {encoder.name}, target side {args.side}")
    print("\n".join(scores.lines()))
    print(f"embedding {timings['embed']:.1f} s, alignment {timings['align']:.1f} s, "
          f"total with loading {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
