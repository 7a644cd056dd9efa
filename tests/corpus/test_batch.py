"""align batch / align.run_corpus on real text: a folder of pairs cut from MAC-Test and news
fixtures (tests/data/batch), with a planted drop, a swapped pair, a binary file, a pair that
is no translation, an orphan and a stray file. Same results in this process, in 2 worker
processes and on a LocalCluster; resumable; failures recorded; bad input refused in one line."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import align
from align.corpus.batch import (PAIR_FILES, STATE_DIR, PairOutcome, batch_lock, plan,
                                settings_fingerprint)
from align.cli import main
from align.io.flags import FLAG_COLUMNS
from align.io.manifest import load_corpus
from align.pipeline import RunOptions
from align.corpus.scheduler import run_jobs

from tests.helpers import DATA, SEEDS, drain_pty

CORPUS = DATA / "batch"
OPTIONS = RunOptions(cache=False)
OK = ["deer", "delta-2023", "delta-2024", "drop", "golden-age"]
FAILED = {"binary": ("unreadable", 3), "orphan": ("unmatched", 3),
          "swapped": ("wrong_language", 4), "unrelated": ("not_translation", None)}
# the English line dropped from drop.en.txt (line 6 of MAC-Test mt/010.txt), by its source
DROPPED_SOURCE = (CORPUS / "drop.zh.txt").read_text(encoding="utf-8").splitlines()[5]


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    return align.run_corpus(CORPUS, out, OPTIONS)


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and STATE_DIR not in p.parts}


def _comparable(name: str, content: bytes) -> object:
    """A file as it must be identical between runs: timings and the spreadsheet's creation
    time taken out, everything else byte for byte."""
    if name.endswith("summary.json"):
        data = json.loads(content)
        data.pop("timings_s", None)
        data.pop("run", None)
        return data
    if name.endswith(".xlsx"):
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}
    return content


def _same_results(a: Path, b: Path) -> None:
    left, right = _tree(a), _tree(b)
    assert sorted(left) == sorted(right)
    for name in left:
        assert _comparable(name, left[name]) == _comparable(name, right[name]), name


# ------------------------------------------------------------------ what one run writes

def test_every_pair_recorded_with_status_and_reason(serial):
    pairs = serial.pairs.set_index("pair")
    assert sorted(pairs.index) == sorted(OK + list(FAILED))
    assert (pairs.loc[OK, "status"] == "ok").all()
    for pair, (reason, code) in FAILED.items():
        assert pairs.loc[pair, "status"] == "failed"
        assert pairs.loc[pair, "reason"] == reason
        assert (pd.isna(pairs.loc[pair, "exit_code"]) if code is None
                else pairs.loc[pair, "exit_code"] == code)
        assert pairs.loc[pair, "error"]
    assert sorted(serial.failed) == sorted(FAILED)
    assert "swapped" in pairs.loc["swapped", "error"]
    assert "orphan.zh.txt" in pairs.loc["orphan", "error"]
    # the error names files as the reports do, not by where the corpus lies on this machine
    assert str(CORPUS) not in " ".join(pairs["error"])
    assert serial.summary["ignored_files"] == ["notes.txt"]
    assert serial.summary["failed_by_reason"] == {r: 1 for r, _ in FAILED.values()}


def test_pair_folders_hold_the_usual_outputs_with_their_fingerprint(serial):
    for pair in OK + ["unrelated"]:
        folder = serial.out / pair
        names = {p.name for p in folder.iterdir()}
        assert {"alignment.csv", "alignment.align", "alignment.tmx", "flags.csv",
                "report.html", *PAIR_FILES} <= names
        summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
        batch = summary["batch"]
        assert batch["pair"] == pair and len(batch["fingerprint"]) == 64
        assert set(batch["inputs_sha256"]) == {"source", "target"}
        assert summary["source"] == f"{pair}.zh.txt"
    for pair in ("binary", "orphan", "swapped"):
        assert not (serial.out / pair).exists()
    assert not list((serial.out / STATE_DIR).glob("staging/*"))


def test_corpus_tables_agree_with_the_pair_outputs(serial):
    pairs = serial.pairs.set_index("pair")
    flags = serial.flags
    assert list(flags.columns) == ["pair", *FLAG_COLUMNS]
    assert set(flags["pair"]) <= set(OK)  # no flags from failed pairs
    for pair in OK:
        with open(serial.out / pair / "flags.csv", encoding="utf-8-sig", newline="") as handle:
            own = list(csv.DictReader(handle))
        assert len(own) == pairs.loc[pair, "flags"] == (flags["pair"] == pair).sum()
        assert [r["flag_id"] for r in own] == list(flags.loc[flags["pair"] == pair, "flag_id"].astype(str))
        major = sum(r["severity"] == "major" for r in own)
        assert pairs.loc[pair, "major"] == major
        chars = pairs.loc[pair, "source_chars"]
        assert pairs.loc[pair, "flags_per_1k_chars"] == round(len(own) * 1000 / chars, 2)
        assert pairs.loc[pair, "report"] == f"{pair}/report.html"
    assert serial.summary["flags"] == len(flags)
    parquet = pd.read_parquet(serial.out / "flags.parquet")
    assert list(parquet.columns) == list(flags.columns)
    assert parquet.astype(str).values.tolist() == flags.astype(str).values.tolist()
    with open(serial.out / "pairs.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["pair"] for r in rows] == sorted(OK + list(FAILED))


def test_planted_drop_is_an_unmatched_sentence_and_an_omission(serial):
    pairs = serial.pairs.set_index("pair")
    assert pairs.loc["drop", "unmatched_sentences"] >= 1
    drop = serial.flags[(serial.flags["pair"] == "drop") & (serial.flags["check"] == "omission")]
    assert any(DROPPED_SOURCE[:12] in text for text in drop["src_text"])


def test_term_rendered_differently_across_documents(serial):
    # planted: 开发区 is "development zones" in one article, "open hair areas" (character by
    # character) in the other; each article alone is consistent
    table = serial.consistency
    zones = table[table["term"] == "开发区"].set_index("rendering")
    assert set(zones.index) == {"development zones", "open hair areas"}
    assert zones.loc["development zones", "pairs"] == ("delta-2023",)
    assert zones.loc["open hair areas", "pairs"] == ("delta-2024",)
    assert (zones["suggestion"] == "development zones").all()  # the dictionary meaning
    for pair in ("delta-2023", "delta-2024"):
        own = serial.flags[(serial.flags["pair"] == pair) & (serial.flags["src_term"] == "开发区")]
        assert not (own["check"] == "consistency").any()
    with open(serial.out / "corpus_consistency.csv", encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["term"] == "开发区"]
    assert {r["pairs"] for r in rows} == {"delta-2023", "delta-2024"}
    assert serial.summary["terms_rendered_differently"] >= 1


def test_glossary_build_reads_a_batch_folder(serial):
    from align.glossary.mine import load_pairs

    pairs = load_pairs([serial.out])
    expected = []
    for pair in OK:
        expected += load_pairs([serial.out / pair])
    assert pairs == expected and pairs
    texts = {zh for zh, _ in pairs}
    unrelated = load_pairs([serial.out / "unrelated"])
    assert not texts & {zh for zh, _ in unrelated}  # a failed pair's beads are left out


# ------------------------------------------------------------------ same results every way

@pytest.mark.slow
def test_two_workers_and_a_local_cluster_give_the_same_files(serial, tmp_path):
    two = align.run_corpus(CORPUS, tmp_path / "two", OPTIONS, workers=2)
    _same_results(serial.out, two.out)
    cluster = align.run_corpus(CORPUS, tmp_path / "dask", OPTIONS, workers=2, dask="local")
    _same_results(serial.out, cluster.out)


def worker_state(job):
    """Work that reports how its Dask worker runs: page faults for 200 arrays of 1 MB made
    and dropped (what a pair's embedding and scoring do), and whether the worker's sampling
    profiler is still on."""
    import resource

    import numpy as np
    from distributed import get_worker

    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(200):
        np.ones(1 << 17).sum()
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    profiling = "profile" in get_worker().periodic_callbacks
    return PairOutcome(job.spec.id, "ok", worker=f"{faults} {profiling}")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_dask_workers_run_pairs_at_full_speed():
    """A Dask nanny starts its worker with MALLOC_TRIM_THRESHOLD_=65536 (every array a fresh
    mmap: ~256 page faults per 1 MB array) and a profiler that samples the running thread
    every 10 ms; the setup plugin undoes both, as a pair's own process would run."""
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    corpus = load_corpus(CORPUS.absolute())
    settings = settings_fingerprint(OPTIONS)
    jobs = [j for j in (plan(s, OPTIONS, Path("/nonexistent"), settings) for s in corpus.pairs)
            if not isinstance(j, PairOutcome)][:2]
    outcomes: list[PairOutcome] = []
    run_jobs(jobs, outcomes.append, workers=1, dask="local", work=worker_state, setup=None)
    for outcome in outcomes:
        faults, profiling = outcome.worker.split()
        assert int(faults) < 2_000 and profiling == "False"


def test_biggest_pairs_are_scheduled_first():
    corpus = load_corpus(CORPUS.absolute())
    settings = settings_fingerprint(OPTIONS)
    jobs = [j for j in (plan(s, OPTIONS, Path("/nonexistent"), settings) for s in corpus.pairs)
            if not isinstance(j, PairOutcome)]
    seen: list[str] = []
    run_jobs(jobs, lambda o: seen.append(o.id), work=_record_only, setup=None)
    sizes = {j.spec.id: j.size for j in jobs}
    assert [sizes[i] for i in seen] == sorted(sizes.values(), reverse=True)


def _record_only(job):
    return PairOutcome(job.spec.id, "ok")


# ------------------------------------------------------------------ a worker that dies

def dies_on_deer(job):
    """Work that kills its worker process on one pair, as an out-of-memory kill would; the
    other pairs come out ok without the model, so the test needs no encoder."""
    if job.spec.id == "deer":
        os._exit(137)
    return PairOutcome(job.spec.id, "ok", worker=str(os.getpid()))


@pytest.mark.parametrize("workers,dask", [(2, None), (3, None), (2, "local")],
                         ids=["2 processes", "3 processes", "LocalCluster"])
def test_worker_death_is_retried_alone_then_recorded(workers, dask):
    if dask:  # the cluster's workers cannot import this test module: send the work by value
        import cloudpickle

        cloudpickle.register_pickle_by_value(sys.modules[__name__])
    corpus = load_corpus(CORPUS.absolute())
    settings = settings_fingerprint(OPTIONS)
    jobs = [j for j in (plan(s, OPTIONS, Path("/nonexistent"), settings) for s in corpus.pairs)
            if not isinstance(j, PairOutcome)]
    outcomes: list[PairOutcome] = []
    run_jobs(jobs, outcomes.append, workers=workers, dask=dask, work=dies_on_deer, setup=None)
    by_id = {o.id: o for o in outcomes}
    assert len(outcomes) == len(by_id) == len(jobs)  # each pair reported once
    assert by_id["deer"].reason == "worker_died" and by_id["deer"].attempts == 2
    assert not by_id["deer"].ok
    # pairs that went down with the first worker, if any, were run again alone: ok
    assert all(o.ok for o in outcomes if o.id != "deer")


def raises_on_deer(job):
    if job.spec.id == "deer":
        raise RuntimeError("no such thing on this worker")
    return PairOutcome(job.spec.id, "ok")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_job_that_cannot_run_is_recorded_not_raised(workers):
    corpus = load_corpus(CORPUS.absolute())
    settings = settings_fingerprint(OPTIONS)
    jobs = [j for j in (plan(s, OPTIONS, Path("/nonexistent"), settings) for s in corpus.pairs)
            if not isinstance(j, PairOutcome)]
    outcomes: dict[str, PairOutcome] = {}
    run_jobs(jobs, lambda o: outcomes.__setitem__(o.id, o), workers=workers,
             work=raises_on_deer, setup=None)
    assert outcomes["deer"].reason == "error"
    assert "RuntimeError: no such thing on this worker" in outcomes["deer"].error
    assert sum(o.ok for o in outcomes.values()) == len(jobs) - 1


# ------------------------------------------------------------------ resuming

@pytest.fixture()
def small_corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("golden-age.zh.txt", "golden-age.en.txt", "drop.zh.txt", "drop.en.txt",
                 "swapped.zh.txt", "swapped.en.txt"):
        shutil.copy(CORPUS / name, folder / name)
    return folder


def _stamps(out: Path) -> dict[str, int]:
    return {p.name: (p / "summary.json").stat().st_mtime_ns for p in out.iterdir()
            if (p / "summary.json").exists()}


def test_rerun_skips_what_is_unchanged_and_redoes_what_changed(small_corpus, tmp_path):
    out = tmp_path / "out"
    first = align.run_corpus(small_corpus, out, OPTIONS)
    assert first.summary["run"]["pairs_run"] == 3
    before, stamps = _tree(out), _stamps(out)
    again = align.run_corpus(small_corpus, out, OPTIONS)
    assert again.summary["run"]["pairs_run"] == 0
    assert again.summary["run"]["pairs_reused"] == 3
    assert all(o.reused for o in again.outcomes)
    assert _stamps(out) == stamps
    assert {k: _comparable(k, v) for k, v in _tree(out).items()} == \
        {k: _comparable(k, v) for k, v in before.items()}
    # one input changed: only its pair runs again
    target = small_corpus / "drop.en.txt"
    target.write_text(target.read_text(encoding="utf-8") + "An added closing line.\n",
                      encoding="utf-8")
    changed = align.run_corpus(small_corpus, out, OPTIONS)
    assert changed.summary["run"]["pairs_run"] == 1
    assert [o.id for o in changed.outcomes if not o.reused] == ["drop"]
    assert _stamps(out)["golden-age"] == stamps["golden-age"]
    # the swapped pair is fixed: its failure is not reused
    for side in ("zh", "en"):
        (small_corpus / f"swapped.{side}.txt").unlink()
    shutil.copy(CORPUS / "deer.zh.txt", small_corpus / "swapped.zh.txt")
    shutil.copy(CORPUS / "deer.en.md", small_corpus / "swapped.en.txt")
    fixed = align.run_corpus(small_corpus, out, OPTIONS)
    assert [o.id for o in fixed.outcomes if not o.reused] == ["swapped"]
    assert fixed.failed == []
    # other settings: everything runs again
    other = align.run_corpus(small_corpus, out, RunOptions(cache=False, skip_checks=("weak",)))
    assert other.summary["run"]["pairs_run"] == 3


def test_glossary_content_is_part_of_the_fingerprint(small_corpus, tmp_path):
    glossary = tmp_path / "glossary.csv"
    shutil.copy(SEEDS / "glossary.csv", glossary)
    out = tmp_path / "out"
    options = RunOptions(cache=False, glossary=glossary)
    align.run_corpus(small_corpus, out, options)
    assert align.run_corpus(small_corpus, out, options).summary["run"]["pairs_run"] == 0
    glossary.write_text(glossary.read_text(encoding="utf-8-sig") + "黄金时代,The Golden Age,"
                        "approved,,,,1,\n", encoding="utf-8")
    # every pair runs again, the swapped one too: its failure was met under another glossary
    assert align.run_corpus(small_corpus, out, options).summary["run"]["pairs_run"] == 3


def test_half_written_pairs_are_never_taken_as_done(small_corpus, tmp_path):
    out = tmp_path / "out"
    align.run_corpus(small_corpus, out, OPTIONS)
    reference = {k: _comparable(k, v) for k, v in _tree(out).items()}
    # a kill between moving the old folder aside and renaming the new one in
    replaced = out / STATE_DIR / "replaced"
    replaced.mkdir(parents=True)
    os.rename(out / "drop", replaced / f"drop.{'0' * 32}")
    # a kill while a pair was being written: its staging folder is left behind
    staging = out / STATE_DIR / "staging" / ("f" * 32)
    staging.mkdir(parents=True)
    (staging / "alignment.csv").write_text("half", encoding="utf-8")
    # a folder with no summary (copied by hand, or from a version before batch)
    (out / "golden-age" / "summary.json").unlink()
    result = align.run_corpus(small_corpus, out, OPTIONS)
    assert {o.id: o.reused for o in result.outcomes if o.ok} == {"drop": True, "golden-age": False}
    assert not staging.exists() and not list(replaced.iterdir())
    assert {k: _comparable(k, v) for k, v in _tree(out).items()} == reference


@pytest.mark.slow
def test_killed_batch_continues_where_it_stopped(tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "align", "batch", str(CORPUS), "--out", str(out),
               "--no-cache", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and any((p / "summary.json").exists() for p in out.iterdir()):
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done_before = {p.name for p in out.iterdir() if (p / "summary.json").exists()}
    assert done_before, "the batch was killed before any pair was done"
    result = align.run_corpus(CORPUS, out, OPTIONS)
    reused = {o.id for o in result.outcomes if o.reused and o.has_report}
    assert reused == done_before
    assert sorted(result.failed) == sorted(FAILED)
    assert not list((out / STATE_DIR).glob("staging/*"))


@pytest.mark.slow
def test_ctrl_c_lets_running_pairs_finish_and_leaves_no_half_pair(small_corpus, tmp_path):
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "align", "batch", str(small_corpus),
                                "--out", str(out), "--no-cache", "--workers", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and any((p / "summary.json").exists() for p in out.iterdir()):
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: to the batch and its workers
    _, err = process.communicate(timeout=120)
    if process.returncode == 8:  # it finished before the signal came
        return
    assert process.returncode == 130
    assert err.strip().splitlines()[-1].startswith("align: interrupted")
    assert "Traceback" not in err
    done = {p.name for p in out.iterdir() if (p / "summary.json").exists()}
    result = align.run_corpus(small_corpus, out, OPTIONS)
    assert {o.id for o in result.outcomes if o.reused and o.ok} == done
    assert not list((out / STATE_DIR).glob("staging/*"))


# ------------------------------------------------------------------ the command line

def _main(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(map(str, argv)))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_reuses_a_finished_batch_and_says_pairs_failed(serial, capsys):
    code, out, err = _main(capsys, "batch", CORPUS, "--out", serial.out, "--no-cache")
    assert code == 8  # some pairs failed
    assert "9 pairs: 5 ok, 4 failed (8 reused" in out
    assert "notes.txt" in err and "failed: swapped: wrong_language" in err
    assert "Traceback" not in err
    code, out, err = _main(capsys, "batch", CORPUS, "--out", serial.out, "--no-cache", "--quiet")
    assert code == 8 and out == ""


def _manifest(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "manifest.csv"
    path.write_text(text, encoding="utf-8")
    return path


BAD_MANIFESTS = [
    ("no_file", None, 3, "no such manifest"),
    ("missing_column", "source,id\ngolden-age.zh.txt,a\n", 7, "no target column"),
    ("duplicate_ids", "source,target,id\n{zh},{en},a\n{zh},{en},A\n", 7, "duplicate pair ids"),
    ("missing_file", "source,target\n{zh},{en}\nnope.zh.txt,{en}\n", 3, "line 3: source nope.zh.txt"),
    ("hostile_id", "source,target,id\n{zh},{en},a/../../escape\n", 7, "slash"),
    ("reserved_id", "source,target,id\n{zh},{en},index.html\n", 7, "corpus-level output"),
    ("only_header", "source,target\n", 7, "names no pairs"),
    ("binary", "\x00\x01\x02", 7, "not a CSV"),
]


@pytest.mark.parametrize("name,text,code,message", BAD_MANIFESTS, ids=[b[0] for b in BAD_MANIFESTS])
def test_bad_manifest_is_one_line_and_touches_nothing(serial, tmp_path, capsys, name, text,
                                                      code, message):
    before = _tree(serial.out)
    manifest = tmp_path / "absent.csv" if text is None else _manifest(
        tmp_path, text.format(zh=CORPUS / "golden-age.zh.txt", en=CORPUS / "golden-age.en.txt"))
    got, out, err = _main(capsys, "batch", manifest, "--out", serial.out)
    assert got == code
    assert message in err and len(err.strip().splitlines()) == 1 and err.startswith("align: error:")
    assert _tree(serial.out) == before


def test_folder_without_pairs_is_one_line(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "readme.txt").write_text("no pairs here", encoding="utf-8")
    code, _, err = _main(capsys, "batch", folder, "--out", tmp_path / "out")
    assert code == 3 and "no pairs" in err and "readme.txt" in err
    assert len(err.strip().splitlines()) == 1


def test_manifest_runs_its_rows_with_ids(tmp_path):
    manifest = _manifest(tmp_path, "source,target,id\n"
                         f"{CORPUS / 'golden-age.zh.txt'},{CORPUS / 'golden-age.en.txt'},chapter one\n")
    result = align.run_corpus(manifest, tmp_path / "out", OPTIONS)
    assert list(result.pairs["pair"]) == ["chapter one"]
    assert (tmp_path / "out" / "chapter one" / "report.html").exists()


def test_unreachable_dask_scheduler_is_one_line(tmp_path, capsys):
    started = time.monotonic()
    code, _, err = _main(capsys, "batch", CORPUS, "--out", tmp_path / "out",
                         "--dask", "tcp://127.0.0.1:9", "--dask-timeout", "2")
    assert code == 9
    assert err.startswith("align: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(err.strip().splitlines()) == 1
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("argv,code,message", [
    (["--workers", "0"], 2, "--workers must be 1 or more"),
    (["--glossary", "/nonexistent/glossary.csv"], 3, "no such file"),
], ids=["workers", "glossary"])
def test_bad_settings_are_one_line(tmp_path, capsys, argv, code, message):
    got, _, err = _main(capsys, "batch", CORPUS, "--out", tmp_path / "out", *argv)
    assert got == code and message in err and len(err.strip().splitlines()) == 1


def test_out_that_is_a_file_or_locked_is_refused(serial, tmp_path, capsys):
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    code, _, err = _main(capsys, "batch", CORPUS, "--out", file)
    assert code == 3 and "is a file" in err
    with batch_lock(serial.out):
        code, _, err = _main(capsys, "batch", CORPUS, "--out", serial.out)
    assert code == 3 and "another align batch" in err


def test_progress_on_a_terminal_only(serial, tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    def run(*extra) -> str:
        leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
        process = subprocess.Popen(
            [sys.executable, "-m", "align", "batch", str(CORPUS), "--out", str(serial.out),
             "--no-cache", *extra], stdout=subprocess.DEVNULL, stderr=follower)
        os.close(follower)
        chunks: list[bytes] = []
        drain_pty(leader, chunks.append)
        process.wait()
        os.close(leader)
        return b"".join(chunks).decode("utf-8", "replace")

    shown = run()
    assert "9/9" in shown and "failed=4" in shown and "pair/s" in shown
    assert "9/9" not in run("--quiet")
    piped = subprocess.run([sys.executable, "-m", "align", "batch", str(CORPUS), "--out",
                            str(serial.out), "--no-cache"], capture_output=True, text=True)
    assert "9/9" not in piped.stderr and "pair/s" not in piped.stderr


# ------------------------------------------------------------------ the Python API

def test_run_pair_returns_the_result_and_writes_the_folder(tmp_path):
    result = align.run_pair(CORPUS / "golden-age.zh.txt", CORPUS / "golden-age.en.txt",
                            out=tmp_path / "pair", options=OPTIONS)
    assert result.summary.source_sentences == len(result.alignment.source) > 0
    assert (tmp_path / "pair" / "report.html").exists()


def test_run_corpus_takes_a_list_of_pairs(tmp_path):
    result = align.run_corpus([(CORPUS / "golden-age.zh.txt", CORPUS / "golden-age.en.txt"),
                               (CORPUS / "drop.zh.txt", CORPUS / "drop.en.txt", "dropped")],
                              tmp_path / "out", OPTIONS)
    assert list(result.pairs["pair"]) == ["dropped", "golden-age"]
    assert result.failed == [] and result.index.exists()
