"""The `journey` model (default): a weighted sum of what the journeys show."""

from __future__ import annotations

from journeyops_cli.models import Opportunity
from journeyops_cli.models.config_scoring import JOURNEY_FACTORS
from journeyops_cli.score import factors as catalogue
from journeyops_cli.score.base import Context, Score, additive

FORMULA = "score = 100 × Σ (weight_f ÷ Σ weights) × normalised_f"


class JourneyModel:
    """pain, evidence, sources, metric_gap, level, volume and estimates, each 0..1, weighted."""

    name = "journey"
    formula = FORMULA
    factors = JOURNEY_FACTORS

    def score(self, opportunity: Opportunity, context: Context) -> Score:
        parts = [catalogue.JOURNEY[name](opportunity, context) for name in self.factors]
        count = len(catalogue.linked_insights(opportunity, context))
        weights = context.config.weights_for("journey")
        return additive(opportunity, self.name, self.formula, parts, weights, count)
