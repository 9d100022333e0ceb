"""The lines new records' text is made of (`fields.records_yaml`), and the check that a text
is only such lines (see `edit/records.py` for why that check stands in for a read back)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from journeyops_cli.edit.quoting import BARE_ITEM_PATTERN, FLOW_PLAIN_PATTERN, PLAIN_PATTERN

# What `records_yaml` writes, line by line (see the module's docstring). A double-quoted
# text as `quoting.double_quoted` writes it: no raw control character, line break, BOM,
# surrogate or non-character.
_QUOTED = (r'"(?:[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]'
           r'|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*+"')
_OTHER = r"[0-9]{4}-[0-9]{2}-[0-9]{2}|-?[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?|~"
_SCALAR = rf"(?:{_QUOTED}|{BARE_ITEM_PATTERN}|{PLAIN_PATTERN}|{_OTHER})"
_FLOW_SCALAR = rf"(?:{_QUOTED}|{BARE_ITEM_PATTERN}|{FLOW_PLAIN_PATTERN}|{_OTHER})"
# A value is held to the first of the alternatives that ends where it must (before `, `
# or `}`, or at the line's end): no other ends there differently, and a line that is
# none of these is refused in time linear in its length (no retrying of alternatives).
_FLOW_VALUE = rf"(?>{_FLOW_SCALAR}(?=, |\}}))"
_FLOW_MAPPING = rf"\{{(?:[a-z_]+: {_FLOW_VALUE}(?:, [a-z_]+: {_FLOW_VALUE})*+)?\}}"
_LINES = re.compile(
    rf"(?:---\n|[a-z_]+: (?>(?:{_SCALAR}|{_FLOW_MAPPING})\n)"
    rf"|[a-z_]+:(?:\n  - (?>(?:{_FLOW_SCALAR}|{_FLOW_MAPPING})(?=\n)))++\n)*+"
)
NOT_WRITTEN = "not a line the import writes (`---`, a key and one value, or a list item)"


def count_problem(text: str | Sequence[bytes], lines: int) -> tuple[int, str] | None:
    """None when `text` (or its UTF-8, in parts one after another) is `lines` lines; else
    where and what is wrong (a value that broke out of its line, a record not ending with
    a line break). For a file of records whose lines `records_yaml` checked: joined with
    `---` lines, they stay lines the line check accepts (a test holds it), so their count
    is what is left to check. (In UTF-8 a line feed's byte is never part of another
    character.)"""
    if isinstance(text, str):
        found, ends = text.count("\n"), not text or text.endswith("\n")
    else:
        found = sum(part.count(b"\n") for part in text)
        last = [part for part in text if part]
        ends = not last or last[-1].endswith(b"\n")
    if found != lines:
        return 1, f"{found} lines, not the {lines} written"
    if not ends:
        return found + 1, "the last line has no line break"
    return None


def structure_problem(text: str, lines: int) -> tuple[int, str] | None:
    """None when `text` is `lines` lines, each one that `records_yaml` writes; else the
    line (1-based) and what is wrong there."""
    found = text.count("\n")
    end = _LINES.match(text).end()  # type: ignore[union-attr] # `*+` matches at least ""
    if end != len(text):
        return text.count("\n", 0, end) + 1, NOT_WRITTEN
    if found != lines:
        return 1, f"{found} lines, not the {lines} written"
    return None
