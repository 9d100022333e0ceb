"""JO305: a metric has a target and a direction."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class MetricTarget(Rule):
    """A metric has no target or no direction.

    A number without a target cannot say whether the journey is doing well, and without a
    direction (`increase` or `decrease`) nobody can tell whether a change is good news.
    Metrics that only count customers (`volume: true`) are not checked.

    Failing:

        kind: Metric
        id: processing-time
        unit: days

    Fixed:

        kind: Metric
        id: processing-time
        unit: days
        direction: decrease
        target: 14
    """

    code = "JO305"
    name = "metric.no-target"
    groups = ("evidence", "metrics")
    severity = Severity.WARNING

    def check(self, bank: Bank) -> Iterator[Finding]:
        for metric in bank.metrics():
            if metric.volume:
                continue
            missing = [name for name in ("target", "direction") if getattr(metric, name) is None]
            if missing:
                yield self.at(
                    metric, ("unit",),
                    f"metric '{metric.id}' has no {' and no '.join(missing)}",
                    "add " + " and ".join(
                        "`target: VALUE`" if m == "target" else "`direction: increase|decrease`" for m in missing
                    ),
                    target="key",
                )
