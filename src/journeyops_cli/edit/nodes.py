"""Positions of records and their fields in a file's text, from the read path's own nodes
(libyaml marks: 0-based line and column, character index into the text)."""

from __future__ import annotations

from yaml import MarkedYAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops_cli.edit import EditError
from journeyops_cli.load.yaml_read import compose_documents


def documents(text: str, shown: str) -> list[Node]:
    try:
        return compose_documents(text)
    except (MarkedYAMLError, RecursionError, MemoryError):
        raise EditError(f"{shown}: cannot be read as YAML; not changed") from None


def field(mapping: MappingNode, name: str) -> tuple[ScalarNode, Node] | None:
    for key, value in mapping.value:
        if isinstance(key, ScalarNode) and key.value == name:
            return key, value
    return None


def is_block(node: Node) -> bool:
    return isinstance(node, MappingNode | SequenceNode) and not node.flow_style


def last_line(node: Node) -> int:
    """The 0-based line holding the last character of `node`'s own text."""
    while is_block(node) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    end = node.end_mark
    if end.column == 0 and end.line > node.start_mark.line:
        return end.line - 1  # block scalars end at the start of the next line
    return end.line


def line_starts(text: str) -> list[int]:
    """Character index where each line starts (plus one past the end)."""
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    if starts[-1] != len(text):
        starts.append(len(text))
    return starts


def record_lines(text: str, node: Node) -> tuple[int, int]:
    """The first and last 0-based line of a record's own text: comments above it are
    excluded, and so are comments after its last value unless indented deeper than the
    record (those are inside it, as `surgery.item_lines` counts them for a list item)."""
    starts = line_starts(text)
    last = last_line(node)
    column = node.start_mark.column
    while last + 2 < len(starts):
        line = text[starts[last + 1]:starts[last + 2]]
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) <= column:
            break
        last += 1
    return node.start_mark.line, last
