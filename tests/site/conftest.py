"""Fixtures of the site tests: the fixture bank under tests/site/bank, built once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

BANK = Path(__file__).resolve().parent / "bank"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture bank's site, built once per session (tests must not change it)."""
    from journeyops_cli.site.build import build_site

    out = tmp_path_factory.mktemp("site") / "out"
    build_site(BANK, out)
    return out


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    """A private copy of the fixture bank a test may edit."""
    target = tmp_path / "bank"
    shutil.copytree(BANK, target)
    return target


def search_entries(site: Path, language: str) -> list[dict[str, Any]]:
    """The entries of a built site's search index (`assets/search-LANG.js`), each row
    read back into a mapping of the index's fields (`site/search.rows`)."""
    text = (site / f"assets/search-{language}.js").read_text("utf-8")
    index = json.loads(text.removeprefix("window.JOURNEYOPS_SEARCH = ").removesuffix(";\n"))
    found = []
    for row in index["rows"]:
        entry = dict(zip(index["fields"], row, strict=True))
        entry["kind"] = index["kinds"][entry["kind"]]
        found.append(entry)
    return found
