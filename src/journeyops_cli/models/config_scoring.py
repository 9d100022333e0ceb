"""The `scoring:` section of `journeyops.yaml`."""

from __future__ import annotations

from journeyops_cli.models.base import Strict


class ScoringConfig(Strict):
    """How `journeyops prioritise` ranks opportunities."""

    model: str = "journey"
    """The scoring model: `journey`, `rice`, `ice`, `wsjf` or `weighted`."""
    weights: dict[str, float] = {}
    """Weights per factor, overriding the model's defaults."""
