"""JO103: two steps of one journey share an id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import SEE_LINE, Finding
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class DuplicateStepId(Rule):
    """Two steps of the same journey have the same id.

    Insights, metrics and opportunities link to `journey-id#step-id`; with two steps under
    one id the evidence lands on the wrong one.

    Failing:

        steps:
          - id: apply
            title: Fill in the application
          - id: apply
            title: Attach documents

    Fixed: `id: attach-documents` for the second step.
    """

    code = "JO103"
    name = "ref.duplicate-step"
    groups = ("references",)
    per_record = True

    def check(self, bank: Bank) -> Iterator[Finding]:
        for journey in bank.journeys():
            first_index: dict[str, int] = {}
            for index, step in enumerate(journey.steps):
                if step.id in first_index:
                    yield self.at(
                        journey,
                        ("steps", index, "id"),
                        f"step id '{step.id}' is used twice in journey '{journey.id}' (first on line {SEE_LINE})",
                        "step ids must be unique within a journey",
                        see=(journey, ("steps", first_index[step.id], "id")),
                    )
                else:
                    first_index[step.id] = index
