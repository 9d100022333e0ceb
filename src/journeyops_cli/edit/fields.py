"""Minimal text edits on one value of one record: replace a scalar, add a missing key,
append, remove or move a list item, append a whole record to a file.

Like `surgery`, only the characters of the value change (or new lines are added at the
end of the mapping or the file); everything else stays byte-for-byte. `apply_edits` runs
a record's edits one by one and checks the result with `verify.check_edit` against the
data the edits mean, so a file only ever changes in the way the caller asked.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import add, is_
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops_cli.edit import EditError
from journeyops_cli.edit.lines import structure_problem
from journeyops_cli.edit.nodes import documents, field, last_line, line_starts, record_lines
from journeyops_cli.edit.quoting import is_bare_item, item_or_texts, text_scalar, yaml_scalar
from journeyops_cli.edit.surgery import add_to_mapping, key_before, move_in_mapping, remove_from_mapping
from journeyops_cli.edit.verify import check_edit, data_of
from journeyops_cli.models.config import LimitsConfig

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class SetValue:
    """Set the value at `path` (inside one record) to a scalar; a missing last key is added."""

    path: Path
    value: Any


@dataclass(frozen=True, slots=True)
class AppendItem:
    """Append a scalar or a mapping to the list at `path` (created when missing), or
    insert it before item `before`. A mapping added to a block list is written as a block
    mapping, one key a line."""

    path: Path
    value: Any
    before: int | None = None


@dataclass(frozen=True, slots=True)
class RemoveItem:
    """Remove item `index` from the list at `path` (the last one leaves `[]`)."""

    path: Path
    index: int


@dataclass(frozen=True, slots=True)
class MoveItem:
    """Move item `index` of the list at `path` to index `to`, with the comments it owns
    (`surgery.item_lines`): a step keeps its comments when it moves."""

    path: Path
    index: int
    to: int


Edit = SetValue | AppendItem | RemoveItem | MoveItem


def list_edits(path: Path, old: list[Any], new: list[Any]) -> list[Edit]:
    """Edits that turn the list `old` at `path` into `new` and keep every item that stays
    as it is written, with its comments: an item no longer there and a new one take each
    other's place (a scalar is changed in place; a mapping is removed and the new one
    appended), the rest are removed or appended, and then items move into `new`'s order."""
    if old == new:
        return []
    wanted = list(new)
    gone: list[int] = []
    for index, item in enumerate(old):
        if item in wanted:
            wanted.remove(item)
        else:
            gone.append(index)
    current = list(old)
    edits: list[Edit] = []
    removed: list[int] = []
    appended: list[Any] = []
    for index, value in zip(gone, wanted, strict=False):
        if isinstance(old[index], dict | list) or isinstance(value, dict | list):
            removed.append(index)
            appended.append(value)
        else:
            edits.append(SetValue((*path, index), value))
            current[index] = value
    removed += gone[len(wanted):]
    appended += wanted[len(gone):]
    for index in sorted(removed, reverse=True):
        edits.append(RemoveItem(path, index))
        del current[index]
    for value in appended:
        edits.append(AppendItem(path, value))
        current.append(value)
    for position, value in enumerate(new):
        if current[position] != value:
            found = next(i for i in range(position + 1, len(current)) if current[i] == value)
            edits.append(MoveItem(path, found, position))
            current.insert(position, current.pop(found))
    return edits


def written(value: Any, flow: bool) -> str:
    """`value` as YAML text; a date is written plain (YAML 1.2 reads it as its text)."""
    if type(value) is str:
        return _text(value, flow)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {written(v, True)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(written(v, True) for v in value) + "]"
    return yaml_scalar(value, flow=flow)


@lru_cache(maxsize=4096)
def _text(value: str, flow: bool) -> str:
    return _scalar_text(value, flow)


def _scalar_text(value: str, flow: bool) -> str:
    if is_bare_item(value):
        return value  # an id or a step reference
    return text_scalar(value, flow)


def read_back(value: Any) -> Any:
    """What the read path makes of `written(value)`."""
    if type(value) is str:
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: read_back(v) for k, v in value.items()}
    if isinstance(value, list):
        return [read_back(v) for v in value]
    return value


def _walk(text: str, index: int, path: Path, shown: str) -> tuple[Node | None, Node, bool]:
    """(the node at `path` or None when its last key is missing, its parent, whether any
    container on the way is a flow collection)."""
    docs = documents(text, shown)
    if index >= len(docs):
        raise EditError(f"{shown}: the record is not where it was read; not changed")
    node: Node = docs[index]
    parent: Node = node
    flow = False
    for depth, step in enumerate(path):
        flow = flow or bool(getattr(node, "flow_style", False))
        parent = node
        if isinstance(step, int) and isinstance(node, SequenceNode) and step < len(node.value):
            node = node.value[step]
            continue
        if isinstance(step, str) and isinstance(node, MappingNode):
            found = field(node, step)
            if found is not None:
                node = found[1]
                continue
            if depth == len(path) - 1:
                return None, node, flow
        raise EditError(f"{shown}: no value at {'.'.join(map(str, path))}; not changed")
    return node, parent, flow or bool(getattr(node, "flow_style", False))


def set_scalar(text: str, index: int, path: Path, value: Any, newline: str, shown: str) -> str:
    """`text` with the value at `path` replaced by `value` (or its key added when missing)."""
    node, parent, flow = _walk(text, index, path, shown)
    if node is None:
        assert isinstance(parent, MappingNode)
        return _add_key(text, parent, str(path[-1]), written(value, flow), newline, shown)
    if isinstance(value, list) and isinstance(node, SequenceNode) and node.flow_style:
        start, end = node.start_mark.index, node.end_mark.index
        return text[:start] + written(value, True) + text[end:]
    if isinstance(value, list):
        raise EditError(f"{shown}: items of the list {'.'.join(map(str, path))} can only be removed in the "
                        "YAML file (it is a block list); not changed")
    if not isinstance(node, ScalarNode):
        raise EditError(f"{shown}: {'.'.join(map(str, path))} is not a single value; edit it by hand")
    start, end = node.start_mark.index, node.end_mark.index
    old = text[start:end]
    tail = old[len(old.rstrip("\r\n")):] if node.style in ("|", ">") else ""
    return text[:start] + written(value, flow) + tail + text[end:]


def append_item(
    text: str, index: int, path: Path, value: Any, newline: str, shown: str, before: int | None = None
) -> str:
    """`text` with `value` appended to the list at `path` (created when missing), or
    inserted before its item `before`."""
    node, parent, _ = _walk(text, index, path, shown)
    if not isinstance(parent, MappingNode) or parent.flow_style:
        raise EditError(f"{shown}: cannot add to {'.'.join(map(str, path))}; edit it by hand")
    # A mapping goes in as a block mapping where the list's items are block mappings
    # (steps); where they are flow mappings (`- {date: …, value: …}`) it is one too.
    block = (
        isinstance(node, SequenceNode) and not node.flow_style and node.value
        and isinstance(node.value[-1], MappingNode) and not node.value[-1].flow_style
    )
    if not (block and isinstance(value, dict)):
        if before is not None:
            raise EditError(f"{shown}: cannot insert into {'.'.join(map(str, path))}; edit it by hand")
        return add_to_mapping(text, parent, str(path[-1]), written(value, True), newline, shown)
    assert isinstance(node, SequenceNode)
    dash = node.start_mark.column
    pad = " " * (dash + 2)
    lines = [f"{key}: {written(item, False)}" for key, item in value.items() if item not in (None, [])]
    item = (" " * dash) + "- " + (newline + pad).join(lines) + newline
    starts = line_starts(text)
    if before is not None and before < len(node.value):
        at = starts[node.value[before].start_mark.line]
        if text[at:node.value[before].start_mark.index].strip() != "-":
            raise EditError(f"{shown}: the list item does not stand on its own line; edit it by hand")
    else:
        line = last_line(node.value[-1])
        at = starts[line + 1] if line + 1 < len(starts) else len(text)
        if at == len(text) and not text.endswith("\n"):
            item = newline + item
    return text[:at] + item + text[at:]


def _add_key(text: str, mapping: MappingNode, name: str, value: str, newline: str, shown: str) -> str:
    if mapping.flow_style:
        close = mapping.end_mark.index - 1
        if text[close] != "}":
            raise EditError(f"{shown}: cannot find the end of a flow mapping; not changed")
        before = close
        while text[before - 1] in " \t":
            before -= 1
        lead = "" if text[before - 1] == "{" else ", "
        return text[:before] + f"{lead}{name}: {value}" + text[before:]
    if not mapping.value:
        raise EditError(f"{shown}: cannot add '{name}' to an empty mapping; not changed")
    indent = " " * mapping.value[0][0].start_mark.column
    starts = line_starts(text)
    line = last_line(key_before(mapping, name))  # where `fmt` would put the key
    at = starts[line + 1] if line + 1 < len(starts) else len(text)
    lead = "" if at == 0 or text[at - 1] == "\n" else newline
    return text[:at] + f"{lead}{indent}{name}: {value}{newline}" + text[at:]


def _expected(data: Any, edit: Edit) -> None:
    *head, last = edit.path
    target = data
    for step in head:
        target = target[step]
    if isinstance(edit, SetValue):
        target[last] = read_back(edit.value)
    elif isinstance(edit, RemoveItem):
        target[last] = [item for i, item in enumerate(target[last]) if i != edit.index]
    elif isinstance(edit, MoveItem):
        items = list(target[last])
        items.insert(edit.to, items.pop(edit.index))
        target[last] = items
    else:
        items = list((target.get(last) if isinstance(target, dict) else target[last]) or [])
        value = read_back(edit.value)
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v not in (None, [])}
        items.insert(len(items) if edit.before is None else edit.before, value)
        target[last] = items


def apply_edits(
    text: str, index: int, edits: list[Edit], newline: str, shown: str, limits: LimitsConfig,
    records: bool = True,
) -> str:
    """`text` with `edits` made to record `index`, checked: the result reads back as the old
    data with exactly these changes, loads without errors (`records`: False for the config,
    which is not a file of records), and nothing outside the record moved. An EditError
    (nothing is written) otherwise."""
    data = data_of(text, limits)
    if data is None:
        raise EditError(f"{shown}: cannot be read as YAML; not changed")
    expected = copy.deepcopy(data)
    new = text
    for edit in edits:
        _expected(expected[index], edit)
        if isinstance(edit, SetValue):
            new = set_scalar(new, index, edit.path, edit.value, newline, shown)
        elif isinstance(edit, RemoveItem | MoveItem):
            _, parent, _ = _walk(new, index, edit.path, shown)
            if not isinstance(parent, MappingNode):
                raise EditError(f"{shown}: cannot change {'.'.join(map(str, edit.path))}; edit it by hand")
            if isinstance(edit, RemoveItem):
                new = remove_from_mapping(new, parent, str(edit.path[-1]), edit.index, shown)
            else:
                new = move_in_mapping(new, parent, str(edit.path[-1]), edit.index, edit.to, newline, shown)
        else:
            new = append_item(new, index, edit.path, edit.value, newline, shown, edit.before)
    check_edit(text, new, expected, record_lines(text, documents(text, shown)[index]), shown, limits, records)
    return new


def append_documents(text: str, records: list[str], newline: str) -> str:
    """`text` with `records` (each a YAML mapping's text, or several joined with `---`
    lines; LF line endings) added as new documents at the end of the file."""
    if not text and newline == "\n":
        return "---\n".join(records)  # one record (or one file's, joined): no copy
    parts = [text]
    if text and not text.endswith("\n"):
        parts.append(newline)
    separator = "---" + newline
    if records and text.strip():
        parts.append(separator)
    parts.append(separator.join(records if newline == "\n" else (r.replace("\n", newline) for r in records)))
    return "".join(parts)


def record_yaml(data: dict[str, Any]) -> str:
    """A new record as YAML text: one key a line, lists as block lists (indented under
    their key, as `fmt` writes them), per-language texts in flow style; keys whose value
    is None or an empty list are left out."""
    return records_yaml({key: [value] for key, value in data.items()}).texts[0]


@dataclass(frozen=True, slots=True)
class Written:
    """The YAML text of new records, and how many lines each one is (0 for every record
    when a line of theirs failed the line check: see `records_yaml`)."""

    texts: list[str]
    lines: list[int]


def records_yaml(columns: Mapping[str, Sequence[Any]], columns_distinct: Distinct | None = None) -> Written:
    """Many new records as `record_yaml` writes each, given by column (each key's list
    holds one value a record, in the order of the keys): each distinct value of a column
    is written once (a list or mapping: each object once).

    Each distinct line written is checked once, here, by `lines.structure_problem`'s line
    check, except the texts `item_or_texts` matched as sure (an id, a step reference or a
    plain-safe text, which that check accepts after any key: a test holds `_SURE_LINES`
    to it); one of them per column is checked with its key. So the records' texts are
    lines of that check, each record `lines` of them, whatever records they are joined
    into (`edit/records.py`). Should a line fail (a fault of this writer), every record
    gets 0 lines: a file of them is read back whole (`Changeset.add`).

    `columns_distinct`: the columns' `distinct_columns`, when the caller has them already."""
    lines: list[list[str]] = []
    counts: list[list[int]] = []
    checked: list[str] = []  # the lines to check, and how many they are
    lines_checked = 0
    same = 0  # the lines every record has: one for each column of texts, and so on
    for key, values in columns.items():
        keys, distinct = distinct_values(values) if columns_distinct is None else columns_distinct[key]
        if set(map(type, distinct.values())) == {str}:  # texts: one line each
            start, end = f"{key}: ", "\n"
            alone: list[int] = []
            each = [start + w + end for w in item_or_texts(list(distinct.values()), alone)]
            checked += [each[0], *map(each.__getitem__, alone)]
            lines_checked += 1 + len(alone)
            if len(each) == len(keys):  # every value another (ids, summaries): in their order
                lines.append(each)
            else:
                lines.append(list(map(dict(zip(distinct, each, strict=True)).__getitem__, keys)))
            same += 1
            continue
        text, count = {}, {}
        for k, value in distinct.items():
            text[k], count[k] = _line(key, value)
        checked += text.values()
        lines_checked += sum(count.values())
        if len(set(count.values())) > 1:  # e.g. lists of steps, some empty
            counts.append(list(map(count.__getitem__, keys)))
        else:  # every value as many lines (a date: one), counted once
            same += next(iter(count.values()), 0)
            if not any(text.values()):  # none at all (None, []): no column of lines to join
                continue
        lines.append(list(map(text.__getitem__, keys)))
    records = len(next(iter(columns.values()), ()))
    per_record = [same] * records
    for count_of in counts:
        per_record = list(map(add, per_record, count_of))
    if structure_problem("".join(checked), lines_checked) is not None:
        per_record = [0] * records
    return Written(list(map("".join, zip(*lines, strict=True))) if lines else [""] * records, per_record)


# Column -> `distinct_values` of its values.
Distinct = Mapping[str, tuple[Sequence[Any], dict[Any, Any]]]


def distinct_columns(columns: Mapping[str, Sequence[Any]]) -> Distinct:
    """`distinct_values` of each column, worked out once for both `records.invalid` and
    `records_yaml`."""
    return {key: distinct_values(values) for key, values in columns.items()}


def distinct_values(values: Sequence[Any]) -> tuple[Sequence[Any], dict[Any, Any]]:
    """(a key for each value, key -> value for each distinct key): values of one type are
    their own keys; otherwise a key holds the type too (`True`, `1` and `1.0` are equal
    in Python but not in YAML), and a list or mapping is known by the object."""
    if values and all(map(is_, values, repeat(values[0]))):  # one object (a column of one default)
        first = values[0]
        if type(first) in (list, dict):
            return [id(first)] * len(values), {id(first): first}
        return values, {first: first}
    types = set(map(type, values))
    types.discard(type(None))
    if len(types) <= 1 and not types & {list, dict}:
        return values, dict(zip(values, values, strict=True))
    if types <= {list, dict}:  # lists, mappings and None: each object its own key
        ids = list(map(id, values))
        return ids, dict(zip(ids, values, strict=True))
    keys = [(_OBJECT, id(v)) if type(v) in (list, dict) else (type(v), v) for v in values]
    return keys, dict(zip(keys, values, strict=True))


_OBJECT = object()


def _line(key: str, value: Any) -> tuple[str, int]:
    """The lines of one key and its value, and how many they are."""
    if type(value) is str:
        return f"{key}: {_scalar_text(value, False)}\n", 1
    if value is None or value == []:
        return "", 0
    if isinstance(value, list):
        return f"{key}:\n" + "".join(f"  - {written(item, True)}\n" for item in value), 1 + len(value)
    return f"{key}: {written(value, False)}\n", 1
