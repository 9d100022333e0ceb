"""`report --format html`: one offline page that the real clients accept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.tools import run_axe, vnu_check
from typer.testing import CliRunner

from journeyops_cli.cli.app import app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"


@pytest.fixture(scope="module")
def scorecard_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = CliRunner().invoke(app, ["report", "--bank", str(EXAMPLE), "--format", "html", "--today", "2026-12-01"],
                                env={"JOURNEYOPS_NO_CACHE": "1"})
    assert result.exit_code == 0, result.output
    path = tmp_path_factory.mktemp("scorecard") / "scorecard.html"
    path.write_text(result.output, encoding="utf-8")
    return path


def test_the_page_is_valid_html(scorecard_page: Path) -> None:
    assert vnu_check(scorecard_page) == []


def test_the_page_is_accessible_offline_and_has_every_table(page: Any, scorecard_page: Path) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(scorecard_page.as_uri())
    assert requests == [scorecard_page.as_uri()]
    assert page.journeyops_errors == []
    assert page.evaluate("() => document.scripts.length") == 0
    headings = page.locator("h2").all_inner_texts()
    assert headings[0] == "Bank and anchor themes" and headings[-1] == "What needs attention"
    assert page.locator("table").count() == len(headings) - 1
    assert page.locator("tbody th[scope=row]").first.inner_text() == "bank"
    assert run_axe(page, impacts=("minor", "moderate", "serious", "critical")) == []
