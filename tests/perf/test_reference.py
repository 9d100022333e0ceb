"""The sequential, cache-free run is the reference: forked and cached runs (cold, warm,
and warm after an edit) give exactly its findings, on a bank written in varied styles."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import generate

from journeyops_cli import place as place_stage
from journeyops_cli.findings import Finding
from journeyops_cli.load import parallel
from journeyops_cli.pipeline import validate
from journeyops_cli.rules import engine
from journeyops_cli.speed import executor


def _break(root: Path) -> None:
    """Findings of every sort, written without relying on the files' layout."""
    insight = next((root / "insights").rglob("*-i01.yaml"))
    (root / "insights" / "copy.yaml").write_text(insight.read_text("utf-8"), "utf-8")  # JO101
    (root / "insights" / "broken.yaml").write_text("kind: Insight\nid: [unclosed\n", "utf-8")
    (root / "insights" / "personal.yaml").write_text(
        "kind: Insight\nid: personal\ntitle: Call me\ntype: feedback\nsource: Palaute\n"
        "date: 2025-01-02\nsummary: >-\n  Soita minulle\n  numeroon 040 123 4567 tai\n"
        "  maija.meikalainen@example.org  # journeyops: ignore[JO999]\n"
        "steps: [no-such-journey#step-01]\n",
        "utf-8",
    )
    journey = next((root / "journeys" / "detailed").rglob("*.yaml"))
    journey.write_text(journey.read_text("utf-8") + "extra_field: 1\n", "utf-8")  # JO020


def run(root: Path, monkeypatch: pytest.MonkeyPatch, accelerated: bool, cache: bool) -> list[Finding]:
    monkeypatch.setattr(executor, "cpus", lambda: 2 if accelerated else 1)
    if accelerated:  # fork for every share of work, however small the bank
        monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)
        monkeypatch.setattr(engine, "PARALLEL_MIN_RECORDS", 1)
        monkeypatch.setattr(place_stage, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setenv("JOURNEYOPS_NO_CACHE", "" if cache else "1")
    return validate(root).findings


@pytest.fixture()
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    root = tmp_path / "bank"
    generate(12, root, seed=13, style="varied")
    _break(root)
    return root


def test_accelerated_runs_give_the_reference_findings(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reference = run(bank, monkeypatch, accelerated=False, cache=False)
    codes = {item.code for item in reference}
    assert {"JO001", "JO020", "JO101", "JO102", "JO302", "JO501", "JO502", "JO901"} <= codes, codes
    assert all(item.line > 0 and item.column > 0 and item.placed for item in reference)
    assert run(bank, monkeypatch, accelerated=True, cache=False) == reference
    assert run(bank, monkeypatch, accelerated=True, cache=True) == reference  # cold cache
    assert (bank / ".journeyops_cache" / "places.bin").is_file()
    assert run(bank, monkeypatch, accelerated=True, cache=True) == reference  # warm


def test_after_an_edit_the_warm_run_gives_the_reference_findings(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(bank, monkeypatch, accelerated=True, cache=True)
    personal = bank / "insights" / "personal.yaml"
    personal.write_text("# moved down\n\n" + personal.read_text("utf-8"), "utf-8")
    os.utime(personal, ns=(1, 1))  # an old timestamp does not hide the change
    warm = run(bank, monkeypatch, accelerated=True, cache=True)
    assert warm == run(bank, monkeypatch, accelerated=False, cache=False)
    assert any(item.path == "insights/personal.yaml" and item.line > 3 for item in warm)


def test_an_executor_gives_the_results_in_order_whoever_ran_them() -> None:
    items = list(range(40))
    assert executor.Forked(2).map(lambda n: n * n, items) == executor.Sequential().map(lambda n: n * n, items)
    for count in (1, 2, 3, 39, 40, 1000):
        assert executor.Forked(3).map(lambda n: n * n, list(range(count)), chunks=True) == [n * n for n in range(count)]


def test_items_in_chunks_are_shared_with_the_workers() -> None:
    def job(n: int) -> int:
        time.sleep(0.002)
        return os.getpid()

    pids = executor.Forked(2).map(job, list(range(1000)), chunks=True)
    assert len(set(pids)) == 2
    # This process works from the front, the worker from the end, each a chunk at a time.
    assert pids[0] == os.getpid() != pids[-1]


def test_a_worker_is_given_one_item_at_a_time_so_this_process_takes_the_rest() -> None:
    """A worker busy with its first item holds no other: this process does every item
    left (a pool that queued items ahead of its worker left this process waiting, with
    nothing to do, for the worker's queued ones)."""
    here = os.getpid()

    def job(n: int) -> int:
        time.sleep(0.01 if os.getpid() == here else 0.6)
        return os.getpid()

    pids = executor.Forked(2).map(job, list(range(16)))
    assert pids[:15] == [here] * 15 and pids[15] != here


def test_a_background_job_gives_its_value_or_none_to_run_it_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executor, "cpus", lambda: 2)
    job = executor.start_background(lambda: [Finding("JO1", engine.Severity.ERROR, "a", 1, 1, "m")])
    assert job is not None
    assert job.result() == [Finding("JO1", engine.Severity.ERROR, "a", 1, 1, "m")]

    def fails() -> None:
        raise ValueError("in the worker")

    failing = executor.start_background(fails)
    assert failing is not None and failing.result() is None
    slow = executor.start_background(lambda: __import__("time").sleep(60))
    assert slow is not None and not slow.done()
    slow.stop()


def test_a_limited_job_runs_in_its_own_process_within_its_limits() -> None:
    assert executor.run_limited(os.getpid, 5, 1 << 28) != os.getpid()
    assert executor.run_limited(lambda: None, 5, 1 << 28) is None  # a value, not "no value"

    def greedy() -> str:
        try:
            return str(len("x" * (1 << 29)))  # 512 MB, more than its 256 MB
        except MemoryError:
            return "refused"

    assert executor.run_limited(greedy, 5, 1 << 28) == "refused"

    def endless() -> str:
        try:
            while True:
                pass
        except executor.CPUOverrun:
            return "stopped"

    assert executor.run_limited(endless, 1, 1 << 28) == "stopped"
    with pytest.raises(executor.OverBudget):
        executor.run_limited(lambda: 10 ** (10**10), 1, 1 << 30)  # one step of C: ended a second later
    with pytest.raises(executor.OverBudget):
        executor.run_limited(lambda: 1 / 0, 5, 1 << 28)


def test_frozen_objects_are_given_back_to_the_collector_after_the_block() -> None:
    """`gc_frozen` keeps what exists out of the collector's walks while the block runs,
    a forked worker included, and undoes it after (also when the block raises)."""
    import gc

    kept = [[index] for index in range(1000)]
    with executor.gc_frozen():
        frozen = gc.get_freeze_count()
        assert frozen >= len(kept)
        assert executor.Forked(2).map(lambda _i: gc.get_freeze_count() >= len(kept), [0, 1, 2]) == [True] * 3
    assert gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError), executor.gc_frozen():
        raise RuntimeError("the build failed")
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_a_workers_error_is_raised_here_and_a_dead_worker_breaks_the_map() -> None:
    """An error a job raises in a worker is raised in this process as it was raised; a
    worker that dies before it sends its results breaks the map (BrokenProcessPool), and
    no worker is left behind."""
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    here = os.getpid()
    _raises_the_workers_error()

    def dies_there(n: int) -> int:
        if os.getpid() != here:
            os._exit(3)
        time.sleep(0.05)
        return n

    with pytest.raises(BrokenProcessPool):
        executor.Forked(2).map(dies_there, list(range(8)))
    assert multiprocessing.active_children() == []


def test_a_workers_results_larger_than_its_pipe_come_through_while_this_process_works() -> None:
    """A worker sends each result as it has it; this process takes them in between its
    own items: 60 results of 300 kB each (far more than a pipe holds) arrive whole."""
    here = os.getpid()

    def job(n: int) -> str:
        if os.getpid() == here:
            time.sleep(0.005)
        return str(n) * 300_000

    results = executor.Forked(2).map(job, list(range(60)))
    assert results == [str(n) * 300_000 for n in range(60)]


def test_a_worker_goes_on_while_this_process_has_not_taken_its_result_in() -> None:
    """A worker's results are written to its pipe by a thread of its own (`_Outbox`): it
    goes on with its next items while this process is busy with one of its own and the
    pipe is full. Here this process's first item waits until the worker has made three
    results of 2 MB each (the pipe holds at most 1 MB): without the thread the worker
    would wait for its first result to be taken in, and this process would wait for the
    worker (the test fails at the deadline)."""
    import multiprocessing

    here = os.getpid()
    made = multiprocessing.get_context("fork").Value("i", 0)

    def job(n: int) -> str:
        if os.getpid() != here:
            with made.get_lock():
                made.value += 1
        elif n == 0:
            deadline = time.monotonic() + 30
            while made.value < 3:
                assert time.monotonic() < deadline, f"the worker made {made.value} result(s) and waited"
                time.sleep(0.01)
        return str(n % 10) * 2_000_000

    results = executor.Forked(2).map(job, list(range(8)))
    assert results == [str(n % 10) * 2_000_000 for n in range(8)]
    assert made.value >= 3


@pytest.mark.parametrize("shared", [0, 1_000, 4 << 20], ids=["pipe", "too-small", "shared"])
def test_a_workers_results_through_shared_memory_are_those_of_the_pipe(shared: int,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """With `shared`, a worker pickles its results into memory it shares with this process
    and sends only where each is; what does not fit goes through the pipe: the results
    are the same, in order, and an error in a job is raised here as before."""
    here = os.getpid()
    kinds: list[str] = []
    real = executor._Inbox.__init__

    def spied(self: Any, receive: Any, arena: Any) -> None:
        real(self, receive, arena)

        class Spy:
            def recv(self) -> Any:
                message = receive.recv()
                kinds.append(message[0] if type(message) is tuple else repr(message))
                return message

            def poll(self) -> bool:
                return bool(receive.poll())

            def close(self) -> None:
                receive.close()

        self.receive = Spy()

    monkeypatch.setattr(executor._Inbox, "__init__", spied)

    def job(n: int) -> str:
        if os.getpid() == here:  # slow here: the worker takes most items
            time.sleep(0.01)
        return str(n) * 300_000  # 300 to 600 kB: 4 MB holds the first 10 or so

    results = executor.Forked(2).map(job, list(range(80)), shared=shared)
    assert results == [str(n) * 300_000 for n in range(80)]
    worked = [kind for kind in kinds if kind != "None"]
    assert worked and set(worked) == ({"shared", "result"} if shared > 1_000 else {"result"})
    _raises_the_workers_error(shared)


def _raises_the_workers_error(shared: int = 0) -> None:
    """An error a job raises in a worker is raised in this process as it was raised."""
    here = os.getpid()

    def fails_there(n: int) -> int:
        if os.getpid() != here:
            raise ValueError(f"item {n} in the worker")
        time.sleep(0.05)
        return n

    with pytest.raises(ValueError, match="in the worker"):
        executor.Forked(2).map(fails_there, list(range(8)), shared=shared)
