"""Every process the site build forks, in one place (so it can move to one executor).

- `Child`: one forked process that runs a function and sends its result (or error) back
  through a pipe; the only fork of the site build.
- `RulesInBackground`: validation's lint in a `Child` while pages render.
- `run_shared`: page jobs shared out between this process and forked ones.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
import zlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from journeyops_cli.site.errors import SiteError

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.findings import Finding
    from journeyops_cli.site.write import SiteWriter

Job = tuple[str, Callable[[], None]]
"""An output path and the function that renders (or reuses) and writes it."""


class Child:
    """A forked process running `work()`; `result()` is what it returned (or raises what
    it raised). The child never returns into the caller's code and never runs its cleanup
    (`os._exit`)."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self.fd = fd
        self._outcome: tuple[str, Any] | None = None

    @classmethod
    def fork(cls, work: Callable[[], Any]) -> Child | None:
        """Fork a child running `work`; None when this platform or machine cannot fork."""
        if not hasattr(os, "fork"):
            return None
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return None
        if pid:
            os.close(write)
            return cls(pid, read)
        code = 0
        try:
            os.close(read)
            payload = pickle.dumps(("ok", work()))
        except BaseException as error:  # noqa: BLE001 - every failure goes to the parent
            code = 1
            try:
                payload = pickle.dumps(("error", error))
            except Exception:  # noqa: BLE001 - an exception that cannot be pickled
                payload = pickle.dumps(("error", SiteError(f"cannot build the site: {error}")))
        try:
            with os.fdopen(write, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(code)

    def done(self) -> bool:
        """Whether the child has finished (its answer, or its end, is in the pipe)."""
        return self._outcome is not None or bool(select.select([self.fd], [], [], 0)[0])

    def outcome(self) -> tuple[str, Any]:
        """("ok", value), ("error", exception), or ("died", SiteError) when the child
        ended without answering; waits for it."""
        if self._outcome is None:
            chunks = []
            try:
                with os.fdopen(self.fd, "rb") as pipe:
                    chunks.append(pipe.read())
            finally:
                _, status = os.waitpid(self.pid, 0)
            try:
                self._outcome = pickle.loads(b"".join(chunks))
            except Exception:  # noqa: BLE001 - the child died before it could answer
                self._outcome = ("died", SiteError(f"cannot build the site: a page worker stopped ({status})"))
        return self._outcome

    def result(self) -> Any:
        kind, value = self.outcome()
        if kind != "ok":
            raise value
        return value

    def stop(self) -> None:
        """End the child (this process failed) and reap it."""
        if self._outcome is None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGTERM)
            self.outcome()


def workers() -> int:
    """How many processes may work at once on this machine."""
    from journeyops_cli.load.parallel import workers_available

    return workers_available()


def _lint(bank: Bank, loaded: list[Finding], files: list[str]) -> list[Finding]:
    """Exactly what `validate` reports: loader findings and rules, with the bank's
    severities, per-path ignores and inline suppressions applied (in this process)."""
    from journeyops_cli.pipeline import Selection
    from journeyops_cli.rules.engine import lint

    return lint(bank, loaded, files, Selection(), workers=1)


class RulesInBackground:
    """The bank's lint (as `validate` runs it) in a forked process while pages render,
    when this machine has more than one CPU and can fork; else in this process, when asked."""

    def __init__(self, bank: Bank, loaded: list[Finding], files: list[str]) -> None:
        self.bank = bank
        self.loaded = loaded
        self.files = files
        self._child: Child | None = None
        self._forks = False

    def __enter__(self) -> RulesInBackground:
        if workers() > 1:
            self._child = Child.fork(lambda: _lint(self.bank, self.loaded, self.files))
            self._forks = self._child is not None
        return self

    @property
    def parallel(self) -> int:
        """How many processes may render pages once the rules are done (1: only this one)."""
        return workers() if self._forks else 1

    def running(self) -> bool:
        """Whether the rules are still running in the other process."""
        return self._child is not None and not self._child.done()

    def result(self) -> list[Finding]:
        if self._child is not None:
            child, self._child = self._child, None
            kind, value = child.outcome()
            if kind == "ok":
                return list(value)
            if kind == "error":
                raise value
            # The worker died: check here instead.
        return _lint(self.bank, self.loaded, self.files)

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if self._child is not None:
            # The build failed: do not wait for rules nobody will read.
            self._child.stop()
            self._child = None


# At most this many processes render pages (more rarely pay for their fork).
MAX_PROCESSES = 8
# Fewer jobs than this per process are not worth a fork.
MIN_SHARE = 64


def run_shared(jobs: Iterator[Job], count: int, writer: SiteWriter, processes: int,
               step: Callable[[int], None]) -> None:
    """Run the `count` jobs of `jobs` (each writes its own output path), shared out between
    this process and `processes - 1` forked ones. Every process goes through all jobs (a
    fork continues the iterator from where it was) and runs those whose path hashes to it,
    so a path always goes to the same process and each process keeps their order: the
    output is the same bytes whoever renders what. The forks report what they wrote to
    `writer` when done."""
    processes = max(1, min(processes, MAX_PROCESSES, count // MIN_SHARE))
    if processes == 1 or not hasattr(os, "fork"):
        for _, run in jobs:
            run()
            step(1)
        return
    children: list[Child] = []
    mine = {0}
    # What exists now is shared with the forks as it is: the cyclic GC leaves it out for
    # good, as the loader does the bank (walking it would touch, and so copy, every page of
    # it in each process); reference counting still frees it.
    gc.freeze()
    try:
        for share in range(1, processes):
            child = Child.fork(_share_work(jobs, share, processes, writer))
            if child is None:  # cannot fork: run that share here (its paths stay in order)
                mine.add(share)
            else:
                children.append(child)
        for rel, run in jobs:
            if _share_of(rel, processes) in mine:
                run()
                step(1)
        while children:
            shared = children[0].result()
            children.pop(0)
            writer.merge(shared)
            step(len(shared[0]))
    finally:
        for child in children:  # this process failed: stop the others before cleaning up
            child.stop()


def _share_work(jobs: Iterator[Job], share: int, processes: int,
                writer: SiteWriter) -> Callable[[], tuple[dict[str, tuple[str, int]], list[str]]]:
    """What the process of `share` does: run the jobs whose paths hash to it and return
    what it wrote."""

    def work() -> tuple[dict[str, tuple[str, int]], list[str]]:
        writer.start_share()
        for rel, run in jobs:
            if _share_of(rel, processes) == share:
                run()
        return writer.share()

    return work


def _share_of(rel: str, processes: int) -> int:
    return zlib.crc32(rel.encode("utf-8", "surrogatepass")) % processes
