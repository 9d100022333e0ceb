"""What lies beneath each step, journey and anchor theme: the roll-up across levels.

A step of a top or mid journey is elaborated by the steps of the journeys below it that
name it as `parent_step`, and those by theirs. The roll-up gathers, for every step, what
is recorded on the step itself (`own`) and on every step beneath it (`below`): insights,
metrics, open opportunities, pain points and emotions. Journeys and anchor themes sum
their steps; target (to-be) journeys are plans and add nothing to the steps above them
or to their theme. It is computed once per Bank (`Bank.rollup()`), and read by `report`, the
renderers and the site: none of them walk the levels themselves, and none changes it (an
`Evidence` of the roll-up is merged into new ones, never into; a step with nothing beneath
it has one object as `own` and `total`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journeyops_cli.models import Insight, Journey, Metric, Opportunity, Step
from journeyops_cli.models.base import Text

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, StepKey

OPEN_STATUSES = ("idea", "proposed", "planned", "in-progress")


@dataclass(slots=True)
class Evidence:
    """Everything recorded on a set of steps, each record once (first seen first)."""

    steps: list[StepKey] = field(default_factory=list)
    insights: dict[str, Insight] = field(default_factory=dict)
    metrics: dict[str, Metric] = field(default_factory=dict)
    opportunities: dict[str, Opportunity] = field(default_factory=dict)
    # Per step (of `steps`): its emotion and its pain points, where it records them.
    emotions: dict[StepKey, int] = field(default_factory=dict)
    pain_points: dict[StepKey, list[Text]] = field(default_factory=dict)
    # Steps (of `steps`) that have an insight or a metric of their own.
    with_insight: set[StepKey] = field(default_factory=set)
    with_metric: set[StepKey] = field(default_factory=set)
    # The keys of `steps` as a set, kept between merges (building it on every merge made
    # gathering a scope's steps quadratic); rebuilt when `steps` was replaced or grew
    # outside `merge`.
    _seen: set[StepKey] = field(default_factory=set, repr=False, compare=False)
    _seen_of: list[StepKey] | None = field(default=None, repr=False, compare=False)
    _seen_count: int = field(default=-1, repr=False, compare=False)

    def add_step(self, bank: Bank, journey: Journey, step: Step) -> None:
        key = (journey.id, step.id)
        self.steps.append(key)
        if step.emotion is not None:
            self.emotions[key] = step.emotion
        if step.pain_points:
            self.pain_points[key] = list(step.pain_points)
        insights = bank.step_insights.get(key, ())
        metrics = bank.step_metrics.get(key, ())
        if insights:
            self.with_insight.add(key)
        if metrics:
            self.with_metric.add(key)
        for insight in insights:
            self.insights.setdefault(insight.id, insight)
        for metric in metrics:
            self.metrics.setdefault(metric.id, metric)
        for opportunity in bank.step_opportunities.get(key, ()):
            self.opportunities.setdefault(opportunity.id, opportunity)

    def merge(self, other: Evidence) -> None:
        """Add what `other` holds; steps and records already here are not counted twice."""
        if self._seen_of is not self.steps or self._seen_count != len(self.steps):
            self._seen = set(self.steps)
        seen = self._seen
        for key in other.steps:
            if key in seen:
                continue
            self.steps.append(key)
            seen.add(key)
            if key in other.emotions:
                self.emotions[key] = other.emotions[key]
            if key in other.pain_points:
                self.pain_points[key] = other.pain_points[key]
            if key in other.with_insight:
                self.with_insight.add(key)
            if key in other.with_metric:
                self.with_metric.add(key)
        self._seen_of, self._seen_count = self.steps, len(self.steps)
        for record_id, insight in other.insights.items():
            self.insights.setdefault(record_id, insight)
        for record_id, metric in other.metrics.items():
            self.metrics.setdefault(record_id, metric)
        for record_id, opportunity in other.opportunities.items():
            self.opportunities.setdefault(record_id, opportunity)

    # --- figures ------------------------------------------------------------------------


    @property
    def worst_emotion(self) -> int | None:
        return min(self.emotions.values(), default=None)

    @property
    def mean_emotion(self) -> float | None:
        values = list(self.emotions.values())
        return sum(values) / len(values) if values else None

    def pain_point_count(self) -> int:
        return sum(len(points) for points in self.pain_points.values())

    def insight_types(self) -> Counter[str]:
        return Counter(insight.type for insight in self.insights.values())


    def open_opportunities(self) -> list[Opportunity]:
        return [o for o in self.opportunities.values() if o.status in OPEN_STATUSES]

    def opportunities_by_status(self) -> Counter[str]:
        return Counter(o.status for o in self.opportunities.values())

    def metric_status(self) -> Counter[str]:
        """How many metrics are `on` target, `off` target, or `unknown`."""
        return Counter(metric.status() for metric in self.metrics.values())


@dataclass(slots=True)
class StepRollup:
    """One step: what is on it (`own`), beneath it (`below`) and both (`total`)."""

    journey: Journey
    step: Step
    own: Evidence
    below: Evidence
    total: Evidence
    children: list[tuple[Journey, Step]]


@dataclass(slots=True)
class Rollup:
    """The roll-up of a whole bank."""

    steps: dict[StepKey, StepRollup]
    journeys: dict[str, Evidence]
    themes: dict[str, Evidence]

    def step(self, journey_id: str, step_id: str) -> StepRollup | None:
        return self.steps.get((journey_id, step_id))

    def journey(self, journey_id: str) -> Evidence:
        return self.journeys.get(journey_id) or Evidence()

    def theme(self, theme_id: str) -> Evidence:
        return self.themes.get(theme_id) or Evidence()


def build(bank: Bank) -> Rollup:
    """The roll-up of `bank`: every step, journey and theme."""
    steps: dict[StepKey, StepRollup] = {}
    visiting: set[StepKey] = set()

    def of(journey: Journey, step: Step) -> StepRollup:
        key = (journey.id, step.id)
        done = steps.get(key)
        if done is not None:
            return done
        own = Evidence()
        own.add_step(bank, journey, step)
        below = Evidence()
        # What lies beneath is today's picture: a target (to-be) journey is a plan, its
        # steps are not rolled up (its own map compares it with the journey it improves).
        children = [child for child in bank.step_children.get(key, []) if child[0].state != "target"]
        visiting.add(key)  # parents that form a cycle are JO203's finding; stop there
        for child_journey, child_step in children:
            if (child_journey.id, child_step.id) in visiting:
                continue
            below.merge(of(child_journey, child_step).total)
        visiting.discard(key)
        if below.steps:
            total = Evidence()
            total.merge(own)
            total.merge(below)
        else:  # nothing beneath (most steps): the total is what is on the step, one object
            total = own
        result = StepRollup(journey, step, own, below, total, list(children))
        steps[key] = result
        return result

    journeys: dict[str, Evidence] = {}
    for journey in bank.journeys():
        evidence = Evidence()
        for step in journey.steps:
            evidence.merge(of(journey, step).total)
        journeys[journey.id] = evidence
    themes: dict[str, Evidence] = {}
    for journey in bank.journeys():
        if journey.theme and journey.state != "target":
            themes.setdefault(journey.theme, Evidence()).merge(journeys[journey.id])
    return Rollup(steps, journeys, themes)
