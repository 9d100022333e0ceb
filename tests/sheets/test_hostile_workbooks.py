"""Hostile and broken workbooks: each is refused with the sheet and cell, exit 1 or 2, and
no file of the bank changes. Text that looks like a formula is exported as text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from tests.sheets.helpers import cli, fingerprint, refused

from journeyops_cli.sheets.layout import LANE_ROWS

TITLE = LANE_ROWS["title"]
EMOTION = LANE_ROWS["emotion"]


@pytest.fixture
def book(bank: Path, tmp_path: Path) -> Path:
    out = tmp_path / "bank.xlsx"
    assert cli("export", "daycare-application", "--bank", str(bank), "--out", str(out))[0] == 0
    return out


def edited(book: Path, tmp_path: Path, change: object) -> Path:
    wb = openpyxl.load_workbook(book)
    change(wb)  # type: ignore[operator]
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    return out


def test_formula_cell_is_refused(bank: Path, book: Path, tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["daycare-application"].cell(TITLE, 3).value = '=HYPERLINK("http://evil.example","x")'

    path = edited(book, tmp_path, change)
    assert refused(bank, path) == (
        f"{path}:daycare-application!C{TITLE}: a formula; type the value itself (journeyops never runs formulas)\n"
        "journeyops: error: 1 problem(s); nothing was imported\n"
    )


def test_merged_cells_are_refused(bank: Path, book: Path, tmp_path: Path) -> None:
    path = edited(book, tmp_path, lambda wb: wb["daycare-application"].merge_cells(f"C{TITLE}:D{TITLE}"))
    assert refused(bank, path).startswith(
        f"{path}:daycare-application!C{TITLE}:D{TITLE}: merged cells; unmerge them so each cell has its own value\n"
    )


def test_empty_sheet_is_ignored(bank: Path, book: Path, tmp_path: Path) -> None:
    path = edited(book, tmp_path, lambda wb: wb.create_sheet("Sheet1"))
    assert cli("import", str(path), "--bank", str(bank))[:2] == (0, "nothing to change\n")


def test_foreign_sheet_and_wrong_header(bank: Path, book: Path, tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb.create_sheet("notes")["A1"] = "my notes"
        wb["insights"]["C1"] = "kind"

    path = edited(book, tmp_path, change)
    assert refused(bank, path).splitlines() == [
        f"{path}:insights!C1: unknown column 'kind'; the columns are id, title, type, source, date, summary, "
        "severity, confidence, steps, customer_groups, evidence",
        f"{path}:notes!A1: not a journeyops sheet (no 'journey' in A1, and not insights, metrics or backlog); "
        "remove it or rename it",
        "journeyops: error: 2 problem(s); nothing was imported",
    ]


def test_wrong_types_and_unknown_ids(bank: Path, book: Path, tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["daycare-application"]
        ws.cell(EMOTION, 3).value = "very bad"
        ws.cell(LANE_ROWS["step"], 4).value = "no-such-step"
        ws.cell(LANE_ROWS["channels"], 5).value = "e-service, pigeon"
        wb["metrics"].append(["no-such-metric", "", "", "", "", "2026-12-31", "3", ""])
        wb["metrics"].append(["daycare-decision-time", "", "", "", "", "31.13.2026", "1,234", ""])
        wb["insights"]["C2"] = "gossip"

    path = edited(book, tmp_path, change)
    lines = refused(bank, path).splitlines()
    metrics = openpyxl.load_workbook(path)["metrics"].max_row
    assert lines == [
        f"{path}:daycare-application!C{EMOTION}: 'very bad' is not an emotion; use a whole number from -2 to 2",
        f"{path}:daycare-application!D{LANE_ROWS['step']}: no step 'no-such-step' in journey 'daycare-application' "
        "(leave the id empty for a new step)",
        f"{path}:daycare-application!E{LANE_ROWS['channels']}: unknown channel 'pigeon'; use web, mobile-app, "
        "e-service, phone, email, chat, letter, service-point, home-visit, social-media, other",
        f"{path}:insights!C2: 'gossip' is not a type; use research, interview, usability-test, survey, feedback, "
        "analytics, observation, service-data",
        f"{path}:metrics!A{metrics - 1}: no metric 'no-such-metric' in the bank "
        "(a new metric needs a title and a unit, and an id or a title to make it from)",
        f"{path}:metrics!F{metrics}: '31.13.2026' is not a date",
        f"{path}:metrics!G{metrics}: '1,234' is ambiguous (a thousands separator or a decimal comma?); "
        "write 1234 or 1.234",
        "journeyops: error: 7 problem(s); nothing was imported",
    ]


def test_journey_id_that_cannot_be_an_id(bank: Path, book: Path, tmp_path: Path) -> None:
    # An id the bank lacks makes a new journey (tests/sheets/test_new_journeys.py); this
    # one cannot be an id at all.
    path = edited(book, tmp_path, lambda wb: wb["daycare-application"].cell(1, 3, "Päivähoito!"))
    assert refused(bank, path).splitlines() == [
        f"{path}:daycare-application!C1: 'Päivähoito!' cannot be an id; use a-z, 0-9 and -",
        "journeyops: error: 1 problem(s); nothing was imported",
    ]


def test_one_megabyte_cell_is_refused(bank: Path, book: Path, tmp_path: Path) -> None:
    # openpyxl cuts what it writes to 32,767 characters; the XML is made longer by hand.
    short = edited(book, tmp_path, lambda wb: wb["daycare-application"].cell(TITLE, 3, "x" * 32_767))
    path = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(short) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/"):
                data = data.replace(b"x" * 32_767, b"x" * 1_000_000)
            target.writestr(item, data)
    assert refused(bank, path).splitlines()[0] == (
        f"{path}:daycare-application!C{TITLE}: 1,000,000 characters; a cell holds at most 32,767"
    )


def test_zip_bomb_is_refused_before_parsing(bank: Path, tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 60_000_000)
    size = path.stat().st_size
    assert refused(bank, path).splitlines()[0] == (
        f"{path}: the workbook unpacks to 60,000,000 bytes from {size:,}; refused as a possible zip bomb"
    )


def test_oversized_and_not_a_workbook(bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("id,title\n")
    assert refused(bank, fake).splitlines()[0] == f"{fake}: not an XLSX workbook (not a zip archive); save it as .xlsx"
    monkeypatch.setattr("journeyops_cli.sheets.read.MAX_FILE_BYTES", 4)
    assert refused(bank, fake).splitlines()[0] == f"{fake}: the workbook is 9 bytes; the limit is 4"


def test_formula_like_text_is_exported_as_text(bank: Path, tmp_path: Path) -> None:
    journey = bank / "journeys" / "detailed" / "daycare-application.yaml"
    journey.write_text(journey.read_text().replace(
        "title: {fi: Tunnistautuminen, en: Signing in}", 'title: {fi: "=cmd|\' /C calc\'!A0", en: "@SUM(1)"}'
    ))
    out = tmp_path / "book.xlsx"
    assert cli("export", "daycare-application", "--bank", str(bank), "--out", str(out))[0] == 0
    cell = openpyxl.load_workbook(out)["daycare-application"].cell(TITLE, 3)
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=cmd|' /C calc'!A0", "s", True)
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    before = fingerprint(bank)
    assert cli("import", str(out), "--bank", str(bank))[:2] == (0, "nothing to change\n")
    assert fingerprint(bank) == before
    csv_out = tmp_path / "book.csv"
    assert cli("export", "daycare-application", "--format", "csv", "--lang", "en", "--bank", str(bank),
               "--out", str(csv_out))[0] == 0
    assert "title,Step,'@SUM(1)," in (tmp_path / "book-daycare-application.csv").read_text()


def test_text_longer_than_a_cell_is_not_exported_cut(bank: Path, tmp_path: Path) -> None:
    journey = bank / "journeys" / "detailed" / "daycare-application.yaml"
    journey.write_text(journey.read_text().replace(
        "title: {fi: Tunnistautuminen, en: Signing in}", f"title: {{fi: {'a' * 40_000}, en: Signing in}}"
    ))
    out = tmp_path / "book.xlsx"
    assert cli("export", "daycare-application", "--bank", str(bank), "--out", str(out))[::2] == (
        2, f"journeyops: error: daycare-application!C{TITLE}: 40,000 characters, more than a spreadsheet cell "
           "holds (32,767); shorten the text in the bank first\n"
    )
    assert not out.exists()


def test_two_rows_of_one_metric_and_date_are_refused(bank: Path, book: Path, tmp_path: Path) -> None:
    # Imported, both became observations of the same date (and the next import changed one).
    def change(wb: openpyxl.Workbook) -> None:
        wb["metrics"].append(["daycare-decision-time", "", "", "", "", "31.12.2026", "33,5", ""])
        wb["metrics"].append(["daycare-decision-time", "", "", "", "", "2026-12-31", "34", ""])

    path = edited(book, tmp_path, change)
    last = openpyxl.load_workbook(path)["metrics"].max_row
    assert refused(bank, path).splitlines() == [
        f"{path}:metrics!F{last}: row {last - 1} has 'daycare-decision-time' on 2026-12-31 too; a metric has one "
        "value a date, keep one row",
        "journeyops: error: 1 problem(s); nothing was imported",
    ]
