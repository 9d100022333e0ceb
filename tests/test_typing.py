"""The package is mypy-clean (types everywhere is a house rule)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_mypy_is_clean() -> None:
    # mypy's own (git-ignored) cache in the repository: a second run checks only what changed.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "src/journeyops_cli"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
