"""Run the `journeyops` command in-process, in a given folder (typer's CliRunner)."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from journeyops_cli.cli.app import app


def run(*args: str, cwd: Path) -> Result:
    """`journeyops ARGS` run in `cwd`; stdout and stderr apart, exceptions re-raised."""
    before = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    finally:
        os.chdir(before)
    return result
