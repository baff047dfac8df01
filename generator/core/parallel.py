"""Parallel: the one place work is shared out between processes, and where a dead worker becomes a clear failure."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Tests set this to the name of a stage (e.g. "rendering pages") to make the first worker of that stage
# die as an out-of-memory kill would, so that they can see what a user sees when it happens.
KILL_WORKER = "CLUSTER_PLANS_TEST_KILL_WORKER"


class WorkerDied(Exception):
    """A worker process ended without finishing its share (killed by a signal, out of memory, os._exit)."""

    def __init__(self, stage: str):
        super().__init__(f"a worker died while {stage} (it was killed or ran out of memory)")
        self.stage = stage


def available_cpus() -> int:
    """The CPUs this process may run on (fewer than the machine has under a container's or taskset's limit)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not every system can say which CPUs a process may use
        return os.cpu_count() or 1


def worker_count(jobs: int | None) -> int:
    """How many workers to use: `jobs` when given (the --jobs option), else one per available CPU."""
    return max(1, jobs) if jobs else available_cpus()


# What the forked workers run: set just before the pool forks them, so the function, its data and
# whatever the parent holds reach the workers by the fork itself, not through pickling.
_WORK: tuple[str, Callable, Sequence] | None = None


def _run(index: int):
    stage, function, items = _WORK  # type: ignore[misc]
    if os.environ.get(KILL_WORKER) == stage:
        os.kill(os.getpid(), signal.SIGKILL)
    return function(items[index])


def share_out(stage: str, function: Callable[[Item], Result], items: Sequence[Item],
              jobs: int | None = None, fresh: bool = False) -> list[Result]:
    """`function` applied to every item, in the order of `items`: in forked worker processes when more
    than one worker is allowed and there is more than one item, else in this process. `stage` names
    the work for the user ("checking plans") when a worker dies. A worker keeps what `function` caches
    from one item to the next (a callable object's compiled templates, for instance). With `fresh`, see
    _fresh_workers."""
    global _WORK
    workers = min(worker_count(jobs), len(items))
    if fresh:
        return _fresh_workers(stage, function, items, max(1, workers))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    _WORK = (stage, function, items)
    try:
        # What this process holds reaches the workers as the fork left it, and stays as it is.
        with kept_as_is(), ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run, range(len(items)), chunksize=1))
    except BrokenProcessPool:
        raise WorkerDied(stage) from None
    finally:
        _WORK = None


def _fresh_workers(stage: str, function: Callable[[Item], Result], items: Sequence[Item],
                   workers: int) -> list[Result]:
    """Work whose library keeps threads of its own (Typst's, compiling a PDF) runs in workers a fork
    server starts afresh, always, even for one item: never in this process, and never in a fork of a
    process that has run it, where those threads would be missing and the work would wait for ever. The
    function and the items travel to each worker pickled once, when it starts, and each task is only an
    index: a function holding every plan, sent with each of thousands of items, would be pickled and
    read back thousands of times."""
    if not items:
        return []
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"),
                                 initializer=_receive, initargs=(stage, function, items)) as pool:
            return list(pool.map(_run, range(len(items)), chunksize=1))
    except BrokenProcessPool:
        raise WorkerDied(stage) from None


def _receive(stage: str, function: Callable, items: Sequence) -> None:
    """In a fresh worker, as it starts: the work every task of it indexes into."""
    global _WORK
    _WORK = (stage, function, items)


_kept = 0


@contextmanager
def kept_as_is() -> Iterator[None]:
    """While inside, the objects this process holds now (the plans checked, the pages' data) are left out
    of garbage collection: they live until the work is done, and a full collection walking millions of
    them again and again costs a build seconds; a forked worker that walked them would also copy every
    page of memory they are on. The outermost use hands them back to the collector."""
    global _kept
    gc.freeze()
    _kept += 1
    try:
        yield
    finally:
        _kept -= 1
        if not _kept:
            gc.unfreeze()
