"""The `scoring:` section of `journeyops.yaml`.

The names of models, factors and defaults live here (not in `score/`) so that the config
can be checked when it is read, by every command, and `score/` can import them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from journeyops_cli.models.base import Date, Strict
from journeyops_cli.suggest import did_you_mean

ModelName = Literal["journey", "rice", "ice", "wsjf", "weighted"]
MODEL_NAMES: tuple[str, ...] = ("journey", "rice", "ice", "wsjf", "weighted")

JOURNEY_FACTORS: tuple[str, ...] = (
    "pain",
    "evidence",
    "sources",
    "metric_gap",
    "level",
    "volume",
    "estimates",
)
"""Factors of the `journey` model, in the order explanations list them."""

ESTIMATE_FIELDS: tuple[str, ...] = (
    "reach",
    "impact",
    "confidence",
    "effort",
    "ease",
    "business_value",
    "time_criticality",
    "risk_reduction",
    "job_size",
)
"""The opportunity's own estimates; the `weighted` model may use each as a factor."""

MODEL_ESTIMATES: dict[str, tuple[str, ...]] = {
    "journey": ("impact", "confidence", "effort"),
    "rice": ("reach", "impact", "confidence", "effort"),
    "ice": ("impact", "confidence", "ease"),
    "wsjf": ("business_value", "time_criticality", "risk_reduction", "job_size"),
}
"""The estimates each model is built from (for `journey`, those of its `estimates` factor)."""
WEIGHTED_FACTORS: tuple[str, ...] = JOURNEY_FACTORS + ESTIMATE_FIELDS
"""Every factor the `weighted` model can be built from."""

DEFAULT_WEIGHTS: dict[str, float] = {
    "pain": 0.25,
    "evidence": 0.25,
    "sources": 0.05,
    "metric_gap": 0.15,
    "level": 0.10,
    "volume": 0.10,
    "estimates": 0.10,
}
"""Default weights of the `journey` model (reasoned in docs/prioritise.md)."""

DEFAULTS: dict[str, float] = {
    # journey factors when nothing at all feeds them (normalised, 0..1)
    "pain": 0.0,
    "evidence": 0.0,
    "sources": 0.0,
    "metric_gap": 0.0,
    "level": 0.0,
    "volume": 0.5,
    # inputs inside a factor (raw values, in the field's own scale)
    "emotion": 0.0,
    "reach": 0.0,
    "impact": 1.0,
    "confidence": 0.5,
    "effort": 3.0,
    "ease": 5.0,
    "business_value": 1.0,
    "time_criticality": 1.0,
    "risk_reduction": 1.0,
    "job_size": 5.0,
}
"""The value used for a missing input; every use is reported with the score."""

DEFAULT_BOUNDS: dict[str, tuple[float, float | None]] = {
    **{name: (0.0, 1.0) for name in ("pain", "evidence", "sources", "metric_gap", "level", "volume")},
    "emotion": (-2.0, 2.0),
    "confidence": (0.0, 1.0),
    "ease": (1.0, 10.0),
    "effort": (0.001, None),
    "job_size": (0.001, None),
    **{name: (0.0, None) for name in ("reach", "impact", "business_value", "time_criticality", "risk_reduction")},
}


def _unknown(name: str, allowed: tuple[str, ...] | list[str], message: str, what: str) -> PydanticCustomError:
    close = did_you_mean(name, allowed)
    hint = (f"{close} " if close else "") + f"{what}: " + ", ".join(allowed)
    return PydanticCustomError("unknown_name", message, {"hint": hint})


def _journey_factor(name: str) -> str:
    if name not in JOURNEY_FACTORS:
        raise _unknown(name, JOURNEY_FACTORS, "not a factor of the journey model", "its factors are")
    return name


def _weighted_factor(name: str) -> str:
    if name not in WEIGHTED_FACTORS:
        raise _unknown(name, WEIGHTED_FACTORS, "not a factor the weighted model can use", "it can use")
    return name


def _default_name(name: str) -> str:
    if name not in DEFAULTS:
        raise _unknown(name, list(DEFAULTS), "no input of this name has a default", "defaults can be set for")
    return name


def _weight(value: float) -> float:
    if value < 0:
        raise PydanticCustomError(
            "negative_weight",
            "weight {value} is negative",
            {"value": value, "hint": "weights are relative and at least 0; use 0 to leave a factor out"},
        )
    return value


Weight = Annotated[float, AfterValidator(_weight)]
JourneyFactor = Annotated[str, AfterValidator(_journey_factor)]
WeightedFactor = Annotated[str, AfterValidator(_weighted_factor)]
DefaultName = Annotated[str, AfterValidator(_default_name)]


class ScoringConfig(Strict):
    """How `journeyops prioritise` ranks opportunities."""

    model: ModelName = "journey"
    """The scoring model: `journey` (default), `rice`, `ice`, `wsjf` or `weighted`."""
    weights: dict[JourneyFactor, Weight] = {}
    """Weights of the `journey` model per factor (pain, evidence, sources, metric_gap,
    level, volume, estimates), overriding the defaults; weights are relative."""
    weighted: dict[WeightedFactor, Weight] = {}
    """The `weighted` model: its factors and their weights, e.g. `{pain: 2, impact: 1}`.
    Factors come from the journey factors and the estimate fields."""
    defaults: dict[DefaultName, float] = {}
    """Values used for missing inputs, overriding the documented defaults."""
    today: Date | None = None
    """The reference date for recency (YYYY-MM-DD); default: the latest date in the bank."""
    half_life_days: Annotated[int, Field(gt=0)] = 365
    """An insight this many days older than the reference date counts half as much."""
    inherit_pain: bool = False
    """When a step records neither an emotion nor pain points, the `pain` factor takes
    them from the step it elaborates (`parent_step`), and from that step's parent, up to
    the top journey; `--explain` names the step they came from."""

    @model_validator(mode="after")
    def _check(self) -> ScoringConfig:
        for name, value in self.defaults.items():
            low, high = DEFAULT_BOUNDS[name]
            if value < low or (high is not None and value > high):
                shown = f"from {low:g} to {high:g}" if high is not None else f"at least {low:g}"
                raise PydanticCustomError(
                    "bad_default",
                    "default for '{name}' must be {shown}, not {value}",
                    {"name": name, "shown": shown, "value": value, "hint": None},
                )
        if self.weights and not any(self.weights_for("journey").values()):
            raise PydanticCustomError(
                "zero_weights",
                "the journey model's weights are all 0",
                {"hint": "give at least one factor a weight above 0"},
            )
        if self.weighted and not any(self.weighted.values()):
            raise PydanticCustomError(
                "zero_weights",
                "the weighted model's weights are all 0",
                {"hint": "give at least one factor a weight above 0"},
            )
        if self.model == "weighted" and not self.weighted:
            raise PydanticCustomError(
                "no_factors",
                "the weighted model needs factors",
                {"hint": "add `weighted: {pain: 2, evidence: 1, impact: 1}` under `scoring:`"},
            )
        return self

    def weights_for(self, model: str) -> dict[str, float]:
        """The weight of every factor of `model` (journey or weighted), defaults applied."""
        if model == "weighted":
            return dict(self.weighted)
        return {name: self.weights.get(name, DEFAULT_WEIGHTS[name]) for name in JOURNEY_FACTORS}

    def estimates_used(self) -> tuple[str, ...]:
        """The opportunity estimates the configured model reads (what `new opportunity`
        asks for), in ESTIMATE_FIELDS order; none when the model gives them no weight."""
        if self.model == "weighted":
            used = {name for name, weight in self.weighted.items() if weight > 0}
            if "estimates" in used:
                used |= set(MODEL_ESTIMATES["journey"])
        elif self.model == "journey":
            used = set(MODEL_ESTIMATES["journey"]) if self.weights_for("journey")["estimates"] > 0 else set()
        else:
            used = set(MODEL_ESTIMATES[self.model])
        return tuple(name for name in ESTIMATE_FIELDS if name in used)

    def default(self, name: str) -> float:
        return self.defaults.get(name, DEFAULTS[name])
