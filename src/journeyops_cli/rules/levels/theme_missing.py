"""JO208: every mid and detailed journey belongs to an anchor theme."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class ThemeMissing(Rule):
    """A mid or detailed journey has no anchor theme.

    Anchor themes (early childhood education, housing, ...) are how the organisation
    owns and manages journeys; a mid or detailed journey outside every theme has no home
    on the site and nobody answers for it. Top journeys may span themes and are not
    checked.

    Failing:

        kind: Journey
        id: apply-for-daycare-online
        level: detailed

    Fixed:

        kind: Journey
        id: apply-for-daycare-online
        level: detailed
        theme: early-education
    """

    code = "JO208"
    name = "level.no-theme"
    groups = ("levels", "structure")
    per_record = True

    def check(self, bank: Bank) -> Iterator[Finding]:
        for journey in bank.journeys():
            if journey.level != "top" and not journey.theme:
                yield self.at(
                    journey, ("level",),
                    f"{journey.level} journey '{journey.id}' belongs to no anchor theme",
                    "add `theme:` with the id of its anchor theme",
                    target="key",
                )
