"""The one error of `journeyops site build`."""

from __future__ import annotations

from journeyops_cli.errors import JourneyopsError


class SiteError(JourneyopsError):
    """The site cannot be built (bad output folder, personal data with `privacy: refuse`,
    a file that cannot be written): exit 2; nothing was changed on disk."""
