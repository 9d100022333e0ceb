"""The `wsjf` model (SAFe): cost of delay ÷ job size."""

from __future__ import annotations

from journeyops_cli.models import Opportunity
from journeyops_cli.models.config_scoring import MODEL_ESTIMATES
from journeyops_cli.score.base import Context, Score
from journeyops_cli.score.formula import finish, product


class WsjfModel:
    """(business value + time criticality + risk reduction) ÷ job size, relative scales."""

    name = "wsjf"
    formula = "score = (business_value + time_criticality + risk_reduction) ÷ job_size"
    factors = MODEL_ESTIMATES["wsjf"]

    def score(self, opportunity: Opportunity, context: Context) -> Score:
        adds = "explain.role.adds_delay"
        roles = [("business_value", adds), ("time_criticality", adds), ("risk_reduction", adds),
                 ("job_size", "explain.role.divides")]
        factors, missing, v = product(opportunity, context, roles)
        delay = v["business_value"] + v["time_criticality"] + v["risk_reduction"]
        total = delay / v["job_size"]
        return finish(opportunity, context, self.name, self.formula, factors, missing, total)
