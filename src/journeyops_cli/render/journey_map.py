"""The typed context of a journey map: everything a template shows about one journey.

Interface for the site (stable):

- `build_map(bank, journey, language) -> JourneyMap` reads the Bank (never files) and picks
  every text in `language`, falling back to the bank's languages in their configured order
  (`models.base.pick_text`). All fields are plain strings, numbers, lists and the small
  frozen dataclasses below, so templates need no bank access and no filters to read them.
  A caller that builds many maps in one language passes one `Made` to all of them: each
  insight's and metric's view is then made once (the site's journey pages).
- Values are *untrusted text*: the templates escape them (HTML autoescape, `md_cell`,
  `mermaid_label`). The one exception is `InsightRef.evidence`, already checked with
  `safe_url` (None when the link is not http, https or mailto).
- A target (to-be) journey whose `improves` names a journey of the bank has a
  `comparison` (`Comparison`: the as-is emotions under its steps, matched by step id, and
  the differences); a journey that target journeys improve lists them in `targets`.
- Enumerations (`level`, `status`, `state`, `channels`, insight `type`/`severity`, opportunity
  `status`) stay as their YAML values; templates translate them with the
  `render.i18n.strings()` keys `level.<v>`, `status.<v>`, `state.<v>`, `channel.<v>`,
  `insight_type.<v>`, `severity.<v>`, `opportunity_status.<v>`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from journeyops_cli.bank import Bank
from journeyops_cli.models import CustomerGroup, Insight, Journey, LifeEvent, Metric, Team, Theme
from journeyops_cli.models.base import Record, pick_text
from journeyops_cli.models.journey import Step
from journeyops_cli.models.lanes import Lanes
from journeyops_cli.render.i18n import quantity
from journeyops_cli.render.safety import safe_url

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
LEVELS = ("top", "mid", "detailed")

Pick = Callable[[str | dict[str, str] | None], str]
"""Picks a text in the map's language."""


@dataclass(frozen=True, slots=True)
class Ref:
    """A linked record: its id (for the link target) and its title (the link text)."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class StepRef:
    """A step of another journey: a parent step, or a child journey's step."""

    journey_id: str
    journey_title: str
    step_id: str
    step_title: str


@dataclass(frozen=True, slots=True)
class InsightRef:
    """An insight linked to a step."""

    id: str
    title: str
    type: str
    severity: str
    date: str
    evidence: str | None
    """The evidence URL when it is http, https or mailto; else None."""


@dataclass(slots=True)
class Made:
    """The views of insights and metrics made already for maps in one language, by id,
    each with the record it was made of (a view serves only that record)."""

    insights: dict[str, tuple[Insight, InsightRef]] = field(default_factory=dict)
    metrics: dict[str, tuple[Metric, MetricRef]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MetricRef:
    """A metric measured at a step, with its latest value against the target."""

    id: str
    title: str
    unit: str
    direction: str | None
    latest: float | None
    latest_date: str | None
    target: float | None
    latest_text: str | None
    """The latest value with its unit, formatted for the language (`72 %`)."""
    target_text: str | None
    on_target: bool | None
    """True or False when the latest value, target and direction are all known."""


@dataclass(frozen=True, slots=True)
class OpportunityRef:
    """An opportunity that improves a step."""

    id: str
    title: str
    status: str


@dataclass(frozen=True, slots=True)
class Below:
    """What lies beneath a step of a top or mid journey, through `parent_step` at every
    level below (the roll-up of `bank.rollup`), for the map's lanes "from below"."""

    journeys: list[Ref]
    """The journeys beneath the step, nearest level first (links down)."""
    insights: list[InsightRef]
    metrics: list[MetricRef]
    opportunities: list[OpportunityRef]
    """Open opportunities (not done or rejected)."""
    pain_points: int
    worst_emotion: int | None
    mean_emotion: float | None


@dataclass(frozen=True, slots=True)
class StepView:
    """One column of the map."""

    number: int
    """1-based position in the journey."""
    id: str
    title: str
    description: str
    """Markdown (render with the `markdown` filter in HTML, `md_cell` in Markdown)."""
    customer_actions: list[str]
    channels: list[str]
    touchpoints: list[str]
    emotion: int | None
    pain_points: list[str]
    insights: list[InsightRef]
    metrics: list[MetricRef]
    opportunities: list[OpportunityRef]
    parent_step: StepRef | None
    """The step of the parent journey that this step elaborates."""
    child_steps: list[StepRef]
    """Steps of child journeys that elaborate this step."""
    below: Below | None = None
    """What lies beneath the step, when any step elaborates it."""
    cx_goals: list[str] = field(default_factory=list)
    """The step's customer-experience goals."""
    own: list[list[str]] = field(default_factory=list)
    """The step's values of the bank's own lanes, one list of texts per lane of
    `JourneyMap.lanes` (in that order; empty where the step gives none): a number with
    its unit in the map's language, a choice by its title."""


@dataclass(frozen=True, slots=True)
class LaneView:
    """One of the bank's own lanes (journeyops.yaml `lanes:`) that a step of the journey
    fills: a row of the map below the built-in ones."""

    id: str
    title: str
    description: str
    type: str
    """`text`, `list`, `number` or `choice`."""


@dataclass(frozen=True, slots=True)
class Phase:
    """The band over consecutive steps that elaborate the same step of the parent journey."""

    step: StepRef | None
    """The parent journey's step; None over steps that name none."""
    span: int


@dataclass(frozen=True, slots=True)
class EmotionChange:
    """A step of both journeys whose emotion differs (either may be unrecorded)."""

    step: str
    """The step's title (in the target journey)."""
    before: int | None
    after: int | None


@dataclass(frozen=True, slots=True)
class PainChange:
    """A pain point that only one of the two journeys has."""

    step: str
    """The title of the step that has it."""
    text: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """A target (to-be) journey set against the current (as-is) journey it improves.

    Steps are matched by id. `emotions` is the as-is curve under the target's columns: a
    target step that the current journey lacks has no as-is point (the as-is line breaks
    there, as it does at an unrecorded emotion); the current journey's steps that the
    target drops have no column and are listed in `removed`. Pain points are matched by
    their text in the map's language (case and spacing ignored), across the journey."""

    current: Ref
    emotions: list[int | None]
    """The as-is emotion under each of the target's steps (None: not in the current
    journey, or not recorded there)."""
    matched: list[bool]
    """Per target step: whether the current journey has a step of the same id."""
    added: list[Ref]
    removed: list[Ref]
    emotion_changes: list[EmotionChange]
    pains_gone: list[PainChange]
    pains_new: list[PainChange]

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.emotion_changes or self.pains_gone or self.pains_new)


@dataclass(frozen=True, slots=True)
class JourneyMap:
    """Everything a journey page shows; see the module docstring."""

    id: str
    language: str
    title: str
    description: str
    level: str
    status: str
    reviewed: str | None
    owner: str | None
    theme: Ref | None
    team: Ref | None
    customer_groups: list[Ref]
    life_events: list[Ref]
    cx_goals: list[str]
    parent: Ref | None
    children: list[Ref]
    steps: list[StepView] = field(default_factory=list)
    state: str = "current"
    """`current` (as-is) or `target` (to-be)."""
    comparison: Comparison | None = None
    """For a target journey whose `improves` names a journey of the bank: the as-is side."""
    targets: list[Ref] = field(default_factory=list)
    """The target journeys that improve this one."""
    lanes: list[LaneView] = field(default_factory=list)
    """The bank's own lanes that a step of this journey fills, in the declared order."""

    @property
    def has_emotion(self) -> bool:
        return any(step.emotion is not None for step in self.steps)

    @property
    def missing_emotion(self) -> bool:
        return any(step.emotion is None for step in self.steps)

    def phases(self) -> list[Phase]:
        """The phase band over the steps, left to right; empty when no step has a parent step."""
        if not any(step.parent_step for step in self.steps):
            return []
        bands: list[Phase] = []
        for step in self.steps:
            if bands and bands[-1].step == step.parent_step:
                bands[-1] = Phase(step.parent_step, bands[-1].span + 1)
            else:
                bands.append(Phase(step.parent_step, 1))
        return bands


def build_map(bank: Bank, journey: Journey, language: str, made: Made | None = None) -> JourneyMap:
    """The map context of `journey`, with texts in `language` (see the module docstring).
    `made` keeps the insights' views made for maps in this language: a site shows each
    insight on its own journey's map and on the maps above it, and makes its view once."""
    made = Made() if made is None else made
    fallback = [lang for lang in bank.config.languages if lang != language]

    def text(value: str | dict[str, str] | None) -> str:
        return pick_text(value, language, fallback)

    def ref(model: type[Theme | Team | CustomerGroup | LifeEvent | Journey], rid: str) -> Ref:
        record = bank.get(model, rid)
        return Ref(rid, text(record.title) if record is not None else rid)

    parent = bank.parent(journey)
    # The parent's steps by id, looked up once per map, not scanned once per step (the
    # first of an id, as `Journey.step` finds it).
    above = {} if parent is None else {own.id: own for own in reversed(parent.steps)}
    steps = [_step(bank, journey, parent, above, step, i, text, language, made)
             for i, step in enumerate(journey.steps, 1)]
    lanes = own_lanes(bank.config.lanes, journey)
    if lanes:
        steps = [
            dataclasses.replace(view, own=own_values(bank.config.lanes, lanes, journey.lanes_of(i), text, language))
            for i, view in enumerate(steps)
        ]
    return JourneyMap(
        id=journey.id,
        language=language,
        title=text(journey.title),
        description=text(journey.description),
        level=journey.level,
        status=journey.status,
        reviewed=journey.reviewed.isoformat() if journey.reviewed else None,
        owner=journey.owner,
        theme=ref(Theme, journey.theme) if journey.theme else None,
        team=ref(Team, journey.team) if journey.team else None,
        customer_groups=[ref(CustomerGroup, g) for g in journey.customer_groups],
        life_events=[ref(LifeEvent, e) for e in journey.life_events],
        cx_goals=[text(goal) for goal in journey.cx_goals],
        parent=Ref(parent.id, text(parent.title)) if parent is not None else None,
        children=[Ref(child.id, text(child.title)) for child in bank.children.get(journey.id, [])],
        steps=steps,
        state=journey.state,
        comparison=_comparison(bank, journey, text),
        targets=[Ref(t.id, text(t.title)) for t in bank.improved_by.get(journey.id, []) if t.state == "target"],
        lanes=[LaneView(lane_id, text(bank.config.lanes[lane_id].title), text(bank.config.lanes[lane_id].description),
                        bank.config.lanes[lane_id].type) for lane_id in lanes],
    )


def _comparison(bank: Bank, journey: Journey, pick: Pick) -> Comparison | None:
    current = bank.get(Journey, journey.improves) if journey.state == "target" and journey.improves else None
    if current is None:
        return None
    before = {step.id: step for step in current.steps}
    after = {step.id for step in journey.steps}
    changes = [
        EmotionChange(pick(step.title), before[step.id].emotion, step.emotion)
        for step in journey.steps
        if step.id in before and before[step.id].emotion != step.emotion
    ]
    was = _pains(current, pick)
    now = _pains(journey, pick)
    return Comparison(
        current=Ref(current.id, pick(current.title)),
        emotions=[before[step.id].emotion if step.id in before else None for step in journey.steps],
        matched=[step.id in before for step in journey.steps],
        added=[Ref(step.id, pick(step.title)) for step in journey.steps if step.id not in before],
        removed=[Ref(step.id, pick(step.title)) for step in current.steps if step.id not in after],
        emotion_changes=changes,
        pains_gone=[change for key, change in was.items() if key not in now],
        pains_new=[change for key, change in now.items() if key not in was],
    )


def _pains(journey: Journey, pick: Pick) -> dict[str, PainChange]:
    """The journey's pain points by their text in the language (case and spacing ignored),
    each with the first step that has it."""
    found: dict[str, PainChange] = {}
    for step in journey.steps:
        for pain in step.pain_points:
            text = pick(pain)
            found.setdefault(" ".join(text.split()).casefold(), PainChange(pick(step.title), text))
    return found


def own_lanes(declared: Lanes, journey: Journey) -> list[str]:
    """The ids of the declared lanes that a step of `journey` fills, in declared order."""
    if not declared:
        return []
    filled = {lane_id for index in range(len(journey.steps)) for lane_id in journey.lanes_of(index)}
    return [lane_id for lane_id in declared if lane_id in filled]


def own_values(declared: Lanes, lanes: list[str], values: dict[str, Any], pick: Pick, language: str) -> list[list[str]]:
    """A step's `values` of `lanes` as texts to show (see `StepView.own`)."""
    shown: list[list[str]] = []
    for lane_id in lanes:
        lane, value = declared[lane_id], values.get(lane_id)
        if value is None:
            shown.append([])
        elif lane.type == "list":
            shown.append([pick(item) for item in value])
        elif lane.type == "number":
            shown.append([quantity(value, pick(lane.unit), language)])
        elif lane.type == "choice":
            shown.append([pick(lane.choices.get(value, value))])
        else:
            shown.append([pick(value)])
    return shown


def _step(
    bank: Bank,
    journey: Journey,
    parent: Journey | None,
    above: dict[str, Step],
    step: Step,
    position: int,
    pick: Pick,
    language: str,
    made: Made,
) -> StepView:
    key = (journey.id, step.id)
    parent_step = None
    if parent is not None and step.parent_step:
        found = above.get(step.parent_step)
        if found is not None:
            parent_step = StepRef(parent.id, pick(parent.title), found.id, pick(found.title))
    insights = sorted(
        bank.step_insights.get(key, []),
        key=lambda i: (SEVERITY_ORDER.get(i.severity, 9), -i.date.toordinal(), i.id),
    )
    return StepView(
        number=position,
        id=step.id,
        title=pick(step.title),
        description=pick(step.description),
        cx_goals=[pick(g) for g in step.cx_goals],
        customer_actions=[pick(a) for a in step.customer_actions],
        channels=list(step.channels),
        touchpoints=[pick(t) for t in step.touchpoints],
        emotion=step.emotion,
        pain_points=[pick(p) for p in step.pain_points],
        insights=[_insight(i, pick, made) for i in _unique(insights)],
        metrics=[_metric(m, pick, language, made) for m in bank.step_metrics.get(key, [])],
        opportunities=[
            OpportunityRef(o.id, pick(o.title), o.status)
            for o in _unique(bank.step_opportunities.get(key, []))
        ],
        parent_step=parent_step,
        child_steps=[  # today's picture: a target (to-be) journey's steps are a plan, left out
            StepRef(child.id, pick(child.title), child_step.id, pick(child_step.title))
            for child, child_step in bank.step_children.get(key, []) if child.state != "target"
        ],
        below=_below(bank, key, pick, language, made),
    )


def _below(bank: Bank, key: tuple[str, str], pick: Pick, language: str, made: Made) -> Below | None:
    rolled = bank.rollup().steps.get(key)
    if rolled is None or not rolled.children:
        return None
    below = rolled.below
    found = _unique([j for j_id, _step in below.steps if (j := bank.get(Journey, j_id)) is not None])
    journeys = sorted(found, key=lambda j: LEVELS.index(j.level))  # stable: nearest level first
    insights = sorted(
        below.insights.values(), key=lambda i: (SEVERITY_ORDER.get(i.severity, 9), -i.date.toordinal(), i.id)
    )
    return Below(
        journeys=[Ref(j.id, pick(j.title)) for j in journeys],
        insights=[_insight(i, pick, made) for i in insights],
        metrics=[_metric(m, pick, language, made) for m in below.metrics.values()],
        opportunities=[OpportunityRef(o.id, pick(o.title), o.status) for o in below.open_opportunities()],
        pain_points=below.pain_point_count(),
        worst_emotion=below.worst_emotion,
        mean_emotion=below.mean_emotion,
    )


_R = TypeVar("_R", bound=Record)
_V = TypeVar("_V")


def _unique(records: list[_R]) -> list[_R]:
    """The records in order, each once (a record may name the same step twice)."""
    seen: set[str] = set()
    kept: list[_R] = []
    for record in records:
        if record.id not in seen:
            seen.add(record.id)
            kept.append(record)
    return kept


def _kept(views: dict[str, tuple[Any, _V]], record: Any, make: Callable[[], _V]) -> _V:
    """The view `views` keeps of this very record (by id), else a new one kept there."""
    kept = views.get(record.id)
    if kept is not None and kept[0] is record:
        return kept[1]
    view = make()
    views[record.id] = (record, view)
    return view


def _insight(insight: Insight, pick: Pick, made: Made) -> InsightRef:
    return _kept(made.insights, insight, lambda: _insight_view(insight, pick))


def _insight_view(insight: Insight, pick: Pick) -> InsightRef:
    return InsightRef(
        id=insight.id,
        title=pick(insight.title),
        type=insight.type,
        severity=insight.severity,
        date=insight.date.isoformat(),
        evidence=safe_url(insight.evidence),
    )


def _metric(metric: Metric, pick: Pick, language: str, made: Made) -> MetricRef:
    return _kept(made.metrics, metric, lambda: _metric_view(metric, pick, language))


def _metric_view(metric: Metric, pick: Pick, language: str) -> MetricRef:
    latest = metric.latest()
    value = latest.value if latest is not None else None

    def show(amount: float | None) -> str | None:
        return None if amount is None else quantity(amount, metric.unit, language)

    return MetricRef(
        id=metric.id,
        title=pick(metric.title),
        unit=metric.unit,
        direction=metric.direction,
        latest=value,
        latest_date=latest.date.isoformat() if latest is not None else None,
        target=metric.target,
        latest_text=show(value),
        target_text=show(metric.target),
        on_target=metric.on_target(value) if value is not None else None,
    )
