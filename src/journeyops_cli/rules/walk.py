"""Walk the values inside a record with their field paths (for rules on free text)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

Path = tuple[Any, ...]


def strings(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every string inside a model, list or mapping, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from strings(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, (*path, key))


def texts(value: Any, path: Path = ()) -> Iterator[tuple[Path, str | dict[str, str]]]:
    """Every translatable text (a string or a {language: string} mapping) inside a model,
    skipping ids and references: text fields are the ones typed `Text`."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            if item is None:
                continue
            if _is_text(info.annotation):
                if isinstance(item, list):
                    for index, text in enumerate(item):
                        yield (*path, name, index), text
                else:
                    yield (*path, name), item
            elif isinstance(item, (BaseModel, list)):
                yield from texts(item, (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, BaseModel):
                yield from texts(item, (*path, index))


def _is_text(annotation: Any) -> bool:
    """True for `Text`, `Text | None` and `list[Text]` annotations."""
    rendered = repr(annotation)
    return "dict[" in rendered and "Annotated[str" in rendered
