"""JO310: a metric has two observations on one date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import HERE_LINE, SEE_LINE, Finding, Severity
from journeyops_cli.models.metric import ONE_VALUE_A_DATE
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class DuplicateObservationDate(Rule):
    """A metric has two observations on the same date.

    A metric has one value a date. With two, a scorecard cannot tell which value is true,
    and which one counts as the latest depends on the order of the lines. The workbook
    import refuses such rows; this finds them in a file edited by hand.

    Failing:

        kind: Metric
        id: processing-time
        unit: days
        observations:
          - {date: 2025-03-31, value: 21}
          - {date: 2025-03-31, value: 18}

    Fixed:

        kind: Metric
        id: processing-time
        unit: days
        observations:
          - {date: 2025-03-31, value: 18}
    """

    code = "JO310"
    name = "metric.duplicate-date"
    groups = ("evidence", "metrics")
    severity = Severity.ERROR

    def check(self, bank: Bank) -> Iterator[Finding]:
        for metric in bank.metrics():
            for first, again in metric.repeated_dates():
                date = metric.observations[again].date.isoformat()
                yield self.at(
                    metric, ("observations", again, "date"),
                    f"metric '{metric.id}' has two observations on {date}, on lines {SEE_LINE} and {HERE_LINE}",
                    f"{ONE_VALUE_A_DATE}: keep the true one",
                    see=(metric, ("observations", first, "date")),
                )
