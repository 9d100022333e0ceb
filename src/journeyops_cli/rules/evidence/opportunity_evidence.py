"""JO303: an opportunity cites evidence (insights)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank

CLOSED = ("done", "rejected")


class OpportunityEvidence(Rule):
    """An opportunity cites no insight as evidence.

    The journey steers prioritisation (principle 3): an idea in the backlog should say
    which research or feedback shows the problem. Without evidence its ranking rests only
    on numbers someone typed in. Done and rejected opportunities are not checked.

    Failing:

        kind: Opportunity
        id: save-form-drafts
        problem: The form loses its data
        insights: []

    Fixed:

        insights: [form-timeout]
    """

    code = "JO303"
    name = "opportunity.no-evidence"
    groups = ("evidence",)
    severity = Severity.WARNING

    def check(self, bank: Bank) -> Iterator[Finding]:
        for opportunity in bank.opportunities():
            if opportunity.status in CLOSED or opportunity.insights:
                continue
            present = "insights" in opportunity.model_fields_set
            yield self.at(
                opportunity, ("insights",) if present else ("problem",),
                f"opportunity '{opportunity.id}' cites no insight as evidence",
                "add `insights: [insight-id]` naming the research or feedback that shows the problem",
                target="key",
            )
