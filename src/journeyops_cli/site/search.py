"""The client-side search index, built at build time.

One JavaScript file per language assigns a global (`window.JOURNEYOPS_SEARCH`), so the
search works from `file://`, where browsers block `fetch()` of a JSON file. Each entry
holds what the search page shows (kind, title, context, link) and the words it matches,
written as a compact row (`rows`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from journeyops_cli.models.base import pick_text, without_marks
from journeyops_cli.models.vocabulary import CustomerGroup, LifeEvent, Team
from journeyops_cli.render.journey_map import own_values
from journeyops_cli.site.guide import guide
from journeyops_cli.site.links import record_key
from journeyops_cli.site.pages import SiteData

GLOBAL = "JOURNEYOPS_SEARCH"


_FOLDED: dict[str, str] = {}
"""Each word folded once (`fold`): a bank's text repeats its words, and decomposing every
character of 12 MB of text each build was half the search index's CPU at 2,000 journeys."""


def fold(text: str) -> str:
    """Lower case without accents, so `paivakoti` finds `päiväkoti` (the JS folds the same way):
    `" ".join(without_marks(text.casefold()).split())`, a word at a time. The same:
    decomposing and dropping marks is done per character, and no whitespace character
    becomes anything but whitespace or nothing (tests/site: every code point)."""
    folded = []
    for word in text.casefold().split():
        done = _FOLDED.get(word)
        if done is None:
            if len(_FOLDED) > 200_000:  # a long-running `site serve` reads new words for ever
                _FOLDED.clear()
            done = _FOLDED[word] = " ".join(without_marks(word).split())
        if done:
            folded.append(done)
    return " ".join(folded)


def entries(data: SiteData, language: str, strings: dict[str, str]) -> list[dict[str, Any]]:
    """Every searchable thing in `language`: journeys, steps, insights, opportunities,
    teams, customer groups, life events and the playbook's chapters."""
    bank, langs = data.bank, data.languages

    def t(value: Any) -> str:
        return pick_text(value, language, langs)

    def words(*values: Any) -> str:
        parts: list[str] = []
        for value in values:
            if isinstance(value, list):
                for item in value:
                    parts.append(t(item) if isinstance(item, (str, dict)) else str(item))
            elif value is not None:
                parts.append(t(value))
        return fold(" ".join(parts))

    found: list[dict[str, Any]] = []
    lanes = bank.config.lanes
    for journey in sorted(bank.journeys(), key=lambda r: r.id):
        found.append({
            "kind": strings["journey"], "title": t(journey.title),
            "context": strings.get(f"level.{journey.level}", journey.level),
            "url": record_key("journey", journey.id),
            "text": words(journey.title, journey.description, journey.cx_goals, journey.owner),
        })
        for index, step in enumerate(journey.steps):
            # The bank's own lanes as the map shows them (a choice by its title).
            own = own_values(lanes, list(lanes), journey.lanes_of(index), t, language) if lanes else []
            found.append({
                "kind": strings["step"], "title": t(step.title), "context": t(journey.title),
                "url": record_key("step", f"{journey.id}#{step.id}"),
                "text": words(step.title, step.description, step.customer_actions,
                              step.touchpoints, step.pain_points, *own),
            })
    for insight in sorted(bank.insights(), key=lambda r: r.id):
        found.append({
            "kind": strings["insight"], "title": t(insight.title),
            "context": f"{strings.get(f'insight_type.{insight.type}', insight.type)} · {insight.date.isoformat()}",
            "url": record_key("insight", insight.id),
            "text": words(insight.title, insight.summary, insight.source, insight.tags),
        })
    for opportunity in sorted(bank.opportunities(), key=lambda r: r.id):
        found.append({
            "kind": strings["opportunity"], "title": t(opportunity.title),
            "context": strings.get(f"opportunity_status.{opportunity.status}", opportunity.status),
            "url": record_key("opportunity", opportunity.id),
            "text": words(opportunity.title, opportunity.problem, opportunity.idea),
        })
    # Teams, customer groups and life events: "what do we know about people moving to
    # Helsinki?" finds the life event's page.
    vocabulary: list[tuple[str, str, Sequence[Team | CustomerGroup | LifeEvent]]] = [
        ("team", "team", bank.teams()), ("customergroup", "customer_group", bank.customer_groups()),
        ("lifeevent", "life_event", bank.life_events()),
    ]
    for kind, word, records in vocabulary:
        for record in sorted(records, key=lambda r: r.id):
            found.append({
                "kind": strings[word], "title": t(record.title), "context": "",
                "url": record_key(kind, record.id),
                "text": words(record.title, record.description),
            })
    # The playbook's chapters come last: a record that matches as well is listed first.
    for chapter in guide(language).chapters:
        found.append({
            "kind": strings["playbook"], "title": chapter.title, "context": "",
            "url": f"guide/{chapter.name}.html", "text": fold(chapter.words),
        })
    for entry in found:
        entry["title_folded"] = fold(entry["title"])
    return found


FIELDS = ("kind", "title", "context", "url", "title_folded", "text")
"""The columns of each row of the index (`index_script`); `kind` is an index into its
`kinds`."""


def rows(found: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """`entries` as compact rows (`FIELDS`), and the kinds they name by index. A row's
    text holds each of its words once, and none of its title's: the search looks for
    each word of a query in the folded title and the text alike, anywhere in them, so
    every entry is found by exactly the words it was found by before, in about two thirds
    of the bytes."""
    kinds: dict[str, int] = {}
    table: list[list[Any]] = []
    for entry in found:
        title, text = entry["title_folded"], entry["text"]
        words = dict.fromkeys(text.split(" "))
        for word in title.split(" "):
            words.pop(word, None)
        words.pop("", None)
        table.append([kinds.setdefault(entry["kind"], len(kinds)), entry["title"], entry["context"],
                      entry["url"], title, " ".join(words)])
    return list(kinds), table


def index_script(data: SiteData, language: str, strings: dict[str, str]) -> str:
    """The index of `language` as a script that assigns `window.JOURNEYOPS_SEARCH`:
    `{"language", "kinds", "fields", "rows"}` (`rows`)."""
    kinds, table = rows(entries(data, language, strings))
    payload = {"language": language, "kinds": kinds, "fields": list(FIELDS), "rows": table}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{GLOBAL} = {text};\n"


__all__ = ["FIELDS", "GLOBAL", "entries", "fold", "index_script", "rows"]
