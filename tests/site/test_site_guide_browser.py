"""The playbook's pages in headless Chromium: headings in order at both widths, the
navigation reaches it, and the site search finds a chapter. (Width, screenshots and axe
at every impact: `test_site_map_browser.py` takes guide pages too.)"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

HEADINGS = "() => [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map(h => Number(h.tagName[1]))"
WIDTH = "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"


def _headings_in_order_and_no_sideways_scroll(page: Any, pages: list[Path]) -> None:
    assert pages
    for rel in pages:
        page.goto(rel.as_uri())
        levels = page.evaluate(HEADINGS)
        assert levels[0] == 1 and levels.count(1) == 1, rel
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (rel, levels)
        scroll, client = page.evaluate(WIDTH)
        assert scroll <= client, (rel, scroll, client)
    assert page.journeyops_errors == []


@pytest.mark.parametrize("width", [390, 1400])
def test_guide_pages_have_their_headings_in_order_and_fit(built_site: Path, page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    _headings_in_order_and_no_sideways_scroll(page, sorted(built_site.glob("*/guide/*.html")))


@pytest.mark.parametrize("width", [390, 1400])
def test_the_swedish_guide_pages_fit(tmp_path: Path, page: Any, width: int) -> None:
    """Swedish has the longest words (utvecklingsmöjligheterna): they must wrap at 390 px."""
    from tests.runner import run_cli

    bank = tmp_path / "bank"
    assert run_cli("init", str(bank), "--languages", "sv", "--no-git").returncode == 0
    assert run_cli("site", "build", "--bank", str(bank)).returncode == 0
    page.set_viewport_size({"width": width, "height": 900})
    pages = sorted((bank / "site/sv/guide").glob("*.html"))
    assert 'lang="sv"' in pages[0].read_text("utf-8")
    _headings_in_order_and_no_sideways_scroll(page, pages)


def test_the_navigation_and_search_reach_a_chapter(built_site: Path, page: Any) -> None:
    page.goto((built_site / "en/metrics.html").as_uri())
    page.locator(".main-nav a", has_text="Playbook").click()
    page.wait_for_url("**/en/guide/index.html")
    assert page.locator(".main-nav a[aria-current=page]").inner_text() == "Playbook"
    page.locator(".guide-contents a", has_text="Rituals: reviews, retros and the steering forum").click()
    page.wait_for_url("**/en/guide/rituals.html")
    page.goto((built_site / "en/search.html").as_uri())
    page.locator("#q").press_sequentially("steering forum")
    hit = page.locator("#search-results li", has_text="Rituals: reviews, retros and the steering forum")
    assert hit.locator(".meta").inner_text() == "Playbook"
    hit.locator("a").click()
    page.wait_for_url("**/en/guide/rituals.html")
    assert page.journeyops_errors == []
