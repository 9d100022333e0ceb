"""The `weighted` model: factors and weights entirely from `scoring.weighted` in config."""

from __future__ import annotations

from journeyops_cli.models import Opportunity
from journeyops_cli.score import factors as catalogue
from journeyops_cli.score.base import Context, Score, additive
from journeyops_cli.score.journey import FORMULA


class WeightedModel:
    """Any factors of the catalogue (journey factors and estimate fields), weighted."""

    name = "weighted"
    formula = FORMULA

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = dict(weights)
        self.factors = tuple(weights)

    def score(self, opportunity: Opportunity, context: Context) -> Score:
        parts = [catalogue.catalogue_factor(name, opportunity, context) for name in self.factors]
        count = len(catalogue.linked_insights(opportunity, context))
        return additive(opportunity, self.name, self.formula, parts, self.weights, count)
