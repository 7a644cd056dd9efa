"""Command line: parse arguments, call the library, write files, map errors to exit codes.

Exit codes: 0 done; 1 flags at or above --fail-on; 2 usage or settings; 3 unreadable input;
4 wrong language; 5 model cannot load; 6 malformed glossary; 7 malformed structured file;
130 interrupted.
"""

from __future__ import annotations

import argparse
from typing import NoReturn
import sys
import warnings
from pathlib import Path

from . import __version__
from .errors import AlignError, InputError
from .types import Severity


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr (exit 2), like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="align", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"align {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="align a Chinese document with its English translation")
    run.add_argument("source", type=Path, help="Chinese document")
    run.add_argument("target", type=Path, help="English translation")
    run.add_argument("--out", type=Path, help="output folder (default reports/<source name>/)")
    run.add_argument("--presplit", action="store_true", help="one sentence per line, no segmentation")
    run.add_argument("--model", default="use", help="use (default, offline) or st:NAME_OR_PATH")
    run.add_argument("--encoding", help="force an input encoding (default: detected)")
    run.add_argument("--glossary", type=Path, help="glossary to enforce (CSV or TBX)")
    run.add_argument("--checks", help="comma-separated checks to run (default: all)")
    run.add_argument("--skip-checks", default="", help="comma-separated checks to switch off")
    run.add_argument("--fail-on", choices=[s.value for s in Severity],
                     help="exit 1 when a flag at or above this severity exists")
    run.add_argument("--min-confidence", type=float, default=None,
                     help="hide flags whose calibrated confidence is below this (0-1; "
                          "default: the level giving 0.85 precision on the development set)")
    run.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    run.add_argument("--max-bytes", type=int, default=None, help="largest input accepted")

    score = sub.add_parser("score", help="strict and lax P/R/F1 of .align files against gold")
    score.add_argument("--gold", type=Path, required=True)
    score.add_argument("--test", type=Path, required=True)

    glossary = sub.add_parser("glossary", help="build, review, export or import a glossary")
    gsub = glossary.add_subparsers(dest="glossary_command", required=True)
    build = gsub.add_parser("build", help="mine terms and renderings into a glossary CSV")
    build.add_argument("--corpus", type=Path, nargs="+", required=True)
    build.add_argument("--pairs", type=Path, nargs="*", default=[],
                       help="report folders or alignment.csv files of aligned pairs")
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("--top", type=int, default=200)
    review = gsub.add_parser("review", help="list candidates, or accept/reject them")
    review.add_argument("glossary", type=Path)
    review.add_argument("--approve", nargs="*", default=[], metavar="TERM")
    review.add_argument("--forbid", nargs="*", default=[], metavar="TERM")
    review.add_argument("--reject", nargs="*", default=[], metavar="TERM")
    export = gsub.add_parser("export", help="CSV → TBX")
    export.add_argument("glossary", type=Path)
    export.add_argument("--out", type=Path, required=True)
    imp = gsub.add_parser("import", help="TBX → CSV")
    imp.add_argument("tbx", type=Path)
    imp.add_argument("--out", type=Path, required=True)
    return parser


def _run(args: argparse.Namespace) -> int:
    from .pipeline import RunOptions, run, write_report
    from .read import MAX_BYTES

    options = RunOptions(
        model=args.model, presplit=args.presplit, encoding=args.encoding, glossary=args.glossary,
        checks=tuple(c for c in args.checks.split(",") if c) if args.checks else None,
        skip_checks=tuple(c for c in args.skip_checks.split(",") if c),
        cache=not args.no_cache, max_bytes=args.max_bytes or MAX_BYTES,
        **({} if args.min_confidence is None else {"min_confidence": args.min_confidence}))
    out = args.out or Path("reports") / args.source.stem
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: is a file, not a folder")
    result = run(args.source, args.target, options)
    try:
        write_report(result, out, args.source.name, args.target.name)
    except OSError as exc:
        raise InputError(f"cannot write the report into {out}: {exc.strerror or exc}") from None
    s = result.summary
    print(f"{s['source_sentences']} source and {s['target_sentences']} target sentences → "
          f"{s['beads']} beads, {s['flags']} flags; wrote {out}/")
    for warning in result.warnings:
        print(f"align: warning: {warning}", file=sys.stderr)
    if args.fail_on:
        limit = Severity(args.fail_on).rank
        if any(f.severity.rank >= limit for f in result.flags):
            return 1
    return 0


def _score(args: argparse.Namespace) -> int:
    from .score import score_paths

    print("\n".join(score_paths(args.gold, args.test).lines()))
    return 0


def _glossary(args: argparse.Namespace) -> int:
    from .glossary import commands

    return commands.main(args)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"run": _run, "score": _score, "glossary": _glossary}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            code = handlers[args.command](args)
        except AlignError as exc:
            print(f"align: error: {exc}", file=sys.stderr)
            code = exc.exit_code
        except KeyboardInterrupt:
            print("align: interrupted; no partial files were left", file=sys.stderr)
            code = 130
        except MemoryError:
            print("align: error: out of memory; split the input or lower --max-bytes",
                  file=sys.stderr)
            code = 3
        for warning in caught:
            if issubclass(warning.category, UserWarning):
                print(f"align: warning: {warning.message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
