"""`align batch`: the command line of `run_corpus`. Parses arguments, shows progress on a
terminal (tqdm), prints one summary line, and says through its exit code whether pairs failed.

Exit codes: 0 every pair done; 1 flags at or above --fail-on; 8 some pairs failed (see
pairs.csv); 9 the Dask scheduler cannot be reached; 2, 3, 5, 6, 7, 130 as for `align run`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .io.manifest import MATCHING_RULE
from .types import Severity

EXIT_PAIRS_FAILED = 8
SHOWN_FAILURES = 20


def checks_help() -> str:
    """Which checks run by default and which only when named (the calibration decides)."""
    from .checks import check_names, select_checks

    on = select_checks(None)
    off = [name for name in check_names() if name not in on]
    return (f"comma-separated checks to run; a check named here shows all it finds unless "
            f"--min-confidence is given. On by default: {', '.join(on)} (glossary only with "
            f"--glossary); off unless named: {', '.join(off) or 'none'}")


def confidence_level(text: str) -> float:
    """--min-confidence: a share, 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 0 to 1") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is outside 0..1 (a calibrated confidence)")
    return value


def add_parser(sub: argparse._SubParsersAction) -> None:
    batch = sub.add_parser(
        "batch", help="align and check many document pairs (a folder or a manifest)",
        description="Align and check every pair of a corpus; write each pair's report under "
                    "OUT/<id>/ and the corpus overview (index.html, pairs.csv, flags.csv, "
                    "flags.parquet, corpus_consistency.csv, summary.json) into OUT. "
                    "A re-run skips pairs whose inputs, settings and tool are unchanged. "
                    + MATCHING_RULE,
        epilog="Exit codes: 0 every pair done; 1 a pair has flags at or above --fail-on; "
               "8 some pairs failed (see pairs.csv); 9 the Dask scheduler cannot be reached; "
               "2 usage; 3 unreadable manifest or input folder; 5 model; 6 glossary; "
               "7 malformed manifest; 130 interrupted.")
    batch.add_argument("input", type=Path, help="a folder of pairs or a manifest CSV")
    batch.add_argument("--out", type=Path, help="output folder (default reports/<input name>/)")
    batch.add_argument("--workers", type=int, default=1,
                       help="local worker processes (default 1: this process); with "
                            "--dask local, the LocalCluster's workers")
    batch.add_argument("--dask", metavar="ADDRESS",
                       help="run on a Dask cluster: a scheduler address (tcp://host:8786), "
                            "or 'local' for a LocalCluster on this machine")
    batch.add_argument("--dask-timeout", type=float, default=20.0, metavar="SECONDS",
                       help="how long to try to reach the scheduler (default 20)")
    batch.add_argument("--quiet", action="store_true",
                       help="no progress bar and no summary line (errors are still shown)")
    batch.add_argument("--fail-on", choices=[s.value for s in Severity],
                       help="exit 1 when a pair has a flag at or above this severity")
    batch.add_argument("--presplit", action="store_true", help="one sentence per line")
    batch.add_argument("--model", default="use", help="use (default, offline) or st:NAME_OR_PATH")
    batch.add_argument("--encoding", help="force an input encoding (default: detected)")
    batch.add_argument("--glossary", type=Path, help="glossary to enforce (CSV or TBX)")
    batch.add_argument("--checks", help=checks_help())
    batch.add_argument("--skip-checks", default="", help="comma-separated checks to switch off")
    batch.add_argument("--min-confidence", type=confidence_level, default=None,
                       help="hide flags whose calibrated confidence is below this (0-1)")
    batch.add_argument("--decisions", type=Path, metavar="CSV",
                       help="decisions.csv from report.html, or a project's ignore list: its "
                            "ignore rules (scope term or rendering) dismiss matching flags in "
                            "every pair, its single decisions the flags they name")
    batch.add_argument("--no-cache", action="store_true",
                       help="do not read or write the embedding cache")
    batch.add_argument("--max-bytes", type=int, default=None, help="largest input accepted")
    batch.add_argument("--xliff-out", action="store_true",
                       help="write each XLIFF input back with its flags as notes, into its "
                            "pair's folder OUT/NAME/ under its own file name")


class _ProgressBar:
    """tqdm on stderr: pairs done / total, rate, ETA and failures; off unless a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar = None

    def __call__(self, progress) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=progress.total, initial=progress.done, unit="pair",
                            desc="align batch", file=sys.stderr, dynamic_ncols=True,
                            smoothing=0.1)
            self.bar.set_postfix(failed=progress.failed)
            return
        self.bar.update(1)
        self.bar.set_postfix(failed=progress.failed)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def main(args: argparse.Namespace) -> int:
    from .api import run_corpus
    from .errors import AlignError
    from .pipeline import RunOptions
    from .io.read import MAX_BYTES

    if args.workers < 1:
        raise AlignError("--workers must be 1 or more")
    options = RunOptions(
        model=args.model, presplit=args.presplit, encoding=args.encoding, glossary=args.glossary,
        checks=tuple(c for c in args.checks.split(",") if c) if args.checks else None,
        skip_checks=tuple(c for c in args.skip_checks.split(",") if c),
        cache=not args.no_cache, max_bytes=args.max_bytes or MAX_BYTES, decisions=args.decisions,
        **({} if args.min_confidence is None else {"min_confidence": args.min_confidence}))
    out = args.out or Path("reports") / (args.input.stem if args.input.is_file() else
                                         args.input.absolute().name)
    bar = _ProgressBar(not args.quiet and sys.stderr.isatty())
    try:
        result = run_corpus(args.input, out, options, workers=args.workers, dask=args.dask,
                            dask_timeout=args.dask_timeout, progress=bar,
                            xliff_out=args.xliff_out)
    finally:
        bar.close()
    summary = result.summary
    ignored = summary.get("ignored_files") or []
    if ignored:
        print(f"align: warning: {len(ignored)} ignored (not NAME.zh.EXT or NAME.en.EXT, nor a "
              f"bilingual file): "
              f"{', '.join(map(str, ignored))}", file=sys.stderr)
    failed = [o for o in result.outcomes if not o.ok]
    for outcome in failed[:SHOWN_FAILURES]:
        print(f"align: failed: {outcome.id}: {outcome.reason}: {outcome.error}", file=sys.stderr)
    if len(failed) > SHOWN_FAILURES:
        print(f"align: ... and {len(failed) - SHOWN_FAILURES} more failed pairs "
              f"(see {result.out / 'pairs.csv'})", file=sys.stderr)
    if not args.quiet:
        run = summary["run"]
        print(f"{summary['pairs']} pairs: {summary['ok']} ok, {summary['failed']} failed "
              f"({run['pairs_reused']} reused from an earlier run); {summary['flags']} flags; "
              f"wrote {result.index}")
    if failed:
        return EXIT_PAIRS_FAILED
    if args.fail_on:
        limit = Severity(args.fail_on).rank
        worse = [s.value for s in Severity if s.rank >= limit]
        failing = int(result.flags["severity"].isin(worse).sum())
        if failing:
            print(f"align: {failing} flag{'s' if failing != 1 else ''} at or above "
                  f"{args.fail_on} (--fail-on {args.fail_on}): exit 1", file=sys.stderr)
            return 1
    return 0
