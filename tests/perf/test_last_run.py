"""A `validate` after some files changed is judged from the last whole run
(`lint/last_run.py`) and reports exactly what the sequential, cache-free run reports."""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.perf.validate_runs import Runs
from tests.random_edits import Editor, load_results, write_edits

from journeyops_cli.lint import last_run
from journeyops_cli.lint.last_run import HEAD_FILE, PARTS_FILE
from journeyops_cli.pipeline import Selection, load_config
from journeyops_cli.speed import store

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.delenv("JOURNEYOPS_NO_CACHE", raising=False)


@pytest.fixture()
def bank(tmp_path: Path, home: None) -> Path:
    root = tmp_path / "bank"
    shutil.copytree(EXAMPLE, root)
    return root


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_a_judged_change_reports_what_the_cold_run_reports(
    seed: int, home: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    runs = Runs(monkeypatch)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "bank"
        shutil.copytree(EXAMPLE, root)
        runs.agree(root)  # the whole run, kept
        assert runs.whole == 1 and (root / store.CACHE_DIR / PARTS_FILE).is_file()
        editor = Editor(rng, root, load_results(root, load_config(root)))
        for _ in range(3):
            write_edits(root, editor.edit())
            editor.results = load_results(root, load_config(root))
            runs.agree(root)
        # Every run after an edit was judged from the first one.
        assert (runs.whole, runs.judged) == (1, 3)


def test_a_judged_run_writes_nothing_and_the_kept_run_stays_its_base(bank: Path, runs: Runs) -> None:
    runs.agree(bank)
    kept = [(bank / store.CACHE_DIR / name).stat().st_mtime_ns for name in (HEAD_FILE, PARTS_FILE)]
    journey = bank / "journeys" / "detailed" / "daycare-fees.yaml"
    journey.write_text(journey.read_text().replace("parent: daycare-journey", "parent: nobody"), "utf-8")
    assert any("nobody" in item[5] for item in runs.agree(bank))
    insight = next((bank / "insights").rglob("*.yaml"))
    insight.write_text("kind: Insight\nid: [unclosed\n", "utf-8")
    broken = runs.agree(bank)
    assert any(item[0] == "JO001" for item in broken)
    assert any("nobody" in item[5] for item in broken)  # both changes, judged from the base
    assert (runs.whole, runs.judged) == (1, 2)
    assert [(bank / store.CACHE_DIR / name).stat().st_mtime_ns for name in (HEAD_FILE, PARTS_FILE)] == kept


def test_touching_a_file_is_no_change(bank: Path, runs: Runs, monkeypatch: pytest.MonkeyPatch) -> None:
    first = runs.agree(bank)
    journey = bank / "journeys" / "detailed" / "daycare-fees.yaml"
    os.utime(journey, ns=(1_000_000_000, 1_000_000_000))
    changed: list[object] = []
    judged = last_run._judged

    def seeing(kept, files, *args):  # type: ignore[no-untyped-def]
        changed.append(dict(files))
        return judged(kept, files, *args)

    monkeypatch.setattr(last_run, "_judged", seeing)
    assert runs.agree(bank) == first
    assert changed == [{}]  # read again (its stat changed), and found to be the same bytes


def test_more_changes_than_the_limit_make_the_whole_run_again(
    bank: Path, runs: Runs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(last_run, "MOST_CHANGED", 1)
    runs.agree(bank)
    metrics = sorted((bank / "metrics").glob("*.yaml"))[:2]
    for metric in metrics:
        metric.write_text(metric.read_text().replace("direction: ", "direction: sideways\nx: ", 1), "utf-8")
    assert any(item[0] == "JO020" for item in runs.agree(bank))
    assert (runs.whole, runs.judged) == (2, 0)
    metrics[0].write_text(metrics[0].read_text() + "# one more\n", "utf-8")
    runs.agree(bank)
    assert (runs.whole, runs.judged) == (2, 1)  # judged from the run kept just before


def test_a_kept_run_serves_only_its_own_options_and_config(bank: Path, runs: Runs) -> None:
    runs.agree(bank)
    journey = bank / "journeys" / "detailed" / "daycare-fees.yaml"
    journey.write_text(journey.read_text() + "# edited\n", "utf-8")
    only = Selection(select=["JO102"])
    runs.agree(bank, only)
    assert (runs.whole, runs.judged) == (2, 0)  # other rules chosen: another key
    config = bank / "journeyops.yaml"
    config.write_text(config.read_text().replace("lint:\n", "lint:\n  ignore: [JO306]\n"), "utf-8")
    runs.agree(bank)
    assert (runs.whole, runs.judged) == (3, 0)


@pytest.mark.parametrize("damage", ["parts", "head", "gone"])
def test_a_damaged_kept_run_is_ignored(bank: Path, runs: Runs, damage: str) -> None:
    runs.agree(bank)
    folder = bank / store.CACHE_DIR
    if damage == "parts":
        data = bytearray((folder / PARTS_FILE).read_bytes())
        data[len(data) // 2] ^= 0xFF
        (folder / PARTS_FILE).write_bytes(bytes(data))
    elif damage == "head":
        (folder / HEAD_FILE).write_bytes(b"JOCACHE1" + b"\0" * 32 + b"x")
    else:
        (folder / PARTS_FILE).unlink()
    journey = bank / "journeys" / "detailed" / "daycare-fees.yaml"
    journey.write_text(journey.read_text() + "# edited\n", "utf-8")
    runs.agree(bank)
    assert (runs.whole, runs.judged) == (2, 0)


@pytest.fixture()
def runs(monkeypatch: pytest.MonkeyPatch) -> Runs:
    return Runs(monkeypatch)


def test_a_bank_copied_with_its_kept_run_is_judged_where_it_is(bank: Path, runs: Runs, tmp_path: Path) -> None:
    """The kept Bank reads the changed files' text from its own folder: a copy of the bank
    (its cache copied along) makes its own whole run instead of placing its findings in
    the original's files."""
    runs.agree(bank)
    copy = tmp_path / "copy"
    shutil.copytree(bank, copy)
    metric = copy / "metrics" / "callback-wait-hours.yaml"
    metric.write_text("# A comment on top moves every finding down a line.\n" + metric.read_text(), "utf-8")
    assert any(item[2] == "metrics/callback-wait-hours.yaml" for item in runs.agree(copy))
    assert (runs.whole, runs.judged) == (2, 0)
