"""JO304: an opportunity names at least one journey step."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class OpportunitySteps(Rule):
    """An opportunity names no journey step it would improve.

    Opportunities are tied to the journey: the step says where the customer feels the
    problem, which pain points, metrics and customer volumes count for its priority, and
    where it shows on the journey map. An opportunity without a step floats outside the
    journeys.

    Failing:

        kind: Opportunity
        id: save-form-drafts
        problem: The form loses its data

    Fixed:

        steps: [daycare-application#send-application]
    """

    code = "JO304"
    name = "opportunity.no-step"
    groups = ("evidence",)
    severity = Severity.WARNING

    def check(self, bank: Bank) -> Iterator[Finding]:
        for opportunity in bank.opportunities():
            if opportunity.steps:
                continue
            present = "steps" in opportunity.model_fields_set
            yield self.at(
                opportunity, ("steps",) if present else ("problem",),
                f"opportunity '{opportunity.id}' names no journey step",
                "add `steps: [journey-id#step-id]` for the steps it improves",
                target="key",
            )
