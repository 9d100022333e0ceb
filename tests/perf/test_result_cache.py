"""The stored result of the last validate run is used only when nothing it depends on
changed, and gives exactly the findings of a cold run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from benchmarks.generate import generate
from tests.perf.validate_runs import Runs

from journeyops_cli.lint.results import RESULT_FILE
from journeyops_cli.pipeline import Selection
from journeyops_cli.rules import base
from journeyops_cli.speed import store


@pytest.fixture()
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.delenv("JOURNEYOPS_NO_CACHE", raising=False)
    root = tmp_path / "bank"
    generate(6, root, seed=5, style="classic")  # the text edits below need its layout
    return root


@pytest.fixture()
def runs(monkeypatch: pytest.MonkeyPatch) -> Runs:
    return Runs(monkeypatch)


@pytest.fixture()
def trusting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test a moment ago count as settled (no racy window)."""
    monkeypatch.setattr(store, "RACY_NS", 0)


def test_an_unchanged_bank_answers_from_the_stored_result(bank: Path, runs: Runs, trusting: None) -> None:
    first = runs.findings(bank)  # fills both caches
    assert (bank / store.CACHE_DIR / RESULT_FILE).is_file()
    loads = runs.loads
    assert runs.findings(bank) == first
    assert runs.loads == loads  # nothing was loaded
    assert runs.findings(bank, cache=False) == first


def test_every_kind_of_change_goes_the_long_way(
    bank: Path, runs: Runs, trusting: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs.findings(bank)
    runs.warm_equals_cold(bank, stored=True)

    journey = next((bank / "journeys").rglob("*.yaml"))
    text = journey.read_text()
    stat = journey.stat()
    # Same size, same mtime: only ctime and the bytes differ.
    journey.write_text(text.replace("level:", "levxl:", 1), "utf-8")
    os.utime(journey, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    edited = runs.warm_equals_cold(bank, stored=False)
    assert any(item[2] == journey.relative_to(bank).as_posix() for item in edited)
    runs.warm_equals_cold(bank, stored=True)

    metric = next((bank / "metrics").rglob("*.yaml"))
    os.rename(metric, metric.with_name("renamed.yaml"))
    runs.warm_equals_cold(bank, stored=False)

    next((bank / "insights").rglob("*.yaml")).unlink()
    runs.warm_equals_cold(bank, stored=False)

    (bank / "insights" / "new.yaml").write_text("kind: Insight\nid: [unclosed\n", "utf-8")
    assert any(item[0] == "JO001" for item in runs.warm_equals_cold(bank, stored=False))

    config = bank / "journeyops.yaml"
    config.write_text(config.read_text().replace("lint:\n", "lint:\n  ignore: [JO306]\n"), "utf-8")
    runs.warm_equals_cold(bank, stored=False)
    runs.warm_equals_cold(bank, stored=True)

    # Another day: rules that count days may say something else.
    monkeypatch.setattr(base, "today", lambda: base.dt.date(2030, 1, 1))
    later = runs.warm_equals_cold(bank, stored=False)
    assert any(item[0] == "JO402" for item in later)


def test_the_command_line_selection_is_part_of_the_key(bank: Path, runs: Runs, trusting: None) -> None:
    everything = runs.findings(bank)
    only_metrics = runs.findings(bank, selection=Selection(select=["JO306"]))
    assert only_metrics and only_metrics != everything
    assert {item[0] for item in only_metrics} == {"JO306"}
    assert runs.findings(bank) == everything


def test_a_file_written_just_now_keeps_the_result_from_being_stored(bank: Path, runs: Runs) -> None:
    # With the real racy window, a file written in the last two seconds could change
    # again behind the same timestamps: nothing is stored.
    (bank / "insights" / "fresh.yaml").write_text("kind: Insight\nid: [unclosed\n", "utf-8")
    runs.findings(bank)
    assert not (bank / store.CACHE_DIR / RESULT_FILE).exists()
    runs.warm_equals_cold(bank, stored=False)


@pytest.mark.parametrize("damage", [b"", b"JOCACHE1" + b"\0" * 32 + b"x", None], ids=["empty", "bad-mac", "folder"])
def test_a_damaged_stored_result_is_ignored(bank: Path, runs: Runs, trusting: None, damage: bytes | None) -> None:
    first = runs.findings(bank)
    stored = bank / store.CACHE_DIR / RESULT_FILE
    if damage is None:
        stored.unlink()
        stored.mkdir()
    else:
        stored.write_bytes(damage)
    loads = runs.loads
    assert runs.findings(bank) == first
    assert runs.loads == loads + 1


def test_a_result_stored_with_another_secret_is_not_used(
    bank: Path, runs: Runs, trusting: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = runs.findings(bank)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    loads = runs.loads
    assert runs.findings(bank) == first
    assert runs.loads == loads + 1


def test_prioritise_answers_again_from_its_last_ranking(bank: Path, runs: Runs, trusting: None) -> None:
    from typer.testing import CliRunner

    from journeyops_cli.cli.app import app

    def prioritise(*options: str, cache: bool = True) -> str:
        os.environ["JOURNEYOPS_NO_CACHE"] = "" if cache else "1"
        try:
            result = CliRunner().invoke(app, ["prioritise", "--bank", str(bank), *options])
        finally:
            os.environ.pop("JOURNEYOPS_NO_CACHE", None)
        assert result.exit_code == 0, result.output
        return result.output

    first = prioritise("--format", "csv")
    loads = runs.loads
    assert prioritise("--format", "csv") == first
    assert runs.loads == loads  # the stored ranking
    other = prioritise("--format", "csv", "--model", "rice")
    assert other != first and runs.loads == loads + 1  # other options: ranked again

    opportunity = next((bank / "opportunities").rglob("*.yaml"))
    opportunity.write_text(opportunity.read_text().replace("status: ", "status: done\nx: ", 1), "utf-8")
    changed = prioritise("--format", "csv")
    assert runs.loads == loads + 2 and changed == prioritise("--format", "csv", cache=False)
