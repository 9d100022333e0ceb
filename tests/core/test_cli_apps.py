"""Each command is its own typer app in its own module of cli/, and the root app adds
every one of them (a module that is not added would be a command nobody can run)."""

from __future__ import annotations

import gc
import importlib
import sys
from pathlib import Path

import pytest
import typer

import journeyops_cli.cli
from journeyops_cli.cli.app import app

# What the commands share (not commands): the error handler, the reader's words, output
# rows, the reading commands' loading, shell completion.
SHARED = {"__init__", "app", "common", "handler", "words", "rows", "reading", "complete"}
COMMAND_MODULES = sorted(
    path.stem for path in Path(journeyops_cli.cli.__file__).parent.glob("*.py") if path.stem not in SHARED
)


def test_every_command_module_has_its_own_app_and_the_root_adds_it() -> None:
    added = {id(info.typer_instance) for info in app.registered_groups}
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"journeyops_cli.cli.{name}")
        assert isinstance(module.app, typer.Typer), name
        assert module.app is not app, name
        assert id(module.app) in added, f"cli/{name}.py is not added in cli/app.py"



def test_the_console_script_leaves_what_a_command_made_to_the_os(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`main` freezes the collector when a command ends, so the interpreter's last
    collection does not walk the bank a command leaves (1 to 2 CPU s after a site build
    at 2,000 journeys); a command's exit code is kept."""
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(sys, "argv", ["journeyops", "--help"])
    with pytest.raises(SystemExit) as done:
        journeyops_cli.cli.main()
    assert done.value.code == 0
    assert frozen == [True]
    assert "Usage" in capsys.readouterr().out
