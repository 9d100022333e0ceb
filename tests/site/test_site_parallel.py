"""The sequential, cache-free build is the reference: a build whose pages are shared out
between forked workers (`speed/executor`), with the rules in the background, the load
cache on and the previous build's pages reused, writes the same bytes. A failure in a
forked worker fails the build cleanly (the old site stays whole)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from journeyops_cli.site import jobs as site_jobs
from journeyops_cli.site import write as site_write
from journeyops_cli.site.build import SiteError, build_site
from journeyops_cli.site.write import MANIFEST
from journeyops_cli.speed import executor


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def reference(bank: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain build: one process, no cache, nothing of a previous build."""
    with monkeypatch.context() as plain:
        plain.setenv("JOURNEYOPS_NO_CACHE", "1")
        build_site(bank, out, workers=1)


def accelerated(monkeypatch: pytest.MonkeyPatch, cpus: int) -> None:
    """Share pages out between `cpus` processes in small chunks, however few pages there
    are; the rules run in the background."""
    monkeypatch.setattr(executor, "cpus", lambda: cpus)
    monkeypatch.setattr(site_jobs, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(executor, "CHUNK_MOST", 3)
    monkeypatch.delenv("JOURNEYOPS_NO_CACHE", raising=False)


def test_the_accelerated_build_writes_the_bytes_of_the_reference(
    bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    # Two insights with one id: the page of the last one is written, whoever renders
    # (`run_jobs` runs only the last job of a path).
    insights = bank_copy / "insights/insights.yaml"
    (bank_copy / "insights/zz-again.yaml").write_text(
        insights.read_text("utf-8").replace("Five of six testers", "Six of six testers"), "utf-8"
    )
    reference(bank_copy, tmp_path / "plain", monkeypatch)
    writers: set[int] = set()
    real = site_write.write_file
    record = tmp_path / "writers.txt"

    def noted(path: str, data: bytes) -> None:
        with open(record, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        real(path, data)

    monkeypatch.setattr(site_write, "write_file", noted)
    accelerated(monkeypatch, 3)
    built = build_site(bank_copy, tmp_path / "fast")
    writers = set(record.read_text("utf-8").split())
    assert len(writers) >= 2, "the pages were not shared out"
    assert tree(tmp_path / "fast") == tree(tmp_path / "plain")
    assert built.files == len(tree(tmp_path / "plain"))
    # A rebuild after an edit, shared out and reusing pages, still equals the reference.
    insights.write_text(insights.read_text("utf-8").replace("Five of six testers", "Five out of six"), "utf-8")
    build_site(bank_copy, tmp_path / "fast")
    reference(bank_copy, tmp_path / "plain-again", monkeypatch)
    assert tree(tmp_path / "fast") == tree(tmp_path / "plain-again")
    assert "Five out of six" in (tmp_path / "fast/en/insights/liitteet-hukassa.html").read_text("utf-8")


def test_a_failure_in_a_forked_process_fails_the_build(bank_copy: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build_site(bank_copy, out)
    (out / MANIFEST).unlink()
    before = tree(out)
    parent = os.getpid()
    real = site_write.write_file

    def full_in_children(path: str, data: bytes) -> None:
        if os.getpid() != parent:
            raise OSError(28, "No space left on device")
        real(path, data)

    accelerated(monkeypatch, 2)
    monkeypatch.setattr(site_write, "write_file", full_in_children)
    with pytest.raises(SiteError) as error:
        build_site(bank_copy, out)
    assert error.value.message == f"cannot write the site to {out}: No space left on device"
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank", "out"]


def test_the_scorecard_is_made_beside_the_backlog_and_a_failed_worker_is_not_an_answer(
    bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Planning makes the scorecard in a forked process while this one ranks the backlog
    (`site/plan.py`); the site is the reference's. When that process gives no answer
    (it died), the scorecard is made here, and the site is still the reference's."""
    from journeyops_cli.site import plan as site_plan

    reference(bank_copy, tmp_path / "plain", monkeypatch)
    made_in: list[int] = []
    real = site_plan.site_scorecard
    record = tmp_path / "scorecard-pids.txt"

    def noted(*args: object) -> object:
        with open(record, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(site_plan, "site_scorecard", noted)
    accelerated(monkeypatch, 2)
    build_site(bank_copy, tmp_path / "fast")
    made_in = [int(pid) for pid in record.read_text("utf-8").split()]
    assert made_in and os.getpid() not in made_in
    assert tree(tmp_path / "fast") == tree(tmp_path / "plain")

    record.unlink()
    parent = os.getpid()

    def dies_in_a_child(*args: object) -> object:
        if os.getpid() != parent:
            os._exit(3)
        return noted(*args)

    monkeypatch.setattr(site_plan, "site_scorecard", dies_in_a_child)
    build_site(bank_copy, tmp_path / "again")
    assert [int(pid) for pid in record.read_text("utf-8").split()] == [parent]
    assert tree(tmp_path / "again") == tree(tmp_path / "plain")




def test_planning_makes_search_indexes_beside_the_backlog_and_the_rollup_once(
    bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scorecard's process makes the first language's search index after the
    scorecard (`site/plan.AHEAD_SEARCHES`); the others are made as pages render. This
    process builds the roll-up once, before the page workers fork (in a build from
    nothing, before the scorecard's process forks too): no page worker builds its own.
    The site is the reference's, and still is when the scorecard's process dies (the
    index is then made as pages render)."""
    from journeyops_cli.bank import rollup
    from journeyops_cli.site import plan as site_plan

    reference(bank_copy, tmp_path / "plain", monkeypatch)
    record = tmp_path / "pids.txt"
    real_scorecard = site_plan.site_scorecard

    def noting(what: str, real: Any) -> Any:
        def noted(*args: Any) -> Any:
            with open(record, "a", encoding="utf-8") as handle:
                handle.write(f"{what} {os.getpid()} {args[1] if what == 'index' else '-'}\n")
            return real(*args)
        return noted

    def made() -> dict[str, list[tuple[int, str]]]:
        found: dict[str, list[tuple[int, str]]] = {}
        for line in record.read_text("utf-8").splitlines():
            what, pid, detail = line.split(" ")
            found.setdefault(what, []).append((int(pid), detail))
        record.unlink()
        return found

    monkeypatch.setattr(site_plan, "index_script", noting("index", site_plan.index_script))
    monkeypatch.setattr(site_jobs, "index_script", noting("index", site_jobs.index_script))
    monkeypatch.setattr(site_plan, "site_scorecard", noting("scorecard", real_scorecard))
    monkeypatch.setattr(rollup, "build", noting("rollup", rollup.build))
    monkeypatch.setattr(site_write, "write_file", noting("write", site_write.write_file))
    accelerated(monkeypatch, 2)
    parent = os.getpid()

    # A build from nothing.
    build_site(bank_copy, tmp_path / "fast")
    assert tree(tmp_path / "fast") == tree(tmp_path / "plain")
    found = made()
    [(scorecard_pid, _)] = found["scorecard"]
    assert scorecard_pid != parent
    by_language = {language: pid for pid, language in found["index"]}
    assert len(found["index"]) == 2
    assert by_language["fi"] == scorecard_pid != by_language["en"]
    page_workers = {pid for pid, _ in found["write"]} - {parent}
    assert page_workers, "the pages were not shared out"
    rollups = [pid for pid, _ in found["rollup"]]
    assert rollups.count(parent) == 1
    assert not (page_workers | {scorecard_pid}) & set(rollups)

    # A rebuild after a record changed (every page's context is made again).
    insights = bank_copy / "insights/insights.yaml"
    insights.write_text(insights.read_text("utf-8").replace("Five of six testers", "Five out of six"), "utf-8")
    reference(bank_copy, tmp_path / "plain-again", monkeypatch)
    record.unlink()
    build_site(bank_copy, tmp_path / "fast")
    assert tree(tmp_path / "fast") == tree(tmp_path / "plain-again")
    found = made()
    [(scorecard_pid, _)] = found["scorecard"]
    by_language = {language: pid for pid, language in found["index"]}
    assert len(found["index"]) == 2
    assert by_language["fi"] == scorecard_pid != by_language["en"]
    page_workers = {pid for pid, _ in found["write"]} - {parent}
    rollups = [pid for pid, _ in found["rollup"]]
    assert rollups.count(parent) == 1
    assert not page_workers & set(rollups)

    def dies_in_a_child(*args: object) -> object:
        if os.getpid() != parent:
            os._exit(3)
        return real_scorecard(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(site_plan, "site_scorecard", dies_in_a_child)
    build_site(bank_copy, tmp_path / "again")
    assert tree(tmp_path / "again") == tree(tmp_path / "plain-again")
    found = made()
    renderers = {pid for pid, _ in found["write"]}
    assert sorted(language for _, language in found["index"]) == ["en", "fi"]
    assert {pid for pid, _ in found["index"]} <= renderers
