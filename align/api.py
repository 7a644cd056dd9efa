"""The library's front door for notebooks and scripts: `run_pair` for one document pair,
`run_corpus` for many; both return typed results and never print.

`run_corpus` is the whole batch: inputs → plan (hashes) → skip what is done → schedule the
rest → corpus tables → corpus files.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus.batch import (PairJob, PairOutcome, batch_lock, option_files, plan, recover,
                           remember_failure, reuse, settings_fingerprint)
from .errors import InputError, ModelError
from .io.manifest import Corpus, PairSpec, check_ids, load_corpus, pair_id

if TYPE_CHECKING:
    import pandas as pd

    from .alignment.embeddings import Encoder
    from .pipeline import RunOptions, RunResult


def run_pair(source: str | Path, target: str | Path, out: str | Path | None = None,
             options: RunOptions | None = None, encoder: Encoder | None = None) -> RunResult:
    """Align and check one pair, as `align run` does; with `out`, write its report folder.

    Pass a loaded `encoder` (align.alignment.encoders.load_encoder) to run many pairs without
    loading the model each time."""
    from .pipeline import RunOptions, run, write_report

    source, target = Path(source), Path(target)
    result = run(source, target, options or RunOptions(), encoder)
    if out is not None:
        write_report(result, Path(out), source.name, target.name)
    return result


@dataclass(frozen=True)
class BatchProgress:
    """Where a batch stands; `outcome` is the pair just finished (None for the first report,
    made before any pair runs, where `done` counts the pairs reused from an earlier run)."""

    done: int
    total: int
    failed: int
    outcome: PairOutcome | None


@dataclass(frozen=True)
class CorpusResult:
    out: Path
    pairs: pd.DataFrame  # one row per pair: status, figures, report link (pairs.csv)
    flags: pd.DataFrame  # every flag with a `pair` column (flags.csv, flags.parquet)
    consistency: pd.DataFrame  # terms rendered differently across documents
    summary: dict[str, object]  # summary.json
    outcomes: tuple[PairOutcome, ...]  # in id order, with timings and the worker

    @property
    def failed(self) -> list[str]:
        return [o.id for o in self.outcomes if not o.ok]

    @property
    def index(self) -> Path:
        return self.out / "index.html"


Pairs = str | Path | Sequence[tuple[str | Path, str | Path] | tuple[str | Path, str | Path, str]]


def run_corpus(pairs: Pairs, out: str | Path, options: RunOptions | None = None,
               workers: int = 1, dask: str | None = None, dask_timeout: float = 20.0,
               progress: Callable[[BatchProgress], None] | None = None,
               xliff_out: bool = False) -> CorpusResult:
    """Run every pair of a corpus into OUT/<id>/ and write the corpus files into OUT.

    `pairs` is a manifest CSV, a folder of NAME.zh.EXT / NAME.en.EXT files, or a list of
    (source, target) or (source, target, id). Pairs whose inputs, settings and tool are
    unchanged since an earlier run into the same OUT are reused. `workers` > 1 runs that many
    local processes; `dask` is a scheduler address, or "local" for a LocalCluster of `workers`
    processes. A pair that fails is recorded (CorpusResult.failed, pairs.csv), never raised.
    A folder or manifest may list bilingual files (XLIFF, TMX, tables), each checked as it
    stands; `xliff_out` writes each XLIFF one back, flags as notes, into OUT/<id>/<its name>."""
    from .corpus.tables import collect, write_corpus
    from .pipeline import RunOptions
    from .corpus.scheduler import run_jobs

    started = time.perf_counter()
    options = options or RunOptions()
    out = Path(out).absolute()
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: is a file, not a folder")
    corpus = _corpus(pairs, out)
    if not corpus.pairs:
        ignored = f"; ignored: {', '.join(corpus.ignored[:10])}" if corpus.ignored else ""
        raise InputError(f"{corpus.root}: no pairs found (files are paired by name: "
                         f"NAME.zh.EXT with NAME.en.EXT; bilingual files are .xlf .xliff "
                         f".sdlxliff .mqxliff .tmx, or a table naming its source and target "
                         f"columns){ignored}")
    for name, path in option_files(options):
        if not path.is_file():
            raise InputError(f"--{name} {path}: no such file")
    # workers may run elsewhere and in another folder: they get the files by full path
    options = dataclasses.replace(options, **{name: path.absolute()
                                              for name, path in option_files(options)})
    settings = settings_fingerprint(options)
    out.mkdir(parents=True, exist_ok=True)
    with batch_lock(out):
        recover(out)
        outcomes: dict[str, PairOutcome] = {}
        jobs: dict[str, PairJob] = {}
        for spec in corpus.pairs:
            planned = plan(spec, options, out, settings, xliff_out)
            if isinstance(planned, PairOutcome):
                outcomes[spec.id] = planned
            else:
                done = reuse(planned)
                if done is None:
                    jobs[spec.id] = planned
                else:
                    outcomes[spec.id] = done
        total = len(corpus.pairs)
        report = progress or (lambda _p: None)
        report(BatchProgress(len(outcomes), total, _failures(outcomes), None))

        def finished(outcome: PairOutcome) -> None:
            outcomes[outcome.id] = outcome
            remember_failure(jobs[outcome.id], outcome)
            if outcome.reason == "model":  # no pair can run without the model
                raise ModelError(outcome.error)
            report(BatchProgress(len(outcomes), total, _failures(outcomes), outcome))

        run_jobs(list(jobs.values()), finished, workers, dask, dask_timeout)
        run = {"seconds": round(time.perf_counter() - started, 3), "pairs_run": len(jobs),
               "pairs_reused": sum(o.reused for o in outcomes.values())}
        tables = collect(corpus, outcomes, out, settings, run)
        write_corpus(tables, out)
    return CorpusResult(out, tables.pairs, tables.flags, tables.consistency, tables.summary,
                        tuple(outcomes[spec.id] for spec in corpus.pairs))


def _failures(outcomes: dict[str, PairOutcome]) -> int:
    return sum(not o.ok for o in outcomes.values())


def _corpus(pairs: Pairs, out: Path) -> Corpus:
    if isinstance(pairs, (str, Path)):
        return load_corpus(Path(pairs).absolute(), skip=out)
    specs = []
    for item in pairs:
        source, target = Path(item[0]).absolute(), Path(item[1]).absolute()
        for path in (source, target):
            if not path.is_file():
                raise InputError(f"{path}: no such file")
        ident = str(item[2]) if len(item) > 2 else pair_id(source.name)
        specs.append(PairSpec(ident, source, target, source.name, target.name))
    corpus = Corpus(Path.cwd(), tuple(sorted(specs, key=lambda s: s.id)))
    check_ids(corpus.pairs, "pairs")
    return corpus
