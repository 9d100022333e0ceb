"""The built site in real headless Chromium (Debian's chromium through Playwright),
opened from file:// with its Content-Security-Policy enforced: pages load cleanly, every
link resolves, search and the language switch work, hostile text stays inert, axe-core
and the Nu HTML Checker find nothing serious."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from tests.tools import run_axe, vnu_check
from tests.tools.browser import attach_recorders

pytestmark = pytest.mark.browser

HOSTILE_PAGES = (
    "en/insights/vihamielinen.html",
    "fi/insights/vihamielinen.html",
    "en/journeys/varhaiskasvatukseen-hakeminen.html",
    "en/insights/index.html",
    "en/search.html?q=hostile",
)


@pytest.fixture(scope="module")
def vnu_errors(built_site: Path) -> Iterator[Future[list[str]]]:
    """The Nu HTML Checker over the whole site, started at once in the background so the
    Java start-up overlaps the browser tests; the last test collects it."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        yield pool.submit(vnu_check, built_site)


@pytest.fixture
def csp_page(chromium_browser: Any) -> Iterator[Any]:
    """A page whose context enforces the site's CSP (the shared fixture bypasses it)."""
    context = chromium_browser.new_context(java_script_enabled=True)
    context.set_default_timeout(15_000)
    try:
        yield attach_recorders(context.new_page())
    finally:
        context.close()


def url(site: Path, rel: str) -> str:
    return (site / rel).as_uri() if "?" not in rel else (site / rel.split("?")[0]).as_uri() + "?" + rel.split("?")[1]


@functools.cache
def ids_in(path: Path) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', path.read_text("utf-8")))


def test_every_page_loads_and_every_link_resolves(
    built_site: Path, csp_page: Any, vnu_errors: Future[list[str]]
) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) == 65  # 45 of the bank, 10 of the playbook (its contents and 9 chapters) per language
    broken: list[str] = []
    for page_file in pages:
        csp_page.goto(page_file.as_uri(), wait_until="load")
        if page_file.parent == built_site:
            csp_page.wait_for_url("**/fi/index.html")  # the root forwards to the default language
            page_file = built_site / "fi/index.html"
        refs = csp_page.evaluate(
            "() => [...document.querySelectorAll('a[href], link[href], script[src]')]"
            ".map(e => e.href || e.src)"
        )
        for ref in refs:
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            assert parts.scheme == "file", (page_file, ref)
            target = Path(unquote(parts.path))
            if not target.is_file():
                broken.append(f"{page_file.relative_to(built_site)} -> {ref}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids_in(target):
                broken.append(f"{page_file.relative_to(built_site)} -> {ref} (no such anchor)")
            assert target.resolve().is_relative_to(built_site.resolve()), ref
    assert broken == []
    assert csp_page.journeyops_errors == []
    assert csp_page.journeyops_dialogs == []


def test_search_finds_a_known_insight(built_site: Path, csp_page: Any) -> None:
    csp_page.goto(url(built_site, "en/journeys/asiointi.html"))
    csp_page.fill("#header-q", "attachment button")
    csp_page.press("#header-q", "Enter")
    csp_page.wait_for_url("**/en/search.html?q=attachment+button")
    result = csp_page.locator("#search-results a").first
    assert result.inner_text() == "Adding attachments confuses"
    assert result.get_attribute("href") == "insights/liitteet-hukassa.html"
    # Two records, then the playbook's chapters that use the words (its example is a
    # daycare application's attachment button too): they come after the records.
    from journeyops_cli.site.guide import guide
    from journeyops_cli.site.search import fold

    chapters = [c.title for c in guide("en").chapters if all(w in fold(c.words) for w in ("attachment", "button"))]
    assert chapters
    assert csp_page.locator("#search-status").inner_text() == f"{2 + len(chapters)} results"
    assert csp_page.locator("#search-results a").all_inner_texts()[2:] == chapters
    # Typing on the search page searches as you type; accents do not matter.
    csp_page.goto(url(built_site, "fi/search.html"))
    csp_page.locator("#q").press_sequentially("liitteiden lisaaminen")
    links = csp_page.locator("#search-results a")
    assert "Liitteiden lisääminen hämmentää" in links.all_inner_texts()
    links.filter(has_text="Liitteiden lisääminen hämmentää").first.click()
    csp_page.wait_for_url("**/fi/insights/liitteet-hukassa.html")
    assert csp_page.journeyops_errors == []


def test_search_finds_a_life_event(built_site: Path, csp_page: Any) -> None:
    csp_page.goto(url(built_site, "en/search.html"))
    csp_page.locator("#q").press_sequentially("child is born")
    result = csp_page.locator("#search-results a").first
    assert result.inner_text() == "A child is born"
    result.click()
    csp_page.wait_for_url("**/en/life-events/lapsen-syntyma.html")
    assert csp_page.locator("h1").inner_text().startswith("A child is born")
    assert csp_page.journeyops_errors == []


def test_language_switch_goes_to_the_same_page(built_site: Path, csp_page: Any) -> None:
    csp_page.goto(url(built_site, "fi/journeys/sahkoinen-hakemus.html"))
    assert csp_page.locator("h1").inner_text().startswith("Sähköinen hakemus")
    csp_page.locator("nav.lang-switch a[hreflang=en]").click()
    csp_page.wait_for_url("**/en/journeys/sahkoinen-hakemus.html")
    assert csp_page.locator("h1").inner_text().startswith("The e-service application")
    assert csp_page.locator("html").get_attribute("lang") == "en"
    csp_page.locator("nav.lang-switch a[hreflang=fi]").click()
    csp_page.wait_for_url("**/fi/journeys/sahkoinen-hakemus.html")


def test_insight_explorer_filters(built_site: Path, csp_page: Any) -> None:
    csp_page.goto(url(built_site, "en/insights/index.html"))
    assert csp_page.locator("#filter-count").inner_text() == "4 of 4 insights shown"
    csp_page.select_option("#f-type", "feedback")
    assert csp_page.locator("#filter-count").inner_text() == "2 of 4 insights shown"
    csp_page.select_option("#f-type", "")
    csp_page.select_option("#f-theme", "asuminen")
    visible = csp_page.locator("#insight-list li:visible a").all_inner_texts()
    assert visible == ["The application form is often abandoned"]
    csp_page.select_option("#f-theme", "")
    csp_page.fill("#f-from", "2025-02-01")
    assert csp_page.locator("#filter-count").inner_text() == "2 of 4 insights shown"
    assert csp_page.journeyops_errors == []


def test_a_group_page_leads_to_its_insights_in_the_explorer(built_site: Path, csp_page: Any) -> None:
    csp_page.goto(url(built_site, "en/groups/lapsiperheet.html"))
    csp_page.locator("a.known-all").click()
    csp_page.wait_for_url("**/en/insights/index.html?group=lapsiperheet")
    assert csp_page.locator("#f-group").input_value() == "lapsiperheet"
    assert csp_page.locator("#filter-count").inner_text() == "3 of 4 insights shown"
    visible = csp_page.locator("#insight-list li:visible a").all_inner_texts()
    assert "The application form is often abandoned" not in visible
    csp_page.select_option("#f-group", "")
    assert csp_page.locator("#filter-count").inner_text() == "4 of 4 insights shown"
    csp_page.goto(url(built_site, "en/insights/index.html?event=lapsen-syntyma&type=feedback"))
    assert csp_page.locator("#f-event").input_value() == "lapsen-syntyma"
    assert csp_page.locator("#filter-count").inner_text() == "2 of 4 insights shown"
    # an id the select does not offer filters nothing
    csp_page.goto(url(built_site, "en/insights/index.html?group=ei-ole"))
    assert csp_page.locator("#f-group").input_value() == ""
    assert csp_page.locator("#filter-count").inner_text() == "4 of 4 insights shown"
    # the metrics page filters by group, event and status, from the address too
    csp_page.goto(url(built_site, "en/metrics.html?event=lapsen-syntyma"))
    assert csp_page.locator("#metrics-count").inner_text() == "2 of 2 metrics shown"
    csp_page.select_option("#m-status", "off_target")
    assert csp_page.locator("#metrics-count").inner_text() == "1 of 2 metrics shown"
    assert csp_page.locator("#metrics-table tbody tr:visible th").all_inner_texts() == [
        "Time to fill in the application\nlower is better"]
    # the backlog reads its filters from the address too
    csp_page.goto(url(built_site, "en/backlog.html?group=lapsiperheet&status=idea"))
    assert csp_page.locator("#backlog-count").inner_text() == "1 of 2 opportunities shown"
    assert csp_page.locator("#backlog-table tbody tr:visible a").all_inner_texts() == [
        "Tracking the application's status"]
    assert csp_page.journeyops_errors == []


def test_without_javascript_everything_is_listed(built_site: Path, chromium_browser: Any) -> None:
    context = chromium_browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url(built_site, "en/insights/index.html"))
        assert page.locator("#insight-list li:visible").count() == 4
        assert page.locator("#insight-filter").is_hidden()
        assert page.locator("#filter-nojs").is_visible()
        page.goto(url(built_site, "en/search.html"))
        assert page.locator("#search-nojs").is_visible()
        page.goto(url(built_site, "en/metrics.html?group=lapsiperheet&status=on_target"))
        assert page.locator("#metrics-table tbody tr:visible").count() == 2
        assert page.locator("#metrics-filter").is_hidden()
        assert page.locator("#metrics-nojs").is_visible()
    finally:
        context.close()


def test_hostile_text_is_shown_as_text_and_nothing_runs(built_site: Path, page: Any) -> None:
    # The shared `page` fixture bypasses the CSP: escaping alone must keep the text inert.
    for rel in HOSTILE_PAGES:
        page.goto(url(built_site, rel))
        page.wait_for_load_state("load")
        assert page.evaluate("() => window.__pwned") is None, rel
        assert page.locator("a[href^='javascript' i]").count() == 0, rel
        assert page.locator("img[src=x]").count() == 0, rel
    page.goto(url(built_site, "en/insights/vihamielinen.html"))
    assert page.locator("h1").inner_text() == "<script>alert(1)</script> Hostile title"
    body = page.locator("main").inner_text()
    assert "<img src=x onerror=alert(1)>" in body
    assert "javascript:alert(1)" in body
    page.goto(url(built_site, "en/search.html?q=hostile"))
    assert page.locator("#search-results a").first.inner_text() == "<script>alert(1)</script> Hostile title"
    assert page.journeyops_dialogs == []
    assert page.journeyops_errors == []


@pytest.mark.parametrize("rel", [
    "fi/index.html",
    "en/journeys/varhaiskasvatukseen-hakeminen.html",
    "en/backlog.html",
    "fi/insights/index.html",
    "en/metrics.html",
])
def test_axe_finds_no_serious_violation(built_site: Path, axe_page: Any, rel: str) -> None:
    axe_page.goto(url(built_site, rel))
    assert run_axe(axe_page) == []


@pytest.mark.parametrize("rel", [
    "en/scorecard.html",
    "fi/scorecard.html",
    "en/index.html",
    "fi/themes/varhaiskasvatus.html",
    "en/teams/varhaiskasvatus-tiimi.html",
    "fi/groups/lapsiperheet.html",
    "en/life-events/lapsen-syntyma.html",
])
def test_scorecard_dashboards_and_vocabulary_pages_have_no_axe_violation_at_all(
    built_site: Path, axe_page: Any, rel: str
) -> None:
    axe_page.goto(url(built_site, rel))
    assert run_axe(axe_page, impacts=("minor", "moderate", "serious", "critical")) == []
    # Every chart is an image with an accessible name that says its values.
    charts = axe_page.locator("svg.chart")
    assert charts.count() > 0 or "/teams/" in rel or "/groups/" in rel or "/life-events/" in rel
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.get_attribute("role") == "img"
        assert ": " in (chart.get_attribute("aria-label") or "")
        assert chart.is_visible()


def test_nu_html_checker_finds_no_error(vnu_errors: Future[list[str]]) -> None:
    assert vnu_errors.result(timeout=300) == []
