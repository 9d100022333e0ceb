"""`journeyops owners`: CODEOWNERS lines that a real parser of the format reads back."""

from __future__ import annotations

import subprocess
from pathlib import Path

from codeowners import CodeOwners
from typer.testing import CliRunner

from journeyops_cli.cli.app import app
from journeyops_cli.owners import BEGIN, END, merged

TEAMS = """kind: Team
id: core
title: Core team
handles: ['@city/core', '@lead-designer']
---
kind: Team
id: housing-team
title: Housing
handles: ['@city/housing']
"""


def owners(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["owners", *args], env={"NO_COLOR": "1", "JOURNEYOPS_NO_CACHE": "1"})
    return result.exit_code, result.output


def git_repo_with_bank(tmp_path: Path, levels_bank: Path) -> tuple[Path, Path]:
    """A git repository with the bank in its `bank/` folder (as the fixture made it)."""
    repo = levels_bank.parent
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (levels_bank / "vocabulary" / "teams.yaml").write_text(TEAMS, encoding="utf-8")
    mid = levels_bank / "journeys" / "mid.yaml"
    mid.write_text(mid.read_text().replace("owner: Designer\n", "owner: Designer\nteam: housing-team\n"))
    return repo, levels_bank


def test_codeowners_asks_each_journeys_team(tmp_path: Path, levels_bank: Path) -> None:
    repo, bank = git_repo_with_bank(tmp_path, levels_bank)
    code, out = owners("--bank", str(bank))
    target = repo / ".github" / "CODEOWNERS"
    assert (code, out) == (0, f"wrote {target}: 2 files owned\n")
    parsed = CodeOwners(target.read_text(encoding="utf-8"))
    assert parsed.of("bank/journeys/top.yaml") == [("TEAM", "@city/core"), ("USERNAME", "@lead-designer")]
    assert parsed.of("bank/journeys/mid.yaml") == [("TEAM", "@city/housing")]
    assert parsed.of("bank/journeys/detailed.yaml") == []  # no team
    assert owners("--bank", str(bank), "--check") == (0, f"✓ {target}: up to date (2 files owned)\n")


def test_check_fails_when_a_team_changes_and_hand_lines_are_kept(tmp_path: Path, levels_bank: Path) -> None:
    repo, bank = git_repo_with_bank(tmp_path, levels_bank)
    target = repo / ".github" / "CODEOWNERS"
    target.parent.mkdir()
    target.write_text("# our own\n* @city/admins\n", encoding="utf-8")
    assert owners("--bank", str(bank))[0] == 0
    teams = bank / "vocabulary" / "teams.yaml"
    teams.write_text(teams.read_text().replace("'@city/housing'", "'@city/homes'"), encoding="utf-8")
    before = target.read_text(encoding="utf-8")
    code, out = owners("--bank", str(bank), "--check")
    assert code == 1 and out.endswith("out of date; run `journeyops owners` and commit the result\n")
    assert target.read_text(encoding="utf-8") == before
    assert owners("--bank", str(bank))[0] == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# our own\n* @city/admins\n\n" + BEGIN + "\n")
    parsed = CodeOwners(text)
    assert parsed.of("bank/journeys/mid.yaml") == [("TEAM", "@city/homes")]
    assert parsed.of("README.md") == [("TEAM", "@city/admins")]


def test_without_handles_it_says_what_to_add(levels_bank: Path) -> None:
    code, out = owners("--bank", str(levels_bank))
    assert code == 2
    assert "no team has `handles:`" in out


def test_paths_with_spaces_match_only_themselves(tmp_path: Path, levels_bank: Path) -> None:
    repo, bank = git_repo_with_bank(tmp_path, levels_bank)
    (bank / "journeys" / "top.yaml").rename(bank / "journeys" / "top level #1.yaml")
    assert owners("--bank", str(bank))[0] == 0
    parsed = CodeOwners((repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    assert parsed.of("bank/journeys/top level #1.yaml")[0] == ("TEAM", "@city/core")
    assert parsed.of("bank/journeys/top level") == []


def test_merged_replaces_only_the_block() -> None:
    block = f"{BEGIN}\n/a.yaml @x\n{END}\n"
    old = f"top\n{BEGIN}\n/old.yaml @y\n{END}\nbottom\n"
    assert merged(old, block) == f"top\n{block}bottom\n"
    assert merged("", block) == block
    assert merged("x", block) == f"x\n\n{block}"


def test_a_bad_handle_is_a_finding(levels_bank: Path) -> None:
    from journeyops_cli.pipeline import validate

    (levels_bank / "vocabulary" / "teams.yaml").write_text(
        "kind: Team\nid: core\ntitle: Core\nhandles: [city-core]\n", encoding="utf-8")
    result = validate(levels_bank)
    found = [(f.path, f.line, f.code) for f in result.findings if f.path == "vocabulary/teams.yaml"]
    assert found == [("vocabulary/teams.yaml", 4, "JO020")] or found[0][1] == 4
