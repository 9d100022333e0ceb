from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BANK = Path(__file__).parent / "bank"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """The real CLI in a subprocess; stdout and stderr as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "journeyops_cli", *args],
        capture_output=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    """A copy of the fixture bank that a test may change."""
    target = tmp_path / "bank"
    shutil.copytree(BANK, target)
    return target
