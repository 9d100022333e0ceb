"""Record models, one module per kind, and the registry of kinds."""

from __future__ import annotations

from journeyops_cli.models.base import Record
from journeyops_cli.models.insight import Insight
from journeyops_cli.models.journey import Journey, Review, Step
from journeyops_cli.models.metric import Metric, Observation
from journeyops_cli.models.opportunity import DeliveryItem, Estimates, Opportunity
from journeyops_cli.models.theme import Theme
from journeyops_cli.models.vocabulary import CustomerGroup, LifeEvent, Team

KINDS: dict[str, type[Record]] = {
    model.KIND: model
    for model in (Theme, Journey, Insight, Metric, Opportunity, CustomerGroup, LifeEvent, Team)
}
"""Every record kind by the name used in `kind:`, in the order documentation lists them."""

# The command-line and file-name form of each kind (`customer-group`).
KIND_SLUGS: dict[str, str] = {
    "Theme": "theme",
    "Journey": "journey",
    "Insight": "insight",
    "Metric": "metric",
    "Opportunity": "opportunity",
    "CustomerGroup": "customer-group",
    "LifeEvent": "life-event",
    "Team": "team",
}

__all__ = [
    "KINDS",
    "KIND_SLUGS",
    "CustomerGroup",
    "DeliveryItem",
    "Estimates",
    "Insight",
    "Journey",
    "LifeEvent",
    "Metric",
    "Observation",
    "Opportunity",
    "Record",
    "Review",
    "Step",
    "Team",
    "Theme",
]
