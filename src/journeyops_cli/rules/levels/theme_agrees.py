"""JO204: a child's anchor theme agrees with its parent's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


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

    def check(self, bank: Bank) -> Iterator[Finding]:
        for journey in bank.journeys():
            parent = bank.parent(journey)
            if parent is None or parent.level == "top" or not parent.theme or not journey.theme:
                continue
            if journey.theme != parent.theme:
                yield self.at(
                    journey, ("theme",),
                    f"theme '{journey.theme}' differs from parent '{parent.id}' theme '{parent.theme}'",
                    f"use `theme: {parent.theme}`, or move the journey under a parent of theme '{journey.theme}'",
                )
