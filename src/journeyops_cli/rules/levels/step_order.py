"""JO206: a child's steps keep the order of the parent's steps."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class StepOrder(Rule):
    """A child journey's steps go back to an earlier step of the parent.

    Steps are in the order the customer lives them; a child that elaborates the parent's
    steps normally follows the same order. Going back is sometimes real (the customer
    returns to an earlier phase, e.g. a rejected application is sent again), so this is a
    warning: suppress it on the line when the loop is intended.

    Failing (in the parent, `find-a-place` comes before `apply`):

        steps:
          - id: send
            title: Send the application
            parent_step: apply
          - id: compare-daycares
            title: Compare daycares
            parent_step: find-a-place

    Fixed: put `compare-daycares` before `send`.
    """

    code = "JO206"
    name = "level.step-order"
    groups = ("levels", "structure")
    severity = Severity.WARNING

    def check(self, bank: Bank) -> Iterator[Finding]:
        for journey in bank.journeys():
            parent = bank.parent(journey)
            if parent is None:
                continue
            order = {step.id: index for index, step in enumerate(parent.steps)}
            latest: tuple[int, str] | None = None
            for index, step in enumerate(journey.steps):
                position = order.get(step.parent_step or "")
                if position is None:
                    continue
                if latest is not None and position < latest[0]:
                    yield self.at(
                        journey, ("steps", index, "parent_step"),
                        f"step '{step.id}' elaborates parent step '{step.parent_step}', which comes "
                        f"before '{latest[1]}' in '{parent.id}'",
                        "reorder the steps to follow the parent, "
                        "or suppress this line if the customer really goes back",
                    )
                else:
                    latest = (position, step.parent_step or "")
