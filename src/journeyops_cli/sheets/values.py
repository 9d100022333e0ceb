"""Cell values as people type them: Finnish dates (`15.11.2026`) and decimal commas
(`26,5`), ISO dates, and text that a spreadsheet must never run as a formula."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# A cell a spreadsheet would read as a formula or a command (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_767  # Excel's limit on the characters of one cell

_FINNISH_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_WITH_TIME = re.compile(r"(\d{4}-\d{2}-\d{2}T|\d{1,4}[-./]\d{1,2}[-./]\d{1,4} )")
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}([ \u00a0\u202f]\d{3})+(,\d+)?")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def parse_date(cell: Any) -> tuple[dt.date | None, str | None]:
    """(the date, None) or (None, why not), from a workbook's date or a text; a time of day
    after the date (`2026-11-15T10:00`, `15.11.2026 10:00`) is left out."""
    if isinstance(cell, dt.datetime):
        return cell.date(), None
    if isinstance(cell, dt.date):
        return cell, None
    text = "" if cell is None else str(cell).strip()
    if _WITH_TIME.match(text):
        text = re.split(r"[T ]", text, maxsplit=1)[0]
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text), None
        match = _FINNISH_DATE.fullmatch(text)
        if match:
            day, month, year = map(int, match.groups())
            return dt.date(year, month, day), None
        match = _SLASH_DATE.fullmatch(text)
        if match:
            first, second, year = map(int, match.groups())
            if first <= 12 and second <= 12 and first != second:
                return None, f"'{text}' is ambiguous (day/month or month/day?); write it as 15.11.2026 or 2026-11-15"
            if second > 12:
                return dt.date(year, first, second), None
            return dt.date(year, second, first), None
    except ValueError:
        return None, f"'{text}' is not a date"
    return None, f"'{text}' is not a date; write it as 15.11.2026 or 2026-11-15"


def parse_number(cell: Any) -> tuple[float | None, str | None]:
    """(the number, None) or (None, why not), from a workbook's number or a text. `26,5`
    is 26.5; `1 234,5` is 1234.5; a lone `1,234` is refused as ambiguous (a thousand or
    one and a bit?)."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell), None
    text = "" if cell is None else str(cell)
    raw = text.strip().replace("\u2212", "-")
    if raw.count(",") == 1 and "." not in raw:
        if re.fullmatch(r"[-+]?\d{1,3},\d{3}", raw):
            return None, f"'{text}' is ambiguous (a thousands separator or a decimal comma?); write 1234 or 1.234"
        if _DECIMAL_COMMA.fullmatch(raw):
            return float(raw.replace(",", ".")), None
    if _THOUSANDS.fullmatch(raw):
        return float(re.sub(r"[ \u00a0\u202f]", "", raw).replace(",", ".")), None
    try:
        value = float(raw)
    except ValueError:
        return None, f"'{text}' is not a number"
    if value != value or value in (float("inf"), float("-inf")):
        return None, f"'{text}' is not a number"
    return value, None


def lines(text: str) -> list[str]:
    """The items of a list cell: one a line, blank lines and bullets (`• `) dropped."""
    out = []
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if line.startswith("• "):
            line = line[2:].strip()
        if line:
            out.append(line)
    return out
