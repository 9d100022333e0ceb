"""`journeyops report`: the scorecard in text, Markdown and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyops_cli.cli.app import app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"
GOLDEN = Path(__file__).resolve().parent / "golden"


def report(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["report", *args], env={"NO_COLOR": "1", "JOURNEYOPS_NO_CACHE": "1"})
    return result.exit_code, result.output


def test_json_figures_roll_up_from_detailed_to_theme(levels_bank: Path) -> None:
    code, out = report("--bank", str(levels_bank), "--format", "json", "--today", "2026-12-01")
    assert code == 0, out
    card = json.loads(out)
    bank = card["bank"]
    assert card["fresh_days"] == 365
    assert bank["coverage"] == {"steps": 5, "emotion": 4, "insight": 4, "metric": 2}
    assert bank["insights"] == {"count": 2, "types": {"survey": 1, "usability-test": 1},
                                "newest": "2026-09-01", "fresh": 1}
    assert bank["metrics"] == {"status": {"on": 0, "off": 1, "unknown": 0},
                               "trend": {"better": 1, "worse": 0, "flat": 0}}
    assert bank["opportunities"]["planned"] == 1 and bank["opportunities"]["done"] == 1
    # housing has no team and no review: active, so stale and without owner or team.
    assert bank["stale_journeys"] == ["housing"]
    assert bank["journeys_without_owner_or_team"] == ["housing"]
    living, loose = bank["children"]
    assert living["id"] == "living" and [j["id"] for j in living["children"]] == ["housing", "rental"]
    assert loose["id"] == "" and [j["id"] for j in loose["children"]] == ["city"]
    city = loose["children"][0]
    find, use = city["children"]
    assert find["id"] == "city#find" and find["coverage"] == {"steps": 1, "emotion": 1, "insight": 1, "metric": 1}
    assert find["emotion"] == {"worst": -2, "mean": -1.0}
    assert find["stale_journeys"] == ["housing"]  # the journeys beneath the phase
    assert use["coverage"] == {"steps": 1, "emotion": 0, "insight": 0, "metric": 0}
    housing = living["children"][0]
    assert housing["coverage"] == {"steps": 2, "emotion": 2, "insight": 2, "metric": 1}
    assert [s["id"] for s in housing["children"]] == ["housing#search", "housing#apply"]
    assert living["children"][1]["children"] == []  # detailed journeys have no phases


def test_findings_are_counted_per_scope(levels_bank: Path) -> None:
    (levels_bank / "journeys" / "detailed.yaml").write_text(
        (levels_bank / "journeys" / "detailed.yaml").read_text() + "owner: a@example.com\n"
    )
    code, out = report("--bank", str(levels_bank), "--format", "json", "--today", "2026-12-01")
    assert code == 0, out
    bank = json.loads(out)["bank"]
    rental = bank["children"][0]["children"][1]
    assert rental["id"] == "rental" and rental["findings"]["error"] >= 1
    assert bank["findings"]["error"] >= rental["findings"]["error"]


def test_markdown_of_the_example_bank_matches_the_reviewed_copy() -> None:
    code, out = report("--bank", str(EXAMPLE), "--format", "md", "--today", "2026-12-01")
    assert code == 0, out
    assert out == (GOLDEN / "report-helsinki.md").read_text(encoding="utf-8")


def test_text_lists_what_needs_attention(levels_bank: Path) -> None:
    code, out = report("--bank", str(levels_bank), "--today", "2026-12-01")
    assert code == 0, out
    assert "Customer-experience scorecard, 2026-12-01" in out
    assert "Stale journeys (1): housing" in out
    assert "Active journeys without owner or team (1): housing" in out
    assert "Metrics off target: 1 of 1" in out
    assert "Top-level phases without evidence: city#use" in out
    assert "Insights from the last 365 days: 1 of 2 (newest 2026-09-01)" in out


def test_bad_options_are_usage_errors(levels_bank: Path) -> None:
    assert report("--bank", str(levels_bank), "--format", "xml") == (
        2, "journeyops: error: --format xml: use one of text, md, json, html\n")
    assert report("--bank", str(levels_bank), "--today", "1.12.2026") == (
        2, "journeyops: error: --today 1.12.2026: not a date; write it as YYYY-MM-DD\n")


def test_a_second_report_is_answered_from_the_cache_until_a_file_changes(
    levels_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journeyops_cli.scorecard import figures
    from journeyops_cli.speed import store

    monkeypatch.setattr(store, "RACY_NS", 0)  # files written a moment ago count as settled
    monkeypatch.delenv("JOURNEYOPS_NO_CACHE", raising=False)  # this test is about the cache

    calls = []
    real = figures.build

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    import journeyops_cli.scorecard.run as run

    run.build = counted  # type: ignore[assignment]
    try:
        ask = ["--bank", str(levels_bank), "--format", "json", "--today", "2026-12-01"]
        first = CliRunner().invoke(app, ["report", *ask], env={"NO_COLOR": "1"})
        second = CliRunner().invoke(app, ["report", *ask], env={"NO_COLOR": "1"})
        assert first.output == second.output and len(calls) == 1
        assert (levels_bank / ".journeyops_cache" / "report.bin").is_file()
        wait = levels_bank / "metrics" / "wait.yaml"
        wait.write_text(wait.read_text() + "  - {date: 2026-09-30, value: 28}\n")
        third = CliRunner().invoke(app, ["report", *ask], env={"NO_COLOR": "1"})
        assert len(calls) == 2
        assert json.loads(third.output)["bank"]["metrics"]["status"]["on"] == 1
    finally:
        run.build = real  # type: ignore[assignment]
