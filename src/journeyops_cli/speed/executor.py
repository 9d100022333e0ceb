"""How independent jobs run: here one after another, or shared with forked workers.

    runner = executor_for(len(items), workers)      # Sequential or Forked
    results = runner.map(job, items)                # in the order of `items`

`job` may be any callable, closures included: a forked worker inherits it from this
process (the executor keeps it in module state while its pool lives), and only the items'
indices and the results cross between processes, as pickles. `Forked` gives the items to
the workers last first, the next one to a worker when it is done with one, while this
process works through them from the front: the work balances itself whatever an item
costs, and this process is not left waiting for items queued for a worker.
Sequential and forked runs give the same results in the same order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, job: Callable[[T], R], items: Sequence[T], chunks: bool = False) -> list[R]:
        """`job(item)` for every item, in the order of `items`; with `chunks`, the items
        travel between processes in chunks (many cheap items: see `Forked.map`)."""
        ...


class Sequential:
    """Every job in this process, in order: the reference every other executor matches."""

    workers = 1

    def map(self, job: Callable[[T], R], items: Sequence[T], chunks: bool = False) -> list[R]:
        return [job(item) for item in items]


# With `chunks`: about this many chunks per process, of at most CHUNK_MOST items each
# (small enough for the work to balance itself, few enough to cost little to hand out).
CHUNKS_PER_PROCESS = 8
CHUNK_MOST = 400


# The job and items of the running `Forked.map`, inherited by its forked workers.
_RUNNING: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _in_worker(index: int) -> Any:
    assert _RUNNING is not None
    job, items = _RUNNING
    return job(items[index])


class Forked:
    """This process and `workers - 1` forked workers share the jobs (see the module)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, job: Callable[[T], R], items: Sequence[T], chunks: bool = False) -> list[R]:
        """With `chunks`, items go to the workers a chunk at a time: handing out one item
        costs this process a pickle and a thread switch, and while it is busy with its own
        share the thread that feeds the workers waits, so cheap items handed out one by
        one leave the workers idle (the place stage's 5,000 files did)."""
        if chunks and len(items) > self.workers:
            size = max(1, min(CHUNK_MOST, -(-len(items) // (self.workers * CHUNKS_PER_PROCESS))))
            parts = self.map(
                lambda part: [job(item) for item in part], [items[i : i + size] for i in range(0, len(items), size)]
            )
            return [result for part in parts for result in part]
        return self._map(job, items)

    def _map(self, job: Callable[[T], R], items: Sequence[T]) -> list[R]:
        global _RUNNING
        if self.workers <= 1 or len(items) <= 1 or in_worker():
            return Sequential().map(job, items)
        results: list[Any] = [None] * len(items)
        context = multiprocessing.get_context("fork")
        _RUNNING = (job, items)
        # The items not taken yet are those from `front` to `back`: this process takes the
        # one at `front`, the workers the one before `back`. A worker is given its next
        # item when it has done one (one item a worker at a time): a pool queues the items
        # submitted to it ahead of its workers, and an item queued is one this process can
        # no longer take, so with all of them submitted at once this process ran out of
        # items while the worker still had its queued one to do (with 16 items of equal
        # cost, 7 here and 9 there: this process idle for one item's time at the end).
        lock = threading.Lock()
        ends = [0, len(items)]  # front, back
        futures: dict[int, Future[Any]] = {}
        try:
            with ProcessPoolExecutor(max_workers=self.workers - 1, mp_context=context) as pool:

                def give(_: Future[Any] | None = None) -> None:
                    with lock:
                        if ends[1] <= ends[0]:
                            return
                        index = ends[1] - 1
                        try:
                            futures[index] = pool.submit(_in_worker, index)
                        except Exception:  # noqa: BLE001 - a broken pool: the item stays this process's
                            return  # (and the broken future's result() raises below)
                        ends[1] = index
                    futures[index].add_done_callback(give)

                for _ in range(self.workers - 1):
                    give()
                while True:
                    with lock:
                        if ends[0] >= ends[1]:
                            break
                        index = ends[0]
                        ends[0] += 1
                    results[index] = job(items[index])
                for index in sorted(futures):
                    results[index] = futures[index].result()
        finally:
            _RUNNING = None
        return results


class Background:
    """One job run in a forked process while this one goes on (e.g. the site build's
    lint while pages render); use `start_background(job)`.

    `result()` waits for the job's value, or returns None when the worker could not
    give one (it died, or the job raised: the caller then runs the job itself, so a
    failure is reported in this process); `stop()` ends the worker at once."""

    def __init__(self, job: Callable[[], Any]) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_background_main, args=(job, send), daemon=True)
        self._process.start()
        send.close()

    def done(self) -> bool:
        return self._receive.poll() or not self._process.is_alive()

    def result(self) -> Any:
        try:
            ok, value = self._receive.recv()
        except (EOFError, OSError):
            ok, value = False, None
        finally:
            self._receive.close()
            self._process.join()
        return value if ok else None

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()


def _background_main(job: Callable[[], Any], send: Any) -> None:
    try:
        value = job()
    except BaseException:  # noqa: BLE001 - reported by running the job in the parent
        send.send((False, None))
    else:
        send.send((True, value))
    finally:
        send.close()


class CPUOverrun(Exception):
    """Raised inside a `run_limited` job where it stood when its CPU seconds ran out."""


class OverBudget(Exception):
    """A `run_limited` job whose process was ended: it ran past its CPU seconds in code
    that could not stop, or raised."""


def run_limited(job: Callable[[], R], cpu_seconds: int, memory_bytes: int) -> R:
    """`job()` in a forked process that may use `cpu_seconds` of CPU and `memory_bytes`
    more memory than this one (for code that is not ours, e.g. a bank's own templates): a
    job past its CPU seconds sees a CPUOverrun, one past its memory a MemoryError, where it
    stands (it may turn them into its value); OverBudget when it gave no value. Where this
    process cannot fork (Windows, a worker), `job()` here, without the limits."""
    if not can_fork() or in_worker():
        return job()

    def limited() -> tuple[R]:
        _limits_set(cpu_seconds, memory_bytes)
        return (job(),)  # a value, even when it is None

    try:
        worker = Background(limited)
    except OSError:
        return job()
    answer = worker.result()
    if answer is None:
        raise OverBudget()
    value: R = answer[0]
    return value


def _limits_set(cpu_seconds: int, memory_bytes: int) -> None:
    """In a forked worker: at most `cpu_seconds` of CPU (then CPUOverrun, a second later
    the end) and `memory_bytes` more address space than it started with (Linux)."""
    import resource
    import signal

    def overrun(*_: Any) -> None:
        raise CPUOverrun()

    signal.signal(signal.SIGXCPU, overrun)
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = int(used.ru_utime + used.ru_stime)
    resource.setrlimit(resource.RLIMIT_CPU, (spent + cpu_seconds, spent + cpu_seconds + 1))
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # pragma: no cover - not Linux: no limit on memory
        return
    resource.setrlimit(resource.RLIMIT_AS, (size + memory_bytes, size + memory_bytes))


def start_background(job: Callable[[], Any]) -> Background | None:
    """`job` started in a forked process, or None when this process cannot fork, has
    one CPU only, or is itself a worker (the caller then runs the job when it needs it)."""
    if not can_fork() or in_worker() or cpus() < 2:
        return None
    try:
        return Background(job)
    except OSError:
        return None


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def in_worker() -> bool:
    """True inside a worker process (no pools in pools)."""
    return multiprocessing.parent_process() is not None


def cpus() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def executor_for(items: int, workers: int | None = None, minimum: int = 2) -> Sequential | Forked:
    """`Forked` on every CPU when there are at least `minimum` items (what makes workers
    pay for themselves) and this process may fork; `workers=1` forces `Sequential`, a
    number > 1 forces that many processes."""
    if not can_fork() or in_worker():
        return Sequential()
    count = workers if workers is not None else (cpus() if items >= minimum else 1)
    return Forked(count) if count > 1 else Sequential()


@contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """The cyclic garbage collector waits while the block runs (a bank is a great many
    small objects without cycles: the collector would walk them again and again for no
    garbage), and runs as before after it. With `freeze`, what exists at the end is
    left out of the collector's walks for good (`gc.freeze`); reference counting still
    frees it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        if collecting:
            gc.enable()


@contextmanager
def gc_frozen() -> Iterator[None]:
    """What exists now is left out of the cyclic collector's walks while the block runs
    (`gc.freeze`), in this process and in the workers it forks meanwhile, and given back
    to it after (`gc.unfreeze`). For work that makes cyclic garbage (rendering pages
    with jinja2) on top of a great many long-lived objects (the bank, its roll-up, the
    site's plan): the collector still runs, on the new objects only, and a forked worker
    does not write to every inherited object's header (copying its memory page) when it
    collects."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
