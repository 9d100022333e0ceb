"""The journey map a CX team would present (issue 15), in real headless Chromium on the
example bank in Finnish, Swedish and English: at 1400×1000 and 390×844 no page scrolls
sideways, every step header's centre is within 8 px of its emotion point, every step can be
reached; axe-core finds no violation at any impact; the Nu HTML Checker finds no error; a
6-step and an 8-step map print on one A4 landscape page from the standalone map and from
the site. Screenshots go to test-artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests.site.map_bank import LONG, make_bank
from tests.tools import REPO_ROOT, run_axe, vnu_check

pytestmark = pytest.mark.browser

SHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
VIEWPORTS = {"wide": (1400, 1000), "narrow": (390, 844)}
JOURNEYS = ["service-journey", "daycare-journey", "daycare-application", LONG]
# One page of every kind; the journey pages in every language.
PAGES = [
    *(f"{lang}/journeys/{j}.html" for lang in ("fi", "sv", "en") for j in JOURNEYS),
    "fi/index.html", "sv/levels.html", "fi/insights/index.html", "sv/insights/an-daycare-form-drop-off.html",
    "fi/metrics.html", "fi/backlog.html", "sv/opportunities/attachment-requirement-upfront.html",
    "fi/themes/varhaiskasvatus.html", "fi/search.html",
    # The playbook: a chapter with long code blocks, a Swedish chapter and the contents.
    "fi/guide/journey-levels.html", "sv/guide/evidence.html", "en/guide/index.html",
]
IMPACTS = ("minor", "moderate", "serious", "critical")

MEASURE = """() => {
  const se = document.scrollingElement;
  const centre = e => { const r = e.getBoundingClientRect(); return r.left + r.width / 2; };
  return {
    pageWidth: se.scrollWidth, viewWidth: se.clientWidth,
    heads: [...document.querySelectorAll('.journey-map .step-head')].map(centre),
    points: [...document.querySelectorAll('.journey-map .emotion-point')].map(centre),
  };
}"""

LAST_STEP_REACHABLE = """() => {
  const frame = document.querySelector('.map-scroll');
  frame.scrollLeft = frame.scrollWidth;
  const heads = document.querySelectorAll('.journey-map .step-head');
  const last = heads[heads.length - 1].getBoundingClientRect();
  const box = frame.getBoundingClientRect();
  return last.right <= box.right + 1 && last.left >= box.left;
}"""


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example bank's site in three languages, and standalone maps of 6 and 8 steps."""
    from journeyops_cli.pipeline import load_bank, load_config
    from journeyops_cli.render.journey_page import render_journey
    from journeyops_cli.site.build import build_site
    from journeyops_cli.site.links import published_links

    root = tmp_path_factory.mktemp("map")
    bank = make_bank(root / "bank")
    build_site(bank, root / "site")
    loaded = load_bank(bank, load_config(bank))
    maps = root / "maps"
    maps.mkdir()
    for journey in ("daycare-journey", LONG):
        link = published_links("https://palvelupolut.example.fi/", "fi")
        html = render_journey(loaded.bank, journey, "html", "fi", link)
        (maps / f"{journey}.html").write_text(html, "utf-8")
    return {"site": root / "site", "maps": maps}


def _page(chromium_browser: Any, size: tuple[int, int]) -> Any:
    context = chromium_browser.new_context(viewport={"width": size[0], "height": size[1]})
    context.set_default_timeout(15_000)
    return context


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_every_page_fits_its_width_and_the_map_lines_up(
    example: dict[str, Path], chromium_browser: Any, width: str
) -> None:
    context = _page(chromium_browser, VIEWPORTS[width])
    (SHOTS / width).mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    try:
        page = context.new_page()
        targets = [(rel, example["site"] / rel) for rel in PAGES]
        targets += [(f"render/{p.name}", p) for p in sorted(example["maps"].iterdir())]
        for rel, path in targets:
            page.goto(path.as_uri(), wait_until="load")
            seen = page.evaluate(MEASURE)
            page.screenshot(path=str(SHOTS / width / (rel.replace("/", "_").removesuffix(".html") + ".png")))
            if seen["pageWidth"] > seen["viewWidth"]:
                problems.append(f"{rel}: the page scrolls sideways ({seen['pageWidth']} > {seen['viewWidth']} px)")
            if "journeys/" in rel or rel.startswith("render/"):
                assert seen["heads"] and len(seen["heads"]) == len(seen["points"]), rel
                off = [round(abs(h - p)) for h, p in zip(seen["heads"], seen["points"], strict=True)]
                if max(off) > 8:
                    problems.append(f"{rel}: emotion points off their step columns by {off} px")
                if not page.evaluate(LAST_STEP_REACHABLE):
                    problems.append(f"{rel}: the last step cannot be scrolled into the map's frame")
    finally:
        context.close()
    assert problems == []


def test_the_map_is_keyboard_reachable_and_near_the_top(example: dict[str, Path], chromium_browser: Any) -> None:
    context = _page(chromium_browser, VIEWPORTS["wide"])
    try:
        page = context.new_page()
        page.goto((example["site"] / "fi/journeys/daycare-journey.html").as_uri())
        frame = page.locator(".map-scroll")
        assert frame.get_attribute("tabindex") == "0"
        assert frame.bounding_box()["y"] < 320  # the map starts in the first screenful
        assert page.locator(".map-hint").inner_text() == "6 vaihetta: vieritä karttaa sivusuunnassa nähdäksesi kaikki."
        assert page.locator(".phase-band th.phase").all_inner_texts() == [
            "Löydettävyys", "Asiointi", "Käsittely", "Asiakkuus"]
        assert page.locator(".from-below .below-head").inner_text().startswith("Alemmilta tasoilta")
        down = page.locator(".lane-below_journeys a").first
        assert down.get_attribute("href").startswith("daycare-")
        summary = page.locator(".lane-insights details summary").first
        summary.focus()
        page.keyboard.press("Enter")
        assert page.locator(".lane-insights details").first.get_attribute("open") is not None
    finally:
        context.close()


@pytest.mark.parametrize("rel", ["fi/journeys/daycare-journey.html", "sv/journeys/service-journey.html",
                                 f"en/journeys/{LONG}.html", "fi/backlog.html", "fi/index.html",
                                 "sv/opportunities/attachment-requirement-upfront.html", "fi/metrics.html",
                                 "fi/insights/index.html", "render/daycare-journey.html", "sv/levels.html",
                                 "fi/themes/varhaiskasvatus.html", "fi/search.html",
                                 "sv/insights/an-daycare-form-drop-off.html", "fi/guide/journey-levels.html",
                                 "sv/guide/evidence.html"])
def test_axe_finds_no_violation_at_any_impact(example: dict[str, Path], axe_page: Any, rel: str) -> None:
    path = example["maps"] / rel.removeprefix("render/") if rel.startswith("render/") else example["site"] / rel
    axe_page.goto(path.as_uri())
    assert run_axe(axe_page, impacts=IMPACTS) == []


@pytest.mark.parametrize("rel", ["maps/daycare-journey.html", f"maps/{LONG}.html",
                                 "site/fi/journeys/daycare-journey.html", f"site/sv/journeys/{LONG}.html"])
def test_a_map_of_up_to_8_steps_prints_on_one_a4_landscape_page(
    example: dict[str, Path], page: Any, rel: str
) -> None:
    folder, _, rest = rel.partition("/")
    page.goto((example[folder] / rest).as_uri())
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1


def test_the_page_count_would_see_two_pages(page: Any) -> None:
    page.set_content('<p>one</p><p style="break-before: page">two</p>')
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", page.pdf())) == 2


def test_nu_html_checker_finds_no_error(example: dict[str, Path]) -> None:
    assert vnu_check([example["site"], example["maps"]]) == []


def test_the_backlog_filters_by_theme_team_and_status(example: dict[str, Path], chromium_browser: Any) -> None:
    context = _page(chromium_browser, VIEWPORTS["wide"])
    try:
        page = context.new_page()
        page.goto((example["site"] / "en/backlog.html").as_uri())
        rows = page.locator("#backlog-table tbody tr")
        total = rows.count()
        assert page.locator("#backlog-nojs").is_hidden()
        assert page.locator("#backlog-count").inner_text() == f"{total} of {total} opportunities shown"
        page.select_option("#b-status", "planned")
        planned = page.locator("#backlog-table tbody tr[data-status=planned]").count()
        assert 0 < planned < total
        assert page.locator("#backlog-table tbody tr:visible").count() == planned
        assert page.locator("#backlog-count").inner_text() == f"{planned} of {total} opportunities shown"
        page.select_option("#b-status", "")
        page.select_option("#b-theme", "varhaiskasvatus")
        themed = page.locator("#backlog-table tbody tr:visible")
        assert 0 < themed.count() < total
        assert all("varhaiskasvatus" in (t or "").split() for t in
                   [themed.nth(i).get_attribute("data-theme") for i in range(themed.count())])
    finally:
        context.close()
