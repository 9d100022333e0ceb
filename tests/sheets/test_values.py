"""Cell values as people type them: Finnish and ISO dates, decimal commas, ambiguity."""

from __future__ import annotations

import datetime as dt

import pytest

from journeyops_cli.sheets.rows import sniff
from journeyops_cli.sheets.values import lines, parse_date, parse_number


@pytest.mark.parametrize(("cell", "expected"), [
    ("15.11.2026", dt.date(2026, 11, 15)),
    ("1.2.2027", dt.date(2027, 2, 1)),
    ("2026-11-15", dt.date(2026, 11, 15)),
    ("2026-11-15T10:30:00", dt.date(2026, 11, 15)),
    ("15.11.2026 10:30", dt.date(2026, 11, 15)),
    ("15/11/2026", dt.date(2026, 11, 15)),
    ("11/15/2026", dt.date(2026, 11, 15)),
    (dt.datetime(2026, 11, 15, 9), dt.date(2026, 11, 15)),
    (dt.date(2026, 11, 15), dt.date(2026, 11, 15)),
])
def test_dates(cell: object, expected: dt.date) -> None:
    assert parse_date(cell) == (expected, None)


@pytest.mark.parametrize(("cell", "why"), [
    ("03/04/2026", "'03/04/2026' is ambiguous (day/month or month/day?); write it as 15.11.2026 or 2026-11-15"),
    ("31.2.2026", "'31.2.2026' is not a date"),
    ("eilen", "'eilen' is not a date; write it as 15.11.2026 or 2026-11-15"),
    (None, "'' is not a date; write it as 15.11.2026 or 2026-11-15"),
])
def test_bad_dates(cell: object, why: str) -> None:
    assert parse_date(cell) == (None, why)


@pytest.mark.parametrize(("cell", "expected"), [
    ("26,5", 26.5), ("26.5", 26.5), ("-2", -2.0), ("\u22122", -2.0), ("1 234,5", 1234.5),
    ("1\u00a0234", 1234.0), ("1.234", 1.234), ("12,345", None), (7, 7.0), (2.5, 2.5),
])
def test_numbers(cell: object, expected: float | None) -> None:
    value, why = parse_number(cell)
    assert value == expected
    if expected is None:
        assert why == ("'12,345' is ambiguous (a thousands separator or a decimal comma?); write 1234 or 1.234")


def test_not_numbers() -> None:
    assert parse_number("paljon") == (None, "'paljon' is not a number")
    assert parse_number("nan") == (None, "'nan' is not a number")
    assert parse_number(True) == (None, "'True' is not a number")


def test_list_cells_and_delimiters() -> None:
    assert lines("• yksi\r\n\n kaksi ") == ["yksi", "kaksi"]
    assert sniff("a;b;c\n1,5;2;3\n") == ";"
    assert sniff('a,b\n"x;y",2\n') == ","
    assert sniff("a\tb\n1\t2\n") == "\t"
