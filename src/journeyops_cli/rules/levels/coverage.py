"""JO207: every step of a top journey is elaborated by at least one mid journey."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.load.files import failed_to_load
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class TopCoverage(Rule):
    """A step of a top journey is not elaborated by any mid journey.

    The top journey (e.g. findability -> transaction -> processing -> customership) is
    the shared big picture; its phases become manageable when mid journeys show what
    happens in each of them. An uncovered phase is where nobody has looked yet. This is
    information about coverage, not an error. When journeys failed to load, the message
    names their files: one of them may be the mid journey that elaborates the step.

    Failing: top journey `service-journey` has a step `customership` and no mid journey
    has a step with `parent_step: customership`.

    Fixed: a mid journey with `parent: service-journey` and a step:

        - id: use-daycare
          title: Daycare in everyday life
          parent_step: customership
    """

    code = "JO207"
    name = "level.top-coverage"
    groups = ("levels", "coverage")
    severity = Severity.INFO

    def check(self, bank: Bank) -> Iterator[Finding]:
        # A mid journey that did not load may be the one that elaborates a step.
        why = failed_to_load(bank.not_loaded("Journey"))
        for journey in bank.journeys():
            if journey.level != "top":
                continue
            for index, step in enumerate(journey.steps):
                children = [
                    child
                    for child, _ in bank.step_children.get((journey.id, step.id), [])
                    if child.level == "mid"
                ]
                if not children:
                    yield self.at(
                        journey, ("steps", index, "id"),
                        f"step '{step.id}' of top journey '{journey.id}' is not elaborated by any mid journey{why}",
                        f"add a mid journey with `parent: {journey.id}` and a step with `parent_step: {step.id}`",
                    )
