"""`journeyops diff`: the meaning of a change, on real git repositories made here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyops_cli.cli.app import app
from journeyops_cli.diff.compare import Diff, FindingChange
from journeyops_cli.diff.output import as_markdown

GOLDEN = Path(__file__).resolve().parent / "golden"
GIT_ENV = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-11-01T10:00:00",
           "GIT_COMMITTER_DATE": "2026-11-01T10:00:00"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout


def diff(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["diff", *args], env={"NO_COLOR": "1", "JOURNEYOPS_NO_CACHE": "1"})
    return result.exit_code, result.output


def change_the_bank(bank: Path) -> None:
    """A step renamed, a step's emotion changed, an insight linked to one more step, an
    opportunity removed, a metric observation that puts it on target, a journey file
    renamed with its id."""
    mid = bank / "journeys" / "mid.yaml"
    mid.write_text(mid.read_text().replace("id: apply\n", "id: submit\n").replace("emotion: -1", "emotion: -2"))
    insights = bank / "insights" / "all.yaml"
    insights.write_text(insights.read_text().replace("steps: [rental#form]", "steps: [rental#form, city#use]"))
    save = bank / "opportunities" / "save.yaml"
    save.write_text(save.read_text().split("---\n")[0])
    wait = bank / "metrics" / "wait.yaml"
    wait.write_text(wait.read_text() + "  - {date: 2026-09-30, value: 28}\n")
    top = bank / "journeys" / "top.yaml"
    top.rename(bank / "journeys" / "city.yaml")


def test_a_branch_against_main(levels_bank: Path) -> None:
    repo = levels_bank.parent
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "change")
    change_the_bank(levels_bank)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "change")
    code, out = diff("main", "change", "--bank", str(levels_bank), "--format", "json")
    assert code == 0, out
    found = json.loads(out)
    assert [(r["kind"], r["id"], r["change"]) for r in found["records"]] == [
        ("Insight", "timeout", "changed"),
        ("Journey", "city", "changed"),
        ("Metric", "wait-days", "changed"),
        ("Opportunity", "portal", "removed"),
    ]
    assert found["records"][1]["fields"] == ["file"] and found["records"][1]["path"] == "journeys/city.yaml"
    assert found["records"][2]["fields"] == ["observations"]
    assert [(s["journey"], s["step"], s["change"], s["renamed_from"]) for s in found["steps"]] == [
        ("housing", "search", "changed", None),
        ("housing", "submit", "renamed", "apply"),
    ]
    assert found["links"] == [{"kind": "Insight", "id": "timeout", "field": "steps", "target": "city#use",
                               "change": "added"}]
    assert found["orphans"] == [{"kind": "Step", "id": "rental#form", "path": "journeys/detailed.yaml",
                                 "step": "housing#apply"}]
    # JO207 on the renamed file is the same finding; JO306 went with the new observation.
    assert [(f["change"], f["code"]) for f in found["findings"]] == [("introduced", "JO202"), ("fixed", "JO306")]
    assert found["metrics"] == [{"id": "wait-days", "title": "Days to a decision", "before": "off", "after": "on"}]
    # portal was done (not in the backlog); autosave's score fell with its step's pain.
    assert [(r["id"], r["before"][0], r["after"][0]) for r in found["ranks"]] == [("autosave", 1, 1)]
    assert found["ranks"][0]["before"][1] > found["ranks"][0]["after"][1]
    # The working tree against the branch it is on: nothing.
    assert diff("change", "--bank", str(levels_bank)) == (0, "change → working tree: no change in meaning\n")


def test_markdown_matches_the_reviewed_copy(levels_bank: Path) -> None:
    repo = levels_bank.parent
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    change_the_bank(levels_bank)
    code, out = diff("HEAD", "--bank", str(levels_bank), "--format", "md")
    assert code == 0, out
    assert out == (GOLDEN / "diff-levels.md").read_text(encoding="utf-8")


def test_two_folders(tmp_path: Path, levels_bank: Path) -> None:
    before = tmp_path / "before"
    shutil.copytree(levels_bank, before)
    change_the_bank(levels_bank)
    code, out = diff(str(before), str(levels_bank))
    assert code == 0, out
    assert out.startswith(f"{before} → {levels_bank}: 4 records changed, 2 steps changed, 1 link changed, "
                          "1 finding introduced, 1 finding fixed\n")


def test_a_journey_renamed_by_id_is_a_rename(tmp_path: Path, levels_bank: Path) -> None:
    before = tmp_path / "before"
    shutil.copytree(levels_bank, before)
    detailed = levels_bank / "journeys" / "detailed.yaml"
    detailed.write_text(detailed.read_text().replace("id: rental\n", "id: rental-application\n"))
    insights = levels_bank / "insights" / "all.yaml"
    insights.write_text(insights.read_text().replace("rental#form", "rental-application#form"))
    opportunities = levels_bank / "opportunities" / "save.yaml"
    opportunities.write_text(opportunities.read_text().replace("rental#form", "rental-application#form"))
    found = json.loads(diff(str(before), str(levels_bank), "--format", "json")[1])
    journey = [r for r in found["records"] if r["kind"] == "Journey"]
    assert journey == [{"kind": "Journey", "id": "rental-application", "title": "Rental application",
                        "path": "journeys/detailed.yaml", "change": "renamed", "fields": [],
                        "renamed_from": "rental"}]
    assert found["findings"] == []


def test_errors_name_the_revision(levels_bank: Path) -> None:
    code, out = diff("main", "--bank", str(levels_bank))
    assert code == 2 and "is not in a git repository" in out
    repo = levels_bank.parent
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    assert diff("nope", "--bank", str(levels_bank)) == (
        2, f"journeyops: error: 'nope' names no commit in {repo.resolve()}\n")
    assert diff("--upload-pack=x", "--bank", str(levels_bank))[0] == 2


def test_a_long_diff_fits_in_a_comment() -> None:
    many = Diff("a", "b", findings=[
        FindingChange("introduced", "JO102", "error", f"insights/file-{i}.yaml", 3, "x" * 200) for i in range(2000)
    ])
    text = as_markdown(many)
    assert len(text) <= 65_536
    assert "<details><summary>Findings introduced (2000)</summary>" in text
    assert "more (`journeyops diff` shows all)" in text


def test_markdown_cannot_be_broken_by_titles() -> None:
    from journeyops_cli.diff.compare import RecordChange

    hostile = Diff("a", "b", records=[RecordChange("Insight", "x", "<img src=x onerror=alert(1)> [a](javascript:b)",
                                                   "p`q.yaml", "added")])
    text = as_markdown(hostile)
    assert "<img" not in text and "&lt;img" in text
    assert "\\[a\\](javascript:b)" in text  # brackets escaped: no link
    assert "``p`q.yaml``" in text


def test_a_revision_compared_before_is_not_unpacked_again(levels_bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import journeyops_cli.diff.sides as sides
    monkeypatch.delenv("JOURNEYOPS_NO_CACHE", raising=False)  # this test is about the cache

    repo = levels_bank.parent
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    change_the_bank(levels_bank)
    unpacked: list[str] = []
    real = sides.bank_at
    monkeypatch.setattr(sides, "bank_at", lambda *args: (unpacked.append(args[1]), real(*args))[1])
    ask = ["diff", "HEAD", "--bank", str(levels_bank), "--format", "json"]
    first = CliRunner().invoke(app, ask, env={"NO_COLOR": "1"})
    second = CliRunner().invoke(app, ask, env={"NO_COLOR": "1"})
    assert first.exit_code == 0, first.output
    assert first.output == second.output
    assert unpacked == ["HEAD"]
    assert len(list((levels_bank / ".journeyops_cache").glob("snapshot-*.bin"))) == 1
