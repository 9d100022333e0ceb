"""JO401: an active journey has an owner and a team."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class OwnerAndTeam(Rule):
    """An active journey has no owner or no team.

    Journeys are continuous tools only when someone keeps them alive (principles 1 and
    6): the owner reviews the journey, the team develops the services behind it. An
    active journey that nobody owns goes stale without anyone noticing. A `team` that
    names no Team record is reported by JO102 (ref.unresolved).

    Failing:

        kind: Journey
        id: daycare-application
        status: active

    Fixed:

        kind: Journey
        id: daycare-application
        status: active
        owner: Service designer, early education
        team: early-education-digital
    """

    code = "JO401"
    name = "journey.owner-team"
    groups = ("hygiene", "ownership")
    severity = Severity.WARNING

    def check(self, bank: Bank) -> Iterator[Finding]:
        for journey in bank.journeys():
            if journey.status != "active":
                continue
            missing = [name for name in ("owner", "team") if not getattr(journey, name)]
            if missing:
                yield self.at(
                    journey, ("status",),
                    f"active journey '{journey.id}' has no {' and no '.join(missing)}",
                    "add " + " and ".join(f"`{m}:`" for m in missing) + " so someone keeps the journey alive",
                    target="key",
                )
