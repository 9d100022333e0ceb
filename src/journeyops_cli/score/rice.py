"""The `rice` model: reach × impact × confidence ÷ effort, from the team's estimates."""

from __future__ import annotations

from journeyops_cli.models import Opportunity
from journeyops_cli.models.config_scoring import MODEL_ESTIMATES
from journeyops_cli.score.base import Context, Score
from journeyops_cli.score.formula import finish, product


class RiceModel:
    """Reach (customers a year) × impact (0.25–3) × confidence (0–1) ÷ effort (person-months)."""

    name = "rice"
    formula = "score = reach × impact × confidence ÷ effort"
    factors = MODEL_ESTIMATES["rice"]

    def score(self, opportunity: Opportunity, context: Context) -> Score:
        times, divides = "explain.role.times", "explain.role.divides"
        roles = [("reach", times), ("impact", times), ("confidence", times), ("effort", divides)]
        factors, missing, v = product(opportunity, context, roles)
        total = v["reach"] * v["impact"] * v["confidence"] / v["effort"]
        return finish(opportunity, context, self.name, self.formula, factors, missing, total)
