"""New records in bulk (an import of 100,000 feedback rows), checked as the read path
would check them without reading each new file back.

The read path reads a file into data (YAML 1.2) and validates each record with its kind's
model. For a new file whose text `fields.records_yaml` wrote, the same holds by three
cheaper steps:

- the text reads back as exactly the data it was written from (`fields.read_back` of each
  value): a property test over any record an import can produce shows it
  (tests/edit/test_new_records.py);
- `invalid` validates that data with the model: every value with its field's own
  validator (each distinct value once, a column in one call), keys the model does not
  have and missing required ones refused; a model with validators of its own (field or
  model validators, which may look at other fields) is validated record by record;
- `structure_problem` parses the written text with libyaml's C parser, which builds no
  Python objects, and the text must make exactly the events its records make: no value
  broke out of its line or document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError
from yaml import YAMLError
from yaml._yaml import CParser  # libyaml

from journeyops_cli.edit.fields import distinct_values, read_back
from journeyops_cli.models.base import Record


def invalid(model: type[Record], columns: Mapping[str, Sequence[Any]], count: int) -> dict[int, str]:
    """Record index -> why the model refuses that record (the first reason), for records
    given by column as for `records_yaml` (None or [] is a value left out)."""
    fields = model.model_fields
    bad: dict[int, str] = {}
    for key in columns:
        if key not in fields:
            return dict.fromkeys(range(count), f"{key}: not a field of {model.KIND}")
    for name, info in fields.items():
        if info.is_required() and name not in columns:
            return dict.fromkeys(range(count), f"{name}: Field required")
    decorators = model.__pydantic_decorators__
    if decorators.field_validators or decorators.model_validators or decorators.validators:
        return _record_by_record(model, columns, count)
    for key, values in columns.items():
        if fields[key].is_required() and (None in values or [] in values):
            for index, value in enumerate(values):
                if value is None or value == []:
                    bad.setdefault(index, f"{key}: Field required")
        keys, distinct = distinct_values(values)
        given = [(k, v) for k, v in distinct.items() if v is not None and v != []]
        if not given:
            continue
        try:
            texts = all(type(v) is str for _, v in given)  # a text reads back as itself
            _adapter(model, key).validate_python([v for _, v in given] if texts else [read_back(v) for _, v in given])
        except ValidationError as error:
            for item in error.errors():
                wrong = given[int(item["loc"][0])][0]
                for index, k in enumerate(keys):
                    if k == wrong:
                        bad.setdefault(index, f"{key}: {item['msg']}")
    return bad


def _record_by_record(model: type[Record], columns: Mapping[str, Sequence[Any]], count: int) -> dict[int, str]:
    bad: dict[int, str] = {}
    for index in range(count):
        data = {k: read_back(v[index]) for k, v in columns.items() if v[index] is not None and v[index] != []}
        try:
            model.model_validate(data)
        except ValidationError as error:
            first = error.errors()[0]
            bad[index] = f"{'.'.join(map(str, first['loc']))}: {first['msg']}"
    return bad


@lru_cache(maxsize=64)
def _adapter(model: type[Record], key: str) -> TypeAdapter[list[Any]]:
    """A validator of a list of values of one field, with the field's own type and constraints."""
    info = model.model_fields[key]
    annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return TypeAdapter(list[annotation])  # type: ignore[valid-type]


def structure_problem(text: str, events: int) -> str | None:
    """None when libyaml parses `text` into exactly `events` events (the stream's start and
    end, and each record's: see `records_yaml`), else what went wrong."""
    try:
        found = CParser(text).raw_parse()
    except YAMLError as error:
        return f"not valid YAML: {error}"
    if found != events + 2:
        return f"parses as {found - 2} parser events, not the {events} written"
    return None
