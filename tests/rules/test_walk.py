"""Which fields the privacy scan reads: every field that can hold free text, and none of
the ids, references and fixed choices (their values are checked patterns)."""

from __future__ import annotations

import re

from journeyops_cli.models import Insight, Journey, Metric, Opportunity, Team
from journeyops_cli.models.journey import Step
from journeyops_cli.rules.walk import _free_names, matching_strings


def test_free_text_fields_per_model() -> None:
    assert _free_names(Insight) == ("title", "source", "summary", "evidence", "tags")
    assert _free_names(Journey) == ("title", "description", "owner", "reviews", "cx_goals", "steps")
    assert _free_names(Step) == ("title", "description", "cx_goals", "touchpoints", "customer_actions", "pain_points")
    assert _free_names(Metric) == ("title", "description", "unit", "source", "observations")
    assert _free_names(Opportunity) == ("title", "problem", "idea", "owner", "estimates", "delivery")
    assert _free_names(Team) == ("title", "description", "contact", "members", "handles")


def test_free_text_only_skips_references_but_not_text() -> None:
    insight = Insight.model_validate(
        {
            "kind": "Insight", "id": "call-040", "title": {"fi": "Soita 040 123 4567", "en": "Call"},
            "type": "interview", "source": "haastattelu 2026", "date": "2026-01-02",
            "summary": "x", "steps": ["journey-100#step-200"], "customer_groups": ["group-300"],
            "tags": ["tag 400"],
        }
    )
    digits = re.compile(r"\d\d\d").search
    every = [path for path, _ in matching_strings(insight, digits)]
    free = [path for path, _ in matching_strings(insight, digits, free_text_only=True)]
    assert ("steps", 0) in every and ("customer_groups", 0) in every and ("id",) in every
    assert free == [("title", "fi"), ("source",), ("tags", 0)]
