"""Fixtures of the CLI tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example bank that the module's tests only read (shared by them)."""
    target = tmp_path_factory.mktemp("example") / "bank"
    shutil.copytree(EXAMPLE, target)
    return target
