"""The scoring interface: what a model is, what a score holds, what a model may read."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Protocol

from journeyops_cli.bank import Bank
from journeyops_cli.models import Opportunity
from journeyops_cli.models.config_scoring import ScoringConfig
from journeyops_cli.score.reasons import Reason, words


@dataclass(frozen=True, slots=True)
class Missing:
    """An input that was not in the bank, and the documented default used instead."""

    factor: str
    input: str
    default: float
    reason: Reason

    @property
    def note(self) -> str:
        """The reason in the command line's words."""
        return words(self.reason)

    def describe(self) -> str:
        return f"{self.factor}: {self.note} (used {self.default:g})"


@dataclass(slots=True)
class Factor:
    """One factor of a score.

    `raw` is the input in its own unit, `normalised` its 0..1 value; for additive models
    `contribution` = 100 × weight ÷ (sum of weights) × normalised, and the contributions add
    up to the total. Multiplicative models (rice, ice, wsjf) have `weight` and
    `contribution` None: their `reason` says whether the factor multiplies or divides.
    `reason` is why the factor has its value, as data; `detail` is it in the command
    line's words.
    """

    name: str
    raw: float | str | None
    normalised: float
    weight: float | None
    contribution: float | None
    reason: Reason
    missing: bool = False
    default_used: float | None = None
    evidence: list[str] = field(default_factory=list)

    @property
    def detail(self) -> str:
        return words(self.reason)


@dataclass(slots=True)
class Score:
    """An opportunity's score under one model, with everything needed to explain it."""

    opportunity: str
    model: str
    total: float
    factors: list[Factor]
    formula: str
    missing: list[Missing] = field(default_factory=list)
    evidence_count: int = 0

    @property
    def driver(self) -> str:
        """The factor that adds most (additive models) or has the highest normalised value."""
        if not self.factors:
            return ""
        if all(f.contribution is not None for f in self.factors):
            best = max(self.factors, key=lambda f: (f.contribution or 0.0, -self.factors.index(f)))
            return best.name if (best.contribution or 0.0) > 0 else ""
        best = max(self.factors, key=lambda f: (f.normalised, -self.factors.index(f)))
        return best.name


@dataclass(frozen=True, slots=True)
class Context:
    """What a model may read besides the opportunity: the bank and bank-wide references."""

    bank: Bank
    config: ScoringConfig
    today: dt.date
    max_volume: float
    max_reach: float
    linked: dict[tuple[str, int], list[Any]] = field(default_factory=dict, compare=False, repr=False)
    """What each opportunity links to (`factors.linked_steps`, `_linked`), found once per
    ranking: three factors read its insights and three its steps."""


class ScoringModel(Protocol):
    """A prioritisation model. `factors` lists the factor names in explanation order."""

    name: str
    formula: str

    @property
    def factors(self) -> tuple[str, ...]: ...

    def score(self, opportunity: Opportunity, context: Context) -> Score: ...


def additive(
    opportunity: Opportunity,
    model: str,
    formula: str,
    parts: list[tuple[Factor, list[Missing]]],
    weights: dict[str, float],
    evidence_count: int,
) -> Score:
    """Weight each factor, so that the contributions add up exactly to the total."""
    total_weight = math.fsum(weights[f.name] for f, _ in parts)
    factors: list[Factor] = []
    missing: list[Missing] = []
    for factor, gaps in parts:
        factor.weight = weights[factor.name]
        factor.contribution = 100.0 * factor.weight / total_weight * factor.normalised
        factors.append(factor)
        missing.extend(gaps)
    total = math.fsum(f.contribution or 0.0 for f in factors)
    return Score(opportunity.id, model, total, factors, formula, missing, evidence_count)
