"""How independent jobs run: here one after another, or shared with forked workers.

    runner = executor_for(len(items), workers)      # Sequential or Forked
    results = runner.map(job, items)                # in the order of `items`

`job` may be any callable, closures included: a forked worker inherits it and the items
from this process, and only the results cross between processes, as pickles. `Forked`'s
workers take the items last first, each when it is done with the one before, while this
process works through them from the front (two ends in shared memory): the work balances
itself whatever an item costs.
Sequential and forked runs give the same results in the same order.
"""

from __future__ import annotations

import gc
import mmap
import multiprocessing
import os
import pickle
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.reduction import ForkingPickler
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, job: Callable[[T], R], items: Sequence[T], chunks: bool = False, shared: int = 0) -> list[R]:
        """`job(item)` for every item, in the order of `items`; with `chunks`, the items
        travel between processes in chunks (many cheap items: see `Forked.map`); with
        `shared`, a worker's results come through that many bytes of shared memory."""
        ...


class Sequential:
    """Every job in this process, in order: the reference every other executor matches."""

    workers = 1

    def map(self, job: Callable[[T], R], items: Sequence[T], chunks: bool = False, shared: int = 0) -> list[R]:
        return [job(item) for item in items]


# With `chunks`: about this many chunks per process, of at most CHUNK_MOST items each
# (small enough for the work to balance itself, few enough to cost little to hand out).
CHUNKS_PER_PROCESS = 8
CHUNK_MOST = 400


class Forked:
    """This process and `workers - 1` forked workers share the jobs (see the module)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, job: Callable[[T], R], items: Sequence[T], chunks: bool = False, shared: int = 0) -> list[R]:
        """With `chunks`, items go to the workers a chunk at a time: handing out one item
        costs this process a pickle and a thread switch, and while it is busy with its own
        share the thread that feeds the workers waits, so cheap items handed out one by
        one leave the workers idle (the place stage's 5,000 files did).

        With `shared` (bytes), each worker pickles its results into that much memory it
        shares with this process, and sends only where each one is; a result that does
        not fit goes through the pipe. For few large results (a 100,000-row import's
        slices, 2.3 MB each): through the pipe this process waited 1-3.5 ms to read
        each, while the worker's thread that wrote it waited for a CPU, both busy. The
        memory is given back when the map ends (not before: the results' pickles add to
        the peak, so large maps of many results, such as a cold validate's, do without)."""
        if chunks and len(items) > self.workers:
            size = max(1, min(CHUNK_MOST, -(-len(items) // (self.workers * CHUNKS_PER_PROCESS))))
            parts = self.map(
                lambda part: [job(item) for item in part], [items[i : i + size] for i in range(0, len(items), size)],
                shared=shared,
            )
            return [result for part in parts for result in part]
        return self._map(job, items, shared)

    def _map(self, job: Callable[[T], R], items: Sequence[T], shared: int = 0) -> list[R]:
        if self.workers <= 1 or len(items) <= 1 or in_worker():
            return Sequential().map(job, items)
        context = multiprocessing.get_context("fork")
        # The items not taken yet are those from `front` to `back`, in memory this process
        # and its workers share: this process takes the one at `front`, a worker the one
        # before `back`, each when it is done with the one before. No thread hands items
        # out (a pool's threads, waiting for this busy process's interpreter lock, left a
        # worker idle for 0.2 s between two items), and no item is queued for a worker
        # that this process could have taken. A worker sends each result as it has it;
        # this process takes in what has come after each of its own items and the rest
        # at the end (results sent all at once at the end were one big message, held
        # twice while it was read: +33 MB at the peak of a cold validate of 2,000
        # journeys). An error in a job is raised here as the job raised it.
        ends = context.Array("q", [0, len(items)], lock=True)
        workers = []
        for _ in range(self.workers - 1):
            receive, send = context.Pipe(duplex=False)
            _widen(send)
            arena = _arena(shared)
            worker = context.Process(target=_take_from_back, args=(job, items, ends, send, arena), daemon=True)
            worker.start()
            send.close()
            workers.append((worker, _Inbox(receive, arena)))
        results: list[Any] = [None] * len(items)
        running = [inbox for _, inbox in workers]
        done = False
        try:
            while (index := _take(ends, front=True)) is not None:
                results[index] = job(items[index])
                running = [inbox for inbox in running if _take_in(inbox, results, wait=False)]
            for inbox in running:
                _take_in(inbox, results, wait=True)
            done = True
        finally:
            for worker, inbox in workers:
                inbox.close()
                if done:
                    # It said it was done and is ending: not waited for (taking its memory
                    # down took 5 ms at the end of a 100,000-row import); multiprocessing
                    # reaps an ended child when it starts another, and at exit.
                    continue
                if worker.is_alive():
                    worker.terminate()
                worker.join()
        return results


def _widen(connection: Any) -> None:
    """A pipe that holds 1 MB rather than 64 kB (Linux), so that a worker sending its
    results seldom waits for this process to take them in."""
    try:
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _arena(size: int) -> mmap.mmap | None:
    """`size` bytes of anonymous memory, shared with the workers forked after (None for 0,
    or when the system refuses them: the results go through the pipe)."""
    if not size:
        return None
    try:
        return mmap.mmap(-1, size)
    except OSError:
        return None


class _Inbox:
    """A worker's pipe, and the memory it shares its results through (`Forked.map`'s
    `shared`), if any."""

    def __init__(self, receive: Any, arena: mmap.mmap | None) -> None:
        self.receive, self.arena = receive, arena

    def recv(self) -> Any:
        """The next message; one that says where it is in the shared memory read from there."""
        message = self.receive.recv()
        if type(message) is tuple and message[0] == "shared" and self.arena is not None:
            _, start, length = message
            with memoryview(self.arena) as whole, whole[start : start + length] as view:
                message = pickle.loads(view)
        return message

    def close(self) -> None:
        self.receive.close()
        if self.arena is not None:
            self.arena.close()


def _take_in(inbox: _Inbox, results: list[Any], wait: bool) -> bool:
    """Put the results a worker has sent into `results` (all it will send, with `wait`);
    False once it is done. Raises the error a job raised in it, or BrokenProcessPool
    when it stopped without saying it was done."""
    while wait or inbox.receive.poll():
        try:
            message = inbox.recv()
        except (EOFError, OSError):
            raise BrokenProcessPool("a worker stopped before it sent its results") from None
        if message is None:
            return False
        kind, index, value = message
        if kind == "error":
            raise value
        results[index] = value
    return True


def _take(ends: Any, front: bool) -> int | None:
    """The next item's index from the front (this process) or the back (a worker), or
    None when every item is taken."""
    with ends.get_lock():
        first, last = ends[0], ends[1]
        if first >= last:
            return None
        if front:
            ends[0] = first + 1
            return int(first)
        ends[1] = last - 1
        return int(last - 1)


def _take_from_back(job: Callable[[Any], Any], items: Sequence[Any], ends: Any, send: Any,
                    arena: mmap.mmap | None = None) -> None:
    """A forked worker's loop: items from the back until none is left, each result sent
    as ("result", index, result) when it is made; then None (done), or ("error", -1,
    the error a job raised). A result is pickled here and written by a thread of this
    worker (`_Outbox`), so the worker goes on with its next item while this process is
    busy with one of its own and the pipe is full (a slice of a 100,000-row import is a
    2.3 MB result: the worker waited up to one of this process's items for each), or
    pickled into `arena` where it fits, and only where it is sent."""
    outbox = _Outbox(send)
    try:
        while (index := _take(ends, front=False)) is not None and outbox.open:
            outbox.put(_pickled(("result", index, job(items[index])), arena))
        message: Any = None
    except BaseException as error:  # noqa: BLE001 - raised again in the parent
        message = ("error", -1, error)
    try:
        last = _pickled(message)
    except Exception as error:  # noqa: BLE001 - an error (or result) that cannot be pickled
        last = _pickled(("error", -1, RuntimeError(f"a worker's answer could not be sent: {error}")))
    try:
        outbox.put(last)
        outbox.close()
    finally:
        send.close()
        os._exit(0)


def _pickled(message: Any, arena: mmap.mmap | None = None) -> bytes:
    """A message as `Connection.send` pickles it (`recv` reads it back); with `arena`, the
    message pickled into it where it fits, and this one in its place: ("shared", where,
    how many bytes)."""
    if arena is not None:
        start = arena.tell()
        try:
            ForkingPickler(arena).dump(message)
            return bytes(ForkingPickler.dumps(("shared", start, arena.tell() - start)))
        except ValueError:  # it does not fit: this one and the rest through the pipe
            arena.seek(0, os.SEEK_END)
    return bytes(ForkingPickler.dumps(message))


class _Outbox:
    """Messages written to a worker's pipe by a thread, in order, at most `AHEAD` waiting:
    the pipe's write waits without the interpreter's lock, so the worker's jobs run
    meanwhile. `open` turns False when a write failed (this process has gone)."""

    AHEAD = 2

    def __init__(self, send: Any) -> None:
        self.send, self.open = send, True
        self.waiting: Any = queue.Queue(maxsize=self.AHEAD)
        self.thread = threading.Thread(target=self._write, daemon=True)
        self.thread.start()

    def put(self, message: bytes) -> None:
        if self.open:
            self.waiting.put(message)

    def close(self) -> None:
        """Wait until every message is written."""
        self.waiting.put(None)
        self.thread.join()

    def _write(self) -> None:
        while (message := self.waiting.get()) is not None:
            if not self.open:
                continue
            try:
                self.send.send_bytes(message)
            except OSError:
                self.open = False


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
    collects. Only the young generations are collected first: garbage that lived long
    enough to reach the oldest is rare (none at the start of a site build at 2,000
    journeys), and a full collection walks 700,000 objects for it: 0.46 CPU s before
    the workers fork, in this process alone."""
    gc.collect(1)
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
