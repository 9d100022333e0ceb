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
- `lines.structure_problem` checks the written text itself, line by line: every line is one
  that `records_yaml` writes (`---`, a key and one value, a key and its list items; a value
  is an id, a plain text that no YAML reader takes for anything else, a double-quoted
  text with every line break and control character escaped, a date, a number or a flow
  mapping of such values), and there are exactly as many lines as its records have: no
  value broke out of its line or document. It refuses whatever libyaml's parse would
  find a different structure in, at a third of its cost (one pass of the C regex
  matcher). `records_yaml` runs it where it writes, on each distinct line once (a text
  that `quoting.item_or_texts` found plain-safe or an id in its own one pass is such a
  line after any key: a test holds the two patterns to it), so a new file of such
  records is left with `lines.count_problem` to check: records that are lines of the check,
  joined with `---` lines, are lines of the check, and the count catches a record that
  does not end its last line (an import of 100,000 rows: a tenth of a second less than
  the check of the whole 31 MB text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from journeyops_cli.edit.fields import Distinct, distinct_values, read_back
from journeyops_cli.models.base import Record


def invalid(model: type[Record], columns: Mapping[str, Sequence[Any]], count: int,
            columns_distinct: Distinct | None = None) -> dict[int, str]:
    """Record index -> why the model refuses that record (the first reason), for records
    given by column as for `records_yaml` (None or [] is a value left out);
    `columns_distinct`: as for `records_yaml`."""
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
        keys, distinct = distinct_values(values) if columns_distinct is None else columns_distinct[key]
        only_texts = set(map(type, distinct.values())) == {str}  # a text reads back as itself
        if not only_texts and fields[key].is_required() and (None in values or [] in values):
            for index, value in enumerate(values):
                if value is None or value == []:
                    bad.setdefault(index, f"{key}: Field required")
        if only_texts:
            given = list(distinct.items())
            texts = list(distinct.values())
        else:
            given = [(k, v) for k, v in distinct.items() if v is not None and v != []]
            texts = list(map(read_back, (v for _, v in given)))
        if not given:
            continue
        try:
            _adapter(model, key).validate_python(texts)
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
