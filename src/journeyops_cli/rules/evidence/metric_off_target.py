"""JO306: a metric's latest observation misses its target."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.models.metric import Metric
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, RecordKey
    from journeyops_cli.bank.replace import Change


def gap(metric: Metric) -> float | None:
    """How far the latest observation is from the target on the wrong side (> 0), or
    None when it meets the target or cannot be compared."""
    return metric.shortfall() if metric.on_target() is False else None


def number(value: float) -> str:
    return f"{value:g}"


class MetricOffTarget(Rule):
    """A metric's latest observation misses its target (information, with the gap).

    Metrics next to the journey show where it hurts now. This finding lists the metrics
    that are off target, so the journey owner sees them in every CI run; it is
    information, not an error, because missing a target is the reason to have one.

    Example (reported: latest 21 days misses the target 14 days by 7):

        kind: Metric
        id: processing-time
        unit: days
        direction: decrease
        target: 14
        observations:
          - {date: 2025-03-31, value: 21}

    Meeting it: an observation of 14 or less.
    """

    code = "JO306"
    cost = 5
    name = "metric.off-target"
    groups = ("evidence", "metrics")
    severity = Severity.INFO

    def affected(self, change: Change, found: list[Finding]) -> set[RecordKey]:
        return set()  # a metric's finding depends on that metric alone

    def check(self, bank: Bank) -> Iterator[Finding]:
        return self.judge(bank.metrics())

    def check_at(self, bank: Bank, keys: set[RecordKey]) -> Iterator[Finding]:
        return self.judge([record for record in bank.at(keys) if isinstance(record, Metric)])

    def judge(self, metrics: list[Metric]) -> Iterator[Finding]:
        for metric in metrics:
            missing = gap(metric)
            if missing is None:
                continue
            latest = metric.latest()
            assert latest is not None
            index = next(i for i, observation in enumerate(metric.observations) if observation is latest)
            yield self.at(
                metric, ("observations", index, "value"),
                f"metric '{metric.id}': latest {number(latest.value)} {metric.unit} ({latest.date}) "
                f"misses the target {number(metric.target or 0)} {metric.unit} by {number(round(missing, 6))}",
            )
