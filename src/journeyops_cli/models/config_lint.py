"""The `lint:` section of `journeyops.yaml`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from journeyops_cli.models.base import Strict

SeverityName = Literal["error", "warning", "info"]


class LintConfig(Strict):
    """Which checks run and how severe their findings are."""

    select: list[str] = []
    """Codes, names or groups to run; empty means every check that is on by default."""
    ignore: list[str] = []
    """Codes, names or groups never to run."""
    severity: dict[str, SeverityName] = {}
    """Severity per code or name, overriding the default."""
    fail_on: SeverityName = "error"
    """The lowest severity that makes `validate` exit 1."""
    stale_after_days: Annotated[int, Field(gt=0)] = 365
    """A journey not reviewed within this many days is stale."""
