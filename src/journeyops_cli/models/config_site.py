"""The `site:` section of `journeyops.yaml`."""

from __future__ import annotations

from journeyops_cli.models.base import Strict


class SiteConfig(Strict):
    """Options of the static site."""

    title: str | None = None
    """The site's title; the bank's name when not given."""
    out: str = "site"
    """Output folder, relative to the bank root; the loader ignores it."""
