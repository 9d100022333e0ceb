"""The one record every check produces: a finding at a place in a file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def printable(text: str) -> str:
    """Text safe on one line of a terminal or CI log: control characters (newlines,
    escape sequences) are shown escaped, so data cannot break or fake an output line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class Severity(IntEnum):
    """How serious a finding is; higher is worse."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {name!r}; use one of: error, warning, info"
            ) from None


@dataclass(frozen=True, slots=True)
class Where:
    """A logical location inside a bank file: the document's index in the file, the key
    path inside the document, and whether the key or the value is meant. With `text`, the
    first place at or after the value where that text is written (a value split across
    lines or escaped keeps the value's own place). The place stage (`place.py`) turns it
    into a line and a column."""

    document: int
    path: tuple[Any, ...]
    target: str = "value"
    text: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (Where, (self.document, self.path, self.target, self.text))


# In a message, where the line of the finding's `see` location goes once it is placed:
# "first on line {SEE_LINE}".
SEE_LINE = "\x00see-line\x00"
# And where the finding's own line goes: "on lines {SEE_LINE} and {HERE_LINE}".
HERE_LINE = "\x00here-line\x00"


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found at `path:line:column` (1-based; 0 when the place is unknown).

    A rule's finding carries its logical location in `where` (and in `see`, another place
    its message names, as `SEE_LINE`) until the place stage gives it a line and column;
    placed findings have neither."""

    code: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    hint: str | None = None
    name: str | None = None
    where: Where | None = None
    see: tuple[str, Where] | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
        }

    @property
    def placed(self) -> bool:
        return self.where is None and self.see is None

    def __reduce__(self) -> tuple[Any, ...]:
        # Made again by the constructor: dataclasses' own unpickling of a frozen class
        # sets field by field and costs nearly twice as much, and the caches hold tens of
        # thousands of findings (lint/results.py, lint/last_run.py, rules/memo.py).
        return (Finding, (self.code, self.severity, self.path, self.line, self.column, self.message,
                          self.hint, self.name, self.where, self.see))

    def replace(self, **changes: Any) -> Finding:
        values = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        values.update(changes)
        return Finding(**values)
