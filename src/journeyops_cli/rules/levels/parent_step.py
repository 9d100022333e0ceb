"""JO202: every step of a child journey names an existing step of its parent."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.rules.base import Rule, RuleOptions, journeys_at
from journeyops_cli.suggest import did_you_mean

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, RecordKey
    from journeyops_cli.bank.replace import Change
    from journeyops_cli.models.journey import Journey


class Options(RuleOptions):
    require: bool = True
    """Report steps of a child journey that name no `parent_step` at all."""


class ParentStep(Rule):
    """Every step of a child journey names a step of its parent journey, and that step
    exists.

    `parent_step` is what ties the levels together: it says which part of the big picture
    a detailed step elaborates, so insights and metrics roll up to the top journey and the
    site can zoom from a phase into its services. A missing or misspelled `parent_step`
    breaks that chain silently. A step with `parent_step` in a journey without `parent` is
    reported too.

    Failing (the parent journey `early-education-path` has no step `find-daycare`):

        kind: Journey
        id: apply-for-daycare-online
        parent: early-education-path
        steps:
          - id: search
            title: Search for a daycare
            parent_step: find-daycare

    Fixed:

        steps:
          - id: search
            title: Search for a daycare
            parent_step: find-a-place
    """

    code = "JO202"
    name = "level.parent-step"
    groups = ("levels", "structure")
    Options = Options

    def affected(self, change: Change, found: list[Finding]) -> set[RecordKey]:
        return change.children()  # a journey's findings depend on its parent too

    def check(self, bank: Bank) -> Iterator[Finding]:
        return self.judge(bank, bank.journeys())

    def check_at(self, bank: Bank, keys: set[RecordKey]) -> Iterator[Finding]:
        return self.judge(bank, journeys_at(bank, keys))

    def judge(self, bank: Bank, journeys: list[Journey]) -> Iterator[Finding]:
        for journey in journeys:
            parent = bank.parent(journey)
            for index, step in enumerate(journey.steps):
                if not journey.parent:
                    if step.parent_step:
                        yield self.at(
                            journey, ("steps", index, "parent_step"),
                            f"step '{step.id}' names parent step '{step.parent_step}' "
                            f"but journey '{journey.id}' has no parent",
                            "add `parent:` to the journey, or remove `parent_step`",
                        )
                    continue
                if parent is None:
                    continue  # the unresolved parent is JO102's finding
                if not step.parent_step:
                    if self.options.require:  # type: ignore[attr-defined]
                        yield self.at(
                            journey, ("steps", index, "id"),
                            f"step '{step.id}' names no step of parent journey '{parent.id}'",
                            "add `parent_step:` with one of: " + ", ".join(s.id for s in parent.steps),
                            target="key",
                        )
                    continue
                if parent.step(step.parent_step) is None:
                    yield self.at(
                        journey, ("steps", index, "parent_step"),
                        f"parent journey '{parent.id}' has no step '{step.parent_step}'",
                        _hint(step.parent_step, [s.id for s in parent.steps]),
                    )


def _hint(value: str, choices: list[str]) -> str:
    return did_you_mean(value, choices) or "its steps: " + ", ".join(choices)
