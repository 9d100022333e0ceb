"""The one error handler (cli/handler.py): every JourneyopsError a command raises is
printed on stderr — findings, message, hint — and ends the run with its exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from journeyops_cli.cli.app import app
from journeyops_cli.cli.handler import HandledGroup, error_lines
from journeyops_cli.edit import EditError
from journeyops_cli.errors import JourneyopsError
from journeyops_cli.findings import Finding, Severity


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_a_usage_error_of_a_command_is_exit_2_on_stderr(tmp_path: Path) -> None:
    code, out, err = run("validate", "--bank", str(tmp_path / "nowhere"))
    assert (code, out) == (2, "")
    assert err == f"journeyops: error: --bank {tmp_path / 'nowhere'}: no such folder\n"


def test_a_broken_config_prints_its_findings_before_the_message(tmp_path: Path) -> None:
    (tmp_path / "journeyops.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    code, out, err = run("render", "x", "--bank", str(tmp_path))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[-1] == "journeyops: error: journeyops.yaml is not valid YAML"
    assert lines[0].startswith("journeyops.yaml:")
    assert " JO001 [error] " in lines[0]


def test_error_lines_show_findings_hints_and_extra_lines_printable() -> None:
    finding = Finding("JO020", Severity.ERROR, "a.yaml", 3, 5, "bad\nvalue", "fix it", "schema.invalid")
    error = JourneyopsError("first\nsecond \x1b[31m", [finding], hint="try this")
    assert error_lines(error) == [
        "a.yaml:3:5: JO020 [error] bad\\nvalue",
        "    hint: fix it",
        "journeyops: error: first",
        "second \\x1b[31m",
        "    hint: try this",
    ]


def _app_raising(error: Exception) -> typer.Typer:
    raising = typer.Typer(cls=HandledGroup)

    @raising.command()
    def go() -> None:
        raise error

    @raising.command()
    def other() -> None:
        """A second command, so `go` is a subcommand as in journeyops."""

    return raising


@pytest.mark.parametrize(
    ("error", "code", "stderr"),
    [
        (JourneyopsError("no"), 2, "journeyops: error: no\n"),
        (JourneyopsError("later", exit_code=1), 1, "journeyops: error: later\n"),
        (EditError("refused: the file changed"), 1, "journeyops: error: refused: the file changed\n"),
    ],
)
def test_the_handler_exits_with_the_errors_code(error: JourneyopsError, code: int, stderr: str) -> None:
    result = CliRunner().invoke(_app_raising(error), ["go"], env={"NO_COLOR": "1"})
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", stderr)


def test_a_bug_is_not_swallowed_by_the_handler() -> None:
    result = CliRunner().invoke(_app_raising(KeyError("bug")), ["go"])
    assert isinstance(result.exception, KeyError)


def test_on_a_terminal_the_error_label_is_red_and_the_message_plain() -> None:
    result = CliRunner().invoke(_app_raising(JourneyopsError("[bold]no[/bold] :smile:")), ["go"],
                                env={"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm"})
    assert result.exit_code == 2
    assert result.stderr == "journeyops: \x1b[1;31merror:\x1b[0m [bold]no[/bold] :smile:\n"


def test_serve_keeps_serving_when_a_rebuild_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from journeyops_cli.cli.site import rebuilder

    (tmp_path / "journeyops.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    rebuilder(tmp_path, tmp_path / "out")()
    err = capsys.readouterr().err.splitlines()
    assert err[-2:] == [
        "journeyops: error: journeyops.yaml is not valid YAML",
        "journeyops: the site was not rebuilt; fix the error above and save again",
    ]
