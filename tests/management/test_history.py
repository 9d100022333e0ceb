"""`journeyops report --history`: the scorecard at past revisions, read from git."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyops_cli.cli.app import app


def commit(repo: Path, message: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", message], cwd=repo, check=True, env=env)


def test_one_row_per_month_oldest_first(levels_bank: Path) -> None:
    repo = levels_bank.parent
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    insights = levels_bank / "insights" / "all.yaml"
    text = insights.read_text()
    insights.write_text(text.split("---\n")[1])  # January: only the 2019 survey
    commit(repo, "january", "2026-01-15T10:00:00")
    wait = levels_bank / "metrics" / "wait.yaml"
    wait.write_text(wait.read_text() + "  - {date: 2026-02-01, value: 50}\n")
    commit(repo, "february, first", "2026-02-03T10:00:00")
    insights.write_text(text)  # February again: the usability test too
    commit(repo, "february, last", "2026-02-20T10:00:00")
    (repo / "README.md").write_text("not the bank\n")
    commit(repo, "march, outside the bank", "2026-03-05T10:00:00")
    result = CliRunner().invoke(app, ["report", "--bank", str(levels_bank), "--history", "12", "--format", "json"],
                                env={"JOURNEYOPS_NO_CACHE": "1"})
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [row["today"] for row in rows] == ["2026-01-15", "2026-02-20"]
    assert [row["bank"]["insights"]["count"] for row in rows] == [1, 2]
    assert [row["bank"]["insights"]["fresh"] for row in rows] == [0, 1]
    assert [row["bank"]["coverage"]["insight"] for row in rows] == [4, 4]

    text_out = CliRunner().invoke(app, ["report", "--bank", str(levels_bank), "--history", "1"],
                                  env={"NO_COLOR": "1", "JOURNEYOPS_NO_CACHE": "1"}).output
    assert "Customer-experience scorecard over time" in text_out
    assert "2026-02-20" in text_out and "2026-01-15" not in text_out


def test_history_needs_git(levels_bank: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--bank", str(levels_bank), "--history", "3"])
    assert result.exit_code == 2
    assert "is not in a git repository" in result.output
    result = CliRunner().invoke(app, ["report", "--bank", str(levels_bank), "--history", "0"])
    assert (result.exit_code, result.output) == (
        2, "journeyops: error: --history 0: give the number of months, 1 or more\n")


def test_a_revision_seen_before_is_not_read_again(levels_bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import journeyops_cli.revisions as revisions
    monkeypatch.delenv("JOURNEYOPS_NO_CACHE", raising=False)  # this test is about the cache

    repo = levels_bank.parent
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    commit(repo, "january", "2026-01-15T10:00:00")
    top = levels_bank / "journeys" / "top.yaml"
    top.write_text(top.read_text() + "# February\n")
    commit(repo, "february", "2026-02-15T10:00:00")
    unpacked: list[str] = []
    real = revisions.bank_at
    monkeypatch.setattr(revisions, "bank_at", lambda *args: (unpacked.append(args[1]), real(*args))[1])
    ask = ["report", "--bank", str(levels_bank), "--history", "12", "--format", "json"]
    first = CliRunner().invoke(app, ask)
    assert first.exit_code == 0, first.output
    assert len(unpacked) == 2
    kept = levels_bank / ".journeyops_cache" / "history.bin"
    written = kept.stat().st_mtime_ns
    assert CliRunner().invoke(app, ask).output == first.output
    assert (len(unpacked), kept.stat().st_mtime_ns) == (2, written)  # nothing new: nothing written
    top.write_text(top.read_text() + "# March\n")
    commit(repo, "march", "2026-03-15T10:00:00")
    again = CliRunner().invoke(app, ask)
    assert len(unpacked) == 3  # only March's revision was read
    assert json.loads(again.output)[:2] == json.loads(first.output)
