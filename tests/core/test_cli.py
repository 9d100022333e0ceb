"""`journeyops validate` as a user and CI run it: exit codes, formats. Most runs are in
process (tests/runner.py); the ones marked `process=True` start the real command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.core.helpers import CORE_BANK, make_bank, run_cli

from journeyops_cli import __version__


@pytest.fixture()
def bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(CORE_BANK, target)
    return target


def break_detailed_step(bank: Path) -> None:
    path = bank / "journeys" / "daycare-application.yaml"
    text = path.read_text().replace("    emotion: -1\n", "    emotion: -5\n    chanels: [web]\n")
    path.write_text(text)


def test_version() -> None:
    result = run_cli("--version", process=True)
    assert (result.returncode, result.stdout) == (0, f"journeyops {__version__}\n")


def test_clean_bank_prints_one_line(bank: Path) -> None:
    result = run_cli("validate", cwd=bank, process=True)
    assert result.returncode == 0
    assert result.stdout == "✓ 6 files, 11 records checked: no problems found\n"


def test_bank_is_found_from_a_subfolder(bank: Path) -> None:
    result = run_cli("validate", cwd=bank / "journeys")
    assert (result.returncode, result.stdout) == (0, "✓ 6 files, 11 records checked: no problems found\n")


def test_error_in_a_step_three_levels_deep(bank: Path) -> None:
    break_detailed_step(bank)
    result = run_cli("validate", cwd=bank)
    assert result.returncode == 1
    assert result.stdout == (
        "journeys/daycare-application.yaml\n"
        "journeys/daycare-application.yaml:20:14: JO020 [error] 'emotion' must be at least -2, not -5\n"
        "    hint: emotion runs from -2 (very bad) to +2 (very good)\n"
        "journeys/daycare-application.yaml:21:5: JO020 [error] unknown field 'chanels'\n"
        "    hint: did you mean 'channels'?\n"
        "\n"
        "✗ 2 errors in 1 file (6 files, 10 records checked)\n"
    )


def test_paths_are_shown_relative_to_where_the_command_runs(bank: Path) -> None:
    break_detailed_step(bank)
    result = run_cli("validate", "--bank", "bank", cwd=bank.parent)
    assert "bank/journeys/daycare-application.yaml:20:14: JO020" in result.stdout


def test_json_format(bank: Path) -> None:
    break_detailed_step(bank)
    result = run_cli("validate", "--format", "json", cwd=bank)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["summary"] == {
        "files": 6, "records": 10, "errors": 2, "warnings": 0, "info": 0, "failed": True
    }
    assert document["findings"][0] == {
        "code": "JO020",
        "name": "schema.invalid",
        "severity": "error",
        "path": "journeys/daycare-application.yaml",
        "line": 20,
        "column": 14,
        "message": "'emotion' must be at least -2, not -5",
        "hint": "emotion runs from -2 (very bad) to +2 (very good)",
    }


def test_github_format_is_chosen_in_actions_and_escapes(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {"a.yaml": "kind: Team\nid: t\ntitle: T\nnote: 100%\n"})
    result = run_cli("validate", cwd=root, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "::error file=a.yaml,line=4,col=1,title=JO020 schema.invalid::unknown field 'note'%0A"
        "allowed fields here: contact, description, handles, id, kind, members, title"
    )


def test_warnings_pass_unless_fail_on_warning(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {"a.yaml": "kind: Team\nid: t\ntitle: T\n", "empty.yaml": ""})
    result = run_cli("validate", cwd=root)
    assert result.returncode == 0
    assert result.stdout.endswith("! 1 warning in 1 file (2 files, 1 record checked)\n")
    assert run_cli("validate", "--fail-on", "warning", cwd=root).returncode == 1


def test_only_named_files_are_reported_but_references_use_the_whole_bank(bank: Path) -> None:
    break_detailed_step(bank)
    result = run_cli("validate", "insights/feedback.yaml", cwd=bank)
    assert (result.returncode, result.stdout) == (0, "✓ 1 file, 10 records checked: no problems found\n")
    result = run_cli("validate", "journeys", cwd=bank)
    assert result.returncode == 1
    assert "2 errors in 1 file (3 files, 10 records checked)" in result.stdout
    # The bank itself as the path is the whole bank; a folder's name is not a prefix match.
    whole = run_cli("validate", cwd=bank)
    assert run_cli("validate", ".", cwd=bank).stdout == whole.stdout
    assert run_cli("validate", str(bank), cwd=bank.parent).stdout.splitlines()[-1] == whole.stdout.splitlines()[-1]
    (bank / "journeys-old").mkdir()
    (bank / "journeys-old" / "x.yaml").write_text("kind: Team\nid: old\ntitle: Old\n")
    assert "(3 files, 11 records checked)" in run_cli("validate", "journeys/", cwd=bank).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "journeyops: error: --format xml: use one of text, json, github, sarif\n"),
        (["--fail-on", "fatal"],
         "journeyops: error: --fail-on: unknown severity 'fatal'; use one of: error, warning, info\n"),
        (["--select", "JO9999"],
         "journeyops: error: --select: unknown rule, name or group 'JO9999'; `journeyops rules` lists them\n"),
        (["--ignore", "schema.invalidd"],
         "journeyops: error: --ignore: unknown rule, name or group 'schema.invalidd'; "
         "did you mean 'schema.invalid'?\n"),
        (["/"], "journeyops: error: no journeyops.yaml found in / or any folder above it; run the command "
                "inside a journey bank, pass --bank PATH, or create one with `journeyops init`\n"),
    ],
)
def test_usage_errors_exit_2(bank: Path, args: list[str], message: str) -> None:
    result = run_cli("validate", *args, cwd=bank)
    assert (result.returncode, result.stderr) == (2, message)


def test_no_bank_exits_2(tmp_path: Path) -> None:
    result = run_cli("validate", cwd=tmp_path, process=True)
    assert result.returncode == 2
    assert result.stderr.startswith(f"journeyops: error: no journeyops.yaml found in {tmp_path}")


def test_bad_config_exits_2_with_its_place(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {}, config="name: T\nlanguages: finnish\nlimts: {}\n")
    result = run_cli("validate", cwd=root)
    assert result.returncode == 2
    assert result.stderr == (
        "journeyops.yaml:2:12: JO030 [error] 'languages' should be a list, not 'finnish'\n"
        "journeyops.yaml:3:1: JO030 [error] unknown field 'limts'\n"
        "    hint: did you mean 'limits'?\n"
        "journeyops: error: journeyops.yaml has errors\n"
    )


def test_missing_bank_option_folder(tmp_path: Path) -> None:
    result = run_cli("validate", "--bank", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert result.stderr == f"journeyops: error: --bank {tmp_path / 'nope'}: no such folder\n"


@pytest.mark.parametrize(
    ("args", "config", "message"),
    [
        (["--select", "JO2O1"], "",
         "journeyops: error: --select: unknown rule, name or group 'JO2O1'; did you mean 'JO201'?\n"),
        ([], "lint:\n  ignore: [hygeine]\n",
         "journeyops: error: journeyops.yaml:4:12: lint.ignore: unknown rule, name or group 'hygeine'; "
         "did you mean 'hygiene'?\n"),
    ],
)
def test_unknown_rules_are_reported_before_any_file_is_read(
    bank: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], config: str, message: str
) -> None:
    from typer.testing import CliRunner

    import journeyops_cli.pipeline
    from journeyops_cli.cli.app import app

    def read_nothing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the bank was read before the rules were planned")

    monkeypatch.setattr(journeyops_cli.pipeline, "load_bank", read_nothing)
    with (bank / "journeyops.yaml").open("a", encoding="utf-8") as handle:
        handle.write(config)
    result = CliRunner().invoke(app, ["validate", "--bank", str(bank), *args])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


@pytest.mark.parametrize("command", [["report"], ["diff", ".", "."]])
def test_an_unknown_rule_in_the_config_is_exit_2_for_every_command_that_lints(
    bank: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    from typer.testing import CliRunner

    from journeyops_cli.cli.app import app

    with (bank / "journeyops.yaml").open("a", encoding="utf-8") as handle:
        handle.write("lint:\n  ignore: [hygeine]\n")
    monkeypatch.chdir(bank)
    result = CliRunner().invoke(app, command)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "journeyops: error: journeyops.yaml:4:12: lint.ignore: unknown rule, name or group 'hygeine'; "
        "did you mean 'hygiene'?\n"
    )
