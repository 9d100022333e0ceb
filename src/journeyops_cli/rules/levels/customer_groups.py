"""JO205: a child's customer groups are among its parent's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.rules.base import Rule, journeys_at

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, RecordKey
    from journeyops_cli.bank.replace import Change
    from journeyops_cli.models.journey import Journey


class CustomerGroupsWithinParent(Rule):
    """A child journey serves a customer group that its parent journey does not.

    A child elaborates part of its parent for some of its customers; a group that only
    appears further down is invisible in the big picture and its insights never roll up.
    A parent without `customer_groups` serves everyone and is not checked.

    Failing (the parent lists `families-with-children`):

        kind: Journey
        id: apply-for-daycare-online
        parent: early-education-path
        customer_groups: [families-with-children, immigrants]

    Fixed: add `immigrants` to the parent's `customer_groups`, or remove it here.
    """

    code = "JO205"
    name = "level.customer-groups"
    groups = ("levels", "structure")

    def affected(self, change: Change, found: list[Finding]) -> set[RecordKey]:
        return change.children()  # a journey's findings depend on its parent too

    def check(self, bank: Bank) -> Iterator[Finding]:
        return self.judge(bank, bank.journeys())

    def check_at(self, bank: Bank, keys: set[RecordKey]) -> Iterator[Finding]:
        return self.judge(bank, journeys_at(bank, keys))

    def judge(self, bank: Bank, journeys: list[Journey]) -> Iterator[Finding]:
        for journey in journeys:
            parent = bank.parent(journey)
            if parent is None or not parent.customer_groups:
                continue
            allowed = set(parent.customer_groups)
            for index, group in enumerate(journey.customer_groups):
                if group not in allowed:
                    yield self.at(
                        journey, ("customer_groups", index),
                        f"customer group '{group}' is not among parent '{parent.id}' groups "
                        f"({', '.join(parent.customer_groups)})",
                        f"add '{group}' to the parent's `customer_groups`, or remove it here",
                    )
