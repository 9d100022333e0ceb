"""Line and column of a value or key inside a document, found only when a finding needs it."""

from __future__ import annotations

from typing import Any, Literal

from yaml import YAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops_cli.load.yaml_read import compose_documents

Target = Literal["key", "value"]


class Locator:
    """Finds positions in one file's text; composes the text once, on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._documents: list[Node] | None = None

    def _docs(self) -> list[Node]:
        if self._documents is None:
            try:
                self._documents = compose_documents(self._text)
            except (YAMLError, RecursionError, MemoryError):
                self._documents = []
        return self._documents

    def locate(
        self, document: int, path: tuple[Any, ...], target: Target = "value"
    ) -> tuple[int, int]:
        """1-based (line, column) of `path` in document `document`.

        Walks as far as the path exists: a missing key points at its mapping, so a
        "missing field" finding lands on the record or the step that lacks it.
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
        return (mark.line + 1, mark.column + 1)


def _child(node: Node, part: Any) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == str(part):
                return key, value
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            return None, node.value[part]
    return None
