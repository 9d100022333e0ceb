"""Journeys on three levels, with their ordered steps."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, PrivateAttr, StrictInt

from journeyops_cli.models.base import ANY, Date, PlainText, Record, Slug, Strict, Text

Level = Literal["top", "mid", "detailed"]
JourneyStatus = Literal["draft", "active", "retired"]
JourneyState = Literal["current", "target"]
Channel = Literal[
    "web",
    "mobile-app",
    "e-service",
    "phone",
    "email",
    "chat",
    "letter",
    "service-point",
    "home-visit",
    "social-media",
    "other",
]
Emotion = Annotated[StrictInt, Field(ge=-2, le=2)]


class Step(Strict):
    """One step of a journey, in the order the customer lives it."""

    id: Slug
    """Unique within the journey; referred to as `journey-id#step-id`."""
    title: Text
    """What the customer is doing, in their words ("Find a daycare")."""
    description: Text | None = None
    """More about the step; Markdown without raw HTML."""
    parent_step: Slug | None = None
    """The id of the step of the parent journey that this step elaborates."""
    cx_goals: list[Text] = []
    """Customer-experience goals of this step ("the decision is understood at first
    reading")."""
    channels: list[Channel] = []
    """Channels the customer uses in this step."""
    touchpoints: list[Text] = []
    """Concrete touchpoints: pages, forms, letters, desks."""
    customer_actions: list[Text] = []
    """What the customer does."""
    emotion: Emotion | None = None
    """How the step feels, from -2 (very bad) to +2 (very good)."""
    pain_points: list[Text] = []
    """What hurts in this step."""
    metrics: list[Slug] = []
    """Ids of metrics measured at this step."""


class Review(Strict):
    """One review of a journey against reality, as `journeyops review` records it."""

    date: Date
    """When the journey was reviewed (YYYY-MM-DD)."""
    reviewer: PlainText
    """Who reviewed it: a name or a role."""
    note: Text | None = None
    """What was checked or changed."""


class Journey(Record):
    """A customer journey: a top journey, a mid journey across services, or a detailed one."""

    KIND: ClassVar[str] = "Journey"
    REFERENCES: ClassVar[tuple[tuple[tuple[str, ...], str], ...]] = (
        (("theme",), "Theme"),
        (("parent",), "Journey"),
        (("improves",), "Journey"),
        (("team",), "Team"),
        (("customer_groups", ANY), "CustomerGroup"),
        (("life_events", ANY), "LifeEvent"),
        (("steps", ANY, "metrics", ANY), "Metric"),
    )
    kind: Literal["Journey"]
    """Always `Journey`."""
    title: Text
    """The journey's name as the customer would say it."""
    level: Level
    """`top` (the shared big picture), `mid` (seamlessness across services) or
    `detailed` (product and service development)."""
    description: Text | None = None
    """What the journey covers; Markdown without raw HTML."""
    theme: Slug | None = None
    """The anchor theme the journey is bound to (top journeys may span themes)."""
    parent: Slug | None = None
    """The journey one level up: a top journey for a mid journey, a mid journey for a
    detailed one."""
    owner: str | None = None
    """The person or role who keeps the journey alive."""
    team: Slug | None = None
    """The id of the team that owns the journey."""
    status: JourneyStatus = "draft"
    """`draft`, `active` or `retired`."""
    state: JourneyState = "current"
    """`current` (as-is: the journey as customers live it today, the default) or `target`
    (to-be: the journey as it is meant to become)."""
    improves: Slug | None = None
    """For a target journey: the id of the current journey (same level) that it improves;
    the map then draws both emotion curves and the differences."""
    reviewed: Date | None = None
    """When the journey was last reviewed against reality (YYYY-MM-DD)."""
    reviews: list[Review] = []
    """The review trail, oldest first: `journeyops review` adds one and updates `reviewed`."""
    customer_groups: list[Slug] = []
    """Ids of the customer groups this journey is about."""
    life_events: list[Slug] = []
    """Ids of the life events this journey serves."""
    cx_goals: list[Text] = []
    """Customer-experience goals for the journey."""
    steps: Annotated[list[Step], Field(min_length=1)]
    """The steps in order."""

    # The values of the bank's own lanes (journeyops.yaml `lanes:`), one mapping per step
    # in step order; None when no step has any (models/lanes.py).
    _lanes: tuple[dict[str, Any], ...] | None = PrivateAttr(None)

    def lanes_of(self, step: Step | int) -> dict[str, Any]:
        """The values a step (or the step at an index) gives the bank's own lanes, by lane
        id in the order the bank declares them; {} when it gives none."""
        values = self.__pydantic_private__.get("_lanes") if self.__pydantic_private__ else None  # type: ignore[union-attr]
        if not values:
            return {}
        index = step if isinstance(step, int) else next(
            (i for i, own in enumerate(self.steps) if own is step), -1
        )
        return values[index] if 0 <= index < len(values) else {}

    def step(self, step_id: str) -> Step | None:
        for step in self.steps:
            if step.id == step_id:
                return step
        return None
