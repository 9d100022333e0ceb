"""Write the tables as an XLSX workbook (openpyxl) or as CSV files (RFC 4180, UTF-8).

Every text cell is written as text: one that starts like a formula (`=`, `+`, `-`, `@`)
is stored as a string with Excel's quote prefix, so no spreadsheet runs it; in CSV, where
there are no types, such a cell gets a leading `'` (the OWASP advice), which `import`
takes off again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from journeyops_cli.errors import JourneyopsError
from journeyops_cli.sheets.layout import (
    CHOICES,
    DETAIL_ROWS,
    DETAILS,
    FIRST_STEP_COLUMN,
    FORMAT,
    FROZEN_ROW,
    JOURNEY_MARK,
    LANE_ROWS,
    LANES,
    LISTS,
    OWN_LANE,
    TABLES,
    TITLE_CELL,
    column_letter,
    own_lane_key,
)
from journeyops_cli.sheets.tables import Cell, Table
from journeyops_cli.sheets.values import MAX_CELL, is_formula_like

ID_FILL = "DDDDDD"  # the marked, stable id row and column
SHOWN_FILL = "F2F2F2"  # read-only rows made from other records


def sheet_title(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, no `[]:*?/\\`), unique in the workbook."""
    base = "".join("-" if c in "[]:*?/\\" else c for c in name)[:31] or "sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f"~{n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _put(ws: Any, row: int, column: int, value: Cell) -> Any:
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        if len(value) > MAX_CELL:
            # Cut, it would come back as a change that loses the rest.
            raise JourneyopsError(
                f"{ws.title}!{cell.coordinate}: {len(value):,} characters, more than a spreadsheet cell "
                f"holds ({MAX_CELL:,}); shorten the text in the bank first"
            )
        cell.value = value
        if is_formula_like(value):
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def write_workbook(tables: list[Table], language: str, lane_choices: dict[str, tuple[str, ...]] | None = None) -> bytes:
    """The workbook's bytes (the caller writes them atomically). `lane_choices`: the ids
    of each choice lane of the bank's own (`lane:<id>` rows get a dropdown of them)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    id_fill = PatternFill("solid", fgColor=ID_FILL)
    shown_fill = PatternFill("solid", fgColor=SHOWN_FILL)
    choices = {**CHOICES, **{own_lane_key(lane): ids for lane, ids in (lane_choices or {}).items()}}
    lists = _lists_sheet(wb, language, choices)
    for table in tables:
        ws = wb.create_sheet(sheet_title(table.name, taken))
        for r, row in enumerate(table.rows, start=1):
            for c, value in enumerate(row, start=1):
                _put(ws, r, c, value).alignment = wrap
        if table.steps is not None:
            width = FIRST_STEP_COLUMN + table.steps - 1
            _style_journey(ws, width, table, bold, id_fill, shown_fill)
            emotion = LANE_ROWS["emotion"]
            _validation(ws, DataValidation, lists, "emotion", f"C{emotion}:{column_letter(width)}{emotion}")
            for detail in DETAILS:
                if detail.choice:
                    _validation(ws, DataValidation, lists, detail.choice, f"C{DETAIL_ROWS[detail.key]}")
            for r, row in enumerate(table.rows, start=1):  # the bank's own choice lanes
                if row and str(row[0]).startswith(OWN_LANE) and row[0] in lists and table.steps:
                    _validation(ws, DataValidation, lists, str(row[0]), f"C{r}:{column_letter(width)}{r}")
        else:
            columns = TABLES[table.name]
            for c, column in enumerate(columns, start=1):
                letter = column_letter(c)
                ws.column_dimensions[letter].width = column.width
                ws.cell(row=1, column=c).font = bold
                ws.cell(row=1, column=c).fill = id_fill
                if not column.editable:
                    for r in range(2, len(table.rows) + 1):
                        ws.cell(row=r, column=c).fill = shown_fill
                if column.choice:
                    _validation(ws, DataValidation, lists, column.choice, f"{letter}2:{letter}1048576")
            ws.freeze_panes = "B2"
    wb.move_sheet(LISTS, offset=len(wb.sheetnames))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _lists_sheet(wb: Any, language: str, choices: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The hidden sheet of `choices`; returns each choice's range (for data validation)
    and values."""
    ws = wb.create_sheet(LISTS)
    ws.sheet_state = "hidden"
    ws["A1"], ws["B1"] = "format", FORMAT
    ws["A2"], ws["B2"] = "language", language
    ranges: dict[str, tuple[str, tuple[str, ...]]] = {}
    for c, (name, values) in enumerate(choices.items(), start=4):
        letter = column_letter(c)
        ws.cell(row=1, column=c, value=name)
        for r, value in enumerate(values, start=2):
            ws.cell(row=r, column=c, value=value)
        ranges[name] = (f"{LISTS}!${letter}$2:${letter}${len(values) + 1}", values)
    return ranges


def _validation(ws: Any, kind: Any, lists: dict[str, tuple[str, tuple[str, ...]]], choice: str, cells: str) -> None:
    """A dropdown of the choice `choice` (its range and values in `lists`) on `cells`."""
    where, values = lists[choice]
    rule = kind(type="list", formula1=where, allow_blank=True, showErrorMessage=True)
    rule.error = f"Choose one of: {', '.join(values)}"
    rule.errorTitle = choice
    ws.add_data_validation(rule)
    rule.add(cells)


def _style_journey(ws: Any, width: int, table: Table, bold: Any, id_fill: Any, shown_fill: Any) -> None:
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 26
    for c in range(FIRST_STEP_COLUMN, max(width, TITLE_CELL[1]) + 1):
        ws.column_dimensions[column_letter(c)].width = 32
    ws.freeze_panes = f"{column_letter(FIRST_STEP_COLUMN)}{FROZEN_ROW}"
    for r, row in enumerate(table.rows, start=1):
        if row:  # not the empty row between the lanes and the details
            ws.cell(row=r, column=1).fill = id_fill
            ws.cell(row=r, column=2).font = bold
    for c in range(1, width + 1):
        ws.cell(row=LANE_ROWS["step"], column=c).fill = id_fill
        ws.cell(row=LANE_ROWS["title"], column=c).font = bold
    for c in range(1, TITLE_CELL[1] + 1):
        ws.cell(row=1, column=c).font = bold
    for lane in LANES:
        if lane.kind == "shown":
            for c in range(FIRST_STEP_COLUMN, width + 1):
                ws.cell(row=LANE_ROWS[lane.key], column=c).fill = shown_fill
    assert table.rows[0][0] == JOURNEY_MARK


def write_csv(tables: list[Table], out: Path) -> dict[str, bytes]:
    """One CSV file per table, named `<out stem>-<table>.csv`: name -> bytes."""
    files: dict[str, bytes] = {}
    for table in tables:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        for row in table.rows:
            writer.writerow(["" if v is None else (f"'{v}" if isinstance(v, str) and is_formula_like(v) else v)
                             for v in row])
        files[f"{out.stem}-{table.name}.csv"] = buffer.getvalue().encode("utf-8")
    return files
