"""Walk the values inside a record with their field paths (for rules on free text).

The walks are plain recursive functions that append to a list (no nested generators),
and which fields of a model are texts is worked out once per model class.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel

from journeyops_cli.models.base import SLUG_PATTERN, STEP_REF_PATTERN

Path = tuple[Any, ...]

# Per model class: its field names, and (name, is_text) pairs.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_TEXT_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}
_FREE_NAMES: dict[type, tuple[str, ...]] = {}
_ID_PATTERNS = {SLUG_PATTERN, STEP_REF_PATTERN}


def _names(model: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(model)
    if names is None:
        names = _FIELD_NAMES[model] = tuple(model.model_fields)  # type: ignore[attr-defined]
    return names


def _free_names(model: type) -> tuple[str, ...]:
    names = _FREE_NAMES.get(model)
    if names is None:
        names = _FREE_NAMES[model] = tuple(
            name
            for name, info in model.model_fields.items()  # type: ignore[attr-defined]
            if not _identifier(info.metadata) and _may_hold_text(info.annotation)
        )
    return names


def _identifier(metadata: list[Any]) -> bool:
    """True for constraints that make a string an id or a step reference."""
    return any(getattr(item, "pattern", None) in _ID_PATTERNS for item in metadata)


def _may_hold_text(annotation: Any) -> bool:
    """False for annotations whose strings are ids, references or fixed choices."""
    origin = get_origin(annotation)
    if origin is Literal:
        return False
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        return not _identifier(metadata) and _may_hold_text(base)
    if origin is not None:  # a union, list or dict: any of its parts
        return any(_may_hold_text(arg) for arg in get_args(annotation))
    return annotation is str or (isinstance(annotation, type) and issubclass(annotation, BaseModel))


def _text_fields(model: type) -> tuple[tuple[str, bool], ...]:
    fields = _TEXT_FIELDS.get(model)
    if fields is None:
        fields = _TEXT_FIELDS[model] = tuple(
            (name, _is_text(info.annotation))
            for name, info in model.model_fields.items()  # type: ignore[attr-defined]
        )
    return fields


def strings(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every string inside a model, list or mapping, with its path."""
    found: list[tuple[Path, str]] = []
    _strings(value, path, found)
    return iter(found)


def string_list(value: Any, path: Path = ()) -> list[tuple[Path, str]]:
    """`strings` as a list."""
    found: list[tuple[Path, str]] = []
    _strings(value, path, found)
    return found


def _strings(value: Any, path: Path, out: list[tuple[Path, str]]) -> None:
    if isinstance(value, str):
        out.append((path, value))
    elif isinstance(value, BaseModel):
        for name in _names(type(value)):
            item = getattr(value, name)
            if isinstance(item, str):
                out.append(((*path, name), item))
            elif item is not None and not isinstance(item, (int, float)):
                _strings(item, (*path, name), out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                out.append(((*path, index), item))
            else:
                _strings(item, (*path, index), out)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                out.append(((*path, key), item))
            else:
                _strings(item, (*path, key), out)


def matching_strings(
    value: Any, test: Any, path: Path = (), *, free_text_only: bool = False
) -> list[tuple[Path, str]]:
    """`strings`, keeping only those for which `test(string)` is not None (e.g. a
    compiled pattern's `search`); paths are built only for the strings kept.

    `free_text_only` skips the fields of models that cannot hold free text: ids and
    references (slug-typed) and fixed choices (`Literal`)."""
    found: list[tuple[Path, str]] = []
    _matching(value, test, path, found, _free_names if free_text_only else _names)
    return found


def _matching(value: Any, test: Any, path: Path, out: list[tuple[Path, str]], names: Any) -> None:
    if isinstance(value, str):
        if test(value) is not None:
            out.append((path, value))
    elif isinstance(value, BaseModel):
        fields = value.__dict__  # a model's field values (read directly: no descriptor)
        for name in names(type(value)):
            item = fields[name]
            if isinstance(item, str):
                if test(item) is not None:
                    out.append(((*path, name), item))
            elif item is not None and not isinstance(item, (int, float)):
                _matching(item, test, (*path, name), out, names)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                if test(item) is not None:
                    out.append(((*path, index), item))
            else:
                _matching(item, test, (*path, index), out, names)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                if test(item) is not None:
                    out.append(((*path, key), item))
            else:
                _matching(item, test, (*path, key), out, names)


def texts(value: Any, path: Path = ()) -> Iterator[tuple[Path, str | dict[str, str]]]:
    """Every translatable text (a string or a {language: string} mapping) inside a model,
    skipping ids and references: text fields are the ones typed `Text`."""
    found: list[tuple[Path, str | dict[str, str]]] = []
    _texts(value, path, found)
    return iter(found)


def _texts(value: Any, path: Path, out: list[tuple[Path, Any]]) -> None:
    if isinstance(value, BaseModel):
        for name, is_text in _text_fields(type(value)):
            item = getattr(value, name)
            if item is None:
                continue
            if is_text:
                if isinstance(item, list):
                    for index, text in enumerate(item):
                        out.append(((*path, name, index), text))
                else:
                    out.append(((*path, name), item))
            elif isinstance(item, (BaseModel, list)):
                _texts(item, (*path, name), out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, BaseModel):
                _texts(item, (*path, index), out)


def _is_text(annotation: Any) -> bool:
    """True for `Text`, `Text | None` and `list[Text]` annotations."""
    rendered = repr(annotation)
    return "dict[" in rendered and "Annotated[str" in rendered
