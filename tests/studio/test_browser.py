"""The studio in Debian's chromium (Playwright): the whole flow with JavaScript off (every
form works without it), axe-core on every studio page, and the add-insight form
completed with the keyboard only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.studio.helpers import git, make_bank, serving
from tests.tools import run_axe

from journeyops_cli.findings import Severity
from journeyops_cli.pipeline import validate

pytestmark = pytest.mark.browser


@pytest.fixture()
def running(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A studio on a free port for a fresh bank: (bank root, the opening link)."""
    root = make_bank(tmp_path)
    with serving(root) as link:
        yield root, link


def _base(link: str) -> str:
    return link.split("/?", 1)[0]


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def _changed_lines(root: Path, rel: str) -> list[str]:
    """The lines `git diff main HEAD` adds and removes in one file."""
    diff = git(root, "diff", "--unified=0", "main", "HEAD", "--", rel)
    return [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def _submit(page: Any, selector: str) -> None:
    """Click and wait for the page the form leads to."""
    with page.expect_navigation():
        page.click(selector)


def test_the_whole_flow_without_javascript(running: tuple[Path, str], chromium_browser: Any) -> None:
    root, link = running
    base = _base(link)
    originals = {
        rel: (root / rel).read_text(encoding="utf-8")
        for rel in ("insights/unlinked.yaml", "journeys/mid/daycare-journey.yaml", "metrics/callback-wait-hours.yaml")
    }
    context = chromium_browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(link)
    assert page.url == f"{base}/"

    # An insight linked to two steps.
    page.goto(f"{base}/new/insight?lang=en")
    page.fill("#f-title_fi", "Maksu on epäselvä")
    page.fill("#f-title_en", "The fee is unclear")
    page.select_option("#f-type", "interview")
    page.fill("#f-source", "Haastattelut 2026")
    page.fill("#f-date", "2026-11-20")
    page.fill("#f-summary_fi", "Perheet eivät ymmärrä maksua.")
    page.fill("#f-summary_en", "Families do not understand the fee.")
    for ref in ("daycare-journey--apply", "daycare-fees--estimate-fee"):
        box = page.locator(f"#steps-{ref}")
        box.locator("xpath=ancestor::details/summary").click()
        box.check()
    _submit(page, "button[type=submit] >> text=Save")
    assert "Saved: insight added" in page.content()

    # Triage three insights onto one step.
    page.goto(f"{base}/triage?lang=en")
    for name in ("one", "two", "three"):
        page.check(f"#insight-fb-unlinked-{name}")
    page.select_option("#f-step", "daycare-journey#wait-for-decision")
    _submit(page, "text=Link selected")
    assert "Every insight is linked to a step." in page.content()

    # An emotion.
    page.goto(f"{base}/journey/daycare-journey/step/wait-for-decision?lang=en")
    page.select_option("#f-emotion", "-1")
    _submit(page, "button[type=submit] >> text=Save")
    assert page.url.endswith("#step-wait-for-decision")

    # An observation.
    page.goto(f"{base}/metric/callback-wait-hours?lang=en")
    page.fill("#f-date", "2026-12-31")
    page.fill("#f-value", "4.1")
    _submit(page, "button[type=submit] >> text=Add an observation")
    assert "2026-12-31" in page.content()

    # A mid journey, its steps' parents from the top journey's map.
    page.goto(f"{base}/new/journey?lang=en")
    page.select_option("#f-pick-parent", "service-journey")
    _submit(page, "text=Go")
    page.fill("#f-title_fi", "Muutto Helsinkiin")
    page.fill("#f-title_en", "Moving to Helsinki")
    page.select_option("#f-theme", "asuminen")
    page.fill("#f-step_title_0", "Find out")
    page.select_option("#f-step_parent_0", "findability")
    page.fill("#f-step_title_1", "Register")
    page.select_option("#f-step_parent_1", "transaction")
    _submit(page, "button[type=submit] >> text=Save")
    assert "Saved: journey added" in page.content()

    # Commit on a new branch.
    page.goto(f"{base}/changes?lang=en")
    assert "insights/unlinked.yaml" in page.content()
    page.fill("#f-message", "Studio: the November feedback")
    page.fill("#f-branch", "studio/november")
    _submit(page, "button[type=submit] >> text=Commit")
    assert re.search(r"Committed [0-9a-f]+\. Pushing is yours: git push\.", page.content())
    context.close()

    assert [f for f in validate(root).findings if f.severity >= Severity.ERROR] == []
    assert git(root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "studio/november"
    assert git(root, "status", "--porcelain") == ""
    changed = git(root, "diff", "--name-status", "main", "HEAD").split("\n")
    assert sorted(filter(None, changed)) == [
        "A\tinsights/maksu-on-epaselva.yaml",
        "A\tjourneys/mid/muutto-helsinkiin.yaml",
        "M\tinsights/unlinked.yaml",
        "M\tjourneys/mid/daycare-journey.yaml",
        "M\tmetrics/callback-wait-hours.yaml",
    ]
    for rel, before in originals.items():
        assert _comments((root / rel).read_text(encoding="utf-8")) == _comments(before), rel
    assert _changed_lines(root, "journeys/mid/daycare-journey.yaml") == ["-    emotion: -2", "+    emotion: -1"]
    assert _changed_lines(root, "metrics/callback-wait-hours.yaml") == ["+  - {date: 2026-12-31, value: 4.1}"]
    assert _changed_lines(root, "insights/unlinked.yaml") == [
        "+steps:", "+  - daycare-journey#wait-for-decision",
    ] * 3
    new = (root / "insights/maksu-on-epaselva.yaml").read_text(encoding="utf-8")
    assert "steps:\n  - daycare-journey#apply\n  - daycare-fees#estimate-fee\n" in new


PAGES = [
    "/", "/?lang=en", "/journey/daycare-journey", "/journey/daycare-journey/step/apply",
    "/journey/daycare-journey/step/apply/remove", "/new/insight", "/triage", "/metrics",
    "/metric/callback-wait-hours", "/new/opportunity", "/new/journey", "/new/journey?parent=daycare-journey",
    "/changes", "/insight/fb-daycare-decision-delay", "/opportunity/decision-date-estimate", "/search?q=päivä",
    "/journey/no-such-journey",  # the not-found page
]


def test_axe_finds_nothing_serious_on_any_studio_page(running: tuple[Path, str], page: Any) -> None:
    root, link = running
    page.goto(link)
    base = _base(link)
    found = {}
    for url in PAGES:
        page.goto(base + url)
        violations = run_axe(page)
        if violations:
            found[url] = [(v["id"], v["help"], [n.get("target") for n in v["nodes"]][:3]) for v in violations]
    # A form answered with a refusal (its message focused): the file changed meanwhile.
    page.goto(base + "/journey/daycare-journey/step/apply?lang=en")
    path = root / "journeys/mid/daycare-journey.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# edited meanwhile\n", encoding="utf-8")
    _submit(page, "button[type=submit] >> text=Save")
    assert "The file changed on disk after this form was opened" in page.content()
    found["refused"] = [v["id"] for v in run_axe(page)]
    # The changes page, with a change to list.
    page.goto(base + "/changes?lang=en")
    assert "journeys/mid/daycare-journey.yaml" in page.content()
    found["changes with a change"] = [v["id"] for v in run_axe(page)]
    assert {url: ids for url, ids in found.items() if ids} == {}
    # The browser reports the two answers that are meant to be errors (404, 409); nothing else.
    expected = re.compile(r"console\.error: Failed to load resource: the server responded with a status of "
                          r"(404 \(Not Found\) \(\S+/journey/no-such-journey|409 \(Conflict\) \(\S+/step/apply)")
    assert [error for error in page.journeyops_errors if not expected.match(error)] == []


def _tab_to(page: Any, selector: str, limit: int = 80) -> None:
    """Press Tab until the element `selector` has the focus."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_the_add_insight_form_with_the_keyboard_only(running: tuple[Path, str], page: Any) -> None:
    root, link = running
    page.goto(link)
    page.goto(_base(link) + "/new/insight?lang=en")
    for selector, text in (("#f-title_fi", "Näppäimistöllä"), ("#f-title_en", "By keyboard"),
                           ("#f-source", "Testi"), ("#f-summary_fi", "Kirjoitettu näppäimistöllä."),
                           ("#f-summary_en", "Typed with the keyboard.")):
        _tab_to(page, selector)
        page.keyboard.type(text)
    _tab_to(page, "#f-type")
    page.keyboard.press("ArrowDown")  # the second type
    summary = "details:has(#steps-daycare-journey--apply) > summary"
    _tab_to(page, summary)
    page.keyboard.press("Enter")
    _tab_to(page, "#steps-daycare-journey--apply")
    page.keyboard.press("Space")
    _tab_to(page, "form button[type=submit]", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/\?lang=en$"))
    assert "Saved: insight added" in page.content()
    text = (root / "insights/nappaimistolla.yaml").read_text(encoding="utf-8")
    assert "steps:\n  - daycare-journey#apply\n" in text
    assert "type: interview" in text
