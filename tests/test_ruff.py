"""`ruff check` (rule set in pyproject.toml) is clean on the whole tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.tools import need

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ["src", "tests", "benchmarks"]


def test_ruff_is_clean_on_the_whole_tree() -> None:
    done = subprocess.run([need("ruff"), "check", "--no-cache", *CLEAN], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
