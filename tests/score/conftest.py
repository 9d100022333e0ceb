from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from tests.runner import run_cli_bytes

BANK = Path(__file__).parent / "bank"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """The CLI (in process, see tests/runner.py); stdout and stderr as bytes."""
    return run_cli_bytes(*args, cwd=cwd)


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    """A copy of the fixture bank that a test may change."""
    target = tmp_path / "bank"
    shutil.copytree(BANK, target)
    return target
