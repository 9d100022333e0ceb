"""Insights: the evidence that sits next to the journey."""

from __future__ import annotations

from typing import ClassVar, Literal

from journeyops_cli.models.base import ANY, Date, Record, Slug, StepRef, Text

InsightType = Literal[
    "research",
    "interview",
    "usability-test",
    "survey",
    "feedback",
    "analytics",
    "observation",
    "service-data",
]
Severity = Literal["low", "medium", "high", "critical"]
Confidence = Literal["low", "medium", "high"]


class Insight(Record):
    """Something learned about customers, linked to the journey steps it concerns."""

    KIND: ClassVar[str] = "Insight"
    REFERENCES: ClassVar[tuple[tuple[tuple[str, ...], str], ...]] = (
        (("steps", ANY), "step"),
        (("customer_groups", ANY), "CustomerGroup"),
    )
    kind: Literal["Insight"]
    """Always `Insight`."""
    title: Text
    """The insight in one line."""
    type: InsightType
    """Where the insight comes from."""
    source: str
    """The study, survey, channel or data set it comes from."""
    date: Date
    """When it was observed (YYYY-MM-DD)."""
    summary: Text
    """What was learned; anonymised, no personal data. Markdown without raw HTML."""
    evidence: str | None = None
    """A link to the underlying material (http, https or mailto)."""
    severity: Severity = "medium"
    """How much it hurts customers: `low`, `medium`, `high` or `critical`."""
    confidence: Confidence = "medium"
    """How sure we are: `low`, `medium` or `high`."""
    steps: list[StepRef] = []
    """Journey steps the insight concerns, as `journey-id#step-id`."""
    customer_groups: list[Slug] = []
    """Ids of the customer groups the insight is about."""
    tags: list[str] = []
    """Free keywords."""
