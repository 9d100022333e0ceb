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
class Finding:
    """A problem found at `path:line:column` (1-based; 0 when the place is unknown)."""

    code: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    hint: str | None = None
    name: str | None = None

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

    def replace(self, **changes: Any) -> Finding:
        values = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        values.update(changes)
        return Finding(**values)
