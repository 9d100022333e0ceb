"""The inputs a score is built from, each normalised to 0..1: what the journeys show
(pain, evidence, sources, metric gap, level, volume) and what the team estimated.

Every function returns the factor and the inputs it had to take from the defaults.
The formulas are documented in docs/prioritise.md; keep the two in step.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeVar

from journeyops_cli.models import Insight, Journey, Metric, Opportunity, Step
from journeyops_cli.models.config_scoring import MODEL_ESTIMATES
from journeyops_cli.score.base import Context, Factor, Missing
from journeyops_cli.score.reasons import Amount, Counted, Reason, Ref, Term

FactorResult = tuple[Factor, list[Missing]]

SEVERITY = {"low": 0.25, "medium": 0.5, "high": 0.75, "critical": 1.0}
CONFIDENCE = {"low": 0.5, "medium": 0.75, "high": 1.0}
LEVEL = {"top": 1.0, "mid": 0.6, "detailed": 0.3}
MAX_PAIN_POINTS = 3
MAX_SOURCES = 3



R = TypeVar("R", Insight, Metric)

def linked_steps(opportunity: Opportunity, context: Context) -> list[tuple[str, Journey, Step]]:
    """The opportunity's steps that exist in the bank, in the order it lists them (found
    once per ranking: callers do not change the list)."""
    key = ("steps", id(opportunity))
    found = context.linked.get(key)
    if found is None:
        found = context.linked[key] = []
        for ref in dict.fromkeys(opportunity.steps):
            pair = context.bank.step(ref)
            if pair is not None:
                found.append((ref, *pair))
    return found


def _linked(
    opportunity: Opportunity, context: Context, kind: type[R], named: list[str],
    at_step: dict[tuple[str, str], list[R]],
) -> list[R]:
    """Records the opportunity names and records linked to its steps, each once, by id
    (found once per ranking: callers do not change the list)."""
    key = (kind.KIND, id(opportunity))
    known = context.linked.get(key)
    if known is not None:
        return known
    found: dict[str, R] = {}
    for record_id in named:
        record = context.bank.get(kind, record_id)
        if record is not None:
            found[record.id] = record
    for _ref, journey, step in linked_steps(opportunity, context):
        for record in at_step.get((journey.id, step.id), []):
            found[record.id] = record
    linked = context.linked[key] = [found[name] for name in sorted(found)]
    return linked


def linked_insights(opportunity: Opportunity, context: Context) -> list[Insight]:
    """Insights the opportunity cites and insights on its steps, each once, by id."""
    return _linked(opportunity, context, Insight, opportunity.insights, context.bank.step_insights)


def linked_metrics(opportunity: Opportunity, context: Context) -> list[Metric]:
    """Metrics the opportunity names and metrics measured at its steps, each once, by id."""
    return _linked(opportunity, context, Metric, opportunity.metrics, context.bank.step_metrics)


def _defaulted(name: str, context: Context, reason: Reason) -> FactorResult:
    value = context.config.default(name)
    factor = Factor(name, None, value, None, None, reason, missing=True, default_used=value)
    return factor, [Missing(name, name, value, reason)]


NO_STEPS = Reason("explain.no_steps")
NO_INSIGHTS = Reason("explain.no_insights")


# --- journey factors ---------------------------------------------------------------------


def _felt(step: Step, ref: str, journey: Journey, context: Context) -> tuple[Step, str]:
    """The step whose emotion and pain points count for `step`: itself, or with
    `scoring.inherit_pain`, the nearest step above it that records either."""
    if not context.config.inherit_pain:
        return step, ref
    seen = {ref}
    while step.emotion is None and not step.pain_points and step.parent_step:
        parent = context.bank.parent(journey)
        above = parent.step(step.parent_step) if parent is not None else None
        if parent is None or above is None or f"{parent.id}#{above.id}" in seen:
            break
        journey, step, ref = parent, above, f"{parent.id}#{above.id}"
        seen.add(ref)
    return step, ref


def pain(opportunity: Opportunity, context: Context) -> FactorResult:
    """Worst linked step: ½ × (2 − emotion) ÷ 4 + ½ × min(pain points, 3) ÷ 3."""
    steps = linked_steps(opportunity, context)
    if not steps:
        return _defaulted("pain", context, NO_STEPS)
    missing: list[Missing] = []
    best: tuple[float, str, float, int, str] | None = None
    for ref, journey, linked in steps:
        step, source = _felt(linked, ref, journey, context)
        emotion: float
        if step.emotion is None:
            emotion = context.config.default("emotion")
            no_emotion = Reason.of("explain.no_emotion", step=Ref(ref, "step"))
            missing.append(Missing("pain", f"emotion of {ref}", emotion, no_emotion))
        else:
            emotion = float(step.emotion)
        points = len(step.pain_points)
        value = 0.5 * (2.0 - emotion) / 4.0 + 0.5 * min(points, MAX_PAIN_POINTS) / MAX_PAIN_POINTS
        if best is None or value > best[0]:
            best = (value, ref, emotion, points, source)
    assert best is not None
    value, ref, emotion, points, source = best
    said = {"step": Ref(ref, "step"), "emotion": emotion, "pain_points": Counted("pain_points", points)}
    reason = (Reason.of("explain.pain", **said) if source == ref
              else Reason.of("explain.pain_inherited", **said, source=Ref(source, "step")))
    return Factor("pain", emotion, value, None, None, reason, evidence=[r for r, _, _ in steps]), missing


def insight_strength(insight: Insight, context: Context) -> float:
    """severity × confidence × 0.5 ^ (age in days ÷ half-life); future dates count as today."""
    age = max(0, (context.today - insight.date).days)
    recency = 0.5 ** (age / context.config.half_life_days)
    return SEVERITY[insight.severity] * CONFIDENCE[insight.confidence] * recency


def evidence(opportunity: Opportunity, context: Context) -> FactorResult:
    """1 − 2 ^ −(sum of insight strengths): one fresh, sure, critical insight gives 0.5."""
    insights = linked_insights(opportunity, context)
    if not insights:
        return _defaulted("evidence", context, NO_INSIGHTS)
    mass = math.fsum(insight_strength(i, context) for i in insights)
    value = 1.0 - 2.0 ** (-mass)
    reason = Reason.of("explain.evidence", insights=Counted("insights", len(insights)), strength=round(mass, 3))
    return Factor("evidence", mass, value, None, None, reason, evidence=[i.id for i in insights]), []


def sources(opportunity: Opportunity, context: Context) -> FactorResult:
    """(distinct insight types, at most 3) − 1, ÷ 2: 1 type 0, 2 types 0.5, 3 or more 1."""
    insights = linked_insights(opportunity, context)
    if not insights:
        return _defaulted("sources", context, NO_INSIGHTS)
    kinds = sorted({i.type for i in insights})
    value = (min(len(kinds), MAX_SOURCES) - 1) / (MAX_SOURCES - 1)
    reason = Reason.of("explain.sources", types=Counted("types", len(kinds)),
                       kinds=tuple(Term("insight_type", kind) for kind in kinds))
    return Factor("sources", float(len(kinds)), value, None, None, reason, evidence=[i.id for i in insights]), []


def metric_gap_of(metric: Metric) -> float | None:
    """How far the latest observation is from the target, relative to the target, in the
    bad direction (0 when on or past target); None when the metric cannot tell."""
    shortfall = metric.shortfall()
    if metric.volume or shortfall is None:
        return None
    latest = metric.latest()
    assert latest is not None and metric.target is not None  # shortfall() needs both
    scale = abs(metric.target) or abs(latest.value)
    if scale == 0:
        return 0.0
    return shortfall / scale


def metric_gap(opportunity: Opportunity, context: Context) -> FactorResult:
    """Largest gap of a linked metric, clipped to 0..1."""
    metrics = linked_metrics(opportunity, context)
    gaps = [(gap, m) for m in metrics if (gap := metric_gap_of(m)) is not None]
    if not gaps:
        return _defaulted("metric_gap", context, Reason("explain.no_metric"))
    gap, metric = max(gaps, key=lambda pair: (pair[0], pair[1].id))
    latest = metric.latest()
    assert latest is not None
    reason = Reason.of(f"explain.metric_gap.{metric.direction}", metric=Ref(metric.id, "metric"), latest=latest.value,
                       target=metric.target)
    value = min(max(gap, 0.0), 1.0)
    return Factor("metric_gap", gap, value, None, None, reason, evidence=[m.id for _, m in gaps]), []


def level(opportunity: Opportunity, context: Context) -> FactorResult:
    """Highest level among the linked steps' journeys: top 1, mid 0.6, detailed 0.3."""
    steps = linked_steps(opportunity, context)
    if not steps:
        return _defaulted("level", context, NO_STEPS)
    journeys = sorted({j.id: j for _, j, _ in steps}.values(), key=lambda j: j.id)
    best = max(journeys, key=lambda j: LEVEL[j.level])
    reason = Reason.of(f"explain.level.{best.level}", journey=Ref(best.id, "journey"))
    return Factor("level", best.level, LEVEL[best.level], None, None, reason, evidence=[j.id for j in journeys]), []


def volume_metrics(opportunity: Opportunity, context: Context) -> list[tuple[float, Metric]]:
    found = []
    for metric in linked_metrics(opportunity, context):
        latest = metric.latest()
        if metric.volume and latest is not None:
            found.append((latest.value, metric))
    return found


def volume(opportunity: Opportunity, context: Context) -> FactorResult:
    """log10(1 + largest linked volume) ÷ log10(1 + largest volume in the bank)."""
    found = volume_metrics(opportunity, context)
    if not found:
        return _defaulted("volume", context, Reason("explain.no_volume"))
    value, metric = max(found, key=lambda pair: (pair[0], pair[1].id))
    top = context.max_volume
    normalised = math.log10(1 + max(value, 0.0)) / math.log10(1 + top) if top > 0 else 0.0
    reason = Reason.of("explain.volume", metric=Ref(metric.id, "metric"), value=Amount(value, metric.unit), top=top)
    return Factor("volume", value, normalised, None, None, reason, evidence=[m.id for _, m in found]), []


# --- the opportunity's own estimates -----------------------------------------------------


def estimate(opportunity: Opportunity, name: str, context: Context) -> tuple[float, Missing | None]:
    """The raw estimate `name`, or its documented default (reported as missing)."""
    value = getattr(opportunity.estimates, name, None) if opportunity.estimates else None
    if value is None:
        default = context.config.default(name)
        return default, Missing(name, name, default, Reason("explain.no_estimate_own"))
    return float(value), None


def _reach(value: float, context: Context) -> float:
    top = context.max_reach
    return math.log10(1 + value) / math.log10(1 + top) if top > 0 else 0.0


# Each estimate's normalisation, and the catalogue id of its formula in words.
NORMALISE: dict[str, tuple[Callable[[float, Context], float], str]] = {
    "reach": (_reach, "explain.normalise.reach"),
    "impact": (lambda v, c: min(v, 3.0) / 3.0, "explain.normalise.impact"),
    "confidence": (lambda v, c: min(v, 1.0), "explain.normalise.confidence"),
    "effort": (lambda v, c: 1.0 / (1.0 + v), "explain.normalise.effort"),
    "ease": (lambda v, c: min(v, 10.0) / 10.0, "explain.normalise.ease"),
    "business_value": (lambda v, c: min(v, 20.0) / 20.0, "explain.normalise.fibonacci"),
    "time_criticality": (lambda v, c: min(v, 20.0) / 20.0, "explain.normalise.fibonacci"),
    "risk_reduction": (lambda v, c: min(v, 20.0) / 20.0, "explain.normalise.fibonacci"),
    "job_size": (lambda v, c: 1.0 / (1.0 + v / 5.0), "explain.normalise.job_size"),
}


def estimate_factor(opportunity: Opportunity, name: str, context: Context) -> FactorResult:
    """One estimate as a factor, normalised by NORMALISE."""
    value, gap = estimate(opportunity, name, context)
    normalise, how = NORMALISE[name]
    factor = Factor(
        name,
        value,
        normalise(value, context),
        None,
        None,
        Reason.of(how, value=value),
        missing=gap is not None,
        default_used=value if gap is not None else None,
        evidence=[opportunity.id],
    )
    return factor, [gap] if gap else []


def estimates(opportunity: Opportunity, context: Context) -> FactorResult:
    """Mean of impact ÷ 3, confidence, and 1 ÷ (1 + effort)."""
    parts = [estimate_factor(opportunity, name, context) for name in MODEL_ESTIMATES["journey"]]
    missing = [m for _, gaps in parts for m in gaps]
    missing = [Missing("estimates", m.input, m.default,
                       Reason.of("explain.no_estimate", factor=Term("factor", m.input))) for m in missing]
    value = math.fsum(f.normalised for f, _ in parts) / len(parts)
    reason = Reason.of("explain.estimates", parts=tuple(
        Reason.of("explain.estimate_default" if f.missing else "explain.estimate", factor=Term("factor", f.name),
                  value=f.raw)
        for f, _ in parts
    ))
    everything_missing = len(missing) == len(parts)
    return (
        Factor(
            "estimates",
            float(len(parts) - len(missing)),
            value,
            None,
            None,
            reason,
            missing=everything_missing,
            default_used=value if everything_missing else None,
            evidence=[opportunity.id],
        ),
        missing,
    )


JOURNEY: dict[str, Callable[[Opportunity, Context], FactorResult]] = {
    "pain": pain,
    "evidence": evidence,
    "sources": sources,
    "metric_gap": metric_gap,
    "level": level,
    "volume": volume,
    "estimates": estimates,
}


def catalogue_factor(name: str, opportunity: Opportunity, context: Context) -> FactorResult:
    """Any factor the weighted model may use: a journey factor or one estimate."""
    if name in JOURNEY:
        return JOURNEY[name](opportunity, context)
    return estimate_factor(opportunity, name, context)
