"""Turn pydantic validation errors into findings a service designer can act on."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from journeyops_cli.models.base import SLUG_PATTERN, STEP_REF_PATTERN
from journeyops_cli.suggest import did_you_mean


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    """One schema problem: where (a path of keys and indexes into the document), what, how to fix."""

    path: tuple[Any, ...]
    target: Literal["key", "value"]
    message: str
    hint: str | None


EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
}


def describe(value: Any) -> str:
    """A value as a person would name it in a message."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value)"
    if isinstance(value, int | float):
        shown = repr(value)
        if len(shown) > 24:  # an integer of hundreds of digits
            return f"the number {shown[:12]}… ({len(shown.lstrip('-'))} digits)"
        return f"the number {shown}"
    if isinstance(value, str):
        from journeyops_cli.findings import printable

        value = printable(value)
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def problems_from(
    error: ValidationError, data: Any, model: type[BaseModel], lanes: Collection[str] = ()
) -> list[SchemaProblem]:
    """Translate, merge and order the errors of one document; `lanes`: the ids of the
    bank's own step lanes, which a step may hold besides its fields."""
    grouped: dict[tuple[Any, ...], list[tuple[dict[str, Any], tuple[Any, ...]]]] = {}
    for detail in error.errors(include_url=False):
        path, tags = _data_path(detail["loc"], data)
        grouped.setdefault(path, []).append((dict(detail), tags))
    # A union (text or per-language text) reports one error per branch; when one branch
    # went deeper into the data, its errors are the ones that matter.
    paths = list(grouped)
    keep = [p for p in paths if not any(len(q) > len(p) and q[: len(p)] == p for q in paths)]
    problems = [_problem(path, grouped[path], data, model, lanes) for path in keep]
    return problems


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """Split a pydantic location into the path through the data and the schema tags."""
    path: list[Any] = []
    tags: list[Any] = []
    current = data
    for part in loc:
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        ):
            path.append(part)
            current = current[part]
        elif isinstance(current, dict) and not isinstance(part, int) and part not in current and (
            not tags and _is_field_name(part)
        ):
            # A missing field: the path names it though the data does not have it.
            path.append(part)
            current = None
        else:
            tags.append(part)
    return tuple(path), tuple(tags)


def _is_field_name(part: Any) -> bool:
    return isinstance(part, str) and part.replace("_", "").isalnum() and part.islower()


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _problem(
    path: tuple[Any, ...],
    errors: list[tuple[dict[str, Any], tuple[Any, ...]]],
    data: Any,
    model: type[BaseModel],
    lanes: Collection[str] = (),
) -> SchemaProblem:
    types_ = [e["type"] for e, _ in errors]
    first, _tags = errors[0]
    field = _field_label(path)
    split = _split_by_comma(data, path)
    if "invalid_key" in types_ and split is not None and isinstance(path[-1], int | float):
        before, number = split
        return SchemaProblem(
            path,
            "key",
            f"{_field_label((*path[:-1], before))} is followed by a comma and {path[-1]!r}: "
            "in a {…} mapping a comma starts the next key, so a decimal comma splits the number",
            f"write decimals with a point: {before}: {number}.{path[-1]} (not {number},{path[-1]})",
        )
    if "extra_forbidden" in types_:
        allowed = fields_at(model, path[:-1]) + (list(lanes) if _is_step(path[:-1]) else [])
        hint = _quote_hint(split, path) or _did_you_mean(str(path[-1]), allowed)
        if hint is None and allowed:
            hint = "allowed fields here: " + ", ".join(sorted(allowed))
        return SchemaProblem(path, "key", f"unknown field '{path[-1]}'", hint)
    if "missing" in types_:
        return SchemaProblem(path[:-1], "value", f"missing required field '{path[-1]}'", None)
    value = _value_at(data, path)
    if "literal_error" in types_:
        literal = next(e for e, _ in errors if e["type"] == "literal_error")
        allowed_values = _literal_values(literal)
        shown = ", ".join(allowed_values)
        hint = _did_you_mean(str(value), allowed_values) if isinstance(value, str) else None
        return SchemaProblem(
            path, "value", f"{describe(value)} is not allowed for {field}; use one of: {shown}", hint
        )
    if "string_pattern_mismatch" in types_ and any("[key]" in tags for _, tags in errors):
        # A key of a mapping (`choices: {Kaupunki: ...}`): the key is what is wrong.
        value = path[-1]
        pattern = next(e.get("ctx", {}).get("pattern") for e, _ in errors if e["type"] == "string_pattern_mismatch")
        if pattern == SLUG_PATTERN:
            return SchemaProblem(
                path, "key", f"{describe(value)} is not a valid id",
                "ids use lowercase letters a-z, digits and hyphens, start with a letter or digit and are at most 64 "
                f"characters, e.g. '{slugify_hint(value)}'",
            )
    if "string_pattern_mismatch" in types_:
        pattern = next(
            e.get("ctx", {}).get("pattern") for e, _ in errors if e["type"] == "string_pattern_mismatch"
        )
        if pattern == STEP_REF_PATTERN:
            return SchemaProblem(
                path,
                "value",
                f"{describe(value)} is not a step reference",
                "write it as journey-id#step-id, e.g. daycare-application#apply",
            )
        if pattern == SLUG_PATTERN:
            return SchemaProblem(
                path,
                "value",
                f"{describe(value)} is not a valid id",
                "ids use lowercase letters a-z, digits and hyphens, start with a letter or "
                "digit and are at most 64 characters"
                + (f", e.g. '{slugify_hint(value)}'" if isinstance(value, str) and slugify_hint(value) else ""),
            )
        if "[a-z]{2,3}" in str(pattern):
            return SchemaProblem(
                path,
                "key" if path else "value",
                f"{describe(value) if not path else repr(path[-1])} is not a language code",
                _quote_hint(split, path) or "use ISO 639 codes such as fi, sv or en",
            )
    expected = [EXPECTED[t] for t in types_ if t in EXPECTED]
    if expected:
        wanted = _join_alternatives(expected, path)
        hint = None
        if ("text" in expected and isinstance(value, bool | int | float)) or (
            "text" in expected and value is None
        ):
            hint = "quote it: YAML reads this as a number, a yes/no value or nothing, not text"
        numeric = "a number" in expected or "a whole number" in expected
        if numeric and isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()):
            hint = f"write decimals with a point: {value.strip().replace(',', '.')}"
        if numeric and type(value) is int:  # a number, but more than a float holds
            return SchemaProblem(path, "value", f"{field}: {describe(value)} is too large", None)
        if any("date" in e for e in expected) and isinstance(value, str):
            message = f"{describe(value)} is not a valid date for {field}"
            return SchemaProblem(path, "value", message, "write dates as YYYY-MM-DD, e.g. 2025-03-31")
        return SchemaProblem(path, "value", f"{field} should be {wanted}, not {describe(value)}", hint)
    if first["type"] in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        ctx = first.get("ctx", {})
        bounds = {
            "greater_than_equal": f"at least {ctx.get('ge')}",
            "less_than_equal": f"at most {ctx.get('le')}",
            "greater_than": f"more than {ctx.get('gt')}",
            "less_than": f"less than {ctx.get('lt')}",
        }
        parts = [bounds[t] for t in types_ if t in bounds]
        hint = "emotion runs from -2 (very bad) to +2 (very good)" if path[-1:] == ("emotion",) else None
        return SchemaProblem(path, "value", f"{field} must be {' and '.join(parts)}, not {value!r}", hint)
    if first["type"] == "too_short":
        return SchemaProblem(path, "value", f"{field} must not be empty", None)
    if first["type"] == "string_too_short":
        return SchemaProblem(path, "value", f"{field} must not be empty", None)
    message = first["msg"]
    hint = (first.get("ctx") or {}).get("hint")  # custom errors may carry a hint
    hint = hint if isinstance(hint, str) else None
    if first["type"].startswith("lane_"):  # models/lanes.py: the message names what it is about
        return SchemaProblem(path, "key" if "[key]" in _tags else "value", message, hint)
    return SchemaProblem(path, "value", f"{field}: {message[0].lower()}{message[1:]}", hint)


def _is_step(path: tuple[Any, ...]) -> bool:
    return len(path) == 2 and path[0] == "steps" and isinstance(path[1], int)


_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


def _split_by_comma(data: Any, path: tuple[Any, ...]) -> tuple[Any, Any] | None:
    """When the key at `path` has no value and follows a key with a plain value, the key and
    value before it: the mark of an unquoted comma in a flow mapping (`{value: 26,5}` reads as
    `value: 26` and a key `5`; `{fi: Lasten, nuorten palvelut}` as `fi: Lasten` and a key
    `nuorten palvelut`)."""
    if not path:
        return None
    parent = _value_at(data, path[:-1])
    key = path[-1]
    if not isinstance(parent, dict) or key not in parent or parent[key] is not None:
        return None
    keys = list(parent)
    at = keys.index(key)
    if at == 0:
        return None
    before = keys[at - 1]
    value = parent[before]
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return before, value


def _quote_hint(split: tuple[Any, Any] | None, path: tuple[Any, ...]) -> str | None:
    """For text cut by a comma inside `{…}`: the text quoted whole."""
    if split is None or not isinstance(split[1], str) or not isinstance(path[-1], str):
        return None
    before, text = split
    whole = f"{text}, {path[-1]}".replace('"', '\\"')
    return f'a comma inside {{…}} ends the text; if it belongs to the text, quote it: {before}: "{whole}"'


def _join_alternatives(expected: list[str], path: tuple[Any, ...]) -> str:
    unique = list(dict.fromkeys(expected))
    if unique == ["text", "a mapping"]:
        return "text, or a mapping from language code to text"
    if len(unique) == 1:
        return unique[0]
    return ", ".join(unique[:-1]) + " or " + unique[-1]


def _field_label(path: tuple[Any, ...]) -> str:
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return "the record"
    return f"'{names[-1]}'"


def _literal_values(detail: dict[str, Any]) -> list[str]:
    expected = detail.get("ctx", {}).get("expected", "")
    return [part.strip().strip("'") for part in expected.replace(" or ", ", ").split(",") if part.strip()]


def _did_you_mean(word: str, choices: list[str] | set[str]) -> str | None:
    return did_you_mean(word, choices)


def slugify_hint(value: str) -> str:
    from journeyops_cli.slug import slugify

    return slugify(value)


def fields_at(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The field names allowed at `path` inside `model` (walking nested models and lists)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if typing.get_origin(current) is dict:  # a key of a mapping of models (`lanes:`)
            current = typing.get_args(current)[1]
            continue
        model_cls = _model_in(current)
        if model_cls is None or part not in model_cls.model_fields:
            return []
        current = model_cls.model_fields[part].annotation
    model_cls = _model_in(current)
    return list(model_cls.model_fields) if model_cls else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
