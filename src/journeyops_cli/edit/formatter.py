"""`fmt`: canonical key order per kind (the model's field order, steps in Step field order),
canonical indentation (2 spaces, lists indented under their key), everything else kept.

Key order is changed on the text itself: each key moves with its value and the comment
lines just above it, byte for byte. Indentation is normalised per record by a ruamel.yaml
round trip (`roundtrip.reindent`). Header comments, `---` markers and comments after a
record's last value are never touched. The result must read back (read path) as exactly
the same data, with the same comments, or the file is refused and left as it was.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ruamel.yaml.error import YAMLError
from yaml.nodes import MappingNode, SequenceNode

from journeyops_cli.edit import EditError
from journeyops_cli.edit.nodes import documents, field, last_line, line_starts
from journeyops_cli.edit.roundtrip import reindent
from journeyops_cli.edit.textfile import TextFile
from journeyops_cli.edit.verify import data_of, require_clean
from journeyops_cli.models import KINDS, Step
from journeyops_cli.models.config import LimitsConfig

STEP_ORDER = list(Step.model_fields)


@dataclass(frozen=True, slots=True)
class Formatted:
    """A file's text before and after formatting (without BOM, in its own line endings)."""

    path: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _end_of_line(starts: list[int], text: str, line: int) -> int:
    return starts[line + 1] if line + 1 < len(starts) else len(text)


def reorder_mapping(text: str, node: MappingNode, order: list[str]) -> str | None:
    """`text` with the keys of block mapping `node` in `order` (unknown keys last, in their
    own order); None when nothing moves or the mapping cannot be reordered safely."""
    names = [key.value for key, _ in node.value]
    rank = {name: i for i, name in enumerate(order)}
    new_order = sorted(range(len(names)), key=lambda i: (rank.get(names[i], len(order)), i))
    if new_order == list(range(len(names))) or node.flow_style:
        return None
    starts = line_starts(text)
    first_key = node.value[0][0]
    line_start = starts[first_key.start_mark.line]
    on_item_line = text[line_start:first_key.start_mark.index].strip() != ""
    column = first_key.start_mark.column
    pieces: list[tuple[str, str]] = []  # (comment lines above the key, key and value)
    begin_all = first_key.start_mark.index if on_item_line else line_start
    previous_end = begin_all
    for i, (key, value) in enumerate(node.value):
        key_line_start = starts[key.start_mark.line]
        if i == 0:
            begin = begin_all
        else:
            if text[key_line_start:key.start_mark.index].strip():
                return None
            begin = key_line_start
        end = _end_of_line(starts, text, last_line(value))
        if end <= begin or not text[begin:end].endswith("\n"):
            return None
        pieces.append((text[previous_end:begin], text[begin:end]))
        previous_end = end
    out: list[str] = []
    for position, i in enumerate(new_order):
        lead, body = pieces[i]
        if on_item_line and position == 0 and i != 0:
            if lead.strip():
                return None  # comments cannot move onto the `- ` line
            body, lead = body[column:] if body[:column].strip() == "" else body, ""
        elif on_item_line and i == 0 and position != 0:
            body = " " * column + body
        out.append(lead + body)
    return text[:begin_all] + "".join(out) + text[previous_end:]


def record_order(node: MappingNode) -> list[str] | None:
    """The canonical key order of the record `node` (its model's field order), or None when
    its `kind` is not a known kind. `fmt` puts keys in this order; `link` adds a missing
    list where `fmt` would put it."""
    kind = field(node, "kind")
    model = KINDS.get(kind[1].value) if kind is not None else None
    return list(model.model_fields) if model is not None else None


def _record_pass(text: str, shown: str) -> str:
    docs = documents(text, shown)
    for node in reversed(docs):
        if isinstance(node, MappingNode) and not node.flow_style:
            order = record_order(node)
            if order is not None:
                text = reorder_mapping(text, node, order) or text
    return text


def _step_pass(text: str, shown: str) -> str:
    docs = documents(text, shown)
    for node in reversed(docs):
        if not isinstance(node, MappingNode):
            continue
        kind, steps = field(node, "kind"), field(node, "steps")
        if kind is None or kind[1].value != "Journey" or steps is None:
            continue
        if not isinstance(steps[1], SequenceNode):
            continue
        for step in reversed(steps[1].value):
            if isinstance(step, MappingNode):
                text = reorder_mapping(text, step, STEP_ORDER) or text
    return text


def _indent_pass(text: str, shown: str) -> str:
    docs = documents(text, shown)
    for node in reversed(docs):
        if not isinstance(node, MappingNode) or node.flow_style or node.start_mark.column != 0:
            continue
        starts = line_starts(text)
        begin = starts[node.start_mark.line]
        if begin != node.start_mark.index:
            continue  # the record starts after `--- ` on the same line
        end = _end_of_line(starts, text, last_line(node))
        try:
            span = reindent(text[begin:end])
        except (YAMLError, RecursionError):
            raise EditError(f"{shown}: cannot be formatted (the round-trip reader refused it); not changed") from None
        text = text[:begin] + span + text[end:]
    return text


def _comments(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            found[stripped] += 1
        elif " #" in line:
            found[line[line.index(" #"):].strip()] += 1
    return found


def format_file(source: TextFile, shown: str, limits: LimitsConfig) -> Formatted:
    """The formatted text of one file; an EditError when it must not be formatted."""
    require_clean(source.text, shown, limits)
    before = source.text
    text = before.replace("\r\n", "\n") if source.newline == "\r\n" else before
    if text and not text.endswith("\n"):
        text += "\n"
    text = _indent_pass(_step_pass(_record_pass(text, shown), shown), shown)
    if source.newline == "\r\n":
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    refuse = f"{shown}: formatting would change the data or lose a comment; not changed"
    if data_of(text, limits) != data_of(before, limits):
        raise EditError(refuse)
    if _comments(text) != _comments(before):
        raise EditError(refuse)
    return Formatted(shown, before, text)
