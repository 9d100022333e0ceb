"""A real client opens the exported workbook: LibreOffice Calc (headless) converts every
sheet to CSV, and the cells are where export put them; converted back to XLSX by
LibreOffice, the data validation lists are still there and the workbook imports unchanged."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from tests.sheets.helpers import cli, copy_bank, fingerprint
from tests.tools import require_tool

from journeyops_cli.sheets.layout import DETAIL_ROWS, LANE_ROWS

# Filter options of the CSV export: comma, double quote, UTF-8, from row 1, ..., and the
# 12th token -1: every sheet to its own file (LibreOffice 7.2 and later).
ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def soffice(*args: str, cwd: Path) -> None:
    binary = shutil.which("soffice")
    require_tool(binary is not None, "LibreOffice (soffice) is not installed")
    assert binary is not None
    profile = cwd / "lo-profile"
    subprocess.run(
        [binary, f"-env:UserInstallation=file://{profile}", "--headless", *args],
        cwd=cwd, check=True, capture_output=True, timeout=240,
    )


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("lo")
    bank = copy_bank(tmp)
    out = tmp / "model.xlsx"
    assert cli("export", "--all", "--bank", str(bank), "--out", str(out))[0] == 0
    return out


def test_libreoffice_reads_every_sheet_where_export_put_the_cells(exported: Path) -> None:
    folder = exported.parent
    soffice("--convert-to", ALL_SHEETS, "--outdir", str(folder / "csv"), str(exported), cwd=folder)
    with open(folder / "csv" / "model-daycare-application.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == [
        "journey", "Palvelupolku", "daycare-application", "Varhaiskasvatushakemus asiointipalvelussa"
    ]
    assert rows[LANE_ROWS["step"] - 1][:4] == ["step", "Vaiheen tunniste (älä muuta)", "sign-in", "fill-in-application"]
    assert rows[LANE_ROWS["title"] - 1][2] == "Tunnistautuminen"
    assert rows[LANE_ROWS["emotion"] - 1][2:5] == ["0", "-1", "-2"]
    assert rows[DETAIL_ROWS["level"] - 1][:3] == ["level", "Taso", "detailed"]
    assert rows[DETAIL_ROWS["parent"] - 1][:3] == ["parent", "Osa polkua", "daycare-journey"]
    with open(folder / "csv" / "model-insights.csv", encoding="utf-8", newline="") as handle:
        insights = list(csv.reader(handle))
    assert insights[0][:3] == ["id", "title", "type"]
    assert len(insights) > 10


def test_libreoffice_keeps_the_dropdowns(exported: Path) -> None:
    folder = exported.parent
    soffice("--convert-to", "xlsx", "--outdir", str(folder / "lo"), str(exported), cwd=folder)
    wb = openpyxl.load_workbook(folder / "lo" / "model.xlsx")
    journey = wb["daycare-application"].data_validations.dataValidation
    assert sorted((v.type, str(v.sqref), v.formula1) for v in journey) == sorted([
        ("list", f"C{LANE_ROWS['emotion']}:I{LANE_ROWS['emotion']}", "lists!$H$2:$H$6"),
        ("list", f"C{DETAIL_ROWS['level']}", "lists!$J$2:$J$4"),
        ("list", f"C{DETAIL_ROWS['status']}", "lists!$K$2:$K$4"),
        ("list", f"C{DETAIL_ROWS['state']}", "lists!$L$2:$L$3"),
    ])
    assert len(wb["insights"].data_validations.dataValidation) == 3
    assert len(wb["Uusi polku"].data_validations.dataValidation) == 4  # the blank sheet's
    assert wb["lists"].sheet_state == "hidden"
    assert [wb["lists"].cell(r, 10).value for r in range(1, 5)] == ["level", "top", "mid", "detailed"]
    # Saved by LibreOffice, the workbook still comes back unchanged.
    bank = folder / "bank"
    before = fingerprint(bank)
    assert cli("import", str(folder / "lo" / "model.xlsx"), "--bank", str(bank))[:2] == (0, "nothing to change\n")
    assert fingerprint(bank) == before
