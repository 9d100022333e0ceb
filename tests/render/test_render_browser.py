"""The rendered journey in the real clients: Mermaid's parser, Chromium, axe-core, vnu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.render.helpers import BANK, HOSTILE, bank
from tests.tools import mermaid_parse, run_axe, vnu_check

from journeyops_cli.models import Journey
from journeyops_cli.render.i18n import strings
from journeyops_cli.render.journey_map import build_map
from journeyops_cli.render.journey_page import render_html
from journeyops_cli.render.mermaid import journey_diagram

pytestmark = pytest.mark.browser

PAGES = [(BANK, "daycare-application", "fi"), (BANK, "application-form", "en"),
         (BANK, "service-journey", "fi"), (HOSTILE, "hostile", "en")]


def _map(root: Path, journey_id: str, language: str) -> Any:
    b = bank(root)
    journey = b.get(Journey, journey_id)
    assert journey is not None
    return build_map(b, journey, language)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    written = {}
    for root, journey_id, language in PAGES:
        path = folder / f"{journey_id}.html"
        path.write_text(render_html(_map(root, journey_id, language)), encoding="utf-8")
        written[journey_id] = path
    return written


@pytest.mark.parametrize(("root", "journey_id", "language"), PAGES)
def test_mermaid_accepts_the_diagram(chromium_browser: Any, root: Path, journey_id: str, language: str) -> None:
    diagram = journey_diagram(_map(root, journey_id, language), strings(language))
    if journey_id == "service-journey":
        assert diagram is None
        return
    assert diagram is not None
    assert mermaid_parse(chromium_browser, diagram) is None


def test_mermaid_parser_would_catch_a_broken_label(chromium_browser: Any) -> None:
    """Proves the check above can fail: the raw title that mermaid_label neutralises."""
    raw = "journey\n  title x\n  section Emotion\n    1. a: b: 3\n    section Evil: 5\n"
    assert mermaid_parse(chromium_browser, raw) is not None


@pytest.mark.parametrize("journey_id", [p[1] for p in PAGES])
def test_page_loads_clean_and_accessible(page: Any, pages: dict[str, Path], journey_id: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(pages[journey_id].as_uri())
    page.wait_for_timeout(50)
    assert page.journeyops_errors == []
    assert page.journeyops_dialogs == []
    assert requests == [pages[journey_id].as_uri()]  # no external request of any kind
    assert page.evaluate("() => document.scripts.length") == 0
    assert page.locator("table.journey-map").count() == 1
    # The emotion is a lane of the map: a plot and the emotion in words under every step.
    steps = page.locator(".journey-map .step-head").count()
    assert page.locator(".lane-emotion .emotion-plot").count() == steps
    assert page.locator(".lane-emotion .emotion-word").count() == steps
    assert run_axe(page) == []
    page.emulate_media(media="print")
    assert run_axe(page) == []


def test_hostile_text_is_inert_in_the_browser(page: Any, pages: dict[str, Path]) -> None:
    page.goto(pages["hostile"].as_uri())
    assert page.journeyops_dialogs == []
    assert page.evaluate("() => document.querySelectorAll('img, iframe, script').length") == 0
    hrefs = page.evaluate("() => [...document.querySelectorAll('[href]')].map(a => a.getAttribute('href'))")
    assert all(not h.strip().lower().startswith("javascript") for h in hrefs), hrefs
    header = page.locator("table.journey-map thead th").nth(3).inner_text()
    assert header == "3 </script><script>alert(1)</script>"
    assert page.locator("table.journey-map thead th").count() == 7


def test_vnu_finds_no_errors(pages: dict[str, Path]) -> None:
    assert vnu_check(list(pages.values())) == []
