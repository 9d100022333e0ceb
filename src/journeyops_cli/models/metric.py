"""Metrics measured at journey steps, with targets and observations."""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar, Literal, TypeVar

from pydantic import StrictBool

from journeyops_cli.models.base import ANY, Date, Record, StepRef, Strict, Text

Direction = Literal["increase", "decrease"]
MetricStatus = Literal["on", "off", "unknown"]
Trend = Literal["better", "worse", "flat"]

K = TypeVar("K", bound=Hashable)
P = TypeVar("P")

# Why two values of one metric on one date are refused (JO310, the workbook import).
ONE_VALUE_A_DATE = "a metric has one value a date"


def seen_before(seen: dict[K, P], key: K, place: P) -> P | None:
    """Where `key` (a date, or a metric and a date) was first seen, if it was; else `place`
    is noted as its first place. The one check of "one value a date": over a metric's
    observations (`Metric.repeated_dates`, JO310) and over a workbook's rows (import)."""
    first = seen.setdefault(key, place)
    return None if first is place else first


class Observation(Strict):
    """One measured value of a metric."""

    date: Date
    """When the value was measured (YYYY-MM-DD; the end of the period)."""
    value: float
    """The measured value, in the metric's unit."""
    note: str | None = None
    """Anything a reader should know about this value."""


class Metric(Record):
    """A metric: what is measured at which steps, in which direction is better, and the target."""

    KIND: ClassVar[str] = "Metric"
    REFERENCES: ClassVar[tuple[tuple[tuple[str, ...], str], ...]] = ((("steps", ANY), "step"),)
    kind: Literal["Metric"]
    """Always `Metric`."""
    title: Text
    """What is measured."""
    description: Text | None = None
    """How it is measured."""
    unit: str
    """The unit of the values, e.g. `%`, `days`, `applications/year`."""
    direction: Direction | None = None
    """`increase` if bigger is better, `decrease` if smaller is better."""
    target: float | None = None
    """The value we aim for."""
    volume: StrictBool = False
    """True when the metric counts how many customers pass through its steps
    (prioritisation uses it for reach)."""
    source: str | None = None
    """Where the data comes from (a system, a survey, a report)."""
    observations: list[Observation] = []
    """Measured values over time."""
    steps: list[StepRef] = []
    """Journey steps the metric measures, as `journey-id#step-id`."""

    def latest(self) -> Observation | None:
        """The most recent observation."""
        return max(self.observations, key=lambda o: o.date, default=None)

    def repeated_dates(self) -> list[tuple[int, int]]:
        """(index of the first, index of the other) for each observation whose date an
        earlier observation has too."""
        seen: dict[object, int] = {}
        found: list[tuple[int, int]] = []
        for index, observation in enumerate(self.observations):
            first = seen_before(seen, observation.date, index)
            if first is not None:
                found.append((first, index))
        return found

    def on_target(self, value: float | None = None) -> bool | None:
        """Whether `value` (default: the latest observation) meets the target; None when
        the value, the target or the direction is unknown."""
        if value is None:
            latest = self.latest()
            value = latest.value if latest is not None else None
        if value is None or self.target is None or self.direction is None:
            return None
        return value >= self.target if self.direction == "increase" else value <= self.target

    def shortfall(self) -> float | None:
        """How far the latest observation falls short of the target in the metric's
        direction (> 0 when `on_target()` is False, <= 0 when it is True); None when the
        observation, the target or the direction is unknown."""
        latest = self.latest()
        if latest is None or self.target is None or self.direction is None:
            return None
        return self.target - latest.value if self.direction == "increase" else latest.value - self.target

    def status(self) -> MetricStatus:
        """`on` or `off` target by the latest observation, or `unknown`."""
        met = self.on_target()
        return "unknown" if met is None else ("on" if met else "off")

    def trend(self) -> Trend | None:
        """Whether the last two observations moved the `better` or `worse` way (or
        stayed `flat`); None without two observations or a direction."""
        if len(self.observations) < 2 or self.direction is None:
            return None
        ordered = sorted(self.observations, key=lambda o: o.date)
        change = ordered[-1].value - ordered[-2].value
        if change == 0:
            return "flat"
        return "better" if (change > 0) == (self.direction == "increase") else "worse"
