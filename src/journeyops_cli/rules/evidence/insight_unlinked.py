"""JO301: an insight links to at least one journey step."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class InsightUnlinked(Rule):
    """An insight is not linked to any journey step.

    JourneyOps brings important data next to the journey (principle 2): an insight that
    names no step never shows up on a journey map, never counts as evidence for a pain
    point and never lifts an opportunity in the ranking. It is knowledge the organisation
    paid for and then lost.

    Failing:

        kind: Insight
        id: long-queues
        title: Customers queue for an hour at the service point
        steps: []

    Fixed (`journeyops link` can add the link):

        steps: [daycare-application#visit-service-point]
    """

    code = "JO301"
    name = "insight.no-step"
    groups = ("evidence",)
    severity = Severity.WARNING

    def check(self, bank: Bank) -> Iterator[Finding]:
        for insight in bank.insights():
            if not insight.steps:
                yield self.at(
                    insight, ("steps",) if "steps" in insight.model_fields_set else ("title",),
                    f"insight '{insight.id}' is linked to no journey step",
                    "add `steps: [journey-id#step-id]`, e.g. with `journeyops link`",
                    target="key",
                )
