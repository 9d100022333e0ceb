"""Opportunities: the development backlog, tied to journey steps and evidence."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from journeyops_cli.models.base import ANY, PlainText, Record, Slug, StepRef, Strict, Text

OpportunityStatus = Literal["idea", "proposed", "planned", "in-progress", "done", "rejected"]
NonNegative = Annotated[float, Field(ge=0)]
Positive = Annotated[float, Field(gt=0)]


class Estimates(Strict):
    """Estimates a team typed in; scoring models use the ones they need."""

    reach: NonNegative | None = None
    """Customers affected per year."""
    impact: NonNegative | None = None
    """Effect on each customer: 0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive."""
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None
    """How sure the team is of these estimates, from 0 to 1."""
    effort: Positive | None = None
    """Work needed, in person-months."""
    ease: Annotated[float, Field(ge=1, le=10)] | None = None
    """How easy it is to do, from 1 to 10 (ICE)."""
    business_value: NonNegative | None = None
    """User and business value, relative (WSJF, Fibonacci scale)."""
    time_criticality: NonNegative | None = None
    """How much value decays with delay, relative (WSJF)."""
    risk_reduction: NonNegative | None = None
    """Risk reduction or opportunity enablement, relative (WSJF)."""
    job_size: Positive | None = None
    """Size of the job, relative (WSJF)."""


class DeliveryItem(Strict):
    """Where the work on an opportunity is tracked: an issue, a work item, a project."""

    key: PlainText
    """The item's key in its tracker (`HEL-123`, `AB#4567`, a project code)."""
    url: PlainText | None = None
    """A link to the item (http or https)."""
    title: Text | None = None
    """What the item is called, when it says more than the key."""


class Opportunity(Record):
    """A development opportunity: a problem on the journey and an idea to fix it."""

    KIND: ClassVar[str] = "Opportunity"
    REFERENCES: ClassVar[tuple[tuple[tuple[str, ...], str], ...]] = (
        (("team",), "Team"),
        (("steps", ANY), "step"),
        (("insights", ANY), "Insight"),
        (("metrics", ANY), "Metric"),
    )
    kind: Literal["Opportunity"]
    """Always `Opportunity`."""
    title: Text
    """The opportunity in one line."""
    problem: Text
    """The customer's problem, as the journey shows it."""
    idea: Text | None = None
    """What could be done about it."""
    status: OpportunityStatus = "idea"
    """`idea`, `proposed`, `planned`, `in-progress`, `done` or `rejected`."""
    owner: str | None = None
    """The person or role who drives it."""
    team: Slug | None = None
    """The id of the team that would do it."""
    steps: list[StepRef] = []
    """Journey steps it improves, as `journey-id#step-id`."""
    insights: list[Slug] = []
    """Ids of the insights that are its evidence."""
    metrics: list[Slug] = []
    """Ids of the metrics it should move."""
    estimates: Estimates | None = None
    """The team's own estimates."""
    delivery: list[DeliveryItem] = []
    """The delivery items that carry the work: issues, work items or projects, with links."""
