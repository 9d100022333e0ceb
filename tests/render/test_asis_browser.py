"""As-is and to-be in real headless Chromium: the target journey's standalone map and its
site page at 1400 px and 390 px draw both curves (counted), show the legend, never scroll
sideways; axe-core and the Nu HTML Checker find nothing; Mermaid parses the two-section
diagram. Screenshots go to test-artifacts/screenshots/asis/ for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests.render.helpers import BANK, bank
from tests.tools import REPO_ROOT, mermaid_parse, run_axe, vnu_check

from journeyops_cli.models import Journey
from journeyops_cli.pipeline import load_bank
from journeyops_cli.render.i18n import strings
from journeyops_cli.render.journey_map import build_map
from journeyops_cli.render.journey_page import render_html
from journeyops_cli.render.mermaid import journey_diagram

pytestmark = pytest.mark.browser

TARGET = "daycare-application-2030"
EXAMPLE = REPO_ROOT / "examples" / "helsinki"
SHOTS = REPO_ROOT / "test-artifacts" / "screenshots" / "asis"
VIEWPORTS = {"wide": (1400, 1000), "narrow": (390, 844)}
PAGES = ["map-fi.html", "map-en.html", f"site/fi/journeys/{TARGET}.html", f"site/en/journeys/{TARGET}.html"]

SEEN = """() => {
  const se = document.scrollingElement;
  const shown = e => e.getClientRects().length > 0;
  return {
    pageWidth: se.scrollWidth, viewWidth: se.clientWidth,
    toBe: document.querySelectorAll('.lane-emotion .emotion-line line.curve:not(.asis)').length,
    asIs: document.querySelectorAll('.lane-emotion .emotion-line line.curve.asis').length,
    faces: document.querySelectorAll('.lane-emotion .emotion-point').length,
    diamonds: [...document.querySelectorAll('.lane-emotion .asis-point')].filter(shown).length,
    legend: [...document.querySelectorAll('.curve-legend li')].filter(shown).map(e => e.innerText.trim()),
    dashed: [...document.querySelectorAll('.lane-emotion line.curve.asis')]
      .map(e => getComputedStyle(e).strokeDasharray),
    solid: [...document.querySelectorAll('.lane-emotion line.curve:not(.asis)')]
      .map(e => getComputedStyle(e).strokeDasharray),
  };
}"""


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from journeyops_cli.site.build import build_site

    root = tmp_path_factory.mktemp("asis")
    b = bank()
    journey = b.get(Journey, TARGET)
    assert journey is not None
    for language in ("fi", "en"):
        (root / f"map-{language}.html").write_text(render_html(build_map(b, journey, language)), "utf-8")
    build_site(BANK, root / "site")
    return root


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_both_curves_and_the_legend_show_without_sideways_scroll(
    written: Path, chromium_browser: Any, width: str
) -> None:
    size = VIEWPORTS[width]
    context = chromium_browser.new_context(viewport={"width": size[0], "height": size[1]})
    (SHOTS / width).mkdir(parents=True, exist_ok=True)
    try:
        page = context.new_page()
        for rel in PAGES:
            page.goto((written / rel).as_uri(), wait_until="load")
            page.screenshot(path=str(SHOTS / width / (rel.replace("/", "_").removesuffix(".html") + ".png")),
                            full_page=True)
            seen = page.evaluate(SEEN)
            assert seen["pageWidth"] <= seen["viewWidth"], rel
            # To-be: 4 steps, 3 segments, each drawn as two halves; a face on every step.
            assert (seen["toBe"], seen["faces"]) == (6, 4), rel
            # As-is: steps 1, 2 and 4 match; only 1-2 are neighbours (3 is new: the line breaks).
            assert (seen["asIs"], seen["diamonds"]) == (2, 3), rel
            assert all(dash not in ("none", "") for dash in seen["dashed"]), seen["dashed"]
            assert all(dash == "none" for dash in seen["solid"]), seen["solid"]
            assert len(seen["legend"]) == 2, rel
            assert seen["legend"][0] in ("Tavoitetila: yhtenäinen viiva, kasvot", "To-be: solid line, face")
    finally:
        context.close()


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_example_banks_target_map_fits_390_px(tmp_path: Path, page: Any, language: str) -> None:
    """The example's target has long Finnish step titles ("Liitevaatimusten
    tarkistaminen"): the table of both curves wraps them instead of scrolling the page."""
    b = load_bank(EXAMPLE).bank
    journey = b.get(Journey, "daycare-application-2027")
    assert journey is not None and journey.state == "target"
    out = tmp_path / f"map-{language}.html"
    out.write_text(render_html(build_map(b, journey, language)), "utf-8")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(out.as_uri())
    (SHOTS / "narrow").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "narrow" / f"example-{language}.png"), full_page=True)
    seen = page.evaluate(SEEN)
    assert seen["pageWidth"] <= seen["viewWidth"]
    table = page.evaluate("() => { const t = document.querySelector('.curves-table');"
                          " return [t.offsetWidth, t.parentElement.clientWidth]; }")
    assert table[0] <= table[1], table  # the table of both curves fits too: no scrolling inside it
    # 8 to-be steps (7 segments in two halves); 7 steps matched, all neighbours (6 segments).
    assert (seen["toBe"], seen["faces"], seen["asIs"], seen["diamonds"]) == (14, 8, 12, 7)


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_example_banks_target_prints_on_one_a4_landscape_page(tmp_path: Path, page: Any, language: str) -> None:
    """Like every map of up to 8 steps: the legend, the differences and the table of both
    curves in the map's small type, the differences in two columns."""
    b = load_bank(EXAMPLE).bank
    journey = b.get(Journey, "daycare-application-2027")
    assert journey is not None
    out = tmp_path / f"map-{language}.html"
    out.write_text(render_html(build_map(b, journey, language)), "utf-8")
    page.goto(out.as_uri())
    assert page.locator(".journey-changes li").count() == 9  # 1 step added, 3 emotions, 5 pain points gone
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", page.pdf(prefer_css_page_size=True))) == 1


def test_the_current_journeys_site_page_links_its_target(written: Path, page: Any) -> None:
    page.goto((written / "site/en/journeys/daycare-application.html").as_uri())
    link = page.locator(".state-line a")
    assert link.inner_text() == "Applying for a daycare place in 2030"
    assert link.get_attribute("href") == f"{TARGET}.html"
    assert page.locator(".lane-emotion .asis-point").count() == 0


@pytest.mark.parametrize("rel", PAGES[1:3])
def test_axe_finds_no_serious_violation(written: Path, axe_page: Any, rel: str) -> None:
    axe_page.goto((written / rel).as_uri())
    assert run_axe(axe_page) == []


def test_nu_html_checker_finds_no_error(written: Path) -> None:
    assert vnu_check([written / "map-fi.html", written / "site" / "fi" / "journeys"]) == []


def test_mermaid_accepts_the_two_sections(chromium_browser: Any) -> None:
    b = bank()
    journey = b.get(Journey, TARGET)
    assert journey is not None
    diagram = journey_diagram(build_map(b, journey, "en"), strings("en"))
    assert diagram is not None and "  section As-is\n" in diagram
    assert mermaid_parse(chromium_browser, diagram) is None


def test_the_site_marks_target_journeys_in_the_level_tree(written: Path) -> None:
    html = (written / "site/en/levels.html").read_text("utf-8")
    assert (f'<a href="journeys/{TARGET}.html">Applying for a daycare place in 2030</a> '
            '<span class="badge level-mid">Mid journey</span> <span class="badge state-target">To-be</span>') in html
    assert html.count("state-target") == 1
    # every list of journeys (here a customer group's page) says which one is a plan
    group = (written / "site/en/groups/families.html").read_text("utf-8")
    assert (f'<li><a href="../journeys/{TARGET}.html">Applying for a daycare place in 2030</a> '
            '<span class="badge level-mid">Mid journey</span> '
            '<span class="badge state-target">To-be</span></li>') in group
    assert group.count("state-target") == 1
