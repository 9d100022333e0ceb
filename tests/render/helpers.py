"""Shared fixtures of the render tests: the fixture banks and a CLI runner."""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

from tests import runner

from journeyops_cli.bank import Bank
from journeyops_cli.pipeline import load_bank

HERE = Path(__file__).resolve().parent
BANK = HERE / "bank"
HOSTILE = HERE / "hostile"
GOLDEN = HERE / "golden"


@cache
def bank(root: Path = BANK) -> Bank:
    loaded = load_bank(root)
    assert loaded.findings == [], loaded.findings
    return loaded.bank


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return runner.run_cli(*args, cwd=cwd)
