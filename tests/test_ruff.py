"""`ruff check` (rule set in pyproject.toml) is clean on the parts of the tree that have
been brought to it; the list grows until it is the whole of `src tests benchmarks`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLEAN = [
    "src/journeyops_cli/cli",
    "src/journeyops_cli/errors.py",
    "src/journeyops_cli/lint",
    "src/journeyops_cli/load/codes.py",
    "src/journeyops_cli/rules/registry.py",
    "src/journeyops_cli/rules/source.py",
    "tests/test_architecture.py",
    "tests/test_ruff.py",
    "tests/core/test_error_handler.py",
    "tests/edit/test_format_bank.py",
    "tests/core/test_cli_apps.py",
    "tests/management/test_diff_sides.py",
    "tests/rules/test_registry.py",
    "src/journeyops_cli/diff/sides.py",
    "src/journeyops_cli/owners.py",
    "src/journeyops_cli/edit/format_bank.py",
    "src/journeyops_cli/score/answer.py",
    "src/journeyops_cli/site/build.py",
    "src/journeyops_cli/site/errors.py",
    "src/journeyops_cli/site/gather.py",
    "src/journeyops_cli/site/plan.py",
    "src/journeyops_cli/site/jobs.py",
    "src/journeyops_cli/site/processes.py",
    "src/journeyops_cli/site/write.py",
    "src/journeyops_cli/site/history.py",
    "src/journeyops_cli/render/catalogue.py",
    "src/journeyops_cli/render/i18n.py",
    "tests/site/test_site_personal_data.py",
    "tests/render/test_catalogue.py",
    "tests/rules/test_privacy_hints.py",
]


def _ruff() -> list[str] | None:
    found = shutil.which("ruff")
    if found:
        return [found]
    done = subprocess.run([sys.executable, "-m", "ruff", "--version"], capture_output=True)
    return [sys.executable, "-m", "ruff"] if done.returncode == 0 else None


def test_ruff_is_clean_where_the_tree_has_been_brought_to_it() -> None:
    ruff = _ruff()
    if ruff is None:
        if os.environ.get("CI"):
            pytest.fail("ruff is not installed (it is in the test extra)")
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    done = subprocess.run([*ruff, "check", "--no-cache", *CLEAN], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
