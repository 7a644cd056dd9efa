"""Command line: parse arguments, call the library, write files, map errors to exit codes.

Exit codes are listed in EXIT_CODES (shown by `align --help`) and in README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from . import __version__, batch_command
from .errors import AlignError, InputError
from .types import Severity

EXIT_CODES = """exit codes:
  0    done
  1    flags at or above --fail-on (dismissed flags do not count)
  2    usage or settings
  3    unreadable input
  4    wrong language
  5    model cannot load
  6    malformed glossary
  7    malformed structured file (XLIFF, TMX, TBX, CSV, .align, decisions, signature)
  130  interrupted
  141  output pipe closed early (e.g. | head); ends quietly"""


class _Version(argparse.Action):
    """--version: the version and the signature of a run with the default settings, worked
    out only when asked for (it reads library versions and hashes the calibration table)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print the version and the signature of the default settings")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> NoReturn:
        from .pipeline import default_signature

        signature = default_signature()
        print(f"align {__version__}\nsignature: {signature.short()}\nfull signature: {signature}")
        parser.exit(0)


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr (exit 2), like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="align", description="Align a Chinese document with its English "
                     "translation and flag translation errors; offline.", epilog=EXIT_CODES,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="check a translation: two documents, or one bilingual file",
                         description="Align SOURCE with TARGET and check the translation, or check "
                         "a bilingual file (XLIFF 1.2/2.x, TMX, CSV/TSV/XLSX with source and "
                         "target columns) as it is segmented.", epilog=EXIT_CODES,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("source", type=Path,
                     help="Chinese document, or a bilingual file (.xlf .xliff .sdlxliff .mqxliff "
                          ".tmx .csv .tsv .xlsx) when no TARGET is given")
    run.add_argument("target", type=Path, nargs="?", help="English translation of SOURCE")
    run.add_argument("--out", type=Path,
                     help="output folder (default reports/<source name>__<target name>/, or "
                          "reports/<file name>/ for a bilingual file)")
    run.add_argument("--presplit", action="store_true",
                     help="one sentence per line, no segmentation")
    run.add_argument("--model", default="use",
                     help="use (default, embedded, offline) or st:NAME_OR_PATH "
                          "(sentence-transformers)")
    run.add_argument("--allow-download", action="store_true",
                     help="let st:NAME be fetched from the model hub when it is not on disk "
                          "(default: offline, fail at once)")
    run.add_argument("--encoding", help="force an input encoding (default: detected)")
    run.add_argument("--glossary", type=Path, help="glossary to enforce (CSV or TBX)")
    run.add_argument("--checks", metavar="A,B", help=batch_command.checks_help())
    run.add_argument("--skip-checks", default="", metavar="A,B",
                     help="comma-separated checks to switch off")
    run.add_argument("--decisions", type=Path, metavar="CSV",
                     help="decisions.csv exported from report.html: dismissed flags are hidden "
                          "(listed apart and counted), accepted ones marked")
    run.add_argument("--xliff-out", type=Path, metavar="FILE",
                     help="write the input XLIFF again with each flag as a note on its unit")
    run.add_argument("--fail-on", choices=[s.value for s in Severity],
                     help="exit 1 when a flag at or above this severity exists "
                          "(dismissed flags do not count)")
    run.add_argument("--min-confidence", type=batch_command.confidence_level, default=None,
                     help="list flags whose calibrated confidence is below this apart, under "
                          "'worth a look' (0-1; default: the level giving 0.85 precision on "
                          "the development set, or 0 for checks named in --checks)")
    run.add_argument("--no-cache", action="store_true",
                     help="do not read or write the embedding cache")
    run.add_argument("--max-bytes", type=int, default=None,
                     help="largest input file accepted, in bytes (default 16 MiB)")

    score = sub.add_parser("score", help="strict and lax P/R/F1 of .align files against gold")
    score.add_argument("--gold", type=Path, required=True,
                       help="gold .align file, or a folder of them")
    score.add_argument("--test", type=Path, required=True,
                       help=".align file or folder to score (same names as the gold ones)")

    glossary = sub.add_parser("glossary", help="build, review, export or import a glossary")
    gsub = glossary.add_subparsers(dest="glossary_command", required=True)
    build = gsub.add_parser("build", help="mine terms and renderings into a glossary CSV")
    build.add_argument("--corpus", type=Path, nargs="+", required=True,
                       help="Chinese documents to mine terms from")
    build.add_argument("--pairs", type=Path, nargs="*", default=[],
                       help="report folders or alignment.csv files of aligned pairs")
    build.add_argument("--out", type=Path, required=True,
                       help="glossary CSV to write (decisions in an existing one are kept)")
    build.add_argument("--top", type=int, default=200, help="how many terms to keep (default 200)")
    review = gsub.add_parser("review", help="list candidates, or accept/reject them")
    review.add_argument("glossary", type=Path, help="glossary CSV or TBX")
    review.add_argument("--approve", nargs="*", default=[], metavar="TERM[=EN]",
                        help="approve these terms; TERM=EN also sets the English")
    review.add_argument("--forbid", nargs="*", default=[], metavar="TERM",
                        help="mark these terms forbidden")
    review.add_argument("--reject", nargs="*", default=[], metavar="TERM",
                        help="remove these terms")
    add = gsub.add_parser("add", help="add approved terms (TERM=EN), e.g. after dismissing "
                          "the same flag in many documents")
    add.add_argument("glossary", type=Path, help="glossary CSV (created if absent)")
    add.add_argument("entries", nargs="*", metavar="TERM=EN",
                     help='terms and their approved English, e.g. 临港新片区="Lingang Special Area"')
    add.add_argument("--from-decisions", nargs="+", type=Path, default=[], metavar="CSV",
                     help="also add each term=rendering whose flags were dismissed at least "
                          "--min-count times in these decisions.csv files")
    add.add_argument("--min-count", type=int, default=3,
                     help="dismissals needed for --from-decisions (default 3)")
    export = gsub.add_parser("export", help="CSV → TBX")
    export.add_argument("glossary", type=Path, help="glossary CSV")
    export.add_argument("--out", type=Path, required=True, help="TBX file to write")
    imp = gsub.add_parser("import", help="TBX → CSV")
    imp.add_argument("tbx", type=Path, help="TBX file")
    imp.add_argument("--out", type=Path, required=True, help="glossary CSV to write")
    batch_command.add_parser(sub)

    cache = sub.add_parser("cache", help="show or empty the cache folder",
                           description="The cache folder ($ALIGN_CACHE, default "
                           "~/.cache/align-zh-en) keeps embeddings, the parsed dictionary, "
                           "jieba's tables and per-document analyses; it is held under $ALIGN_CACHE_MAX_MB MiB "
                           "(default 2048), the entries unused the longest removed first.")
    csub = cache.add_subparsers(dest="cache_command", required=True)
    csub.add_parser("info", help="location, entries and size")
    csub.add_parser("clear", help="remove every entry (only files this tool wrote)")

    signature = sub.add_parser("signature", help="read a signature line back into its fields",
                               description="Print each field of a run's signature (the "
                               "`signature` of summary.json or the report footer) on a line.")
    signature.add_argument("line", help="the signature, version:...|model:...|...")
    return parser


def _run(args: argparse.Namespace) -> int:
    from .io.bilingual import BILINGUAL_SUFFIXES, XLIFF_SUFFIXES, is_bilingual
    from .io.files import write_atomic
    from .pipeline import run, run_bilingual, write_report

    options = _run_options(args)
    single = args.target is None
    if single and not is_bilingual(args.source):
        raise AlignError(f"{args.source}: give the English translation too, or a bilingual file "
                         f"({' '.join(BILINGUAL_SUFFIXES)})")
    if args.xliff_out and not (single and args.source.suffix.lower() in (*XLIFF_SUFFIXES, ".xml")):
        raise AlignError("--xliff-out needs one XLIFF file as input")
    # named after both files, so that two translations of one source do not overwrite each other
    out = args.out or Path("reports") / (args.source.stem if single else
                                         f"{args.source.stem}__{args.target.stem}")
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: is a file, not a folder")
    with _progress() as progress:
        result = (run_bilingual(args.source, options, progress=progress) if single else
                  run(args.source, args.target, options, progress=progress))
        reviewed = None
        if args.xliff_out:
            from .io.xliff_out import xliff_with_notes

            if not (result.bilingual and result.bilingual.format.startswith("xliff")):
                raise AlignError(f"--xliff-out needs one XLIFF file as input; {args.source} is "
                                 "not XLIFF")
            reviewed = xliff_with_notes(result.bilingual, result.flags, result.pairs,
                                        result.decision_of())
        progress("writing")
        try:
            write_report(result, out, args.source.name,
                         args.source.name if single else args.target.name)
            if reviewed is not None:
                write_atomic(args.xliff_out, reviewed)
        except OSError as exc:
            raise InputError(f"cannot write the report into {out}: "
                             f"{exc.strerror or exc}") from None
    s = result.summary
    below = (f", {s.flags_hidden_below_confidence} more under the confidence floor"
             if s.flags_hidden_below_confidence else "")
    dismissed = f" ({s.flags_dismissed} dismissed)" if s.flags_dismissed else ""
    print(f"{s.source_sentences} source and {s.target_sentences} target sentences → "
          f"{s.beads} pairs, {s.flags} flags{below}{dismissed}; wrote {out}/"
          + (f" and {args.xliff_out}" if args.xliff_out else ""))
    for warning in result.warnings:
        _warn(warning)
    if args.fail_on:
        limit = Severity(args.fail_on).rank
        failing = sum(f.severity.rank >= limit for f in result.flags)
        if failing:
            print(f"align: {failing} flag{'s' if failing != 1 else ''} at or above "
                  f"{args.fail_on} (--fail-on {args.fail_on}): exit 1", file=sys.stderr)
            return 1
    return 0


def _warn(message: str) -> None:
    print(f"align: warning: {message}", file=sys.stderr)


def _run_options(args: argparse.Namespace):
    from .pipeline import RunOptions
    from .io.read import MAX_BYTES

    return RunOptions(
        model=args.model, presplit=args.presplit, encoding=args.encoding, glossary=args.glossary,
        checks=tuple(c for c in args.checks.split(",") if c) if args.checks else None,
        skip_checks=tuple(c for c in args.skip_checks.split(",") if c),
        cache=not args.no_cache, max_bytes=args.max_bytes or MAX_BYTES,
        decisions=args.decisions, allow_download=args.allow_download,
        **({} if args.min_confidence is None else {"min_confidence": args.min_confidence}))


@contextmanager
def _progress() -> Iterator[Callable[[str], None]]:
    """The stage a long run is in, on one line of a terminal; nothing when not on a TTY."""
    if not sys.stderr.isatty():
        yield lambda _stage: None
        return
    import shutil

    from tqdm import tqdm

    stages = ["reading", "embedding", "checking", "writing"]
    # a terminal that reports no size (a bare pty) would get no line at all: say 80x24
    size = shutil.get_terminal_size()
    bar = tqdm(total=len(stages), desc="starting", unit="stage", leave=False, file=sys.stderr,
               ncols=min(100, size.columns), nrows=size.lines,
               bar_format="align: {desc:<22} {bar:12} {n_fmt}/{total_fmt} stages, {elapsed}")

    def show(stage: str) -> None:
        done = next((k for k, s in enumerate(stages) if stage.startswith(s.split()[0])), bar.n)
        bar.set_description(stage)
        bar.update(max(0, done - bar.n))

    try:
        yield show
    finally:
        bar.close()


def _score(args: argparse.Namespace) -> int:
    from .alignment.score import score_paths

    print("\n".join(score_paths(args.gold, args.test).lines()))
    return 0


def _write(path: Path, content: str | bytes) -> None:
    """A file written whole or not at all; a folder that refuses it is one line (exit 3)."""
    from .io.files import write_atomic

    try:
        write_atomic(path, content)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _glossary(args: argparse.Namespace) -> int:
    from .glossary import curate
    from .glossary.io import glossary_csv, glossary_tbx

    command = args.glossary_command
    if command == "export":
        _write(args.out, glossary_tbx(_glossary_entries(args.glossary)))
        print(f"wrote {args.out}")
    elif command == "import":
        _write(args.out, glossary_csv(_glossary_entries(args.tbx)))
        print(f"wrote {args.out}")
    elif command == "review":
        entries = _glossary_entries(args.glossary)
        if not (args.approve or args.forbid or args.reject):
            for e in curate.candidates(entries):
                print(f"{e.zh}\t{e.en}\t{'|'.join(e.variants)}\t{e.frequency}")
            return 0
        decided = curate.decide(entries, args.approve, args.forbid, args.reject,
                                str(args.glossary))
        _write(args.glossary, glossary_csv(decided))
        print(f"{len(args.approve)} approved, {len(args.forbid)} forbidden, "
              f"{len(args.reject)} removed")
    elif command == "add":
        terms = [curate.term_and_english(e) for e in args.entries]
        if args.from_decisions:
            promoted = curate.promotions(args.from_decisions, args.min_count)
            for (term, english), count in promoted.items():
                print(f"{term}={english}\tdismissed {count} times")
            terms += list(promoted)
        if not terms:
            raise AlignError("nothing to add: give TERM=EN, or --from-decisions with renderings "
                             f"dismissed at least {args.min_count} times")
        existing = _glossary_entries(args.glossary) if args.glossary.exists() else []
        entries, added = curate.add(existing, terms)
        _write(args.glossary, glossary_csv(entries))
        print(f"{added} added, {len(terms) - added} updated; wrote {args.glossary}")
    else:
        existing = _glossary_entries(args.out) if args.out.exists() else []
        try:
            entries, added = curate.build(args.corpus, args.pairs, existing, args.top)
        except InputError as exc:  # `glossary build` reads UTF-8, UTF-16 or GB18030 only
            raise InputError(str(exc).replace("(try --encoding)", "(save it as UTF-8)")) \
                from None
        _write(args.out, glossary_csv(entries))
        print(f"{len(entries)} entries ({added} new candidates); wrote {args.out}")
    return 0


def _glossary_entries(path: Path) -> list:
    """A glossary's entries; what loading it noticed (merged duplicates...) said as warnings."""
    from .glossary.io import load_glossary

    glossary = load_glossary(path)
    for warning in glossary.warnings:
        _warn(warning)
    return list(glossary.entries)


def _cache(args: argparse.Namespace) -> int:
    from .io.files import cache_info, clear_cache

    if args.cache_command == "clear":
        try:
            before = clear_cache()
        except OSError as exc:
            raise AlignError(f"cannot clear the cache: {exc.filename}: "
                             f"{exc.strerror or exc}") from None
        print(f"removed {before.entries} entries ({_size(before.size)}) from {before.location}")
        return 0
    info = cache_info()
    print(f"location: {info.location}")
    print(f"entries:  {info.entries} ({_size(info.size)} of {_size(info.limit)} allowed by "
          f"$ALIGN_CACHE_MAX_MB)")
    for kind, entries, size in info.by_kind:
        if entries:
            print(f"  {kind}: {entries} ({_size(size)})")
    return 0


def _size(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def _signature(args: argparse.Namespace) -> int:
    from .report.signature import parse_signature

    for key, value in parse_signature(args.line).fields():
        shown = ",".join(map(str, value)) if isinstance(value, tuple) else value
        print(f"{key}\t{shown}")
    return 0


def _batch(args: argparse.Namespace) -> int:
    return batch_command.main(args)


def main(argv: list[str] | None = None) -> int:
    handlers = {"run": _run, "score": _score, "glossary": _glossary, "batch": _batch,
                "cache": _cache, "signature": _signature}
    try:
        args = _parser().parse_args(argv)  # --version runs here and may meet an AlignError
        code = handlers[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below
    except AlignError as exc:
        print(f"align: error: {exc}", file=sys.stderr)
        code = exc.exit_code
    except BrokenPipeError:
        # the reader went away (| head): stop quietly, and keep Python from complaining
        # about the unflushable stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("align: interrupted; no partial files were left", file=sys.stderr)
        code = 130
    except MemoryError:
        print("align: error: out of memory; split the input or lower --max-bytes",
              file=sys.stderr)
        code = 3
    return code


if __name__ == "__main__":
    sys.exit(main())
