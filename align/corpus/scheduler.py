"""Execution stage of a batch: runs `PairJob`s in this process, in N local processes, or on a
Dask cluster, biggest first, and hands on each `PairOutcome` as it completes.

A worker that dies takes the pairs it was running with it: those are run again at the end,
one at a time, so the pair that killed it is known; if it dies again, the pair is failed.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import dataclasses
import logging
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import SpawnContext, SpawnProcess

from .batch import BLAS_THREADS, PairJob, PairOutcome, process_pair, start_worker
from ..errors import AlignError

Work = Callable[[PairJob], PairOutcome]
Setup = Callable[..., None]  # prepares a worker process for `Work`: (options) -> None
OnDone = Callable[[PairOutcome], None]
LOCAL_CLUSTER = "local"


class ClusterError(AlignError):
    """The Dask scheduler cannot be reached or refuses the job."""

    exit_code = 9


def biggest_first(jobs: Iterable[PairJob]) -> list[PairJob]:
    """Large pairs start first, so no worker is left with one at the end while others idle."""
    return sorted(jobs, key=lambda job: (-job.size, job.spec.id))


def run_jobs(jobs: list[PairJob], on_done: OnDone, workers: int = 1, dask: str | None = None,
             dask_timeout: float = 20.0, work: Work = process_pair,
             setup: Setup | None = start_worker) -> None:
    """Run every job once (twice after a worker death) and call `on_done` with each outcome.

    `workers` 1 runs in this process; more runs that many local processes; `dask` names a
    scheduler address (or "local" for a LocalCluster of `workers` processes). `setup` runs
    once in each worker before its first job (by default: load the encoder)."""
    ordered = biggest_first(jobs)
    if not ordered:
        return
    if dask:
        _run_dask(ordered, on_done, dask, max(1, workers), dask_timeout, work, setup)
    elif workers <= 1:
        from threadpoolctl import threadpool_limits

        with threadpool_limits(BLAS_THREADS):  # as in a worker; undone when the batch ends
            if setup is not None:
                setup(ordered[0].options)
            for job in ordered:
                try:
                    outcome = work(job)
                except Exception as exc:  # noqa: BLE001 - as a worker would report it
                    outcome = _not_run(job, exc)
                on_done(outcome)
    else:
        _run_processes(ordered, on_done, workers, work, setup)


def _worker_died(job: PairJob) -> PairOutcome:
    return PairOutcome(job.spec.id, "failed", "worker_died", None,
                       "the worker process died twice while running this pair "
                       "(out of memory, or a crash in a native library)", attempts=2)


def _not_run(job: PairJob, exc: Exception) -> PairOutcome:
    """The job never ran: its worker could not take it (a worker without this package, a
    job that cannot be sent). Recorded like any failure, so the batch goes on."""
    return PairOutcome(job.spec.id, "failed", "error", None,
                       f"the worker could not run this pair: {type(exc).__name__}: {exc}")


# ------------------------------------------------------------------ local processes

def _ready() -> bool:
    return True


class _QuietProcess(SpawnProcess):
    """A spawned worker that starts with Ctrl-C ignored: one still starting when Ctrl-C comes
    would otherwise die mid-import with a traceback. (A process that starts with SIGINT
    ignored keeps it so: Python installs its KeyboardInterrupt handler only where the parent
    left SIGINT alone.) The batch itself handles Ctrl-C and lets running pairs finish."""

    def start(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return super().start()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            return super().start()
        finally:
            signal.signal(signal.SIGINT, previous)


class _QuietSpawnContext(SpawnContext):
    Process = _QuietProcess


def _local_worker(setup: Setup | None, options) -> None:
    """A local worker leaves Ctrl-C to the batch, which lets the pairs running finish whole."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if setup is not None:
        setup(options)


def _run_processes(ordered: list[PairJob], on_done: OnDone, workers: int, work: Work,
                   setup: Setup | None) -> None:
    # spawn: a fresh interpreter per worker, safe whatever threads this process runs
    context = _QuietSpawnContext()
    options = ordered[0].options

    def pool(size: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(size, mp_context=context, initializer=_local_worker,
                                   initargs=(setup, options))

    pending = deque(ordered)
    suspects: list[PairJob] = []
    executor = pool(workers)
    try:
        try:
            executor.submit(_ready).result()
        except BrokenProcessPool:
            raise AlignError("worker processes could not start; a script that calls "
                             "align.run_corpus with workers > 1 must call it under "
                             "`if __name__ == \"__main__\":`") from None
        running: dict[Future, PairJob] = {}
        while pending or running:
            while pending and len(running) < workers:
                job = pending.popleft()
                running[executor.submit(work, job)] = job
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                job = running.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    suspects.append(job)
                    continue
                except Exception as exc:  # noqa: BLE001 - whatever it was, the pair did not run
                    outcome = _not_run(job, exc)
                on_done(outcome)
            if broken:  # every pair still running went down with the pool
                suspects += running.values()
                running.clear()
                executor.shutdown(wait=True, cancel_futures=True)
                executor = pool(workers)
        for job in suspects:  # alone now, so a second death names its pair
            try:
                outcome = executor.submit(work, job).result()
            except BrokenProcessPool:
                executor.shutdown(wait=True)
                executor = pool(workers)
                outcome = _worker_died(job)
            except Exception as exc:  # noqa: BLE001
                outcome = _not_run(job, exc)
            on_done(dataclasses.replace(outcome, attempts=2))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------ Dask

# glibc's mallopt parameters, and the largest values its own dynamic thresholds reach
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD_MAX = 32 << 20


def _undo_nanny_malloc_trim() -> bool:
    """Give a Dask worker back glibc's usual allocator behaviour; True if it was changed.

    A Dask nanny starts its worker with MALLOC_TRIM_THRESHOLD_=65536. Set that way, glibc
    also stops raising its mmap threshold, so every array over 128 KiB is a fresh mmap and
    freed memory goes straight back to the system: measured on 20 MAC-Test pieces, 366,000
    page faults instead of 5,000 and 45% more time per pair. The thresholds set here are the
    largest ones glibc would reach by itself."""
    if not os.environ.get("MALLOC_TRIM_THRESHOLD_"):
        return False
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError):  # not glibc: nothing to undo
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD_MAX)
                and mallopt(_M_TRIM_THRESHOLD, 2 * _MMAP_THRESHOLD_MAX))


def _stop_sampling_profiler(worker) -> None:
    """Stop a Dask worker's statistical profiler.

    It walks the stack of the thread running a pair every 10 ms, on the worker's event loop,
    and so takes the GIL from it: 11% more time per pair, measured on 20 MAC-Test pieces. A
    pair's own timings are in its summary.json; the dashboard's profile page stays empty."""
    callbacks = getattr(worker, "periodic_callbacks", {})
    for name in ("profile", "profile-cycle"):
        callback = callbacks.pop(name, None)
        if callback is not None:
            callback.stop()


def _run_dask(ordered: list[PairJob], on_done: OnDone, address: str, workers: int,
              timeout: float, work: Work, setup: Setup | None) -> None:
    try:
        import dask
        from distributed import Client, LocalCluster, as_completed
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError:
        raise ClusterError("--dask needs dask.distributed: pip install distributed") from None
    from distributed.scheduler import KilledWorker

    class SetupPlugin(WorkerPlugin):
        """Prepares each worker once, as it joins: loads the encoder."""

        name = "align-setup"

        def __init__(self, options) -> None:
            self.options = options

        async def setup(self, worker) -> None:
            _undo_nanny_malloc_trim()
            _stop_sampling_profiler(worker)
            # in a thread: loading takes seconds, and the worker's event loop must keep
            # answering the scheduler meanwhile
            if setup is not None:
                await asyncio.get_running_loop().run_in_executor(None, setup, self.options)

    cluster = None
    # a worker death is retried by this module, alone, not by the scheduler beside others
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        try:
            if address == LOCAL_CLUSTER:
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
                client = Client(cluster, timeout=timeout)
            else:
                client = Client(address, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            if cluster is not None:
                cluster.close()
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {reason}") from None
        try:
            client.register_plugin(SetupPlugin(ordered[0].options))
            futures = {client.submit(work, job, key=f"align-pair-{k}-{job.fingerprint[:16]}",
                                     priority=len(ordered) - k, pure=False): job
                       for k, job in enumerate(ordered)}
            suspects = []
            for future in as_completed(futures):
                try:
                    outcome = future.result()
                except KilledWorker:
                    suspects.append(futures[future])
                    continue
                except Exception as exc:  # noqa: BLE001 - e.g. a worker without this package
                    outcome = _not_run(futures[future], exc)
                on_done(outcome)
            for job in suspects:
                future = client.submit(work, job, key=f"align-retry-{job.fingerprint[:16]}",
                                       pure=False)
                try:
                    outcome = future.result()
                except KilledWorker:
                    outcome = _worker_died(job)
                except Exception as exc:  # noqa: BLE001
                    outcome = _not_run(job, exc)
                on_done(dataclasses.replace(outcome, attempts=2))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
