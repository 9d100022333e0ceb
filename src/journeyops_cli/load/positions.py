"""Line and column of a value or key inside a document, found only when a finding needs it."""

from __future__ import annotations

import re
from typing import Any, Literal

from yaml import YAMLError
from yaml._yaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops_cli.load.yaml_read import compose_documents

Target = Literal["key", "value"]


class Locator:
    """Finds positions in one file's text; composes the text once, on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._documents: list[Node] | None = None
        self._fast: list[Any] | None = None
        self._fast_tried = False

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
        if not self._fast_tried:
            self._fast_tried = True
            self._fast = _fast_documents(self._text)
        if self._fast is not None:
            if document >= len(self._fast):
                return (1, 1)
            found = _fast_locate(self._fast[document], path, target)
            if found is not None:
                return (found[0] + 1, found[1] + 1)
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


# --- a fast path for plain block YAML ---------------------------------------------------
#
# Composing a file in libyaml builds a Python node for every scalar; most files that get
# findings are simple block YAML, so their structure is read from the lines instead.
# libyaml first checks that the whole text is valid (`raw_parse`, no Python objects); then
# every content line must be of a small, unambiguous shape (keys, `- ` entries, scalars,
# quoted scalars and flow collections closed on the same line); anything else — block
# scalars, anchors, tags, multi-line scalars, tabs, other line breaks, directives —
# falls back to composing, as does a position that would land on an empty value or
# inside a flow collection.


class _Unsupported(Exception):
    """The text is outside the shapes the line reader handles."""


_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_./-]*):(?: +|$)")
_QUOTED = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'")
_AFTER_VALUE = re.compile(r" *(?:(?<= )#.*)?")
_SPECIAL_TEXT = re.compile("[\t\r\x85\u2028\u2029\ufeff]")
_BAD_START = frozenset("&*!|>%@`?,]}:#")
_MAX_DEPTH = 60

# Leaf kinds.
_SCALAR = 0
_FLOW = 1
_EMPTY = 2


class _Leaf:
    __slots__ = ("kind", "line", "column")

    def __init__(self, kind: int, line: int, column: int) -> None:
        self.kind = kind
        self.line = line
        self.column = column


class _Map:
    __slots__ = ("line", "column", "keys")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        # key text -> (key line, key column, value), first occurrence only.
        self.keys: dict[str, tuple[int, int, Any]] = {}


class _Seq:
    __slots__ = ("line", "column", "items")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        self.items: list[Any] = []


# Tokens: (kind, line, column, key text or leaf kind, first on its line)
_DASH = 0
_KEYTOK = 1
_VALUE = 2


def _value_kind(text: str, start: int) -> int:
    """Kind of the value written from `start` to the end of the line (0-based), or
    _Unsupported when it could continue on another line or is special."""
    first = text[start]
    if first in "\"'":
        match = _QUOTED.match(text, start)
        if match is None or _AFTER_VALUE.fullmatch(text, match.end()) is None:
            raise _Unsupported
        return _SCALAR
    if first in "[{":
        stripped = _QUOTED.sub("", text[start:]).rstrip(" ")
        opened = stripped.count("[") + stripped.count("{")
        if (
            opened > 50
            or any(c in stripped for c in "*&!")
            or "'" in stripped
            or '"' in stripped
            or " #" in stripped
            or stripped[-1] not in "]}"
            or opened != stripped.count("]") + stripped.count("}")
        ):
            raise _Unsupported
        return _FLOW
    if first in _BAD_START or (first == "-" and (len(text) == start + 1 or text[start + 1] == " ")):
        raise _Unsupported
    rest = text[start:].rstrip(" ")
    if ": " in rest or rest.endswith(":"):
        raise _Unsupported  # a key that is not a plain word
    return _SCALAR


def _tokens(lines: list[str], first_line: int) -> list[tuple[int, int, int, Any, bool]]:
    out: list[tuple[int, int, int, Any, bool]] = []
    for number, text in enumerate(lines, start=first_line):
        stripped = text.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        at = len(text) - len(stripped)
        first = True
        while text.startswith("-", at) and (len(text) == at + 1 or text[at + 1] == " "):
            out.append((_DASH, number, at, None, first))
            first = False
            at += 1
            while at < len(text) and text[at] == " ":
                at += 1
            if at == len(text) or text[at] == "#":
                break
        else:
            match = _KEY.match(text, at)
            if match is not None:
                out.append((_KEYTOK, number, at, match.group(1), first))
                at = match.end()
                if at < len(text) and text[at] != "#":
                    out.append((_VALUE, number, at, _value_kind(text, at), False))
            else:
                out.append((_VALUE, number, at, _value_kind(text, at), first))
    return out


class _Reader:
    """Builds the light tree of one document from its tokens."""

    def __init__(self, tokens: list[tuple[int, int, int, Any, bool]]) -> None:
        self.tokens = tokens
        self.at = 0

    def node(self, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            raise _Unsupported
        kind, line, column, extra, _ = self.tokens[self.at]
        if kind == _DASH:
            return self.sequence(column, depth)
        if kind == _KEYTOK:
            return self.mapping(column, depth)
        self.at += 1
        return _Leaf(extra, line, column)

    def _next(self) -> tuple[int, int, int, Any, bool] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def sequence(self, column: int, depth: int) -> _Seq:
        kind, line, _, _, _ = self.tokens[self.at]
        seq = _Seq(line, column)
        while True:
            token = self._next()
            if token is None or token[2] < column:
                return seq
            if token[0] != _DASH or token[2] != column or not token[4] and seq.items:
                if token[0] == _KEYTOK and token[2] == column:
                    return seq  # an indentless sequence ends at its mapping's next key
                raise _Unsupported
            dash_line = token[1]
            self.at += 1
            following = self._next()
            if following is not None and (following[1] == dash_line or following[2] > column):
                seq.items.append(self.node(depth + 1))
            else:
                seq.items.append(_Leaf(_EMPTY, dash_line, column))

    def mapping(self, column: int, depth: int) -> _Map:
        kind, line, _, _, _ = self.tokens[self.at]
        mapping = _Map(line, column)
        while True:
            token = self._next()
            if token is None or token[2] < column:
                return mapping
            if token[0] != _KEYTOK or token[2] != column or (not token[4] and mapping.keys):
                raise _Unsupported
            self.at += 1
            following = self._next()
            if following is not None and following[0] == _VALUE and following[1] == token[1]:
                self.at += 1
                value: Any = _Leaf(following[3], following[1], following[2])
                after = self._next()
                if after is not None and after[2] > column and after[1] != token[1]:
                    raise _Unsupported  # deeper lines after a value: a continuation
            elif following is not None and following[1] != token[1] and (
                following[2] > column or (following[0] == _DASH and following[2] == column)
            ):
                value = self.node(depth + 1)
            else:
                value = _Leaf(_EMPTY, token[1], token[2])
            mapping.keys.setdefault(token[3], (token[1], token[2], value))


def _fast_documents(text: str) -> list[Any] | None:
    """Light trees of every document, or None when the text needs the composer."""
    if _SPECIAL_TEXT.search(text) is not None:
        return None
    try:
        CParser(text).raw_parse()
    except Exception:  # noqa: BLE001 - any parse problem: the composer decides
        return None
    lines = text.split("\n")
    segments: list[tuple[int, list[str]]] = []
    start = 0
    for index, line in enumerate(lines):
        if line.startswith(("...", "%")):
            return None
        if line.startswith("---"):
            rest = line[3:]
            if rest[:1] not in ("", " ") or rest.strip(" ")[:1] not in ("", "#"):
                return None
            segments.append((start, lines[start:index]))
            start = index + 1
    segments.append((start, lines[start:]))
    documents: list[Any] = []
    try:
        for number, (first, part) in enumerate(segments):
            tokens = _tokens(part, first)
            if not tokens:
                if number > 0:
                    documents.append(None)  # an explicit, empty document
                continue
                continue
            reader = _Reader(tokens)
            documents.append(reader.node(0))
            if reader.at != len(tokens):
                return None
    except _Unsupported:
        return None
    return documents


def _fast_locate(root: Any, path: tuple[Any, ...], target: str) -> tuple[int, int] | None:
    """(0-based line, column) of `path` like `Locator.locate`, or None to compose."""
    if root is None:
        return None
    node: Any = root
    key_position: tuple[int, int] | None = None
    for part in path:
        if isinstance(node, _Map):
            entry = node.keys.get(str(part))
            if entry is None:
                break
            key_position = (entry[0], entry[1])
            node = entry[2]
        elif isinstance(node, _Seq) and isinstance(part, int) and 0 <= part < len(node.items):
            key_position = None
            node = node.items[part]
        else:
            if isinstance(node, _Leaf) and node.kind != _SCALAR:
                return None  # inside a flow collection, or an empty value
            break
    else:
        if target == "key" and key_position is not None:
            return key_position
    if isinstance(node, _Leaf) and node.kind == _EMPTY:
        return None
    return (node.line, node.column)
