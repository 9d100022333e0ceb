"""A small three-level bank for the roll-up and the scorecard."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.core.helpers import make_bank

FILES = {
    "themes/living.yaml": """
        kind: Theme
        id: living
        title: Living
    """,
    "journeys/top.yaml": """
        kind: Journey
        id: city
        level: top
        title: City journey
        status: active
        reviewed: 2026-01-10
        owner: Lead
        team: core
        steps:
          - id: find
            title: Find
            emotion: 0
          - id: use
            title: Use
    """,
    "journeys/mid.yaml": """
        kind: Journey
        id: housing
        level: mid
        title: Housing
        theme: living
        parent: city
        status: active
        owner: Designer
        steps:
          - id: search
            title: Search
            parent_step: find
            emotion: -1
            pain_points: [Too many sites]
          - id: apply
            title: Apply
            parent_step: find
            metrics: [wait-days]
    """,
    "journeys/detailed.yaml": """
        kind: Journey
        id: rental
        level: detailed
        title: Rental application
        theme: living
        parent: housing
        steps:
          - id: form
            title: Fill in the form
            parent_step: apply
            emotion: -2
            pain_points: [Form times out, Attachments fail]
    """,
    "vocabulary/teams.yaml": """
        kind: Team
        id: core
        title: Core team
    """,
    "insights/all.yaml": """
        kind: Insight
        id: timeout
        title: The form times out
        type: usability-test
        source: Test round 3
        date: 2026-09-01
        summary: Five of six lost their answers.
        severity: high
        steps: [rental#form]
        ---
        kind: Insight
        id: old-survey
        title: Sites are hard to find
        type: survey
        source: Survey 2019
        date: 2019-05-01
        summary: Many did not find the right site.
        steps: [housing#search, rental#form]
    """,
    "metrics/wait.yaml": """
        kind: Metric
        id: wait-days
        title: Days to a decision
        unit: days
        direction: decrease
        target: 30
        observations:
          - {date: 2026-03-31, value: 40}
          - {date: 2026-06-30, value: 35}
    """,
    "opportunities/save.yaml": """
        kind: Opportunity
        id: autosave
        title: Save the form as you go
        problem: Answers are lost
        status: planned
        steps: [rental#form]
        insights: [timeout]
        ---
        kind: Opportunity
        id: portal
        title: One portal
        problem: Too many sites
        status: done
        steps: [housing#search]
    """,
}


@pytest.fixture()
def levels_bank(tmp_path: Path) -> Path:
    return make_bank(tmp_path / "bank", FILES, "name: Levels\nlanguages: [en]\n")
