"""Time and peak memory of the whole `align run` job on large pairs built from MAC-Test.

Run by hand: python bench/scale.py [--sizes 1000 10000 20000]. Each size runs in its own
process (so peak memory is that run's own), with no embedding cache, and prints the time per
stage, peak resident memory and strict/lax F1 against the concatenated gold alignments.

The pair of size N is the MAC-Test chapters (Chinese / human English), one sentence a line,
concatenated in order and repeated until the Chinese side has N sentences; the last chapter is
cut at N and its gold trimmed to match.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MAC = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "mac-test"


def build_pair(data: Path, size: int, out: Path) -> tuple[Path, Path, Path]:
    """Write zh.txt, en.txt and gold.align of `size` Chinese sentences into `out`."""
    from align.io.align_format import format_align, parse_align

    names = sorted(p.stem for p in (data / "zh").glob("*.txt"))
    if not names:
        raise SystemExit(f"no MAC-Test texts under {data}")
    zh_lines: list[str] = []
    en_lines: list[str] = []
    gold: list[tuple[list[int], list[int]]] = []
    chapter = 0
    while len(zh_lines) < size:
        name = names[chapter % len(names)]
        chapter += 1
        zh = (data / "zh" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        en = (data / "en" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        zs, es = len(zh_lines), len(en_lines)
        kept_zh = kept_en = 0
        for src, tgt in parse_align((data / "gold" / f"{name}.align").read_text()):
            if src and zs + max(src) >= size:
                break  # the cut: beads from here on are left out with their sentences
            gold.append(([zs + i for i in src], [es + j for j in tgt]))
            kept_zh = max([kept_zh] + [i + 1 for i in src])
            kept_en = max([kept_en] + [j + 1 for j in tgt])
        zh_lines += zh[:kept_zh]
        en_lines += en[:kept_en]
    out.mkdir(parents=True, exist_ok=True)
    zh_path, en_path, gold_path = out / "zh.txt", out / "en.txt", out / "gold.align"
    zh_path.write_text("\n".join(zh_lines) + "\n", encoding="utf-8")
    en_path.write_text("\n".join(en_lines) + "\n", encoding="utf-8")
    gold_path.write_text(format_align(gold))
    return zh_path, en_path, gold_path


def measure(zh: Path, en: Path, gold: Path, trace: bool = False) -> dict[str, object]:
    """One whole run (read, embed, align, check, write) in this process."""
    from align.pipeline import RunOptions, run, write_report
    from align.io.align_format import parse_align
    from align.alignment.score import score

    stages = _Stages() if trace else None
    if stages:  # the embedding stage's steps, each its own row
        import align.pipeline as pipeline

        for step in ("embed_cached", "lexical_vectors", "align"):
            stages.around(pipeline, step)
    started = time.perf_counter()
    result = run(zh, en, RunOptions(presplit=True, cache=False), progress=stages)
    if stages:
        stages("done")
    with tempfile.TemporaryDirectory() as tmp:
        write_report(result, Path(tmp), zh.name, en.name)
    total = time.perf_counter() - started
    test = [(b.source_ids, b.target_ids) for b in result.alignment.beads]
    scores = score([parse_align(gold.read_text())], [test])
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"source": len(result.alignment.source), "target": len(result.alignment.target),
            "timings": {k: round(v, 2) for k, v in result.summary.timings_s.items()},
            "total_with_writing": round(total, 2), "peak_mib": round(peak_kib / 1024),
            "strict_f1": round(scores.strict_f1, 3), "lax_f1": round(scores.lax_f1, 3),
            "flags": len(result.flags), **({"stages_traced": stages.rows} if stages else {})}


def _where(frame) -> str:
    """A traced line, its path from the package or project root."""
    path = frame.filename.split("site-packages/")[-1]
    root = str(Path(__file__).resolve().parents[1]) + "/"
    return f"{path.removeprefix(root)}:{frame.lineno}"


class _Stages:
    """With --trace: Python's allocations (numpy's arrays among them) per stage of the run, by
    tracemalloc: the stage's peak, and the largest allocation sites still held when it ends.
    Slow (about three times the run); the peak resident memory then includes its tables."""

    def __init__(self) -> None:
        import tracemalloc

        tracemalloc.start(1)
        self.rows: list[dict[str, object]] = []
        self.stage = "start"

    def __call__(self, stage: str) -> None:
        import tracemalloc

        current, peak = tracemalloc.get_traced_memory()
        held = tracemalloc.take_snapshot().filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__)]).statistics("lineno")
        self.rows.append({"stage": self.stage, "peak_mib": round(peak / 2**20),
                          "held_mib": round(current / 2**20),
                          "largest_held": [f"{s.size / 2**20:.0f} MiB {_where(s.traceback[0])}"
                                           for s in held[:6]]})
        tracemalloc.reset_peak()
        self.stage = stage

    def around(self, module, name: str) -> None:
        """Make each call of `module.name` a stage of its own (what runs after it, up to the
        next stage, is "after NAME")."""
        inner = getattr(module, name)

        def stage(*args, **kwargs):
            self(name)
            try:
                return inner(*args, **kwargs)
            finally:
                self(f"after {name}")

        setattr(module, name, stage)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=MAC)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 20000])
    parser.add_argument("--trace", action="store_true",
                        help="tracemalloc: each stage's peak and what it leaves held (slow)")
    parser.add_argument("--one", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(*args.one, trace=args.trace)))
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            paths = build_pair(args.data, size, Path(tmp) / str(size))
            done = subprocess.run([sys.executable, __file__, "--one", *map(str, paths),
                                   *(["--trace"] if args.trace else [])],
                                  capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return 1
            row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(f"{row['source']:>6} zh / {row['target']:>6} en sentences: "
                  f"{row['total_with_writing']:6.1f} s  peak {row['peak_mib']} MiB  "
                  f"strict F1 {row['strict_f1']:.3f}  lax F1 {row['lax_f1']:.3f}  "
                  f"flags {row['flags']}  stages {row['timings']}", flush=True)
            for traced in row.get("stages_traced", []):
                print(f"    {traced['stage']:>10}: peak {traced['peak_mib']} MiB, held after "
                      f"{traced['held_mib']} MiB: " + "; ".join(traced["largest_held"]))
    if len(rows) >= 2:
        base = rows[-2]
        last = rows[-1]
        print(f"time ratio {last['source']}/{base['source']}: "
              f"{last['total_with_writing'] / base['total_with_writing']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
