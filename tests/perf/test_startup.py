"""`--version` and `--help` load only what they need (measured with -X importtime)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pydantic", "ruamel", "jinja2", "rich", "yaml", "markdown_it")


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["validate", "--help"]])
def test_startup_imports_nothing_heavy(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "journeyops_cli", *args],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    imported = {module.split(".")[0] for module in modules}
    assert "journeyops_cli" in imported
    # The core (models, loader, rules, rendering) loads only when a command runs; the one
    # error type (journeyops_cli.errors, which imports nothing) is what the handler catches.
    core = {m for m in modules if m.startswith("journeyops_cli.") and not m.startswith("journeyops_cli.cli")}
    assert sorted(core - {"journeyops_cli.errors"}) == []
    if args != ["validate", "--help"]:  # typer imports pydantic itself to render a command's help
        assert sorted(set(HEAVY) & imported) == []
    if args == ["--version"]:
        assert "typer" not in imported
        assert done.stdout.startswith("journeyops ")
