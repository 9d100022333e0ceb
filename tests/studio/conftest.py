from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from tests.studio.helpers import make_bank

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)


@pytest.fixture()
def bank(tmp_path: Path) -> Path:
    return make_bank(tmp_path)
