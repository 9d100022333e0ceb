"""Why a factor of a score has its value: as data (`Reason`), and in words.

A factor does not carry a sentence but a `Reason`: the catalogue id of a sentence
(`explain.…` in `render/catalogue.py`) and the values it names. `words()` writes it: in
the command line's English for `prioritise --explain` (numbers as Python's `g` writes them,
ids and field values as they are), or with `page=True` in a page's language (numbers,
units and field values in that language, ids as `code`). One explanation, one wording
table; only the language differs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from journeyops_cli.render.formats import number, plural
from journeyops_cli.render.i18n import message, quantity


@dataclass(frozen=True, slots=True)
class Counted:
    """`n` things, in the catalogue's `count.<what>.one` / `.other` (`4 insights`)."""

    what: str
    n: int


@dataclass(frozen=True, slots=True)
class Term:
    """A field's value: on a page in the catalogue's words for `<field>.<value>`
    (`factor.reach`, `insight_type.survey`), in the command line as itself."""

    field: str
    value: str


@dataclass(frozen=True, slots=True)
class Amount:
    """A measured value and its unit (`12980 applications/year`)."""

    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Ref:
    """A record's id or a step reference (`journey#step`) of `kind` (`step`, `journey`,
    `metric`): itself in the command line; on a page the record's title when the page
    gives one (`Label`), else the id as code."""

    id: str
    kind: str


Label = Callable[[str, str], "str | None"]
"""`label(kind, id)`: what a page calls the record (its title), or None."""


@dataclass(frozen=True, slots=True)
class Reason:
    """The catalogue id of a sentence (`explain.…`) and the values it names: text,
    numbers, `Counted`, `Term`, `Amount`, `Ref`, another `Reason`, or a tuple of them
    (written as a list)."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, **values: Any) -> Reason:
        return cls(key, tuple(values.items()))


def words(reason: Reason, language: str = "en", *, page: bool = False, label: Label | None = None) -> str:
    """`reason` as a sentence: the command line's English, or (`page=True`) the page's
    language, where records are named by `label` and other ids are `backticked` (shown
    as code: `render.safety.code_spans`)."""
    values = {name: _value(value, language, page, label) for name, value in reason.values}
    return message(reason.key, language).format(**values)


def _value(value: Any, language: str, page: bool, label: Label | None) -> str:
    if isinstance(value, Reason):
        return words(value, language, page=page, label=label)
    if isinstance(value, tuple):
        return ", ".join(_value(item, language, page, label) for item in value)
    if isinstance(value, Counted):
        n = number(value.n, language) if page else str(value.n)
        return message(f"count.{value.what}.{plural(value.n, language)}", language).format(n=n)
    if isinstance(value, Term):
        return message(f"{value.field}.{value.value}", language) if page else value.value.replace("_", " ")
    if isinstance(value, Amount):
        return quantity(value.value, value.unit, language) if page else f"{value.value:g} {value.unit}".strip()
    if isinstance(value, Ref):
        if not page:
            return value.id
        return (label(value.kind, value.id) if label else None) or f"`{value.id}`"
    if isinstance(value, int | float):
        return number(value, language) if page else f"{value:g}"
    return str(value)
