"""The `site:` section of `journeyops.yaml`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from journeyops_cli.models.base import Strict


class SiteConfig(Strict):
    """Options of the static site."""

    title: str | None = None
    """The site's title; the bank's name when not given."""
    out: str = "site"
    """Output folder, relative to the bank root; the loader ignores it."""
    privacy: Literal["redact", "refuse"] = "redact"
    """What `site build` does with the personal data `validate` reports (JO501-JO503:
    e-mail addresses, phone numbers, Finnish personal identity codes): `redact` masks it
    on the site (`•••@•••`), `refuse` stops the build with those findings."""
    recent_changes: Annotated[int, Field(ge=0, le=100)] = 10
    """How many recent changes the home page lists (from git history, else the most
    recently reviewed journeys); 0 hides the list."""
