"""The customer-experience scorecard: how well-evidenced, fresh and on-target the bank is,
per anchor theme, journey and step, rolled up from detailed to mid to top to theme.

Figures are data (dataclasses with `to_dict`); `scorecard.output` turns them into text,
Markdown or JSON. Nothing here prints.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from journeyops_cli.bank.rollup import Evidence
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.models.base import pick_text

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.models import Journey

STATUSES = ("idea", "proposed", "planned", "in-progress", "done", "rejected")
DEFAULT_FRESH_DAYS = 365


@dataclass(frozen=True, slots=True)
class Coverage:
    """Of `steps` steps, how many have an emotion, an insight and a metric (on the step
    or beneath it)."""

    steps: int
    emotion: int
    insight: int
    metric: int

    def share(self, count: int) -> float | None:
        return count / self.steps if self.steps else None

    def to_dict(self) -> dict[str, Any]:
        return {"steps": self.steps, "emotion": self.emotion, "insight": self.insight, "metric": self.metric}


@dataclass(slots=True)
class Figures:
    """The scorecard of one scope: the bank, a theme, a journey or a step."""

    scope: str
    id: str
    title: str
    coverage: Coverage
    insights: int
    insight_types: dict[str, int]
    newest_evidence: dt.date | None
    fresh_insights: int
    metrics: dict[str, int]
    trends: dict[str, int]
    opportunities: dict[str, int]
    worst_emotion: int | None
    mean_emotion: float | None
    pain_points: int
    level: str | None = None
    stale: list[str] = field(default_factory=list)
    unowned: list[str] = field(default_factory=list)
    findings: dict[str, int] = field(default_factory=dict)
    children: list[Figures] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scope": self.scope,
            "id": self.id,
            "title": self.title,
            "level": self.level,
            "coverage": self.coverage.to_dict(),
            "insights": {
                "count": self.insights,
                "types": self.insight_types,
                "newest": self.newest_evidence.isoformat() if self.newest_evidence else None,
                "fresh": self.fresh_insights,
            },
            "metrics": {"status": self.metrics, "trend": self.trends},
            "opportunities": self.opportunities,
            "emotion": {"worst": self.worst_emotion, "mean": self.mean_emotion},
            "pain_points": self.pain_points,
            "stale_journeys": self.stale,
            "journeys_without_owner_or_team": self.unowned,
            "findings": self.findings,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass(slots=True)
class Scorecard:
    """The whole scorecard: the bank, then each theme with its journeys and their steps."""

    bank: Figures
    today: dt.date
    fresh_days: int
    # The files each scope's findings are counted from, made when `build` is asked to
    # (`recount=True`), for `recounted`.
    counted: list[tuple[Figures, list[str]]] | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"today": self.today.isoformat(), "fresh_days": self.fresh_days, "bank": self.bank.to_dict()}

    def recounted(self, findings: Iterable[Finding]) -> Scorecard:
        """This scorecard (built with `recount=True`) with `findings` counted in instead of
        its own: what `build` gives with them, without rolling the bank up again (the
        site's figures are made before its rules are done)."""
        if self.counted is None:
            raise ValueError("this scorecard was built without recount=True")
        by_file = findings_by_file(findings)
        files = {id(figures): paths for figures, paths in self.counted}

        def copy(figures: Figures) -> Figures:
            return replace(figures, findings=findings_in(by_file, files[id(figures)]),
                           children=[copy(child) for child in figures.children])

        whole = copy(self.bank)
        whole.findings = findings_in(by_file, by_file)
        return Scorecard(whole, self.today, self.fresh_days)


# The severities' labels, the worst first.
SEVERITY_LABELS = tuple(severity.label for severity in sorted(Severity, reverse=True))


def findings_by_file(findings: Iterable[Finding]) -> dict[str, Counter[str]]:
    """How many findings of each severity each file has."""
    by_file: dict[str, Counter[str]] = {}
    for item in findings:
        by_file.setdefault(item.path, Counter())[item.severity.label] += 1
    return by_file


def findings_in(by_file: dict[str, Counter[str]], paths: Iterable[str]) -> dict[str, int]:
    """The findings of the files `paths` by severity (`by_file`: `findings_by_file`)."""
    total: Counter[str] = Counter()
    if by_file:  # the site counts no findings at first: nothing to add up
        for path in set(paths):
            found = by_file.get(path)
            if found:
                total.update(found)
    return {label: total.get(label, 0) for label in SEVERITY_LABELS}


class _Context:
    """What every scope's figures need: the bank, its findings by file, staleness."""

    def __init__(self, bank: Bank, findings: Iterable[Finding], today: dt.date, fresh_days: int,
                 is_stale: Any, recount: bool = False) -> None:
        self.bank = bank
        self.today = today
        self.fresh_days = fresh_days
        self.is_stale = is_stale
        self.language = bank.config.default_language
        self.by_file = findings_by_file(findings)
        self.counted: list[tuple[Figures, list[str]]] | None = [] if recount else None

    def title(self, text: Any, fallback: str) -> str:
        return pick_text(text, self.language, self.bank.config.languages) or fallback

    def findings_in(self, paths: Iterable[str]) -> dict[str, int]:
        return findings_in(self.by_file, paths)

    def figures(self, scope: str, scope_id: str, title: str, evidence: Evidence,
                journeys: list[Journey], level: str | None = None) -> Figures:
        rollup = self.bank.rollup()
        keys = evidence.steps
        covered = [rollup.steps[key].total for key in keys if key in rollup.steps]
        coverage = Coverage(
            steps=len(keys),
            emotion=sum(1 for total in covered if total.emotions),
            insight=sum(1 for total in covered if total.insights),
            metric=sum(1 for total in covered if total.metrics),
        )
        dates = [insight.date for insight in evidence.insights.values()]
        horizon = self.today - dt.timedelta(days=self.fresh_days)
        trends = Counter(t for metric in evidence.metrics.values() if (t := metric.trend()) is not None)
        by_status = evidence.opportunities_by_status()
        status = evidence.metric_status()
        paths = [j.source_path for j in journeys]
        paths += [r.source_path for r in evidence.insights.values()]
        paths += [r.source_path for r in evidence.metrics.values()]
        paths += [r.source_path for r in evidence.opportunities.values()]
        figures = Figures(
            scope=scope,
            id=scope_id,
            title=title,
            level=level,
            coverage=coverage,
            insights=len(evidence.insights),
            insight_types=dict(sorted(evidence.insight_types().items())),
            newest_evidence=max(dates, default=None),
            fresh_insights=sum(1 for date in dates if date >= horizon),
            metrics={name: status.get(name, 0) for name in ("on", "off", "unknown")},
            trends={name: trends.get(name, 0) for name in ("better", "worse", "flat")},
            opportunities={name: by_status.get(name, 0) for name in STATUSES},
            worst_emotion=evidence.worst_emotion,
            mean_emotion=round(evidence.mean_emotion, 2) if evidence.mean_emotion is not None else None,
            pain_points=evidence.pain_point_count(),
            stale=sorted(j.id for j in journeys if self.is_stale(j)),
            unowned=sorted(j.id for j in journeys if j.status == "active" and not (j.owner and j.team)),
            findings=self.findings_in(paths),
        )
        if self.counted is not None:
            self.counted.append((figures, paths))
        return figures


def _own_steps(bank: Bank, journeys: Iterable[Journey]) -> Evidence:
    """Every step of `journeys` (each step once), with what is on the step itself."""
    evidence = Evidence()
    for journey in journeys:
        for step in journey.steps:
            evidence.merge(bank.rollup().steps[(journey.id, step.id)].own)
    return evidence


def build(
    bank: Bank,
    findings: Iterable[Finding],
    *,
    today: dt.date,
    fresh_days: int = DEFAULT_FRESH_DAYS,
    is_stale: Any = lambda journey: False,
    recount: bool = False,
) -> Scorecard:
    """The scorecard of `bank`. Coverage counts each step of the scope once, and a step is
    covered when it or a step beneath it has the evidence; records are counted once per
    scope whichever step they sit on. Target (to-be) journeys are plans and not in it.
    `is_stale(journey)` is JO402's judgement. `recount`: the scorecard can count other
    findings in later (`Scorecard.recounted`)."""
    context = _Context(bank, findings, today, fresh_days, is_stale, recount)
    rollup = bank.rollup()
    journeys = sorted((j for j in bank.journeys() if j.state != "target"),
                      key=lambda j: (("top", "mid", "detailed").index(j.level), j.id))

    def journey_figures(journey: Journey) -> Figures:
        own = _own_steps(bank, [journey])
        evidence = Evidence()
        evidence.merge(own)
        evidence.merge(rollup.journey(journey.id))
        evidence.steps = own.steps  # coverage counts the journey's own steps
        result = context.figures("journey", journey.id, context.title(journey.title, journey.id),
                                 evidence, [journey], journey.level)
        if journey.level != "detailed":
            for step in journey.steps:
                item = rollup.steps[(journey.id, step.id)]
                step_evidence = Evidence()
                step_evidence.merge(item.total)
                step_evidence.steps = [(journey.id, step.id)]
                result.children.append(context.figures(
                    "step", f"{journey.id}#{step.id}", context.title(step.title, step.id),
                    step_evidence, _journeys_below(bank, journey, step.id),
                ))
        return result

    themes = []
    theme_ids = [t.id for t in sorted(bank.themes(), key=lambda t: t.id)]
    for theme_id in theme_ids + sorted({j.theme for j in journeys if j.theme} - set(theme_ids)):
        members = [j for j in journeys if j.theme == theme_id]
        theme = bank.get_kind("Theme", theme_id)
        title = context.title(getattr(theme, "title", None), theme_id)
        figures = context.figures("theme", theme_id, title, _scope_evidence(bank, members), members)
        figures.children = [journey_figures(j) for j in members]
        themes.append(figures)
    loose = [j for j in journeys if not j.theme]
    if loose:
        figures = context.figures("theme", "", "", _scope_evidence(bank, loose), loose)
        figures.children = [journey_figures(j) for j in loose]
        themes.append(figures)
    whole = context.figures("bank", "", context.title(bank.config.name, ""),
                            _scope_evidence(bank, journeys), journeys)
    whole.findings = context.findings_in(context.by_file)
    whole.children = themes
    return Scorecard(whole, today, fresh_days, context.counted)


def _scope_evidence(bank: Bank, journeys: list[Journey]) -> Evidence:
    """The steps of `journeys` (for coverage) and every record on them or beneath them."""
    own = _own_steps(bank, journeys)
    evidence = Evidence()
    evidence.merge(own)
    for journey in journeys:
        evidence.merge(bank.rollup().journey(journey.id))
    evidence.steps = own.steps
    return evidence


def _journeys_below(bank: Bank, journey: Journey, step_id: str) -> list[Journey]:
    """The journeys with a step that elaborates `journey#step_id`, and theirs, below."""
    found: dict[str, Journey] = {}
    seen = {(journey.id, step_id)}
    todo = [(journey.id, step_id)]
    while todo:
        for child, child_step in bank.step_children.get(todo.pop(), []):
            if child.state == "target":
                continue
            found.setdefault(child.id, child)
            key = (child.id, child_step.id)
            if key not in seen:
                seen.add(key)
                todo.append(key)
    return list(found.values())


def stale_journeys(card: Scorecard) -> list[str]:
    """The ids of the bank's stale journeys, sorted."""
    return sorted({j for theme in card.bank.children for j in theme.stale})


def unowned_journeys(card: Scorecard) -> list[str]:
    """The ids of the active journeys without owner or team, sorted."""
    return sorted({j for theme in card.bank.children for j in theme.unowned})


def uncovered_phases(card: Scorecard) -> list[str]:
    """`journey#step` for each step (phase) of a top journey with no insight on it or
    beneath it, in the scorecard's order."""
    return [
        step.id
        for theme in card.bank.children for journey in theme.children if journey.level == "top"
        for step in journey.children if step.coverage.insight == 0
    ]
