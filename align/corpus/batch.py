"""Per-pair stage of a batch: one `PairJob` → its report folder OUT/<id>/, installed whole, and
a `PairOutcome` (status, why it failed, timings) for the corpus stage.

A pair folder is written in a staging folder and renamed into place, so OUT/<id>/ is always
one whole run; its summary.json carries the content hashes that let a re-run skip it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import socket
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import AlignError, FormatError, GlossaryError, InputError, LanguageError, ModelError
from ..io.files import code_digest, file_sha256, write_atomic
from ..io.bilingual import XLIFF_SUFFIXES, is_bilingual
from ..io.manifest import PairSpec
from ..io.csv_format import csv_text
from ..io.write import json_text

if TYPE_CHECKING:
    from ..alignment.embeddings import Encoder
    from ..pipeline import RunOptions, RunResult

STATE_DIR = ".align-batch"  # OUT/.align-batch/: staging, replaced, failures, lock
RENDERINGS_FILE = "renderings.csv"
# what the corpus stage reads from a pair folder; a folder missing one is not taken as done
PAIR_FILES = ("summary.json", "flags.json", "report.html", RENDERINGS_FILE)

# why a pair failed, by the exception the pipeline raised (first match wins)
REASONS: tuple[tuple[type[AlignError], str], ...] = (
    (InputError, "unreadable"), (LanguageError, "wrong_language"), (FormatError, "malformed"),
    (GlossaryError, "glossary"), (ModelError, "model"), (AlignError, "settings"))
# failures that the same inputs and settings will always repeat: a re-run reuses them
REPEATABLE = frozenset({"unreadable", "wrong_language", "malformed", "glossary", "settings"})
# the pipeline's warning for two texts that are not translations of each other
NOT_TRANSLATION = "do not look like translations"


@dataclass(frozen=True)
class PairJob:
    """Everything a worker needs to run one pair, and the fingerprint it will be stored under."""

    spec: PairSpec
    options: RunOptions
    out: Path  # the batch's output folder; the pair goes to out / spec.id
    fingerprint: str
    hashes: tuple[tuple[str, str], ...]  # (input, sha256): source, target, option files
    tool: str  # tool_identity() of the process that planned the job
    size: int  # bytes of both inputs: the biggest pairs are scheduled first
    # write an XLIFF input back with the flags as notes, into its pair folder under its name
    xliff_out: bool = False


@dataclass(frozen=True)
class PairOutcome:
    id: str
    status: str  # ok | failed
    reason: str = ""  # why it failed: unreadable, wrong_language, not_translation, ...
    exit_code: int | None = None  # what `align run` exits with on this pair, where it fails
    error: str = ""
    reused: bool = False  # taken from an earlier run with the same fingerprint
    attempts: int = 1
    seconds: float = 0.0  # in the worker: pipeline and writing
    pipeline_seconds: float = 0.0  # the pipeline's own total, as `align run` would report it
    peak_rss_mb: float = 0.0  # of the process that ran it, so far
    worker: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def has_report(self) -> bool:
        """A pair that ran through (a non-translation fails but still gets its report)."""
        return self.ok or self.reason == "not_translation"


# ------------------------------------------------------------------ fingerprints

@lru_cache(maxsize=1)
def tool_identity() -> str:
    """The version and a digest of the package's code: a pair run by other code is redone."""
    return f"{__version__}+{code_digest()}"


def option_files(options: RunOptions) -> list[tuple[str, Path]]:
    """The files the settings name (glossary, ...): their content is part of the fingerprint."""
    return [(f.name, getattr(options, f.name)) for f in dataclasses.fields(options)
            if isinstance(getattr(options, f.name), Path)]


def settings_fingerprint(options: RunOptions) -> dict[str, object]:
    """Every setting that can change a result; files by name and content, not by path."""
    fields = dataclasses.asdict(options)
    fields.pop("cache", None)  # the embedding cache changes speed, never results
    for name, path in option_files(options):
        fields[name] = {"name": path.name, "sha256": file_sha256(path)}
    return fields


def plan(spec: PairSpec, options: RunOptions, out: Path,
         settings: dict[str, object], xliff_out: bool = False) -> PairJob | PairOutcome:
    """Hash a pair's inputs into its job; a pair that cannot be read fails here, unsent.
    `xliff_out` asks for each XLIFF input back with its flags as notes."""
    if spec.problem:
        return PairOutcome(spec.id, "failed", "unmatched", InputError.exit_code, spec.problem)
    try:
        if spec.bilingual:
            hashes: tuple[tuple[str, str], ...] = (("file", file_sha256(spec.source)),)
            size = spec.source.stat().st_size
        else:
            hashes = (("source", file_sha256(spec.source)), ("target", file_sha256(spec.target)))
            size = spec.source.stat().st_size + spec.target.stat().st_size
    except OSError as exc:
        return PairOutcome(spec.id, "failed", "unreadable", InputError.exit_code, _shown_names(
            f"{exc.filename}: cannot read ({exc.strerror or exc})", spec))
    hashes += tuple((name, str(value["sha256"])) for name, value in settings.items()
                    if isinstance(value, dict) and "sha256" in value)
    tool = tool_identity()
    identity = {"tool": tool, "id": spec.id, "names": [spec.source_name, spec.target_name],
                "inputs": hashes, "settings": settings}
    if xliff_out and spec.bilingual and is_xliff(spec.source):  # written back: a new job
        identity["xliff_out"] = True
    fingerprint = hashlib.sha256(json.dumps(identity, sort_keys=True, default=str,
                                            ensure_ascii=False).encode()).hexdigest()
    return PairJob(spec, options, out, fingerprint, hashes, tool, size,
                   xliff_out and spec.bilingual and is_xliff(spec.source))


def is_xliff(path: Path) -> bool:
    """An XLIFF file by its name, or a .xml file whose root is <xliff>."""
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return is_bilingual(path) and b"<tmx" not in path.read_bytes()[:4000]
    return suffix in XLIFF_SUFFIXES


# ------------------------------------------------------------------ what is done already

def state_dir(out: Path, part: str) -> Path:
    return out / STATE_DIR / part


def reuse(job: PairJob) -> PairOutcome | None:
    """The outcome of an earlier run of exactly this job, if its results are whole on disk."""
    folder = job.out / job.spec.id
    stored = _read_json(folder / "summary.json")
    batch = stored.get("batch") if isinstance(stored, dict) else None
    if isinstance(batch, dict) and batch.get("fingerprint") == job.fingerprint and \
            all((folder / name).is_file() for name in PAIR_FILES) and \
            (not job.xliff_out or (folder / job.spec.source.name).is_file()):
        return PairOutcome(job.spec.id, str(batch.get("status", "ok")),
                           str(batch.get("reason", "")), None, str(batch.get("error", "")),
                           reused=True)
    failure = _read_json(state_dir(job.out, "failures") / f"{job.spec.id}.json")
    if isinstance(failure, dict) and failure.get("fingerprint") == job.fingerprint and \
            failure.get("reason") in REPEATABLE:
        return PairOutcome(job.spec.id, "failed", str(failure["reason"]),
                           failure.get("exit_code"), str(failure.get("error", "")), reused=True)
    return None


def remember_failure(job: PairJob, outcome: PairOutcome) -> None:
    """Keep a failure that the same inputs would repeat, so a re-run need not try again."""
    path = state_dir(job.out, "failures") / f"{job.spec.id}.json"
    if outcome.status == "failed" and outcome.reason in REPEATABLE:
        write_atomic(path, json_text({"fingerprint": job.fingerprint, "reason": outcome.reason,
                                      "exit_code": outcome.exit_code, "error": outcome.error}))
    elif path.exists():
        path.unlink()


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def recover(out: Path) -> None:
    """After a killed batch: a pair folder caught between its old and new version is put
    back, and unfinished staging folders are removed. Call with the batch lock held."""
    replaced = state_dir(out, "replaced")
    if replaced.is_dir():
        for old in sorted(replaced.iterdir()):
            ident = old.name[:-33]  # "<id>.<32 hex digits>"
            if ident and not (out / ident).exists():
                os.rename(old, out / ident)
            else:
                shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(state_dir(out, "staging"), ignore_errors=True)


@contextlib.contextmanager
def batch_lock(out: Path) -> Iterator[None]:
    """One batch at a time per output folder; the lock goes with the process that holds it."""
    path = out / STATE_DIR / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # no advisory locks on this system: trust the user
            yield
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise InputError(f"{out}: another align batch is writing into this folder") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ------------------------------------------------------------------ the worker side

_ENCODERS: dict[str, Encoder] = {}
_ENCODER_LOCK = threading.Lock()

WARM_UP_SOURCE = "长三角一体化发展取得新进展。\n上海市2023年地区生产总值达到4.7万亿元，增长5%。\n"
WARM_UP_TARGET = ("The integrated development of the Yangtze River Delta made new progress.\n"
                  "Shanghai's GDP reached 4.7 trillion yuan in 2023, up 5%.\n")


def worker_encoder(options: RunOptions) -> Encoder:
    """The encoder for `options.model`, loaded once per process and warmed up: the first
    pair a worker runs is then as fast as the rest (dictionaries and vocabulary loaded)."""
    with _ENCODER_LOCK:
        if options.model not in _ENCODERS:
            from ..alignment.encoders import load_encoder

            encoder = load_encoder(options.model)
            try:
                _warm_up(encoder, options.model)
            except Exception:  # only a head start: a real fault shows again in the pairs
                pass
            _ENCODERS[options.model] = encoder
        return _ENCODERS[options.model]


def _warm_up(encoder: Encoder, model: str) -> None:
    from ..pipeline import RunOptions, run

    with tempfile.TemporaryDirectory(prefix="align-warm-up-") as folder:
        source, target = Path(folder) / "w.zh.txt", Path(folder) / "w.en.txt"
        source.write_text(WARM_UP_SOURCE, encoding="utf-8")
        target.write_text(WARM_UP_TARGET, encoding="utf-8")
        run(source, target, RunOptions(model=model, presplit=True, cache=False), encoder)


# every worker, and a batch run in its own process, sums with one BLAS thread: parallelism
# comes from pairs side by side, and the same sums in the same order give the same figures
# to the last digit whichever way a corpus runs
BLAS_THREADS = 1


def start_worker(options: RunOptions) -> None:
    """Prepare a worker process: one BLAS thread, then the encoder, loaded once. A model that
    cannot load is reported by each pair rather than here, where it would only kill the
    worker."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(BLAS_THREADS)
    with contextlib.suppress(AlignError):
        worker_encoder(options)


def process_pair(job: PairJob) -> PairOutcome:
    """Run one pair and install its report folder; any failure is returned, never raised."""
    started = time.perf_counter()
    # the release must match; the code digest may differ (a tree edited while a batch runs):
    # the pair is then stored under the planner's digest, and the next run redoes it
    if job.tool.split("+")[0] != __version__:
        return _failed(job, "version", None, f"this worker runs align {__version__}, the batch "
                       f"was planned with {job.tool}: install the same version everywhere",
                       started)
    from ..pipeline import run, run_bilingual

    try:
        encoder = worker_encoder(job.options)
        result = run_bilingual(job.spec.source, job.options, encoder) if job.spec.bilingual \
            else run(job.spec.source, job.spec.target, job.options, encoder)
    except AlignError as exc:
        reason = next(name for kind, name in REASONS if isinstance(exc, kind))
        return _failed(job, reason, exc.exit_code, _shown_names(str(exc), job.spec), started)
    except MemoryError:
        return _failed(job, "memory", InputError.exit_code, "out of memory", started)
    except Exception as exc:  # a bug met by one pair must not stop the corpus: record it
        return _failed(job, "error", None, f"{type(exc).__name__}: {exc}", started)
    not_translation = [w for w in result.warnings if NOT_TRANSLATION in w]
    status, reason = ("failed", "not_translation") if not_translation else ("ok", "")
    error = not_translation[0] if not_translation else ""
    try:
        _install_report(job, result, status, reason, error)
    except OSError as exc:
        return _failed(job, "unwritable", InputError.exit_code,
                       f"cannot write {job.out / job.spec.id}: {exc.strerror or exc}", started)
    return PairOutcome(job.spec.id, status, reason, None, error, seconds=time.perf_counter() - started,
                       pipeline_seconds=result.summary.timings_s["total"],
                       peak_rss_mb=_peak_rss_mb(), worker=_worker_name())


def _shown_names(message: str, spec: PairSpec) -> str:
    """The pipeline names files by the path it was given; the corpus shows them by the names
    in its reports, so pairs.csv does not depend on where the corpus lies."""
    return message.replace(str(spec.source), spec.source_name).replace(str(spec.target),
                                                                      spec.target_name)


def _failed(job: PairJob, reason: str, exit_code: int | None, error: str,
            started: float) -> PairOutcome:
    return PairOutcome(job.spec.id, "failed", reason, exit_code, error,
                       seconds=time.perf_counter() - started, peak_rss_mb=_peak_rss_mb(),
                       worker=_worker_name())


def _install_report(job: PairJob, result: RunResult, status: str, reason: str,
                    error: str) -> None:
    from .corpus_terms import RENDERING_COLUMNS, document_renderings
    from ..pipeline import write_report

    spec = job.spec
    alignment = result.alignment
    beads = alignment.beads
    result.summary = dataclasses.replace(result.summary, source=spec.source_name,
                                         target=spec.target_name, batch={
        "pair": spec.id, "status": status, "reason": reason, "error": error,
        "fingerprint": job.fingerprint, "tool": job.tool, "inputs_sha256": dict(job.hashes),
        "source_chars": sum(len("".join(s.text.split())) for s in alignment.source),
        "unmatched_sentences": sum(len(b.source_ids) for b in beads if not b.target_ids)
        + sum(len(b.target_ids) for b in beads if not b.source_ids),
    })
    renderings = document_renderings(result.context)
    staging = state_dir(job.out, "staging") / f"{uuid.uuid4().hex}"
    staging.mkdir(parents=True)
    try:
        write_atomic(staging / RENDERINGS_FILE,
                     csv_text([r.row() for r in renderings], RENDERING_COLUMNS))
        # summary.json last: the folder is renamed whole anyway, but a copy taken by hand
        # mid-way then still has no summary and is never mistaken for a finished pair
        reviewed = reviewed_xliff(job, result)
        if reviewed is not None:
            write_atomic(staging / spec.source.name, reviewed)
        write_report(result, staging, spec.source_name, spec.target_name)
        install(staging, job.out / spec.id, state_dir(job.out, "replaced"))
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def reviewed_xliff(job: PairJob, result: RunResult) -> bytes | None:
    """The pair's XLIFF input with each flag a note on its unit, where the job asks for it
    and the input is XLIFF (a TMX or a table has nowhere to keep notes)."""
    from ..io.xliff_out import xliff_with_notes

    document = result.bilingual
    if not job.xliff_out or document is None or not document.format.startswith("xliff"):
        return None
    return xliff_with_notes(document, result.flags, result.pairs, result.decision_of())


def install(staging: Path, final: Path, replaced: Path) -> None:
    """Put a finished folder in place of `final`; the old one is moved aside first, so a kill
    in between leaves it in `replaced` (and `recover` puts it back), never half-overwritten."""
    if final.exists():
        replaced.mkdir(parents=True, exist_ok=True)
        old = replaced / f"{final.name}.{uuid.uuid4().hex}"
        os.rename(final, old)
        os.rename(staging, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(staging, final)


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:
        return 0.0
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"
