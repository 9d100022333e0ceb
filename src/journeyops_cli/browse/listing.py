"""`journeyops list KIND [filters]`: the records of one kind as rows, filtered.

A kind is named in the plural or the singular (`journeys`, `journey`, `customer-groups`).
Each filter applies to the kinds that have the field (`FILTERS`); its value is checked
against the field's choices or the bank's ids, and a wrong one is refused with the
nearest right one. Rows hold plain values (texts in the asked language, lists as lists),
keyed by the column's name: the CLI makes a table, tab-separated text or JSON of them.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.browse import Refused
from journeyops_cli.models import KIND_SLUGS, KINDS, Metric
from journeyops_cli.models.base import Record, pick_text
from journeyops_cli.suggest import nearest

# The kinds by the name `list` takes (plural, as the folders are named).
KIND_NAMES: dict[str, str] = {
    "journeys": "Journey",
    "insights": "Insight",
    "metrics": "Metric",
    "opportunities": "Opportunity",
    "themes": "Theme",
    "customer-groups": "CustomerGroup",
    "life-events": "LifeEvent",
    "teams": "Team",
}


@dataclass(frozen=True, slots=True)
class Filters:
    """What `list` was asked to keep (None: no filter). `step` is `journey-id#step-id`;
    `since` a date, `YYYY-MM-DD`."""

    level: str | None = None
    theme: str | None = None
    team: str | None = None
    status: str | None = None
    state: str | None = None
    step: str | None = None
    journey: str | None = None
    type: str | None = None
    severity: str | None = None
    since: str | None = None

    def given(self) -> dict[str, str]:
        return {f.name: value for f in fields(self) if (value := getattr(self, f.name)) is not None}


# The filters each kind takes. `state` is there when the journey model has the field.
FILTERS: dict[str, tuple[str, ...]] = {
    "Journey": ("level", "theme", "team", "status", "state"),
    "Insight": ("step", "journey", "type", "severity", "since"),
    "Metric": ("step", "journey"),
    "Opportunity": ("status", "journey", "step", "team"),
}


@dataclass(frozen=True, slots=True)
class Listing:
    """The rows of one kind: `columns` are (name, catalogue id of its heading)."""

    kind: str
    columns: list[tuple[str, str]]
    rows: list[dict[str, Any]]


def kind_of(name: str) -> str:
    """The record kind (`Journey`) that `name` (`journeys`, `journey`, `Journey`) names."""
    wanted = name.strip().lower()
    for plural, kind in KIND_NAMES.items():
        if wanted in (plural, KIND_SLUGS[kind], kind.lower()):
            return kind
    close = nearest(wanted, KIND_NAMES)
    raise Refused("cli.list.unknown_kind", close, kind=name, kinds=", ".join(KIND_NAMES))


def name_of(kind: str) -> str:
    """The name `list` and `--kind` take for a record kind (`CustomerGroup`: `customer-groups`)."""
    return next(plural for plural, named in KIND_NAMES.items() if named == kind)


def available(kind: str) -> tuple[str, ...]:
    """The filters `kind` takes (`state` only where the journey model has it)."""
    model = KINDS[kind]
    return tuple(name for name in FILTERS.get(kind, ()) if name != "state" or name in model.model_fields)


def choices(model: type[Record], name: str) -> list[str]:
    """The values a field of `model` allows when they are a fixed list (a `Literal`), else []."""
    info = model.model_fields.get(name)
    if info is None:
        return []
    found: list[str] = []
    for arg in [info.annotation, *typing.get_args(info.annotation)]:
        if typing.get_origin(arg) is typing.Literal:
            found += [str(value) for value in typing.get_args(arg)]
    return found


def _refuse_value(name: str, value: str, known: list[str], fixed: bool) -> Refused:
    close = nearest(value, known)
    if fixed:
        return Refused("cli.list.bad_choice", close, filter=name, value=value, choices=", ".join(known))
    return Refused("cli.list.no_such", close, filter=name, value=value)


def _check(bank: Bank, kind: str, given: dict[str, str]) -> dt.date | None:
    """Refuse a filter the kind does not take or a value that is not there; the `since`
    date when given."""
    model = KINDS[kind]
    takes = available(kind)
    plural = name_of(kind)
    since = None
    for name, value in given.items():
        if name not in takes:
            users = [p for p, k in KIND_NAMES.items() if name in available(k)]
            if not users:  # --state before journeys have a state
                raise Refused("cli.list.filter_unused", filter=name)
            raise Refused("cli.list.filter_not_for", filter=name, kind=plural, kinds=", ".join(users))
        if name == "since":
            try:
                since = dt.date.fromisoformat(value)
            except ValueError:
                raise Refused("cli.list.bad_date", value=value) from None
        elif name == "step":
            if bank.step(value) is None:
                raise Refused("cli.list.no_step", nearest(value, bank.step_refs()), value=value)
        elif name in ("journey", "theme", "team"):
            known = bank.ids({"journey": "Journey", "theme": "Theme", "team": "Team"}[name])
            if value not in known:
                raise _refuse_value(name, value, known, fixed=False)
        elif (allowed := choices(model, name)) and value not in allowed:
            raise _refuse_value(name, value, allowed, fixed=True)
    return since


def _keep(record: Record, given: dict[str, str], since: dt.date | None) -> bool:
    for name, value in given.items():
        if name == "since":
            if getattr(record, "date", None) is None or record.date < since:  # type: ignore[attr-defined,operator]
                return False
        elif name == "step":
            if value not in getattr(record, "steps", ()):
                return False
        elif name == "journey":
            prefix = value + "#"
            if not any(ref.startswith(prefix) for ref in getattr(record, "steps", ())):
                return False
        elif getattr(record, name, None) != value:
            return False
    return True


Cell = Callable[[Record, "Texts"], Any]


class Texts:
    """Texts of the bank in one language (the bank's others, in order, where it lacks it)."""

    def __init__(self, bank: Bank, language: str) -> None:
        self.language = language
        self.fallback = bank.config.languages

    def __call__(self, text: Any) -> str:
        return pick_text(text, self.language, self.fallback)


def _latest(metric: Metric) -> float | None:
    if not metric.observations:
        return None
    return max(metric.observations, key=lambda o: o.date).value


def _number(value: float | None) -> float | int | None:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _attr(name: str) -> Cell:
    """The column of a field as it is (a list as a new list)."""
    def value(record: Record, texts: Texts) -> Any:
        found = getattr(record, name)
        return list(found) if isinstance(found, list) else found

    return value


# Each kind's columns: (name, heading id, value). Every kind starts with id and title.
_BASE: list[tuple[str, str, Cell]] = [
    ("id", "cli.list.id", lambda r, t: r.id),
    ("title", "title", lambda r, t: t(getattr(r, "title", None))),
]
COLUMNS: dict[str, list[tuple[str, str, Cell]]] = {
    "Journey": [
        ("level", "level", _attr("level")),
        ("theme", "theme", _attr("theme")),
        ("team", "team", _attr("team")),
        ("status", "status", _attr("status")),
        ("steps", "steps", lambda r, t: len(r.steps)),  # type: ignore[attr-defined]
    ],
    "Insight": [
        ("type", "type", _attr("type")),
        ("severity", "severity", _attr("severity")),
        ("date", "date", lambda r, t: r.date.isoformat()),  # type: ignore[attr-defined]
        ("steps", "steps", _attr("steps")),
    ],
    "Metric": [
        ("unit", "cli.list.unit", _attr("unit")),
        ("target", "target", lambda r, t: _number(r.target)),  # type: ignore[attr-defined]
        ("latest", "latest", lambda r, t: _number(_latest(r))),  # type: ignore[arg-type]
        ("steps", "steps", _attr("steps")),
    ],
    "Opportunity": [
        ("status", "status", _attr("status")),
        ("team", "team", _attr("team")),
        ("steps", "steps", _attr("steps")),
    ],
    "Theme": [
        ("owner", "owner", _attr("owner")),
        ("team", "team", _attr("team")),
    ],
    "Team": [
        ("contact", "contact", _attr("contact")),
    ],
}


def records(bank: Bank, kind: str, filters: Filters) -> list[Record]:
    """The records of `kind` that pass `filters`, by id (a wrong filter is `Refused`)."""
    given = filters.given()
    since = _check(bank, kind, given)
    found = [r for r in bank.by_kind[kind].values() if _keep(r, given, since)]
    return sorted(found, key=lambda r: r.id)


def listing(bank: Bank, kind_name: str, filters: Filters, language: str) -> Listing:
    """The rows `journeyops list KIND_NAME` shows, titles in `language`."""
    kind = kind_of(kind_name)
    columns = _BASE + COLUMNS.get(kind, [])
    texts = Texts(bank, language)
    rows = [{name: cell(record, texts) for name, _, cell in columns} for record in records(bank, kind, filters)]
    return Listing(kind, [(name, heading) for name, heading, _ in columns], rows)
