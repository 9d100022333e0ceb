"""Markdown output against reviewed golden files (regenerate: JOURNEYOPS_UPDATE_GOLDEN=1)."""

from __future__ import annotations

import os

import pytest
from markdown_it import MarkdownIt
from tests.render.helpers import GOLDEN, bank

from journeyops_cli.models import Journey
from journeyops_cli.render.journey_map import build_map
from journeyops_cli.render.journey_page import journey_links, render_markdown

CASES = [
    ("daycare-application", "fi"),
    ("daycare-application", "en"),
    ("application-form", "en"),
    ("service-journey", "fi"),
]


def _render(journey_id: str, language: str, pattern: str = "{id}.md") -> str:
    b = bank()
    journey = b.get(Journey, journey_id)
    assert journey is not None
    return render_markdown(build_map(b, journey, language), journey_links(pattern))


@pytest.mark.parametrize(("journey_id", "language"), CASES)
def test_markdown_matches_golden(journey_id: str, language: str) -> None:
    text = _render(journey_id, language)
    golden = GOLDEN / f"{journey_id}.{language}.md"
    if os.environ.get("JOURNEYOPS_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} missing: run with JOURNEYOPS_UPDATE_GOLDEN=1 and review it"
    assert text == golden.read_text(encoding="utf-8")


def _tables(text: str) -> list[list[int]]:
    """Cells per row of every table, as a GFM parser sees them."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables: list[list[int]] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            tables[-1][-1] += 1
    return tables


def test_map_table_has_a_column_per_step_and_a_row_per_lane() -> None:
    tables = _tables(_render("daycare-application", "en"))
    # header + parent step, 7 lanes, child steps; lane name + 4 steps each
    assert tables == [[5] * 10]


def test_link_pattern_is_a_parameter() -> None:
    text = _render("daycare-application", "en", pattern="../journeys/{id}/index.html")
    assert "[The city service journey](../journeys/service-journey/index.html)" in text
    assert "](service-journey.md)" not in text


def test_journey_without_any_emotion_says_so_instead_of_a_diagram() -> None:
    text = _render("service-journey", "en")
    assert "```mermaid" not in text
    assert "No step of this journey has an emotion recorded." in text
