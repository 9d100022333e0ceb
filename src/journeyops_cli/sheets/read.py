"""Read a workbook back, refusing what is not plain data: an oversized file or a zip bomb,
formulas, merged cells, cells longer than a spreadsheet allows. Each problem is a
`SheetError` at `FILE:SHEET!C7`."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeyops_cli.sheets import SheetError
from journeyops_cli.sheets.layout import LISTS, column_letter
from journeyops_cli.sheets.values import MAX_CELL

MAX_FILE_BYTES = 50_000_000
MAX_UNPACKED_BYTES = 500_000_000
MAX_RATIO = 200  # unpacked / packed, per member and in total


@dataclass(slots=True)
class Sheet:
    """The cells of one sheet as text, numbers or None, by 1-based (row, column)."""

    name: str
    cells: dict[tuple[int, int], Any] = field(default_factory=dict)
    rows: int = 0
    columns: int = 0

    def get(self, row: int, column: int) -> Any:
        return self.cells.get((row, column))


@dataclass(slots=True)
class Book:
    path: str
    sheets: list[Sheet]
    language: str | None

    def where(self, sheet: str, row: int, column: int) -> str:
        return f"{self.path}:{sheet}!{column_letter(column)}{row}"


def check_archive(path: Path, shown: str) -> None:
    """Refuse what is not a reasonable XLSX before anything parses it."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise SheetError(shown, f"cannot be read: {error.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise SheetError(shown, f"the workbook is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise SheetError(shown, "not an XLSX workbook (not a zip archive); save it as .xlsx") from None
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    worst = max((m.file_size / (m.compress_size or 1) for m in members), default=0)
    suspicious = unpacked > 10_000_000 and (unpacked / packed > MAX_RATIO or worst > MAX_RATIO)
    if unpacked > MAX_UNPACKED_BYTES or suspicious:
        raise SheetError(
            shown, f"the workbook unpacks to {unpacked:,} bytes from {size:,}; refused as a possible zip bomb"
        )


def read_book(path: Path, shown: str) -> Book:
    """Every sheet's cells; the first problem raises a SheetError."""
    check_archive(path, shown)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=False)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise SheetError(shown, f"cannot be read as a workbook: {type(error).__name__}: {error}") from None
    book = Book(shown, [], None)
    for ws in wb.worksheets:
        sheet = Sheet(ws.title)
        if ws.title == LISTS:
            book.language = _meta(ws).get("language")
            continue
        for merged in ws.merged_cells.ranges:
            raise SheetError(
                f"{shown}:{ws.title}!{merged.coord}", "merged cells; unmerge them so each cell has its own value"
            )
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                where = f"{shown}:{ws.title}!{cell.coordinate}"
                if cell.data_type == "f":
                    raise SheetError(where, "a formula; type the value itself (journeyops never runs formulas)")
                value = cell.value
                if isinstance(value, str) and len(value) > MAX_CELL:
                    raise SheetError(where, f"{len(value):,} characters; a cell holds at most {MAX_CELL:,}")
                if isinstance(value, str) and not value.strip():
                    continue
                sheet.cells[(cell.row, cell.column)] = value
                sheet.rows = max(sheet.rows, cell.row)
                sheet.columns = max(sheet.columns, cell.column)
        book.sheets.append(sheet)
    return book


def _meta(ws: Any) -> dict[str, str]:
    out = {}
    for row in ws.iter_rows(min_row=1, max_row=10, max_col=2, values_only=True):
        if row[0] is not None and row[1] is not None:
            out[str(row[0])] = str(row[1])
    return out
