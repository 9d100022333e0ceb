"""The rendered journey in the real clients: Mermaid's parser, Chromium, axe-core, vnu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.render.helpers import BANK, HOSTILE, bank
from tests.tools import mermaid_parse, run_axe, vnu_check
from tests.tools.browser import attach_recorders

from journeyops_cli.models import Journey
from journeyops_cli.render.i18n import strings
from journeyops_cli.render.journey_map import build_map
from journeyops_cli.render.journey_page import map_script, render_html
from journeyops_cli.render.mermaid import journey_diagram

pytestmark = pytest.mark.browser

BLUEPRINT = Path(__file__).resolve().parents[1] / "banks" / "blueprint"  # a bank with lanes of its own
PAGES = [(BANK, "daycare-application", "fi"), (BANK, "application-form", "en"),
         (BANK, "service-journey", "fi"), (HOSTILE, "hostile", "en"), (BLUEPRINT, "parking-permit", "fi")]


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
    # one script, the map's own (render/map.js), as the site appends it to site.js
    assert page.evaluate("() => [...document.scripts].map(s => s.textContent)") == [map_script()[0]]
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
    assert page.evaluate("() => document.querySelectorAll('img, iframe').length") == 0
    assert page.evaluate("() => [...document.scripts].map(s => s.textContent)") == [map_script()[0]]
    hrefs = page.evaluate("() => [...document.querySelectorAll('[href]')].map(a => a.getAttribute('href'))")
    assert all(not h.strip().lower().startswith("javascript") for h in hrefs), hrefs
    header = page.locator("table.journey-map thead th").nth(3).inner_text()
    assert header == "3 </script><script>alert(1)</script>"
    assert page.locator("table.journey-map thead th").count() == 7


def test_the_banks_own_lanes_are_rows_marked_like_the_others(page: Any, pages: dict[str, Path]) -> None:
    """Each own lane is a row with a cell a step and the neutral lane colour on its label
    (the page's own `--lane` background colour once made the mark invisible)."""
    page.goto(pages["parking-permit"].as_uri())
    rows = page.locator(".journey-map tr.lane-own")
    assert rows.count() == 5
    assert [rows.nth(i).locator("td").count() for i in range(5)] == [3] * 5
    mark = "el => getComputedStyle(el).borderLeftColor"
    assert rows.nth(0).locator("th").evaluate(mark) == "rgb(107, 119, 133)"
    assert page.locator(".lane-customer_actions th").evaluate(mark) == "rgb(10, 82, 161)"


def test_vnu_finds_no_errors(pages: dict[str, Path]) -> None:
    assert vnu_check(list(pages.values())) == []


THREE_STEPS = """kind: Journey
id: three-steps
level: top
title: Kolme vaihetta
status: draft
steps:
  - id: first
    title: Ensimmäinen
  - id: second
    title: Toinen
  - id: third
    title: Kolmas
"""
HINT_SHOWN = "() => document.querySelector('.map-hint').getClientRects().length > 0"
FITS = "() => { const f = document.querySelector('.map-scroll'); return f.scrollWidth <= f.clientWidth + 1; }"


@pytest.fixture(scope="module")
def three_steps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("three")
    (root / "journeyops.yaml").write_text("name: Kolme\nlanguages: [fi]\n", "utf-8")
    (root / "three-steps.yaml").write_text(THREE_STEPS, "utf-8")
    path = root / "three-steps.html"
    path.write_text(render_html(_map(root, "three-steps", "fi")), "utf-8")
    return path


@pytest.mark.parametrize(("width", "script", "shown"), [
    (1400, True, False),  # the map fits: its script hides the hint
    (1400, False, True),  # without script the hint stays (progressive enhancement)
    (390, True, True),  # the map scrolls inside its frame: the hint stays
])
def test_the_scroll_hint_shows_only_when_the_map_overflows(
    chromium_browser: Any, three_steps: Path, width: int, script: bool, shown: bool,
) -> None:
    # The page's own CSP is enforced: the script runs because its hash is allowed.
    context = chromium_browser.new_context(viewport={"width": width, "height": 1000}, java_script_enabled=script,
                                           bypass_csp=False)
    try:
        page = attach_recorders(context.new_page())
        page.goto(three_steps.as_uri())
        page.wait_for_timeout(50)
        assert page.journeyops_errors == []
        assert page.locator(".map-hint").inner_text() == "3 vaihetta: vieritä karttaa sivusuunnassa nähdäksesi kaikki."
        if script:
            assert page.evaluate(FITS) is not shown  # the hint follows the frame, not a guess
        assert page.evaluate(HINT_SHOWN) is shown
        if script and not shown:
            page.set_viewport_size({"width": 390, "height": 844})  # narrower: now it scrolls
            page.wait_for_timeout(50)
            assert page.evaluate(HINT_SHOWN) is True
    finally:
        context.close()


def test_a_script_the_csp_does_not_name_is_refused(chromium_browser: Any, three_steps: Path, tmp_path: Path) -> None:
    """Proves the test above can fail: the same page with one character of its script
    changed keeps its hint, and Chromium reports the refused script."""
    text = three_steps.read_text("utf-8").replace("scroller.clientWidth + 1", "scroller.clientWidth + 2")
    changed = tmp_path / "changed.html"
    changed.write_text(text, "utf-8")
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=False)
    try:
        page = attach_recorders(context.new_page())
        page.goto(changed.as_uri())
        page.wait_for_timeout(50)
        assert page.evaluate(HINT_SHOWN) is True
        assert any("Content Security Policy" in error for error in page.journeyops_errors)
    finally:
        context.close()
