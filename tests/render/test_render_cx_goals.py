"""CX goals per step (`steps[].cx_goals`): the map, Markdown and HTML show them as a lane."""

from __future__ import annotations

from pathlib import Path

from tests.render.helpers import bank

from journeyops_cli.render.journey_page import render_journey

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"
GOAL_FI = "Hakija näkee yhdellä sivulla, täyttyvätkö ehdot."
GOAL_EN = "Applicants see on one page whether they meet the conditions."


def test_markdown_has_a_cx_goals_lane_in_the_banks_language() -> None:
    text = render_journey(bank(EXAMPLE), "startup-grant-application", "md", "fi")
    row = next(line for line in text.splitlines() if line.startswith("| **Asiakaskokemuksen tavoitteet** |"))
    assert row.split(" | ")[1] == GOAL_FI


def test_html_has_a_cx_goals_lane() -> None:
    text = render_journey(bank(EXAMPLE), "startup-grant-application", "html", "en")
    assert '<th scope="row" id="startup-grant-application--lane-cx_goals" class="lane-head">' in text
    assert "<span>CX goals</span></span></th>" in text
    assert f"<li>{GOAL_EN}</li>" in text


def test_no_lane_when_no_step_has_goals() -> None:
    text = render_journey(bank(EXAMPLE), "daycare-application", "html", "en")
    assert '<tr class="lane lane-cx_goals">' not in text
