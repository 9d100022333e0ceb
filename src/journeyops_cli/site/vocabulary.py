"""What the site shows of the bank's vocabulary: what each team owns, and what is known
about a customer group or a life event ("what do we know about people moving to
Helsinki?"): the journeys tied to it and, through the roll-up, the insights, metrics and
opportunities on those journeys' steps and beneath them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.models import Insight, Journey, Metric, Opportunity
from journeyops_cli.models.vocabulary import CustomerGroup, LifeEvent, Team


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


def known_about(bank: Bank, record: CustomerGroup | LifeEvent, order: Callable[[Any], Any]) -> dict[str, Any]:
    """What is known about a customer group or life event: the journeys that name it,
    the journeys beneath those, the insights on their steps or beneath them (and, for a
    group, the insights that name it), their metrics and their opportunities."""
    field = "customer_groups" if isinstance(record, CustomerGroup) else "life_events"
    journeys = [j for j in bank.journeys() if record.id in getattr(j, field)]
    # Records only (sorted below), so plain dict updates rather than Evidence.merge, which
    # also walks every step.
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
    return {
        "record": record,
        "journeys": sorted(journeys, key=order),
        "insights": sorted(insights.values(), key=lambda i: (-i.date.toordinal(), i.id)),
        "metrics": sorted(metrics.values(), key=order),
        "opportunities": sorted(opportunities.values(), key=order),
        "below": sorted(journeys_beneath(bank, journeys), key=order),
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
