"""Anchor themes: the wholes of services that journeys are bound to."""

from __future__ import annotations

from typing import ClassVar, Literal

from journeyops_cli.models.base import Record, Slug, Text


class Theme(Record):
    """An anchor theme, e.g. early childhood education or housing."""

    KIND: ClassVar[str] = "Theme"
    REFERENCES: ClassVar[tuple[tuple[tuple[str, ...], str], ...]] = ((("team",), "Team"),)
    kind: Literal["Theme"]
    """Always `Theme`."""
    title: Text
    """The theme's name."""
    description: Text | None = None
    """What the theme covers, in a sentence or two."""
    owner: str | None = None
    """The person or role who answers for the theme."""
    team: Slug | None = None
    """The id of the team that owns the theme."""
