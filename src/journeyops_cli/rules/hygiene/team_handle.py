"""JO405: once teams name code-host handles, every team that owns something names one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class TeamHandle(Rule):
    """A team that owns journeys or opportunities has no code-host handle, while other
    teams have one.

    `journeyops owners` writes CODEOWNERS from the teams' `handles:`, so that a change to
    a journey asks its team for review (principle 6: journeys in the management system).
    Once the bank uses handles, a team without one is a team whose journeys change with
    no one from the team asked. Banks where no team has a handle are not checked.

    Failing (another team has `handles:`, and this team owns a journey):

        kind: Team
        id: early-education-digital
        title: Early education, digital services

    Fixed:

        kind: Team
        id: early-education-digital
        title: Early education, digital services
        handles: ['@helsinki/early-education-digital']
    """

    code = "JO405"
    name = "team.handle"
    groups = ("hygiene", "ownership")
    severity = Severity.WARNING

    def check(self, bank: Bank) -> Iterator[Finding]:
        teams = bank.teams()
        if not any(team.handles for team in teams):
            return
        owning = {j.team for j in bank.journeys() if j.team} | {o.team for o in bank.opportunities() if o.team}
        for team in teams:
            if not team.handles and team.id in owning:
                yield self.at(
                    team, ("id",),
                    f"team '{team.id}' owns journeys or opportunities but has no `handles:`",
                    "add the team's code-host handle, e.g. `handles: ['@my-org/"
                    + team.id + "']`, so `journeyops owners` can ask it for review",
                    target="key",
                )
