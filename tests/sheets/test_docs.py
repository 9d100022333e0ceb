"""docs/spreadsheet.md shows what the tool does: its journey sheets (Finnish and English)
are the example bank's export cell by cell (where the page does not shorten a cell with
`…`), its new-journey sheet, typed into the blank sheet, imports with the output the page
shows, and its DuckDB query runs."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from tests.sheets.helpers import cli

from journeyops_cli.models import Journey
from journeyops_cli.pipeline import load_bank
from journeyops_cli.render.i18n import strings
from journeyops_cli.sheets.layout import DETAILS, LANES

DOC = Path(__file__).resolve().parents[2] / "docs" / "spreadsheet.md"


def tables() -> list[list[list[str]]]:
    """Every Markdown table of the page whose header is `| A | B | C |…`, as rows of cells."""
    found: list[list[list[str]]] = []
    rows: list[list[str]] | None = None
    for line in DOC.read_text("utf-8").splitlines():
        if line.startswith("| A | B | C |"):
            rows = []
            found.append(rows)
        elif rows is not None and line.startswith("| ---"):
            continue
        elif rows is not None and line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip()[1:-1].split("|")])
        else:
            rows = None
    return found


def cell_text(text: str) -> str | None:
    return text.replace(" ⏎ ", "\n") or None


@pytest.mark.parametrize(("shown", "language"), [(0, "fi"), (1, "en")])
def test_the_journey_sheets_of_the_page_are_the_export(bank: Path, tmp_path: Path, shown: int, language: str) -> None:
    out = tmp_path / "polkumalli.xlsx"
    assert cli("export", "daycare-application", "--lang", language, "--bank", str(bank), "--out", str(out))[0] == 0
    ws = openpyxl.load_workbook(out)["daycare-application"]
    table = tables()[shown]
    assert [row[0] for row in table if row[0]] == ["journey", *(lane.key for lane in LANES),
                                                   *(detail.key for detail in DETAILS)]
    labels = strings(language)
    assert [row[1] for row in table if row[1]] == [labels["journey"], *(labels[lane.label] for lane in LANES),
                                                   *(labels[detail.label] for detail in DETAILS)]
    compared = 0
    for r, row in enumerate(table, start=1):
        for c, text in enumerate(row, start=1):
            if "…" in text:
                continue
            value = ws.cell(r, c).value
            assert (str(value) if value is not None else None) == cell_text(text), f"{ws.cell(r, c).coordinate}"
            compared += 1
    assert compared > 60


def test_the_new_journey_of_the_page_imports_as_shown(bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "polkumalli.xlsx"
    assert cli("export", "daycare-application", "--bank", str(bank), "--out", str(out))[0] == 0
    wb = openpyxl.load_workbook(out)
    ws = wb["Uusi polku"]
    rows = {str(ws.cell(r, 1).value): r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    for key, label, *values in tables()[2]:
        assert ws.cell(rows[key], 2).value == label
        for column, text in enumerate(values, start=3):
            ws.cell(rows[key], column).value = cell_text(text)
    wb.save(out)
    shown = re.search(r"```\n\$ journeyops import polkumalli.xlsx\n(.*?)```", DOC.read_text("utf-8"), re.S)
    assert shown is not None
    code, stdout, stderr = cli("import", str(out), "--bank", str(bank))
    assert (code, stdout) == (0, shown.group(1)), stderr
    journey = load_bank(bank, cache=False).bank.get(Journey, "daycare-place-change")
    assert journey is not None
    assert [(s.id, s.parent_step, s.emotion) for s in journey.steps] == [
        ("hakee-siirtoa", "apply", -1), ("saa-paatoksen", "wait-for-decision", None)
    ]


def test_the_query_of_the_page_imports_monthly_rates_from_parquet(bank: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")  # journeyops[data]; under CI a skip fails (tests/conftest.py)
    shown = re.search(r'journeyops import observations events.parquet --query "\n(.*?)"\n```',
                      DOC.read_text("utf-8"), re.S)
    assert shown is not None
    events = tmp_path / "events.parquet"
    duckdb.sql(
        "SELECT * FROM (VALUES (TIMESTAMP '2027-01-03 10:00', 'started'), (TIMESTAMP '2027-01-03 10:05', 'completed'),"
        " (TIMESTAMP '2027-01-20 09:00', 'started'), (TIMESTAMP '2027-02-02 12:00', 'started'),"
        " (TIMESTAMP '2027-02-02 12:09', 'completed')) AS t(ts, event)"
    ).write_parquet(str(events))
    code, stdout, stderr = cli("import", "observations", str(events), "--query", shown.group(1), "--bank", str(bank))
    assert (code, stdout) == (0, "metrics/daycare-application-completion.yaml: changed metric "
                                 "'daycare-application-completion': 2 observation(s)\n"), stderr
    text = (bank / "metrics" / "daycare-application-completion.yaml").read_text()
    assert "{date: 2027-01-31, value: 50}" in text and "{date: 2027-02-28, value: 100}" in text
