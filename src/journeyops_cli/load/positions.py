"""Line and column of a value or key inside a document, from libyaml's own marks.

A `Locator` composes its text once, on first use, with libyaml as the loader does
(`yaml_read`), and walks the nodes: a position costs the same whatever the file's style
(flow or block, folded, quoted, commented). Only files that have findings are composed
again, each once (`place.py`). Positions need no tags, so this composer resolves none
(a third of the time of composing with YAML 1.2 tags); the loader has already reported
anything wrong with the text.
"""

from __future__ import annotations

from typing import Any

from yaml import YAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops_cli.load.yaml_read import compose_documents


class Locator:
    """Finds positions in one file's text; composes the text once, on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._documents: list[Node] | None = None

    def _docs(self) -> list[Node]:
        if self._documents is None:
            try:
                self._documents = compose_documents(self._text, tags=False)
            except (YAMLError, RecursionError, MemoryError):
                self._documents = []
        return self._documents

    def locate(
        self, document: int, path: tuple[Any, ...], target: str = "value", text: str | None = None
    ) -> tuple[int, int]:
        """1-based (line, column) of `path` in document `document`.

        Walks as far as the path exists: a missing key points at its mapping, so a
        "missing field" finding lands on the record or the step that lacks it. With
        `text`, the first place at or after the value where `text` is written (the
        value's own place when it is split across lines or escaped).
        """
        docs = self._docs()
        if document >= len(docs):
            return (1, 1)
        node: Node = docs[document]
        key_node: Node | None = None
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
        else:
            if target == "key" and key_node is not None:
                node = key_node
        mark = node.start_mark
        if text is not None:
            return self._exact(mark.index, text, (mark.line + 1, mark.column + 1))
        return (mark.line + 1, mark.column + 1)

    def lines(self, document: int, path: tuple[Any, ...] = ()) -> tuple[int, int] | None:
        """The 1-based first and last line of what stands at `path` in document `document`
        (a record, a step), or None when it is not there."""
        docs = self._docs()
        if document >= len(docs):
            return None
        node = docs[document]
        for part in path:
            child = _child(node, part)
            if child is None:
                return None
            node = child[1]
        start, end = node.start_mark, node.end_mark
        last = end.line if end.column > 0 else end.line - 1  # a block ends at the start of the next line
        return start.line + 1, max(last, start.line) + 1

    def _exact(self, offset: int, text: str, fallback: tuple[int, int]) -> tuple[int, int]:
        at = self._text.find(text, offset)
        if at < 0:
            return fallback
        line = self._text.count("\n", 0, at) + 1
        return line, at - (self._text.rfind("\n", 0, at) + 1) + 1


def _child(node: Node, part: Any) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == str(part):
                return key, value
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None
