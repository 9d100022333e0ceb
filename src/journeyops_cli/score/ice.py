"""The `ice` model: impact × confidence × ease, on the bank's own scales."""

from __future__ import annotations

from journeyops_cli.models import Opportunity
from journeyops_cli.models.config_scoring import MODEL_ESTIMATES
from journeyops_cli.score.base import Context, Score
from journeyops_cli.score.formula import finish, product


class IceModel:
    """Impact (0.25–3) × confidence (0–1) × ease (1–10): the score runs from 0 to 30."""

    name = "ice"
    formula = "score = impact × confidence × ease"
    factors = MODEL_ESTIMATES["ice"]

    def score(self, opportunity: Opportunity, context: Context) -> Score:
        roles = [(name, "explain.role.times") for name in ("impact", "confidence", "ease")]
        factors, missing, v = product(opportunity, context, roles)
        total = v["impact"] * v["confidence"] * v["ease"]
        return finish(opportunity, context, self.name, self.formula, factors, missing, total)
