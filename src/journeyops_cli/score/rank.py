"""Score every opportunity that passes the filters and order them deterministically.

Order: higher score first (compared at 9 decimals, so float noise never decides), then
more linked insights, then id (a to z).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from journeyops_cli.bank import Bank
from journeyops_cli.errors import JourneyopsError
from journeyops_cli.models import Journey, Opportunity, Theme
from journeyops_cli.models.base import pick_text
from journeyops_cli.models.config_scoring import MODEL_NAMES
from journeyops_cli.models.opportunity import OpportunityStatus
from journeyops_cli.score.base import Context, Score, ScoringModel
from journeyops_cli.score.ice import IceModel
from journeyops_cli.score.journey import JourneyModel
from journeyops_cli.score.rice import RiceModel
from journeyops_cli.score.weighted import WeightedModel
from journeyops_cli.score.wsjf import WsjfModel
from journeyops_cli.suggest import did_you_mean

STATUSES: tuple[str, ...] = OpportunityStatus.__args__  # type: ignore[attr-defined]
DEFAULT_EXCLUDED: tuple[str, ...] = ("done", "rejected")
EPOCH = dt.date(1970, 1, 1)


class ScoreError(JourneyopsError):
    """The request cannot be met (unknown model, status, theme, journey or id): exit 2."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)


@dataclass(frozen=True, slots=True)
class Request:
    """What to rank: the model (None: from config), filters, and how many to keep."""

    model: str | None = None
    theme: str | None = None
    journey: str | None = None
    statuses: tuple[str, ...] | None = None
    top: int | None = None


@dataclass(slots=True)
class Ranked:
    """One row of the backlog."""

    rank: int
    opportunity: Opportunity
    title: str
    journeys: list[str]
    score: Score


@dataclass(slots=True)
class Ranking:
    """The ranked backlog and what the run has to say about it."""

    model: str
    formula: str
    today: dt.date
    today_source: str
    rows: list[Ranked]
    warnings: list[str] = field(default_factory=list)
    context: Context | None = None
    everyone: list[Ranked] = field(default_factory=list)
    """Every ranked row, also those `--top` cut off."""

    def find(self, opportunity_id: str) -> Ranked | None:
        return next((row for row in self.everyone if row.opportunity.id == opportunity_id), None)


def _hint(word: str, choices: list[str], what: str) -> str:
    return did_you_mean(word, choices) or f"{what}: " + (", ".join(choices) if choices else "none in this bank")


def model_for(name: str, bank: Bank) -> ScoringModel:
    """The model called `name`, configured from the bank's `scoring:` section."""
    config = bank.config.scoring
    if name == "journey":
        return JourneyModel()
    if name == "rice":
        return RiceModel()
    if name == "ice":
        return IceModel()
    if name == "wsjf":
        return WsjfModel()
    if name == "weighted":
        if not config.weighted:
            raise ScoreError(
                "the weighted model needs factors, and journeyops.yaml gives none",
                "add `weighted: {pain: 2, evidence: 1, impact: 1}` under `scoring:`",
            )
        return WeightedModel(config.weighted)
    raise ScoreError(f"unknown model '{name}'", _hint(name, list(MODEL_NAMES), "models"))


def reference_date(bank: Bank) -> tuple[dt.date, str]:
    """`scoring.today`, else the latest date in the bank (insights, observations, reviews)."""
    if bank.config.scoring.today is not None:
        return bank.config.scoring.today, "scoring.today"
    dates = [i.date for i in bank.insights()]
    dates += [o.date for m in bank.metrics() for o in m.observations]
    dates += [j.reviewed for j in bank.journeys() if j.reviewed is not None]
    if not dates:
        return EPOCH, "no dates in the bank"
    return max(dates), "latest date in the bank"


def context_for(bank: Bank) -> tuple[Context, str]:
    today, source = reference_date(bank)
    volumes = [latest.value for m in bank.metrics() if m.volume and (latest := m.latest()) is not None]
    reaches = [o.estimates.reach for o in bank.opportunities() if o.estimates and o.estimates.reach is not None]
    context = Context(bank, bank.config.scoring, today, max(volumes, default=0.0), max(reaches, default=0.0))
    return context, source


def linked_journeys(opportunity: Opportunity, bank: Bank) -> list[str]:
    """Ids of the journeys whose steps the opportunity names, sorted."""
    ids = {ref.partition("#")[0] for ref in opportunity.steps}
    return sorted(i for i in ids if bank.get(Journey, i) is not None)


def _in_lineage(opportunity: Opportunity, bank: Bank, matches: Callable[[Journey], bool]) -> bool:
    """True when a linked journey, or one of its ancestors, matches."""
    for journey_id in linked_journeys(opportunity, bank):
        journey = bank.get(Journey, journey_id)
        assert journey is not None
        if any(matches(j) for j in (journey, *bank.ancestors(journey))):
            return True
    return False


def _in_theme(opportunity: Opportunity, bank: Bank, theme: str) -> bool:
    return _in_lineage(opportunity, bank, lambda j: j.theme == theme)


def _in_journey(opportunity: Opportunity, bank: Bank, wanted: str) -> bool:
    return _in_lineage(opportunity, bank, lambda j: j.id == wanted)


def _check(request: Request, bank: Bank) -> tuple[str, ...]:
    for status in request.statuses or ():
        if status not in STATUSES:
            raise ScoreError(f"unknown status '{status}'", _hint(status, list(STATUSES), "statuses"))
    if request.theme is not None and bank.get(Theme, request.theme) is None:
        raise ScoreError(f"no theme '{request.theme}' in the bank", _hint(request.theme, bank.ids("Theme"), "themes"))
    if request.journey is not None and bank.get(Journey, request.journey) is None:
        raise ScoreError(
            f"no journey '{request.journey}' in the bank", _hint(request.journey, bank.ids("Journey"), "journeys")
        )
    if request.top is not None and request.top < 1:
        raise ScoreError(f"--top must be at least 1, not {request.top}")
    if request.statuses:
        return tuple(dict.fromkeys(request.statuses))
    return tuple(s for s in STATUSES if s not in DEFAULT_EXCLUDED)


def sort_key(score: Score) -> tuple[float, int, str]:
    return (-round(score.total, 9), -score.evidence_count, score.opportunity)


def missing_warning(score: Score) -> str:
    """The one warning an opportunity with missing inputs gets."""
    return f"{score.opportunity}: missing inputs, defaults used: " + "; ".join(m.describe() for m in score.missing)


def title_of(opportunity: Opportunity, bank: Bank) -> str:
    languages = bank.config.languages
    return pick_text(opportunity.title, languages[0], languages)  # type: ignore[arg-type]


def rank(bank: Bank, request: Request) -> Ranking:
    """Score and order the opportunities that pass the filters."""
    statuses = _check(request, bank)
    model = model_for(request.model or bank.config.scoring.model, bank)
    context, source = context_for(bank)
    chosen = [
        o
        for o in bank.opportunities()
        if o.status in statuses
        and (request.theme is None or _in_theme(o, bank, request.theme))
        and (request.journey is None or _in_journey(o, bank, request.journey))
    ]
    scores = sorted((model.score(o, context) for o in chosen), key=sort_key)
    by_id = {o.id: o for o in chosen}
    rows = [
        Ranked(n, opportunity, title_of(opportunity, bank), linked_journeys(opportunity, bank), s)
        for n, s in enumerate(scores, start=1)
        for opportunity in (by_id[s.opportunity],)
    ]
    shown = rows[: request.top] if request.top is not None else rows
    warnings = [missing_warning(row.score) for row in shown if row.score.missing]
    return Ranking(model.name, model.formula, context.today, source, shown, warnings, context, rows)


def explain_one(bank: Bank, ranking: Ranking, opportunity_id: str, request: Request) -> Ranked:
    """The row of `opportunity_id`: from the ranking, or scored on its own (rank 0) when the
    filters left it out."""
    row = ranking.find(opportunity_id)
    if row is not None:
        return row
    opportunity = bank.get(Opportunity, opportunity_id)
    if opportunity is None:
        raise ScoreError(
            f"no opportunity '{opportunity_id}' in the bank",
            _hint(opportunity_id, bank.ids("Opportunity"), "opportunities"),
        )
    assert ranking.context is not None
    model = model_for(request.model or bank.config.scoring.model, bank)
    score = model.score(opportunity, ranking.context)
    return Ranked(0, opportunity, title_of(opportunity, bank), linked_journeys(opportunity, bank), score)

