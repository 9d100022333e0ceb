"""`init` and `new` outcomes and refusals, verbatim."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from tests.runner import run_cli
from tests.tools import need, pre_commit, pre_commit_env


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)


def test_init_refuses_non_empty_folder_and_force_never_overwrites(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "README.md").write_text("mine\n")
    result = run("init", "bank", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: error: bank is not empty; use --force to add the bank's files next to what is "
        "there (existing files are never overwritten)\n"
    )
    assert sorted(p.name for p in bank.iterdir()) == ["README.md"]
    result = run("init", "bank", "--force", cwd=tmp_path)
    assert result.returncode == 0
    assert "   create  bank/journeyops.yaml\n" in result.stdout
    assert " conflict  bank/README.md\n" in result.stdout
    assert "\n1 file(s) already exist with other content and were left alone\n\nNext steps:\n" in result.stdout
    assert (bank / "README.md").read_text() == "mine\n"
    result = run("init", "bank", "--force", cwd=tmp_path)
    assert "identical  bank/journeyops.yaml\n" in result.stdout
    assert (bank / "schemas" / "journey.schema.json").is_file()
    assert ".journeyops_cache/" in (bank / ".gitignore").read_text()
    workflow = (bank / ".github" / "workflows" / "journeyops.yml").read_text()
    assert "journeyops validate --format github" in workflow and "journeyops site build" in workflow


def test_init_dry_run_writes_nothing(tmp_path: Path) -> None:
    result = run("init", "bank", "--dry-run", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.endswith("dry run: nothing was written\n")
    assert not (tmp_path / "bank").exists()


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("new") / "bank"
    assert run("init", str(root), cwd=root.parent).returncode == 0
    assert run("new", "theme", "--title", "Housing", "--no-input", cwd=root).returncode == 0
    return root


def test_new_no_input_names_what_is_missing(bank: Path) -> None:
    result = run("new", "journey", "--title", "X", "--level", "mid", "--no-input", cwd=bank)
    assert result.returncode == 2
    assert result.stderr == (
        "journeyops: error: missing --theme, --parent, --steps (--no-input was given, so nothing is asked)\n"
    )
    result = run("new", "insight", "--no-input", cwd=bank)
    assert result.stderr == (
        "journeyops: error: missing --title, --type, --source, --summary (--no-input was given, "
        "so nothing is asked)\n"
    )
    result = run("new", "theme", "--title", "X", "--level", "top", "--no-input", cwd=bank)
    assert result.returncode == 2
    assert result.stderr == "journeyops: error: --level does not apply to a theme\n"


def test_new_refuses_a_clash_and_unknown_references(bank: Path) -> None:
    result = run("new", "journey", "--title", "Service journey", "--level", "top", "--steps", "A",
                 "--no-input", cwd=bank)
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: error: journey 'service-journey' already exists in "
        "journeys/top/service-journey.yaml; choose another --id or --title\n"
    )
    result = run("new", "journey", "--title", "M", "--level", "mid", "--parent", "service-jorney",
                 "--steps", "A", "--step-parents", "findability", "--no-input", cwd=bank)
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: error: no journey 'service-jorney' in the bank; did you mean 'service-journey'?\n"
    )
    result = run("new", "journey", "--title", "M", "--level", "mid", "--parent", "service-journey",
                 "--theme", "housing", "--steps", "A", "--step-parents", "findabilty", "--no-input", cwd=bank)
    assert result.stderr == (
        "journeyops: error: 'service-journey' has no step 'findabilty'; did you mean 'findability'?\n"
    )


def test_new_dry_run_prints_the_file(bank: Path) -> None:
    result = run("new", "team", "--title", "Asiakaskokemus", "--contact", "Teams: #cx", "--dry-run",
                 "--no-input", cwd=bank)
    assert result.returncode == 0
    assert result.stdout == (
        "# yaml-language-server: $schema=../../schemas/team.schema.json\n"
        "kind: Team\n"
        "id: asiakaskokemus\n"
        "title: Asiakaskokemus\n"
        'contact: "Teams: #cx"\n'
        "would create  vocabulary/teams/asiakaskokemus.yaml\n"
    )
    assert not (bank / "vocabulary" / "teams").exists()


def test_ids_that_yaml_would_read_as_numbers_or_booleans_are_quoted(bank: Path) -> None:
    result = run("new", "journey", "--title", "2024", "--level", "top", "--steps", "1,No", "--dry-run",
                 "--no-input", cwd=bank)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2:8] == [
        'id: "2024"', 'title: "2024"', "level: top", "status: draft", "steps:", '  - id: "1"',
    ]
    assert '  - id: "no"\n    title: "No"\n' in result.stdout


def test_new_record_files_pass_fmt_check(bank: Path) -> None:
    for kind in ("customer-group", "life-event"):
        assert run("new", kind, "--title", f"A {kind}", "--no-input", cwd=bank).returncode == 0
    assert run("new", "metric", "--title", "Online share", "--unit", "%", "--target", "80", "--direction", "increase",
               "--link-step", "service-journey#transaction", "--no-input", cwd=bank).returncode == 0
    result = run("fmt", "--check", cwd=bank)
    assert result.returncode == 0, result.stdout
    assert run("validate", "--fail-on", "warning", cwd=bank).returncode == 0


@pytest.mark.slow
def test_pre_commit_hook_runs_in_a_bank(tmp_path: Path) -> None:
    git = need("git")
    repo = Path(__file__).resolve().parents[2]
    bank = tmp_path / "bank"
    assert run("init", str(bank), cwd=tmp_path).returncode == 0
    subprocess.run([git, "init", "-q"], cwd=bank, check=True)
    subprocess.run([git, "add", "."], cwd=bank, check=True)
    result = pre_commit(
        "try-repo", str(repo), "journeyops-validate", "--all-files",
        cwd=bank, timeout=300, env=pre_commit_env(tmp_path / "pc-home"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "journeyops validate" in result.stdout and "Passed" in result.stdout
