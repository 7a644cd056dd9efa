"""False alarms on good translations: the flags the tool raises on MAC-Test's published human
translations (24 literary chapters), where a major flag is almost always wrong.

Run by hand: python bench/mac_flags.py [--side en|mt] [--min-confidence X] [--show N]

Prints the flags per 100 source sentences by severity and by check, every pinyin flag (on a
novel's names, each is a false alarm), a sample of the major ones to read, and the check
stage's share of the pipeline time.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

MAC = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "mac-test"


def main() -> int:
    from align.alignment.encoders import load_encoder
    from align.pipeline import RunOptions, run

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=MAC)
    parser.add_argument("--side", choices=["en", "mt"], default="en")
    parser.add_argument("--min-confidence", type=float, default=None)
    parser.add_argument("--show", type=int, default=20, help="major flags to print")
    parser.add_argument("--rule", help="print flags of this rule (or check) instead, any severity")
    args = parser.parse_args()
    names = sorted(p.stem for p in (args.data / "zh").glob("*.txt"))
    if not names:
        raise SystemExit(f"no MAC-Test texts under {args.data}")
    encoder = load_encoder("use")
    options = RunOptions(presplit=True, cache=False)
    if args.min_confidence is not None:
        options = RunOptions(presplit=True, cache=False, min_confidence=args.min_confidence)
    flags, sentences, timings = [], 0, Counter()
    for name in names:
        started = time.perf_counter()
        result = run(args.data / "zh" / f"{name}.txt", args.data / args.side / f"{name}.txt",
                     options, encoder)
        timings["wall"] += time.perf_counter() - started
        for stage, seconds in result.summary.timings_s.items():
            timings[stage] += seconds
        sentences += len(result.alignment.source)
        flags += [(name, f, result.pairs[f.bead]) for f in result.flags]
    per100 = 100 / sentences
    severity = Counter(f.severity.value for _, f, _ in flags)
    print(f"MAC-Test, {len(names)} chapters, {sentences} Chinese sentences, target side "
          f"{args.side}, minimum confidence {options.floor}")
    print(f"flags {len(flags)} ({len(flags) * per100:.2f} per 100 sentences); " +
          ", ".join(f"{s} {n} ({n * per100:.2f}/100)" for s, n in severity.most_common()))
    for check, n in Counter(f.check for _, f, _ in flags).most_common():
        majors = sum(1 for _, f, _ in flags if f.check == check and f.severity.value in ("major", "critical"))
        print(f"  {check:12s} {n:5d}  major or critical {majors}")
    pinyin = [(name, f) for name, f, _ in flags if f.check == "pinyin"]
    print(f"pinyin flags: {len(pinyin)}")
    for name, f in pinyin:
        print(f"  {name} {f.tgt_span} ← {f.src_term}")
    majors = [x for x in flags if x[1].severity.value in ("major", "critical")]
    if args.rule:
        majors = [x for x in flags if x[1].rule == args.rule or x[1].check == args.rule]
    random.Random(0).shuffle(majors)
    print(f"\n{min(args.show, len(majors))} of {len(majors)} {args.rule or 'major'} flags, to read:")
    for name, f, pair in majors[:args.show]:
        print(f"  [{name} {f.rule} {f.confidence:.2f}] {f.message[:140]}\n"
              f"      zh: {pair.source_text[:90]}\n      en: {pair.target_text[:140]}")
    check_share = timings["check"] / max(timings["total"], 1e-9)
    print(f"\ntime: pipeline {timings['total']:.1f} s (embed {timings['embed']:.1f}, align "
          f"{timings['align']:.1f}, check {timings['check']:.1f} = {check_share:.0%}), wall "
          f"{timings['wall']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
