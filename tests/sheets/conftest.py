"""Fixtures of the spreadsheet tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.sheets.helpers import copy_bank


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """A copy of the example bank."""
    return copy_bank(tmp_path)
