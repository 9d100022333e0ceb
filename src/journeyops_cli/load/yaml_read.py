"""The one place that turns YAML text into Python data on the read path.

libyaml (through PyYAML's C parser) scans, parses and composes nodes; we resolve plain
scalars with the YAML 1.2 core schema (so `no`, `on` and `NO` stay strings and dates stay
strings until a model parses them) and construct the data ourselves, without recursion,
so that nesting depth, aliases and duplicate keys are checked exactly as we go.

Positions cost nothing here: the nodes carry them. Data is returned without them; when a
finding needs the line and column of a value deep inside a document, `locate` composes
that one file again and walks to it (see `positions.py`).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any, NoReturn

from yaml import MarkedYAMLError, YAMLError
from yaml._yaml import CParser  # libyaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError
from yaml.resolver import BaseResolver

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"

# libyaml's composer recurses in C; nesting this deep could exhaust the C stack. Files
# whose cheap upper bound on depth exceeds it get an exact, iterative pre-check.
C_SAFE_DEPTH = 1000


class Core12Resolver(BaseResolver):
    """Implicit tags of the YAML 1.2 core schema (no 1.1 booleans, no timestamps)."""


Core12Resolver.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in (
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    (NULL, r"^(?:~|null|Null|NULL|)$", "~nN"),
):
    Core12Resolver.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))
Core12Resolver.add_implicit_resolver(NULL, re.compile(r"^$"), [""])


# Implicit resolvers by the first character of a plain scalar ("" for the empty one).
_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    first: [(tag, regexp) for tag, regexp in resolvers]
    for first, resolvers in Core12Resolver.yaml_implicit_resolvers.items()
    if first is not None
}


class _Composer(CParser, Core12Resolver):  # type: ignore[misc]
    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        Core12Resolver.__init__(self)

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        """`BaseResolver.resolve` without path resolvers (we have none): libyaml calls it
        for every scalar, so it is on the hot path."""
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _BY_FIRST.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP


class UntaggedComposer(CParser):  # type: ignore[misc]
    """libyaml's composer that tags no node it was not told to (an implicit tag is left
    ""): `parse` resolves plain scalars itself (`_construct`), positions need no tags. libyaml calls the
    resolver for every node; `"".format` takes any arguments and answers "" in C, where
    a Python method would cost a call per node (a sixth of composing a bank)."""

    resolve = descend_resolver = ascend_resolver = "".format


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a YAML text, at a 1-based line and column."""

    code: str
    line: int
    column: int
    message: str
    hint: str | None = None


@dataclass(slots=True)
class Document:
    """One document of a stream, as plain Python data."""

    index: int
    line: int
    data: Any


@dataclass(frozen=True, slots=True)
class Failed:
    """A document left out for a problem: its top-level `kind` and `id` as far as they
    could be read (None where they could not), so that it is known to exist."""

    index: int
    kind: Any
    id: Any


@dataclass(slots=True)
class ParseResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    # Where the text stops being read (a character offset) when a problem ended the
    # stream early: documents from there on are unknown. None: every document was read.
    unread_from: int | None = None


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


class TooDeep(YAMLError):
    """Nesting too deep for libyaml's recursive composer to be safe."""


def compose_documents(text: str, *, tags: bool = True) -> list[Node]:
    """Compose every document of `text` into nodes with positions; with `tags=False` the
    nodes' tags are left empty (positions need none, and resolving them costs).

    Raises TooDeep instead of letting libyaml's recursive composer exhaust the C stack."""
    if depth_upper_bound(text) > C_SAFE_DEPTH and exact_depth_problem(text, C_SAFE_DEPTH):
        raise TooDeep("nesting too deep to compose")
    composer = _Composer(text) if tags else UntaggedComposer(text)
    nodes = []
    try:
        while composer.check_node():
            nodes.append(composer.get_node())
    finally:
        composer.dispose()
    return nodes


def depth_upper_bound(text: str) -> int:
    """A cheap bound that nesting depth can never exceed: every level of nesting needs
    an opening bracket or at least one more column of indentation or `- ` prefix."""
    brackets = text.count("[") + text.count("{")
    if len(text) < C_SAFE_DEPTH:
        return min(len(text), brackets + len(text))
    widest = 0
    for match in re.finditer(r"^[ \t?:-]*", text, re.MULTILINE):
        width = match.end() - match.start()
        if width > widest:
            widest = width
    return brackets + widest + 1


def exact_depth_problem(text: str, max_depth: int) -> Problem | None:
    """Walk the event stream (libyaml's parser does not recurse) and report where the
    nesting first goes deeper than `max_depth`."""
    from yaml.events import CollectionEndEvent, CollectionStartEvent

    parser = _Composer(text)
    depth = 0
    try:
        while True:
            event = parser.get_event()
            if event is None:
                return None
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    mark = event.start_mark
                    return _too_deep(mark.line + 1, mark.column + 1, max_depth)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif type(event).__name__ == "StreamEndEvent":
                return None
    except YAMLError as error:
        # libyaml 0.2.6 refuses nesting beyond its own limit while scanning ahead, before
        # the parser has emitted the events we count; count again on the text before that
        # point, which is deep enough to show where our limit was passed.
        mark = getattr(error, "problem_mark", None)
        if "nesting depth" in str(error) and mark is not None and 0 < mark.index < len(text):
            parser.dispose()
            return exact_depth_problem(text[: mark.index], max_depth)
        return None  # the real parse reports it
    finally:
        parser.dispose()


def _too_deep(line: int, column: int, max_depth: int) -> Problem:
    return Problem(
        "JO006",
        line,
        column,
        f"nesting is deeper than {max_depth} levels",
        "journey records are never this deep; the file may be damaged or hostile",
    )


def parse(text: str, *, max_depth: int = 64, max_aliases: int = 0) -> ParseResult:
    """Parse a YAML stream into documents of plain data, with YAML 1.2 core meaning.

    Problems (syntax errors, duplicate keys, too deep nesting, aliases, unsupported tags)
    are returned, never raised. A document with a problem is left out.
    """
    bound = depth_upper_bound(text)
    if bound > C_SAFE_DEPTH:
        # Too deep for libyaml's recursive composer, perhaps: walk the events first.
        problem = exact_depth_problem(text, max_depth)
        if problem is not None:
            return ParseResult(problems=[problem], unread_from=0)
    result = _parse(text, max_depth, max_aliases)
    if result.problems and bound > max_depth:
        # The bound counts every bracket of flow mappings, so clean files often exceed
        # it: the exact event walk runs only when the parse found a problem, and then
        # reports the first too deep collection, as if it had run first.
        problem = exact_depth_problem(text, max_depth)
        if problem is not None:
            return ParseResult(problems=[problem], unread_from=0)
    return result


def _parse(text: str, max_depth: int, max_aliases: int) -> ParseResult:
    result = ParseResult()
    composer = UntaggedComposer(text)
    aliases = [0]
    track_aliases = "*" in text  # no asterisk, no alias: skip the bookkeeping
    index = 0
    read_to = 0  # the end of the last document composed
    try:
        while composer.check_node():
            node = composer.get_node()
            read_to = node.end_mark.index
            try:
                data = _construct(node, max_depth, max_aliases, aliases, track_aliases)
            except _Stop as stop:
                problem = stop.problem
                result.failed.append(Failed(index, *_head(node)))
                if problem.code == "JO005":
                    where = alias_event_position(text, max_aliases + 1)
                    if where is not None:
                        problem = Problem(problem.code, *where, problem.message, problem.hint)
                    result.problems.append(problem)
                    result.unread_from = read_to
                    break  # the alias budget is per file
                result.problems.append(problem)
            else:
                result.documents.append(Document(index, node.start_mark.line + 1, data))
            index += 1
    except YAMLError as error:
        result.unread_from = read_to
        if isinstance(error, MarkedYAMLError):
            result.problems.append(_syntax_problem(error, text))
            result.failed.append(Failed(index, *head_before_error(text, index)))
        elif isinstance(error, ReaderError):
            result.problems.append(_reader_problem(error, text))
        else:  # any other parser complaint, without a position
            result.problems.append(Problem("JO001", 1, 1, f"YAML syntax error: {error}"))
    except (RecursionError, MemoryError):
        result.unread_from = read_to
        result.problems.append(_too_deep(1, 1, max_depth))
    finally:
        composer.dispose()
    return result


def _head(node: Node) -> tuple[Any, Any]:
    """The raw `kind` and `id` of a document's top-level mapping (None where absent)."""
    found: dict[Any, Any] = {}
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value in ("kind", "id") and isinstance(value, ScalarNode):
                found.setdefault(key.value, value.value)
    return found.get("kind"), found.get("id")


def head_before_error(text: str, index: int) -> tuple[Any, Any]:
    """The raw `kind` and `id` of document `index` of a stream that stops with a syntax
    error, as far as the parser's events go before it: a record broken below its id is
    known to exist, even though it cannot be read."""
    from yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        DocumentStartEvent,
        MappingStartEvent,
        ScalarEvent,
    )

    parser = _Composer(text)
    document = -1
    depth = 0
    key: Any = None
    expect_key = True
    found: dict[str, Any] = {}
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, DocumentStartEvent):
                document += 1
                if document > index:
                    break
                depth, expect_key, found = 0, True, {}
            elif document != index:
                continue
            elif isinstance(event, CollectionStartEvent):
                if depth == 0 and not isinstance(event, MappingStartEvent):
                    break  # not a record
                if depth == 1:  # a list or mapping as a top-level value (or key)
                    key, expect_key = None, not expect_key
                depth += 1
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif depth == 1 and isinstance(event, ScalarEvent | AliasEvent):
                if expect_key:
                    key = event.value if isinstance(event, ScalarEvent) else None
                elif key in ("kind", "id") and isinstance(event, ScalarEvent):
                    found.setdefault(key, event.value)
                expect_key = not expect_key
    except YAMLError:
        pass  # where the file breaks: what was read so far is the answer
    finally:
        parser.dispose()
    return found.get("kind"), found.get("id")


def _reader_problem(error: ReaderError, text: str) -> Problem:
    """A character YAML does not allow (control characters, unpaired surrogates)."""
    position = min(max(error.position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)
    return Problem(
        "JO001",
        line,
        column,
        f"YAML syntax error: control character U+{code:04X} is not allowed",
        "remove it; it is usually an invisible leftover of copy and paste",
    )


def _syntax_problem(error: MarkedYAMLError, text: str = "") -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = error.problem or "invalid YAML"
    if "nesting depth" in problem:  # libyaml's own limit (0.2.6 and newer)
        return Problem("JO006", line, column, "nesting is deeper than the YAML reader allows",
                       "journey records are never this deep; the file may be damaged or hostile")
    context = f" ({error.context})" if error.context else ""
    opened = error.context_mark
    if (
        opened is not None
        and (error.context or "").endswith("a quoted scalar")
        and problem in ("found unexpected end of stream", "found unexpected document indicator")
    ):
        # libyaml notices an unclosed quote only where the stream or the document ends,
        # often far below it: report where the quote opens, and keep libyaml's own note.
        return Problem(
            "JO001",
            opened.line + 1,
            opened.column + 1,
            f"YAML syntax error: this quote is never closed ({problem} at line {line}, "
            f"{error.context})",
            "close the quote; write '' for a quote inside single quotes, \\\" inside double quotes",
        )
    quoted = _quote_before(text, mark.index) if mark is not None and text else None
    if quoted is not None and quoted.end_mark.line == mark.line:  # type: ignore[union-attr]
        start, end = quoted.start_mark, quoted.end_mark
        if start.line < end.line:
            # A quote left open swallows the lines below it up to the next quote, and the
            # parser stops just after that one: report where the quote opens.
            return Problem(
                "JO001",
                start.line + 1,
                start.column + 1,
                f"YAML syntax error: this quote closes only on line {end.line + 1}, where the "
                f"parser stops ({problem}{', ' + error.context if error.context else ''})",
                "is the closing quote missing on this line?",
            )
        return Problem(
            "JO001", line, column, f"YAML syntax error: {problem}{context}",
            "the quoted value ends before this: write '' for a quote inside single quotes, "
            "\\\" inside double quotes",
        )
    hint = None
    lines = text.splitlines()
    if "\t" in problem or (0 < line <= len(lines) and "\t" in lines[line - 1]):
        hint = "YAML does not allow tabs for indentation; use spaces"
    elif "mapping values are not allowed" in problem:
        hint = "a value containing ': ' must be quoted"
    elif "found undefined alias" in problem:
        hint = None
    return Problem("JO001", line, column, f"YAML syntax error: {problem}{context}", hint)


def _quote_before(text: str, index: int) -> Any:
    """The quoted scalar token that ends right before `index` (only blanks between), from
    the scanner's own tokens, or None."""
    from yaml.tokens import ScalarToken

    scanner = _Composer(text)
    last = None
    try:
        while (token := scanner.get_token()) is not None:
            if token.start_mark.index >= index:
                break
            last = token
    except YAMLError:
        pass
    finally:
        scanner.dispose()
    if (
        isinstance(last, ScalarToken)
        and last.style in ("'", '"')
        and not text[last.end_mark.index:index].strip(" \t")
    ):
        return last
    return None


def _scalar(node: ScalarNode) -> Any:
    tag = node.tag
    value = node.value
    if not tag:  # no tag given (or the non-specific `!`): YAML 1.2 core meaning
        if node.style:  # quoted, literal or folded: text
            return value
        tag = _plain_tag(value)
    if tag == STR:
        return value
    if tag == INT:
        if value[:2] == "0x":
            return int(value[2:], 16)
        if value[:2] == "0o":
            return int(value[2:], 8)
        return int(value)
    if tag == NULL:
        return None
    if tag == BOOL:
        return value in ("true", "True", "TRUE")
    if tag == FLOAT:
        if value[:2] == ".n" or value[:2] == ".N":  # .nan, .NaN, .NAN
            return float("nan")
        return float(value.replace(".inf", "inf").replace(".Inf", "inf").replace(".INF", "inf"))
    _bad_tag(node)


def _plain_tag(value: str) -> str:
    """The tag of a plain scalar under the YAML 1.2 core schema."""
    for tag, regexp in _BY_FIRST.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return STR


def _construct(
    root: Node, max_depth: int, max_aliases: int, aliases: list[int], track_aliases: bool
) -> Any:
    """Build plain data from a node tree, iteratively, checking depth, aliases, keys."""
    if isinstance(root, ScalarNode):
        return _scalar(root)
    seen: set[int] | None = set() if track_aliases else None
    result = _container(root)
    # Stack of (node, container, depth); each container is filled from its node's children.
    stack: list[tuple[Node, Any, int]] = [(root, result, 1)]
    if seen is not None:
        seen.add(id(root))
    while stack:
        node, container, depth = stack.pop()
        if depth > max_depth:
            mark = node.start_mark
            raise _Stop(_too_deep(mark.line + 1, mark.column + 1, max_depth))
        if isinstance(node, MappingNode):
            if node.tag and node.tag != MAP:
                _bad_tag(node)
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    mark = key_node.start_mark
                    raise _Stop(
                        Problem(
                            "JO001",
                            mark.line + 1,
                            mark.column + 1,
                            "a mapping key must be a plain value, not a list or mapping",
                        )
                    )
                key = _scalar(key_node)
                if type(key) is str and len(key) <= INTERN_MAX:
                    key = _intern(key)
                if key in container:
                    raise _Stop(_duplicate_key(node, key_node, key))
                container[key] = _child(value_node, stack, depth, seen, max_aliases, aliases)
        else:
            if node.tag and node.tag != SEQ:
                _bad_tag(node)
            append = container.append
            for item in node.value:
                append(_child(item, stack, depth, seen, max_aliases, aliases))
    return result


def _duplicate_key(node: MappingNode, again: ScalarNode, key: Any) -> Problem:
    """JO003 at the second of two equal keys, naming where the first one stands."""
    first = next(k for k, _ in node.value if isinstance(k, ScalarNode) and _scalar(k) == key)
    mark, was = again.start_mark, first.start_mark
    where = f"line {was.line + 1}"
    if was.line == mark.line:
        where += f", column {was.column + 1}"
    return Problem(
        "JO003",
        mark.line + 1,
        mark.column + 1,
        f"duplicate key {key!r} (first defined at {where})",
        "YAML keeps only one of them; remove or rename the other",
    )


INTERN_MAX = 64
_intern = sys.intern


def _child(
    node: Node,
    stack: list[tuple[Node, Any, int]],
    depth: int,
    seen: set[int] | None,
    max_aliases: int,
    aliases: list[int],
) -> Any:
    if seen is not None:
        # The text may hold aliases: a node met twice is an alias of an earlier anchor.
        key = id(node)
        if key in seen:
            aliases[0] += 1
            if aliases[0] > max_aliases:
                if max_aliases == 0:
                    message = "YAML aliases (*name) are not allowed in a journey bank"
                else:
                    message = f"more than {max_aliases} YAML aliases in one file"
                mark = node.start_mark
                raise _Stop(
                    Problem(
                        "JO005",
                        mark.line + 1,
                        mark.column + 1,
                        message,
                        "write the value out in full; aliases can hide very large data",
                    )
                )
        seen.add(key)
    if type(node) is ScalarNode:
        tag = node.tag
        if tag == STR or (not tag and (node.style or _plain_tag(node.value) == STR)):
            value = node.value
            # Short texts repeat across a bank (ids, references, enum values, languages):
            # one copy each keeps a big bank's memory down.
            return _intern(value) if len(value) <= INTERN_MAX else value
        return _scalar(node)
    container = _container(node)
    stack.append((node, container, depth + 1))
    return container


def alias_event_position(text: str, number: int) -> tuple[int, int] | None:
    """Where the `number`-th (1-based) alias of the stream stands."""
    from yaml.events import AliasEvent

    parser = _Composer(text)
    seen = 0
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, AliasEvent):
                seen += 1
                if seen == number:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif type(event).__name__ == "StreamEndEvent":
                return None
    except YAMLError:
        return None
    finally:
        parser.dispose()
    return None


def _container(node: Node) -> Any:
    return {} if isinstance(node, MappingNode) else []


def _bad_tag(node: Node) -> NoReturn:
    mark = node.start_mark
    raise _Stop(
        Problem(
            "JO007",
            mark.line + 1,
            mark.column + 1,
            f"unsupported YAML tag {node.tag!r}",
            "journey banks use plain YAML data; remove the tag",
        )
    )
