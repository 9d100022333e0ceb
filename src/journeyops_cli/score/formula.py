"""What the multiplicative models (rice, ice, wsjf) share: estimates in, one product out."""

from __future__ import annotations

from journeyops_cli.models import Opportunity
from journeyops_cli.score import factors as catalogue
from journeyops_cli.score.base import Context, Factor, Missing, Score
from journeyops_cli.score.reasons import Reason, Term


def product(
    opportunity: Opportunity,
    context: Context,
    roles: list[tuple[str, str]],
) -> tuple[list[Factor], list[Missing], dict[str, float]]:
    """Read each estimate (default when missing); `roles` says how each enters the formula
    (the catalogue id of `× reach`, `÷ effort`, `+ business value (cost of delay)`)."""
    factors: list[Factor] = []
    missing: list[Missing] = []
    raw: dict[str, float] = {}
    for name, role in roles:
        factor, gaps = catalogue.estimate_factor(opportunity, name, context)
        factor.reason = Reason.of(role, factor=Term("factor", name))
        factors.append(factor)
        missing.extend(gaps)
        raw[name] = float(factor.raw)  # type: ignore[arg-type]
    return factors, missing, raw


def finish(
    opportunity: Opportunity,
    context: Context,
    model: str,
    formula: str,
    factors: list[Factor],
    missing: list[Missing],
    total: float,
) -> Score:
    count = len(catalogue.linked_insights(opportunity, context))
    return Score(opportunity.id, model, total, factors, formula, missing, count)
