"""The `lint:` section of `journeyops.yaml`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from journeyops_cli.models.base import Strict

SeverityName = Literal["error", "warning", "info"]


class LintConfig(Strict):
    """Which checks run, how severe their findings are, and the rules' settings.

    Rules are named by code (`JO402`), name (`journey.stale`) or group (`hygiene`);
    `journeyops rules` lists them all.
    """

    select: list[str] = []
    """Codes, names or groups to run; empty means every check that is on by default."""
    ignore: list[str] = []
    """Codes, names or groups never to run."""
    severity: dict[str, SeverityName] = {}
    """Severity per code, name or group, overriding the default."""
    options: dict[str, dict[str, Any]] = {}
    """Settings per rule (by code or name), e.g. `journey.stale: {days: 180}`;
    `journeyops rules CODE` lists a rule's settings."""
    per_path_ignores: dict[str, list[str]] = {}
    """Rules (codes, names or groups) not reported for files matching a glob, e.g.
    `"insights/archive/*.yaml": [evidence]`."""
    fail_on: SeverityName = "error"
    """The lowest severity that makes `validate` exit 1."""
    stale_after_days: Annotated[int, Field(gt=0)] | None = None
    """Shortcut for `options: {journey.stale: {days: N}}` (default 365)."""
