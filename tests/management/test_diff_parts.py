"""`diff` by parts (kept snapshots, only the files git names) agrees with the cache-free
whole-bank diff, on a generated bank with many kinds of change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from benchmarks.generate import generate
from tests.management.test_diff import git
from typer.testing import CliRunner

from journeyops_cli.cli.app import app
from journeyops_cli.diff import parts


def rewrite(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def drop_last_step(journey: dict) -> None:  # type: ignore[type-arg]
    journey["steps"].pop()
    journey["steps"][0]["emotion"] = 2


def on_target(metric: dict) -> None:  # type: ignore[type-arg]
    metric["observations"].append({"date": "2026-07-01", "value": metric["target"]})


def far_reach(opportunity: dict) -> None:  # type: ignore[type-arg]
    opportunity["estimates"]["reach"] = opportunity["estimates"]["reach"] * 50
    opportunity["insights"] = opportunity["insights"][1:]  # a link removed


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated bank committed on `main`, a branch `change` with many kinds of change,
    and more changes left in the working tree."""
    bank = tmp_path_factory.mktemp("parts") / "bank"
    generate(20, bank, seed=3)
    git(bank, "init", "-q", "-b", "main")
    git(bank, "add", "-A")
    git(bank, "commit", "-qm", "base")
    git(bank, "checkout", "-qb", "change")
    rewrite(bank / "journeys/mid/mid-journey-0001.yaml", drop_last_step)  # steps, orphans, findings
    metrics = sorted((bank / "metrics").rglob("*.yaml"))
    rewrite(metrics[0], on_target)  # a metric goes on target
    opportunities = sorted((bank / "opportunities").rglob("*.yaml"))
    rewrite(opportunities[0], far_reach)  # the backlog reorders
    opportunities[1].unlink()  # a record removed
    insights = sorted((bank / "insights").rglob("*.yaml"))
    text = insights[0].read_text(encoding="utf-8")
    old = yaml.safe_load(text)["id"]
    renamed = insights[0].with_name("renamed-insight.yaml")
    renamed.write_text(text.replace(old, "renamed-insight"), encoding="utf-8")  # a rename by content
    insights[0].unlink()
    moved = insights[1].with_name("moved-" + insights[1].name)
    insights[1].rename(moved)  # the same record in another file
    journey = bank / "journeys/top/top-journey-01.yaml"
    journey.write_text(journey.read_text(encoding="utf-8") + "# a comment only\n", encoding="utf-8")
    git(bank, "add", "-A")
    git(bank, "commit", "-qm", "change")
    # Not committed: an insight in a new file, and another metric on target.
    shutil.copy(insights[2], bank / "insights" / "untracked.yaml")
    (bank / "insights" / "untracked.yaml").write_text(
        insights[2].read_text(encoding="utf-8").replace(yaml.safe_load(insights[2].read_text())["id"], "untracked-one"),
        encoding="utf-8")
    rewrite(metrics[1], on_target)
    return bank


def diff(bank: Path, *args: str, cache: bool) -> str:
    env = {"NO_COLOR": "1", "JOURNEYOPS_NO_CACHE": "" if cache else "1"}
    result = CliRunner().invoke(app, ["diff", *args, "--bank", str(bank)], env=env)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("sides", [("main", "change"), ("main",), ("change",)])
@pytest.mark.parametrize("output_format", ["json", "md"])
def test_by_parts_agrees_with_the_whole_banks(
    repo: Path, sides: tuple[str, ...], output_format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[bool] = []
    real = parts.compare_by_parts
    monkeypatch.setattr(parts, "compare_by_parts", lambda *a: (d := real(*a), used.append(d is not None))[0])
    reference = diff(repo, *sides, "--format", output_format, cache=False)
    assert used == []  # the cache-free run compares the whole banks
    cold = diff(repo, *sides, "--format", output_format, cache=True)
    warm = diff(repo, *sides, "--format", output_format, cache=True)
    assert cold == reference
    assert warm == reference
    assert used == [True, True]


def test_the_change_has_every_kind(repo: Path) -> None:
    found = json.loads(diff(repo, "main", "--format", "json", cache=True))
    changes = {(c["kind"], c["change"]) for c in found["records"]}
    assert {("Insight", "renamed"), ("Insight", "added"), ("Opportunity", "removed"),
            ("Metric", "changed"), ("Insight", "changed")} <= changes
    assert {s["change"] for s in found["steps"]} >= {"removed", "changed"}
    assert found["orphans"] and found["ranks"] and found["findings"] and found["links"]
    assert len(found["metrics"]) == 2
    assert not any(c["id"] == "top-journey-01" for c in found["records"])  # a comment changes nothing


def test_an_id_taken_twice_compares_the_whole_banks(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    twice = repo / "insights" / "twice.yaml"
    twice.write_text(sorted((repo / "insights").rglob("*-i03.yaml"))[0].read_text(encoding="utf-8"), encoding="utf-8")
    try:
        used: list[bool] = []
        real = parts.compare_by_parts
        monkeypatch.setattr(parts, "compare_by_parts", lambda *a: (d := real(*a), used.append(d is not None))[0])
        reference = diff(repo, "main", "--format", "json", cache=False)
        assert diff(repo, "main", "--format", "json", cache=True) == reference
        assert used == [False]
    finally:
        twice.unlink()


def test_a_damaged_snapshot_is_made_again(repo: Path) -> None:
    reference = diff(repo, "main", "change", "--format", "json", cache=False)
    diff(repo, "main", "change", "--format", "json", cache=True)
    for records in (repo / ".journeyops_cache").glob("snapshot-*.records"):
        records.write_bytes(b"\0" * records.stat().st_size)
    assert diff(repo, "main", "change", "--format", "json", cache=True) == reference
