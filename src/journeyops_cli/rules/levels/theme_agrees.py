"""JO204: a child's anchor theme agrees with its parent's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.rules.base import Rule, journeys_at

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, RecordKey
    from journeyops_cli.bank.replace import Change
    from journeyops_cli.models.journey import Journey


class ThemeAgrees(Rule):
    """A child journey's anchor theme differs from its parent's.

    Anchor themes are the wholes of services that journeys are bound to; a detailed
    journey under a mid journey serves the same whole, so it has the same theme. Top
    journeys may span themes, so children of a top journey are not checked. A differing
    theme usually means the journey was copied from another theme or hung under the wrong
    parent.

    Failing (the parent `early-education-path` has `theme: early-education`):

        kind: Journey
        id: apply-for-daycare-online
        level: detailed
        parent: early-education-path
        theme: housing

    Fixed:

        theme: early-education
    """

    code = "JO204"
    name = "level.theme-mismatch"
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
            if parent is None or parent.level == "top" or not parent.theme or not journey.theme:
                continue
            if journey.theme != parent.theme:
                yield self.at(
                    journey, ("theme",),
                    f"theme '{journey.theme}' differs from parent '{parent.id}' theme '{parent.theme}'",
                    f"use `theme: {parent.theme}`, or move the journey under a parent of theme '{journey.theme}'",
                )
