"""As-is and to-be: a target journey's map draws both emotion curves and the differences
from the current journey it improves (fixture: `daycare-application-2030` improves
`daycare-application` in tests/render/bank)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.render.helpers import BANK, bank

from journeyops_cli.models import Journey
from journeyops_cli.render.i18n import strings
from journeyops_cli.render.journey_map import EmotionChange, PainChange, Ref, build_map
from journeyops_cli.render.journey_page import render_html, render_markdown
from journeyops_cli.render.mermaid import journey_diagram
from journeyops_cli.render.svg import emotion_plot

TARGET = "daycare-application-2030"
CURRENT = "daycare-application"


def _map(journey_id: str, language: str, root: Path = BANK):  # type: ignore[no-untyped-def]
    b = bank(root)
    journey = b.get(Journey, journey_id)
    assert journey is not None
    return build_map(b, journey, language)


def test_the_comparison_matches_steps_by_id() -> None:
    view = _map(TARGET, "en")
    c = view.comparison
    assert view.state == "target" and c is not None
    assert c.current == Ref(CURRENT, "Applying for a daycare place")
    # under the target's four columns: find-information, apply, follow-application (new), start
    assert c.emotions == [0, -1, None, 2]
    assert c.matched == [True, True, False, True]
    assert c.added == [Ref("follow-application", "Following the application")]
    assert c.removed == [Ref("wait", "Waiting for the decision")]
    assert c.emotion_changes == [EmotionChange("Finding information", 0, 1),
                                 EmotionChange("Filling in the application", -1, 1)]
    assert c.pains_gone == [PainChange("Finding information", "Application deadlines are hard to find."),
                            PainChange("Filling in the application", "The form asks for the same data twice.")]
    assert c.pains_new == [PainChange("Following the application", "The status updates only once a day.")]
    assert c.has_changes


def test_the_current_journey_names_its_targets_and_has_no_comparison() -> None:
    view = _map(CURRENT, "fi")
    assert view.state == "current" and view.comparison is None
    assert view.targets == [Ref(TARGET, "Päiväkotipaikan hakeminen 2030")]


def test_emotion_plot_draws_the_as_is_curve_dashed_with_a_diamond() -> None:
    target, asis = [1, 1, 0, 2], [0, -1, None, 2]
    second = str(emotion_plot(target, 1, asis))
    assert second.count('class="curve asis"') == 1  # from the first step; the third has none
    assert second.count('class="curve"') == 2
    assert '<span class="asis-point lvl-m1">' in second
    third = str(emotion_plot(target, 2, asis))  # a new step: no as-is point, the line breaks
    assert 'curve asis' not in third and "asis-point" not in third
    assert "asis" not in str(emotion_plot(target, 1))  # a current journey's plot is as before


@pytest.mark.parametrize(("language", "expected"), [
    ("en", [
        "<p class=\"legend-title\">Emotion curves: as-is and to-be</p>",
        "To-be: solid line, face</li>",
        "As-is (Applying for a daycare place): dashed line, diamond</li>",
        "Steps are matched by id. A new step has no as-is point, so the dashed line breaks there; "
        "removed steps are listed with the differences.",
        "To-be: Good (+1)</span><span class=\"emotion-word asis\">As-is: Bad (-1)</span>",
        "<span class=\"emotion-word asis\">As-is: new step</span>",
        ">Differences from the as-is</h2>",
        "<p>Improves the current journey: Applying for a daycare place</p>",
        "<h3>Steps added (1)</h3>\n<ul class=\"steps-added\"><li>Following the application</li></ul>",
        "<h3>Steps removed (1)</h3>\n<ul class=\"steps-removed\"><li>Waiting for the decision</li></ul>",
        "<li>Finding information: Neutral (0) → Good (+1)</li>",
        "<li>Filling in the application: Bad (-1) → Good (+1)</li>",
        "<h3>Pain points gone (2)</h3>",
        "<li>The status updates only once a day. <span class=\"muted\">(Following the application)</span></li>",
        "<caption>Emotion step by step: as-is and to-be</caption>",
        "<th scope=\"row\">3. Following the application</th><td>Not in the as-is</td><td>Neutral (0)</td>",
    ]),
    ("fi", [
        "<p class=\"legend-title\">Tunnekäyrät: nykytila ja tavoitetila</p>",
        "Tavoitetila: yhtenäinen viiva, kasvot</li>",
        "Nykytila (Päiväkotipaikan hakeminen): katkoviiva, vinoneliö</li>",
        "Tavoitetila: Hyvä (+1)</span><span class=\"emotion-word asis\">Nykytila: Huono (-1)</span>",
        "<span class=\"emotion-word asis\">Nykytila: uusi vaihe</span>",
        ">Erot nykytilaan</h2>",
        "<p>Parantaa nykytilan polkua: Päiväkotipaikan hakeminen</p>",
        "<h3>Uudet vaiheet (1)</h3>",
        "<h3>Poistuvat vaiheet (1)</h3>\n<ul class=\"steps-removed\"><li>Päätöksen odottaminen</li></ul>",
        "<h3>Tunne muuttuu (2)</h3>",
        "<li>Tiedon etsiminen: Neutraali (0) → Hyvä (+1)</li>",
        "<h3>Poistuvat kipukohdat (2)</h3>",
        "<li>Hakuajat ovat vaikeita löytää. <span class=\"muted\">(Tiedon etsiminen)</span></li>",
        "<h3>Uudet kipukohdat (1)</h3>",
        "<caption>Tunne vaiheittain: nykytila ja tavoitetila</caption>",
        "<p class=\"facts-line state-line\">Tavoitetila · Parantaa nykytilan polkua: Päiväkotipaikan hakeminen</p>",
    ]),
])
def test_the_standalone_map_says_the_differences(language: str, expected: list[str]) -> None:
    html = render_html(_map(TARGET, language))
    missing = [text for text in expected if text not in html]
    assert missing == []
    # steps 1-2: one segment, drawn as two halves (the legend's sample is the third)
    assert html.count('class="curve asis" vector-effect') == 2
    assert html.count('class="curve asis"') == 3
    assert len(re.findall(r'<span class="asis-point ', html)) == 3


def test_the_current_journeys_page_links_its_target() -> None:
    html = render_html(_map(CURRENT, "en"))
    assert '<p class="facts-line state-line">Target journeys: Applying for a daycare place in 2030</p>' in html
    assert "curve asis" not in html and "Differences from the as-is" not in html


def test_markdown_has_the_as_is_row_and_the_differences() -> None:
    text = render_markdown(_map(TARGET, "en"))
    assert "- **To-be** · Improves the current journey: [Applying for a daycare place](daycare-application.md)" in text
    assert "| **As-is** | Neutral (0) | Bad (-1) | Not in the as-is | Very good (+2) |" in text
    assert "## Differences from the as-is" in text
    assert "- Filling in the application: Bad (-1) → Good (+1)" in text
    assert "### Steps removed (1)\n\n- Waiting for the decision\n" in text
    current = render_markdown(_map(CURRENT, "fi"))
    assert "- **Tavoitetilan polut:** [Päiväkotipaikan hakeminen 2030](daycare-application-2030.md)" in current


def test_mermaid_draws_the_as_is_section_first() -> None:
    diagram = journey_diagram(_map(TARGET, "fi"), strings("fi"))
    assert diagram == (
        "journey\n"
        "  title Päiväkotipaikan hakeminen 2030\n"
        "  section Nykytila\n"
        "    1. Tiedon etsiminen: 3\n"
        "    2. Hakemuksen täyttäminen: 2\n"
        "    4. Aloitus päiväkodissa: 5\n"
        "  section Tavoitetila\n"
        "    1. Tiedon etsiminen: 4\n"
        "    2. Hakemuksen täyttäminen: 4\n"
        "    3. Hakemuksen seuraaminen: 3\n"
        "    4. Aloitus päiväkodissa: 5\n"
    )


SAME = """kind: Journey
id: {id}
title: {title}
level: top
{extra}steps:
  - id: one
    title: One
    emotion: -1
    pain_points: [Slow]
"""


def _small_bank(tmp_path: Path, extra: str) -> Path:
    (tmp_path / "journeyops.yaml").write_text("name: Small\nlanguages: [en]\n", "utf-8")
    (tmp_path / "now.yaml").write_text(SAME.format(id="now", title="Now", extra=""), "utf-8")
    (tmp_path / "later.yaml").write_text(SAME.format(id="later", title="Later", extra=extra), "utf-8")
    return tmp_path


def test_a_target_like_its_current_journey_says_there_is_no_difference(tmp_path: Path) -> None:
    root = _small_bank(tmp_path, "state: target\nimproves: now\n")
    html = render_html(_map("later", "en", root))
    assert "<p>No differences in steps, emotions or pain points.</p>" in html
    assert "<h3>" not in html.split("Differences from the as-is", 1)[1]


@pytest.mark.parametrize("extra", ["improves: now\n", "state: target\nimproves: nobody\n", "state: target\n"])
def test_no_comparison_without_a_target_naming_a_journey_of_the_bank(tmp_path: Path, extra: str) -> None:
    root = _small_bank(tmp_path, extra)
    view = _map("later", "en", root)
    assert view.comparison is None
    assert 'class="curve-legend"' not in render_html(view)


def test_a_current_journey_naming_improves_is_no_target(tmp_path: Path) -> None:
    """`improves` without `state: target` is JO209's finding; the journey it names does not
    list it among its target journeys."""
    root = _small_bank(tmp_path, "improves: now\n")
    view = _map("now", "en", root)
    assert view.targets == []
    assert "Target journeys" not in render_html(view)


def test_the_parents_map_shows_todays_steps_beneath_it_not_the_plan() -> None:
    """The example bank's daycare-journey: its step 'apply' is elaborated in the current
    daycare-application, not in the to-be daycare-application-2027 that hangs from it too."""
    view = _map("daycare-journey", "en", Path(__file__).resolve().parents[2] / "examples" / "helsinki")
    apply = next(step for step in view.steps if step.id == "apply")
    journeys = {ref.journey_id for ref in apply.child_steps}
    assert "daycare-application" in journeys and "daycare-application-2027" not in journeys
    assert apply.below is not None and "daycare-application-2027" not in {j.id for j in apply.below.journeys}
