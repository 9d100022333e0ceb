"""Shared pytest configuration.

Loads the helpers for the real external clients (see shared/TESTING.md and
tests/tools/): the ``chromium_browser`` / ``page`` fixtures and the
``browser`` marker.

Under CI (``CI=true``, which ``.ci/run`` sets) no test may skip: a test that skips
(``pytest.skip``, a ``skipif`` mark, a missing tool through ``tests.tools.need``)
fails instead, with the reason it gave.
"""

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Make ``tests.tools`` importable however pytest is started
# (``python -m pytest``, ``pytest``, from any directory).
_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from tests.tools import in_ci  # noqa: E402

# Bytecode. Where PYTHONDONTWRITEBYTECODE is set (this machine sets it for every shell),
# each xdist worker compiled every module of the package, and assertion-rewrote every test
# module, from source at every run, and so did each `journeyops` subprocess: 2.7 of the 4.3
# CPU-seconds of a worker's collection, and about 0.1 s of each subprocess. The suite keeps
# its bytecode out of the source tree, under one folder of the temporary directory
# (PYTHONPYCACHEPREFIX; set before the workers start, so they and their subprocesses
# inherit it). A prefix of the caller's own is kept.
if sys.dont_write_bytecode and not sys.pycache_prefix:
    import tempfile

    sys.pycache_prefix = os.path.join(tempfile.gettempdir(), f"journeyops-pycache-{os.getuid()}")
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = sys.pycache_prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

pytest_plugins = ["tests.tools.browser", "pytester"]


def _one_click_command_per_app() -> None:
    """typer's CliRunner converts the typer app into its click command at every `invoke`
    (`typer.main.get_command`): every command of journeyops, each parameter's annotation
    evaluated again, about 30 ms a call, in the hundreds of tests that run a command in
    process (a third of the CPU time of a hypothesis test that runs four commands an
    example). A process that runs `journeyops` converts it once; so does the suite now,
    for each app as long as its commands and groups are the same objects."""
    import weakref

    import typer.main
    import typer.testing

    convert = typer.main.get_command
    made: weakref.WeakKeyDictionary[typer.Typer, tuple[tuple[int, ...], Any]] = weakref.WeakKeyDictionary()

    def get_command(app: typer.Typer) -> Any:
        shape = tuple(map(id, [*app.registered_commands, *app.registered_groups, app.registered_callback]))
        known = made.get(app)
        if known is None or known[0] != shape:
            known = made[app] = (shape, convert(app))
        return known[1]

    typer.testing._get_command = get_command  # the name typer.testing.CliRunner.invoke calls


_one_click_command_per_app()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker per CPU this process may use (xdist would count physical
    cores when psutil is installed, one on many two-vCPU CI machines)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first: started last, one of them would keep a worker busy after the
    others have finished."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if report.skipped and in_ci() and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which must run every test: {reason}"
    return report


@pytest.fixture(autouse=True)
def _english_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI speaks the bank's first language (`cli/words.py`); most tests read its
    English words, so each test starts with JOURNEYOPS_LANG=en. A test of another language
    sets it (or deletes it to test the choice itself)."""
    monkeypatch.setenv("JOURNEYOPS_LANG", "en")


@pytest.fixture(autouse=True)
def _cache_setting_of_one_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """`validate --no-cache` sets JOURNEYOPS_NO_CACHE in its own process (its forked
    workers read it): run in-process, it would turn the caches off for every later test
    of the same worker. Each test starts without it and leaves none behind."""
    monkeypatch.setenv("JOURNEYOPS_NO_CACHE", "")
    monkeypatch.delenv("JOURNEYOPS_NO_CACHE")
