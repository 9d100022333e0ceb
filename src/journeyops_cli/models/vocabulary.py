"""The shared vocabulary of a bank: customer groups, life events and teams."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import StringConstraints

from journeyops_cli.models.base import PlainText, Record, Text

# A GitHub/GitLab user (`@name`) or team (`@org/team`, GitLab groups may nest).
_HANDLE = r"^@[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*$"
Handle = Annotated[str, StringConstraints(strict=True, pattern=_HANDLE)]


class CustomerGroup(Record):
    """A group of customers that journeys and insights are about."""

    KIND: ClassVar[str] = "CustomerGroup"
    kind: Literal["CustomerGroup"]
    """Always `CustomerGroup`."""
    title: Text
    """The group's name as people say it."""
    description: Text | None = None
    """Who belongs to the group and what is special about them."""


class LifeEvent(Record):
    """A life event (moving, having a child, starting school…) that journeys serve."""

    KIND: ClassVar[str] = "LifeEvent"
    kind: Literal["LifeEvent"]
    """Always `LifeEvent`."""
    title: Text
    """The life event's name."""
    description: Text | None = None
    """What happens to the customer in this life event."""


class Team(Record):
    """A team that owns journeys and develops the services behind them."""

    KIND: ClassVar[str] = "Team"
    kind: Literal["Team"]
    """Always `Team`."""
    title: Text
    """The team's name."""
    description: Text | None = None
    """What the team is responsible for."""
    contact: str | None = None
    """Where to reach the team: a channel or a shared mailbox, not a person's address."""
    members: list[PlainText] = []
    """Who is in the team, by name or role (shown on the site)."""
    handles: list[Handle] = []
    """The team's code-host handles (`@org/team-slug` or `@username`); `journeyops owners`
    writes them into CODEOWNERS so a change to the team's journeys asks it for review."""
