"""Minimal text edits on one list field of one record: add an item, remove an item.

Only the characters of that list change (or, for a missing field, new lines are added at
the end of the record); everything else in the file stays byte-for-byte. The caller checks
the result with `verify.check_edit` before writing it.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops_cli.edit import EditError
from journeyops_cli.edit.formatter import record_order
from journeyops_cli.edit.nodes import documents, field, last_line, line_starts
from journeyops_cli.edit.quoting import flow_item


def _record(text: str, index: int, shown: str) -> MappingNode:
    docs = documents(text, shown)
    if index >= len(docs) or not isinstance(docs[index], MappingNode):
        raise EditError(f"{shown}: the record is not where it was read; not changed")
    node = docs[index]
    assert isinstance(node, MappingNode)
    if node.flow_style:
        raise EditError(f"{shown}: the record is written as a flow mapping {{...}}; edit it by hand")
    return node


def _end_of_line(text: str, line: int) -> int:
    """Index just after the line break of 0-based `line` (or the end of the text)."""
    starts = line_starts(text)
    if line + 1 < len(starts):
        return starts[line + 1]
    return len(text)


def _sequence_offset(record: MappingNode) -> int:
    """How far this record indents `- ` under its key (0 or more); 2 when it has no
    block list to learn from."""
    for key, value in record.value:
        if isinstance(value, SequenceNode) and not value.flow_style and value.value:
            return value.start_mark.column - key.start_mark.column
    return 2


def add_item(
    text: str, index: int, name: str, item: str, newline: str, shown: str, raw: bool = False
) -> str:
    """`text` with `item` appended to list `name` of record `index` (the list is created at
    the end of the record when missing). `raw`: `item` is already YAML text (flow-safe)."""
    record = _record(text, index, shown)
    return add_to_mapping(text, record, name, item if raw else flow_item(item), newline, shown)


def add_to_mapping(text: str, record: MappingNode, name: str, written: str, newline: str, shown: str) -> str:
    """`text` with the YAML text `written` appended to list `name` of the block mapping
    `record` (a record or one nested in it; the list is created at its end when missing)."""
    found = field(record, name)
    if found is None:
        indent = " " * record.start_mark.column
        offset = " " * _sequence_offset(record)
        at = _end_of_line(text, last_line(key_before(record, name)))
        lead = "" if at == 0 or text[at - 1] == "\n" else newline
        addition = f"{lead}{indent}{name}:{newline}{indent}{offset}- {written}{newline}"
        return text[:at] + addition + text[at:]
    key, value = found
    if isinstance(value, ScalarNode) and value.tag.endswith(":null"):
        colon = text.index(":", key.end_mark.index)
        if value.end_mark.index > value.start_mark.index:
            return text[: value.start_mark.index] + f"[{written}]" + text[value.end_mark.index:]
        return text[: colon + 1] + f" [{written}]" + text[colon + 1:]
    if not isinstance(value, SequenceNode):
        raise EditError(f"{shown}: field '{name}' is not a list; not changed")
    if value.flow_style:
        close = value.end_mark.index - 1
        if text[close] != "]":
            raise EditError(f"{shown}: cannot find the end of the list '{name}'; not changed")
        before = close
        while before > value.start_mark.index and text[before - 1] in " \t\r\n":
            before -= 1
        previous = text[before - 1]
        if previous == "[":
            insert = written
        elif previous == ",":
            insert = f" {written}"
        else:
            insert = f", {written}"
        return text[:before] + insert + text[before:]
    if not value.value:
        raise EditError(f"{shown}: cannot find the end of the list '{name}'; not changed")
    dash = " " * value.start_mark.column
    at = _end_of_line(text, last_line(value.value[-1]))
    lead = "" if text[at - 1] == "\n" else newline
    return text[:at] + f"{lead}{dash}- {written}{newline}" + text[at:]


def remove_item(text: str, index: int, name: str, item: str, newline: str, shown: str) -> str:
    """`text` with the first `item` removed from list `name` of record `index`."""
    record = _record(text, index, shown)
    found = field(record, name)
    if found is None or not isinstance(found[1], SequenceNode):
        raise EditError(f"{shown}: field '{name}' is not a list; not changed")
    position = next(
        (i for i, node in enumerate(found[1].value) if isinstance(node, ScalarNode) and node.value == item),
        None,
    )
    if position is None:
        raise EditError(f"{shown}: '{item}' is not in '{name}'; not changed")
    return remove_from_mapping(text, record, name, position, shown)


def remove_from_mapping(text: str, record: MappingNode, name: str, position: int, shown: str) -> str:
    """`text` with item `position` removed from list `name` of the mapping `record` (a
    record or one nested in it); the last item leaves `name: []`."""
    found = field(record, name)
    if found is None or not isinstance(found[1], SequenceNode) or position >= len(found[1].value):
        raise EditError(f"{shown}: field '{name}' has no item {position + 1}; not changed")
    key, value = found
    items: list[Node] = value.value
    node = items[position]
    item = node.value if isinstance(node, ScalarNode) else f"item {position + 1}"
    if value.flow_style:
        if len(items) == 1:
            start, end = node.start_mark.index, node.end_mark.index
        elif position == 0:
            start, end = node.start_mark.index, items[1].start_mark.index
        else:
            start, end = items[position - 1].end_mark.index, node.end_mark.index
        return text[:start] + text[end:]
    starts = line_starts(text)
    first = node.start_mark.line
    dash_at = starts[first] + value.start_mark.column
    if text[starts[first]:dash_at].strip() or text[dash_at] != "-":
        raise EditError(f"{shown}: the list item '{item}' does not stand on its own line; edit it by hand")
    end = _end_of_line(text, last_line(node))
    text = text[: starts[first]] + text[end:]
    if len(items) == 1:
        colon = text.index(":", key.end_mark.index)
        text = text[: colon + 1] + " []" + text[colon + 1:]
    return text


def key_before(record: MappingNode, name: str) -> Node:
    """The value after which a new key `name` goes: where `fmt` puts it in the record's
    canonical key order (before the first key that comes after it, and before the comment
    lines above that key); the record's last value when no key comes after it."""
    order = record_order(record)
    if order is None or name not in order:
        return record
    rank = {key: i for i, key in enumerate(order)}
    for position, (key, _) in enumerate(record.value):
        known = rank.get(key.value, len(order)) if isinstance(key, ScalarNode) else len(order)
        if position and known > rank[name]:
            return record.value[position - 1][1]
    return record
