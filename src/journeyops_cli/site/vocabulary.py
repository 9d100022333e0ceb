"""What the site shows of the bank's vocabulary: what each team owns, and what is known
about a customer group or a life event ("what do we know about people moving to
Helsinki?"): the journeys tied to it and, through the roll-up, the insights, metrics and
opportunities on those journeys' steps and beneath them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter
from typing import Any, TypeVar, get_args

from journeyops_cli.bank import Bank
from journeyops_cli.models import Insight, Journey, Metric, Opportunity
from journeyops_cli.models.opportunity import OpportunityStatus
from journeyops_cli.models.vocabulary import CustomerGroup, LifeEvent, Team
from journeyops_cli.render.journey_map import SEVERITY_ORDER


def linked(bank: Bank, kind: str, ids: list[str] | tuple[str, ...]) -> list[str]:
    """`kind:id` of each of `ids` that has a page (the record exists), for templates."""
    return [f"{kind}:{record_id}" for record_id in ids if bank.get_kind(kind, record_id) is not None]


def owned_by_team(bank: Bank) -> dict[str, dict[str, list[Any]]]:
    """Each team's journeys, anchor themes and opportunities (one pass over the bank)."""
    owned: dict[str, dict[str, list[Any]]] = {}
    for key, records in (("journeys", bank.journeys()), ("themes", bank.themes()),
                         ("opportunities", bank.opportunities())):
        for record in records:
            if record.team:
                owned.setdefault(record.team, {"journeys": [], "themes": [], "opportunities": []})[key].append(record)
    return owned


def team_context(team: Team, owned: dict[str, dict[str, list[Any]]], order: Callable[[Any], Any]) -> dict[str, Any]:
    """What a team owns: its journeys, anchor themes and opportunities (`owned_by_team`)."""
    mine = owned.get(team.id, {})
    return {"team": team, **{key: sorted(mine.get(key, []), key=order)
                             for key in ("journeys", "themes", "opportunities")}}


SHOWN = 20
"""How many insights, metrics and opportunities a customer group's or life event's page
lists (the most relevant); the rest are counted, and the insights are one link away in
the insight explorer, filtered to the group or event."""

METRIC_ORDER = {"off": 0, "on": 1, "unknown": 2}

R = TypeVar("R", Insight, Metric, Opportunity)


@dataclass(frozen=True, slots=True)
class About:
    """Everything known about one customer group or life event, in no language: the
    journeys that name it and, through the roll-up, the records on their steps or beneath
    them (for a group, also the insights that name it)."""

    journeys: list[Journey]
    insights: dict[str, Insight]
    metrics: dict[str, Metric]
    opportunities: dict[str, Opportunity]


class Known:
    """What is known about each customer group and life event of a bank, worked out once
    for every language's pages: the group and event pages summarise it (`summary`), the
    insight explorer and the backlog filter by it (`insight_about`, `opportunity_about`).
    `backlog` is the ranked opportunities' ids, highest first (None: the site has none)."""

    def __init__(self, bank: Bank, backlog: list[str] | None = None) -> None:
        self.bank = bank
        self.backlog = backlog
        self._about: dict[tuple[str, str], About] = {}
        self._summary: dict[tuple[str, str, int], dict[str, Any]] = {}
        self._inverses: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        self._metric_status: dict[str, str] | None = None
        self._insights_ranked: list[Insight] | None = None
        self._metrics_ranked: list[Metric] | None = None

    def about(self, record: CustomerGroup | LifeEvent) -> About:
        key = (record.kind, record.id)
        found = self._about.get(key)
        if found is None:
            found = self._about[key] = self._gather(record)
        return found

    def _gather(self, record: CustomerGroup | LifeEvent) -> About:
        bank = self.bank
        field_name = "customer_groups" if isinstance(record, CustomerGroup) else "life_events"
        journeys = [j for j in bank.journeys() if record.id in getattr(j, field_name)]
        # Records only, so plain dict updates rather than Evidence.merge, which also walks
        # every step.
        rollup = bank.rollup()
        insights: dict[str, Insight] = {}
        metrics: dict[str, Metric] = {}
        opportunities: dict[str, Opportunity] = {}
        for journey in journeys:
            evidence = rollup.journey(journey.id)
            insights.update(evidence.insights)
            metrics.update(evidence.metrics)
            opportunities.update(evidence.opportunities)
        if isinstance(record, CustomerGroup):
            for insight in bank.insights():
                if record.id in insight.customer_groups:
                    insights.setdefault(insight.id, insight)
        return About(journeys, insights, metrics, opportunities)

    def insight_about(self) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        """For each insight known about some group or event: (its groups, its events),
        each sorted by id; an insight about none is left out."""
        return self._inverse("insights")

    def opportunity_about(self) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        """`insight_about` for opportunities."""
        return self._inverse("opportunities")

    def metric_about(self) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        """`insight_about` for metrics."""
        return self._inverse("metrics")

    def _inverse(self, records: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        """For each of `records` (an `About` field) known about some group or event: (its
        groups, its events); worked out once."""
        known = self._inverses.get(records)
        if known is None:
            known = self._inverses[records] = self._invert(records)
        return known

    def _invert(self, records: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
        groups: dict[str, list[str]] = {}
        events: dict[str, list[str]] = {}
        vocabulary: list[CustomerGroup | LifeEvent] = [*self.bank.customer_groups(), *self.bank.life_events()]
        for record in sorted(vocabulary, key=lambda r: r.id):
            into = groups if isinstance(record, CustomerGroup) else events
            for record_id in getattr(self.about(record), records):
                into.setdefault(record_id, []).append(record.id)
        # By id: a set's order changes with the process's string hashing, and the metrics
        # page's fingerprint digests this dict in its order (it was new in every build).
        return {record_id: (tuple(groups.get(record_id, ())), tuple(events.get(record_id, ())))
                for record_id in sorted(groups.keys() | events.keys())}

    def metric_status(self) -> dict[str, str]:
        """Each metric's `Metric.status()` by id, worked out once."""
        if self._metric_status is None:
            self._metric_status = {m.id: m.status() for m in self.bank.metrics()}
        return self._metric_status

    def summary(self, record: CustomerGroup | LifeEvent, shown: int) -> dict[str, Any]:
        """What a page shows of `record` in any language: the counts, the `shown` most
        severe and newest insights, `shown` metrics off target first, and the `shown`
        opportunities highest in the backlog (None without one)."""
        key = (record.kind, record.id, shown)
        found = self._summary.get(key)
        if found is None:
            found = self._summary[key] = self._summarise(self.about(record), shown)
        return found

    def _summarise(self, about: About, shown: int) -> dict[str, Any]:
        status = self.metric_status()
        if self._insights_ranked is None:
            # The bank's insights and metrics in order once: a page takes the first
            # `shown` that it knows about, which at 20,000 insights is a few steps.
            self._insights_ranked = sorted(
                self.bank.insights(), key=lambda i: (SEVERITY_ORDER.get(i.severity, 9), -i.date.toordinal(), i.id))
            self._metrics_ranked = sorted(self.bank.metrics(), key=lambda m: (METRIC_ORDER[status[m.id]], m.id))
        by_severity: Counter[str] = Counter(map(attrgetter("severity"), about.insights.values()))
        by_type: Counter[str] = Counter(map(attrgetter("type"), about.insights.values()))
        by_status: Counter[str] = Counter(map(attrgetter("status"), about.opportunities.values()))
        metric_status: Counter[str] = Counter(status[metric_id] for metric_id in about.metrics)
        opportunities = None
        if self.backlog is not None:
            known = about.opportunities
            opportunities = list(islice((known[i] for i in self.backlog if i in known), shown))
            if len(opportunities) < shown:  # those the backlog leaves out (done, rejected) next, by id
                ranked = set(self.backlog)
                opportunities += sorted((o for o in known.values() if o.id not in ranked),
                                        key=attrgetter("id"))[:shown - len(opportunities)]
        return {
            "insight_count": len(about.insights),
            "insight_types": sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])),
            "insight_severities": [(s, by_severity[s]) for s in SEVERITY_ORDER if by_severity[s]],
            "insights": first(self._insights_ranked, about.insights, shown),
            "metric_count": len(about.metrics),
            "metric_status": [(s, metric_status[s]) for s in METRIC_ORDER if metric_status[s]],
            "metrics": first(self._metrics_ranked or [], about.metrics, shown),
            "opportunity_count": len(about.opportunities),
            "opportunity_status": [(s, by_status[s]) for s in get_args(OpportunityStatus) if by_status[s]],
            "opportunities": opportunities,
        }


def first(ordered: Iterable[R], wanted: dict[str, Any], count: int) -> list[R]:
    """The first `count` records of `ordered` that are in `wanted` (by id; the very record,
    so two records with one id, which validate reports, are not both shown)."""
    return list(islice((r for r in ordered if wanted.get(r.id) is r), count))


def known_about(known: Known, record: CustomerGroup | LifeEvent, order: Callable[[Any], Any],
                shown: int = SHOWN) -> dict[str, Any]:
    """A customer group's or life event's page: every journey that names it and those
    beneath them, in `order`; how many insights (by type and severity), metrics (on and
    off target) and opportunities (by status) are known about it; and the `shown` most
    relevant of each: the most severe and newest insights, metrics off target first, the
    opportunities highest in the backlog (without a backlog, all of them in `order`)."""
    about = known.about(record)
    summary = known.summary(record, shown)
    status = known.metric_status()
    ranked = summary["opportunities"]
    return {
        **summary,
        "record": record,
        "journeys": sorted(about.journeys, key=order),
        "below": sorted(journeys_beneath(known.bank, about.journeys), key=order),
        "metrics": [(m, status[m.id]) for m in sorted(
            summary["metrics"], key=lambda m: (METRIC_ORDER[status[m.id]], order(m)))],
        "opportunities": ranked if ranked is not None else sorted(about.opportunities.values(), key=order),
        "ranked": ranked is not None,
        "filter": "group" if isinstance(record, CustomerGroup) else "event",
    }


def journeys_beneath(bank: Bank, journeys: list[Journey]) -> list[Journey]:
    """The journeys below `journeys` (their children, and theirs), not `journeys` themselves."""
    seen = {j.id for j in journeys}
    found: list[Journey] = []
    todo = list(journeys)
    while todo:
        for child in bank.children.get(todo.pop().id, []):
            if child.id not in seen:
                seen.add(child.id)
                found.append(child)
                todo.append(child)
    return found
