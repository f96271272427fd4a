"""Worker processes that run the entity model beside an index run.

Each worker holds its own copy of the model; the parent hands them chunks of
articles and takes the mentions back. The plumbing here keeps them quiet on
the terminal (their output would draw over the reader's screen or a progress
bar; they log to the log file instead), makes them end with their parent and
lets the parent stop them at once.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from .mention import Mention
from .recognizer import load_recognizer, recognise_many

log = logging.getLogger(__name__)
MAX_WORKERS = 4  # each worker holds its own copy of the model (about 250 MB)
Job = tuple[str, list[tuple[int, int]]]  # (text, regions to analyse)


def worker_count(articles: int, model_in_process: bool = True) -> int:
    """Worker processes for the model in a run of this many articles (0: this process).

    Without ``model_in_process`` (the reader: the model would more than double
    its memory and stay there) there is always at least one.
    """
    if articles < 500:  # starting a worker (loading spaCy) costs about 2 s
        return 0 if model_in_process else 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return min(cores, MAX_WORKERS)


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` model processes (at most MAX_WORKERS); raises OSError or
    ValueError when processes cannot be started here."""
    import multiprocessing

    _start_resource_tracker()
    # spawn, not fork: the caller may be a threaded app (the reader indexes in a thread)
    return ProcessPoolExecutor(min(workers, MAX_WORKERS), multiprocessing.get_context("spawn"),
                               initializer=_worker_start, initargs=(os.getpid(),))


def recognise(jobs: Sequence[Job]) -> list[list[Mention]]:
    """The task a worker runs: the model over these texts."""
    return recognise_many(load_recognizer(), jobs)


def stop_now(pool: ProcessPoolExecutor) -> None:
    """End the workers at once (Python 3.14 has ``terminate_workers``; before, the
    executor's process table is the only handle on them)."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with its standard error on /dev/null.

    The tracker outlives an indexer killed with SIGKILL and then prints "There
    appear to be 5 leaked semaphore objects" into the user's terminal: noise
    about a cleanup it does itself. It inherits file descriptor 2, so that is
    pointed at /dev/null for the moment it starts. Inside a Textual app (which
    draws on descriptor 2) ``sys.stderr`` captures prints and its ``fileno()``
    is -1, which spawning refuses ("bad value(s) in fds_to_keep"); there it
    is started with a stand-in ``sys.stderr`` and descriptor 2 left alone.
    """
    from multiprocessing import resource_tracker

    try:
        terminal = sys.stderr is not None and sys.stderr.fileno() == 2
    except (AttributeError, OSError, ValueError):
        terminal = False
    with open(os.devnull, "w") as quiet:
        if terminal:
            sys.stderr.flush()
            saved = os.dup(2)
            os.dup2(quiet.fileno(), 2)
            try:
                resource_tracker.ensure_running()
            finally:
                os.dup2(saved, 2)
                os.close(saved)
            return
        captured = sys.stderr
        sys.stderr = quiet
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = captured


def _worker_start(indexer: int) -> None:
    """A worker process ignores ctrl+c (the indexer stops it), ends when the indexer
    dies (kill -9 gives it no chance to stop its workers), writes nothing to the
    terminal but logs to the log file, and loads the model once."""
    import signal
    import threading

    from threadpoolctl import threadpool_limits

    from .. import logs

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(indexer,), daemon=True).start()
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    logs.setup_worker()
    log.debug("entity worker started for process %d", indexer)
    _hold_freed_memory()
    load_recognizer()
    # one BLAS thread (set once the model has loaded numpy's BLAS): the worker's
    # siblings and the indexer have the other cores
    threadpool_limits(1)


# glibc's mallopt parameters: how far the heap may grow past what is in use before it is
# handed back, and the size from which a block is mapped on its own
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
MODEL_HEAP_MB = 64


def _hold_freed_memory() -> bool:
    """Let the C heap keep up to MODEL_HEAP_MB of freed memory, and give blocks up to
    that size out of it rather than mapping each on its own (glibc only; elsewhere
    nothing changes).

    The model's arrays for a batch of texts are tens of megabytes. By default
    glibc maps each such block from the system and unmaps it when freed, so every
    batch faults its pages in afresh: a worker spent a ninth of its time in the
    kernel (1.3 of 11.7 s on 1,000 Reuters articles). Kept, the memory is reused:
    10.6 s with no system time, at the same peak memory (228 MB), as
    ``benchmarks/bench_workers.py`` shows.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        mallopt = getattr(libc, "mallopt", None)
    except OSError:
        return False
    if mallopt is None:  # not glibc (musl, macOS): its allocator is left as it is
        return False
    size = MODEL_HEAP_MB << 20
    return bool(mallopt(_M_TRIM_THRESHOLD, size)) and bool(mallopt(_M_MMAP_THRESHOLD, size))


def _exit_with_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)
