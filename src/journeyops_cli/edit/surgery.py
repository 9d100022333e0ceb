"""Minimal text edits on one list field of one record: add an item, remove an item.

Only the characters of that list change (or, for a missing field, new lines are added at
the end of the record); everything else in the file stays byte-for-byte. The caller checks
the result with `verify.check_edit` before writing it.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops_cli.edit import EditError
from journeyops_cli.edit.formatter import record_order
from journeyops_cli.edit.nodes import documents, field, is_block, last_line, line_starts
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
    record or one nested in it); the last item leaves `name: []`. In a block list the
    item goes with the comments it owns (`item_lines`), so no comment of it is left
    behind to look like a comment of its neighbour."""
    found = field(record, name)
    if found is None or not isinstance(found[1], SequenceNode) or position >= len(found[1].value):
        raise EditError(f"{shown}: field '{name}' has no item {position + 1}; not changed")
    key, value = found
    items: list[Node] = value.value
    node = items[position]
    if value.flow_style:
        if len(items) == 1:
            start, end = node.start_mark.index, node.end_mark.index
        elif position == 0:
            start, end = node.start_mark.index, items[1].start_mark.index
        else:
            start, end = items[position - 1].end_mark.index, node.end_mark.index
        return text[:start] + text[end:]
    starts = line_starts(text)
    first, last = item_lines(text, key, value, shown)[position]
    text = text[: starts[first]] + text[starts[last + 1]:]
    if len(items) == 1:
        colon = text.index(":", key.end_mark.index)
        text = text[: colon + 1] + " []" + text[colon + 1:]
    return text


def move_in_mapping(text: str, record: MappingNode, name: str, position: int, to: int, newline: str,
                    shown: str) -> str:
    """`text` with item `position` of list `name` of the mapping `record` moved to index
    `to` (the others keep their order). In a block list each item moves with the comments
    it owns (`item_lines`); blank lines and the comments between items that no item owns
    stay where they are. In a flow list the items' texts change places."""
    found = field(record, name)
    size = len(found[1].value) if found is not None and isinstance(found[1], SequenceNode) else 0
    if not (0 <= position < size and 0 <= to < size):
        raise EditError(f"{shown}: field '{name}' has no item {max(position, to) + 1}; not changed")
    assert found is not None and isinstance(found[1], SequenceNode)
    key, value = found
    items: list[Node] = value.value
    order = list(range(len(items)))
    order.insert(to, order.pop(position))
    if value.flow_style:
        spans = [(node.start_mark.index, node.end_mark.index) for node in items]
    else:
        starts = line_starts(text)
        spans = [(starts[first], starts[last + 1]) for first, last in item_lines(text, key, value, shown)]
    pieces = [text[start:end] for start, end in spans]
    region = text[spans[0][0]:spans[-1][1]]
    unterminated = not value.flow_style and not pieces[-1].endswith("\n")
    if unterminated:
        pieces[-1] += newline  # the file's last line: it moves, so it needs its line break
    out = []
    for slot, index in enumerate(order):
        out.append(pieces[index])
        if slot + 1 < len(spans):
            out.append(text[spans[slot][1]:spans[slot + 1][0]])  # what lies between stays
    moved = "".join(out)
    if unterminated:
        moved = moved[: -len(newline)]
    assert len(moved) == len(region)
    return text[:spans[0][0]] + moved + text[spans[-1][1]:]


def _comment(line: str) -> bool:
    return line.lstrip(" \t").startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _keeps_breaks(text: str, node: Node) -> bool:
    """Whether the last value inside `node` is a block scalar that keeps its final line
    breaks (`|+`, `>+`): then the blank lines after it are part of it."""
    while is_block(node) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    if not isinstance(node, ScalarNode) or node.style not in ("|", ">"):
        return False
    start = node.start_mark.index
    end = text.find("\n", start)
    return "+" in text[start:end if end != -1 else len(text)].split("#")[0]


def item_lines(text: str, key: ScalarNode, value: SequenceNode, shown: str) -> list[tuple[int, int]]:
    """The 0-based first and last line each item of the block list `value` (the value of
    `key`) owns: the comment lines right above its `- ` (no blank line between), its own
    lines, and the comment lines right after it that are indented deeper than its `- `
    (comments inside the item after its last value). Blank lines, and comments a blank
    line away from an item, are owned by no item. An item must start its own line."""
    starts = line_starts(text)
    lines = [text[starts[n]:starts[n + 1]] for n in range(len(starts) - 1)]
    dash = value.start_mark.column
    owned: list[tuple[int, int]] = []
    floor = key.end_mark.line  # lines above this belong to what comes before the list
    for number, node in enumerate(value.value):
        first = node.start_mark.line
        at = starts[first] + dash
        if text[starts[first]:at].strip() or text[at:at + 1] != "-":
            item = node.value if isinstance(node, ScalarNode) else f"item {number + 1}"
            raise EditError(f"{shown}: the list item '{item}' does not stand on its own line; edit it by hand")
        while first - 1 > floor and _comment(lines[first - 1]):
            first -= 1
        last = last_line(node)
        while last > node.start_mark.line and not lines[last].strip() and not _keeps_breaks(text, node):
            last -= 1  # the blank lines a block scalar at its end runs over are not its own
        while last + 1 < len(lines) and _comment(lines[last + 1]) and _indent(lines[last + 1]) > dash:
            last += 1
        owned.append((first, last))
        floor = last
    return owned


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
