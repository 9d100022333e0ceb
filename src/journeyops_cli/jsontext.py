"""JSON text a person can read and a program can parse, written at the speed of the C
encoder.

`json.dumps(..., indent=2)` falls back to the pure-Python encoder: at 2,000 journeys the
scorecard's JSON took 1.4 s that way, more than computing the scorecard. Here the
containers nested more than two deep are laid out one member per line, and the rest (a
step's figures, a record with its list of ids) are written on one line each by the C
encoder: the same data, the nesting still visible, a line per record.
"""

from __future__ import annotations

import json
from typing import Any

_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _nested(value: Any, levels: int = 2) -> bool:
    """Whether `value` holds containers more than `levels` deep (a record with a list of
    ids in it is two deep: it stays on one line)."""
    members = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
    if members is None:
        return False
    if levels == 0:
        return True
    return any(_nested(member, levels - 1) for member in members if isinstance(member, (dict, list)))


def _write(value: Any, pad: str, out: list[str]) -> None:
    if not _nested(value):
        out.append(_dumps(value))
        return
    inner = pad + "  "
    if isinstance(value, dict):
        out.append("{")
        for index, (key, member) in enumerate(value.items()):
            name = key if isinstance(key, str) else _dumps(key)  # 1 -> "1", True -> "true", as json does
            out.append(("\n" if index == 0 else ",\n") + inner + _dumps(name) + ": ")
            _write(member, inner, out)
        out.append("\n" + pad + "}")
    else:
        out.append("[")
        for index, member in enumerate(value):
            out.append(("\n" if index == 0 else ",\n") + inner)
            _write(member, inner, out)
        out.append("\n" + pad + "]")


def dumps(value: Any) -> str:
    """`value` as JSON text ending in a newline (see the module's docstring)."""
    out: list[str] = []
    _write(value, "", out)
    out.append("\n")
    return "".join(out)
