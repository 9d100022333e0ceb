"""The bank's own lanes in the workbook: rows below the details, a round trip that changes
no file, edited lane cells that change exactly those values through the edit path, and
cells that do not fit their lane refused at their cell."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import openpyxl
import pytest
from tests.sheets.helpers import cli, fingerprint, imports_again_unchanged, refused

from journeyops_cli.pipeline import validate
from journeyops_cli.sheets.layout import DETAIL_ROWS, LANE_ROWS

BLUEPRINT = Path(__file__).resolve().parents[1] / "banks" / "blueprint"
JOURNEY = "journeys/parking-permit.yaml"
FIRST_OWN_LANE_ROW = max(DETAIL_ROWS.values()) + 2  # below the details, after an empty row
OWN = {"frontstage": FIRST_OWN_LANE_ROW, "backstage": FIRST_OWN_LANE_ROW + 1,
       "support_processes": FIRST_OWN_LANE_ROW + 2, "waiting_days": FIRST_OWN_LANE_ROW + 3,
       "channel_owner": FIRST_OWN_LANE_ROW + 4}


@pytest.fixture
def blueprint(tmp_path: Path) -> Path:
    root = tmp_path / "blueprint"
    shutil.copytree(BLUEPRINT, root, ignore=shutil.ignore_patterns(".journeyops_cache", "site"))
    return root


@pytest.fixture
def book(blueprint: Path, tmp_path: Path) -> Path:
    out = tmp_path / "blueprint.xlsx"
    code, stdout, _ = cli("export", "--all", "--bank", str(blueprint), "--out", str(out))
    assert (code, stdout) == (0, f"wrote {out}: 1 journey sheet(s), 3 table(s) and a blank sheet for a new journey\n")
    return out


def edited(book: Path, tmp_path: Path, cells: dict[tuple[str, int, int], object]) -> Path:
    wb = openpyxl.load_workbook(book)
    for (sheet, row, column), value in cells.items():
        wb[sheet].cell(row, column).value = value
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    return out


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_the_lanes_are_rows_below_the_details(book: Path) -> None:
    ws = openpyxl.load_workbook(book)["parking-permit"]
    rows = [[ws.cell(row, column).value for column in range(1, 6)] for row in OWN.values()]
    assert rows == [
        ["lane:frontstage", "Asiakkaalle näkyvä toiminta", "Verkkosivun ohje", "Sähköinen lomake\nVahvistusviesti",
         None],
        ["lane:backstage", "Taustatoiminta", "Sisällöntuottaja päivittää ohjeet",
         "Käsittelijä tarkistaa ajoneuvon tiedot", None],
        ["lane:support_processes", "Tukiprosessit", None, "Ajoneuvorekisterin tarkistus", None],
        ["lane:waiting_days", "Odotus", None, 2.5, 0],
        ["lane:channel_owner", "Kanavan omistaja", "city", "partner", None],
    ]
    blank = openpyxl.load_workbook(book)["Uusi polku"]
    assert [blank.cell(row, 1).value for row in OWN.values()] == [f"lane:{lane}" for lane in OWN]


def test_an_unchanged_workbook_changes_no_file(blueprint: Path, book: Path) -> None:
    imports_again_unchanged(blueprint, book)


def test_edited_lane_cells_change_exactly_those_values(blueprint: Path, book: Path, tmp_path: Path) -> None:
    before = (blueprint / JOURNEY).read_text(encoding="utf-8")
    path = edited(book, tmp_path, {
        ("parking-permit", OWN["waiting_days"], 4): "3,5",
        ("parking-permit", OWN["channel_owner"], 3): "partner",
        ("parking-permit", OWN["backstage"], 5): "Posti toimittaa tunnuksen",
        ("parking-permit", OWN["frontstage"], 4): "Sähköinen lomake\nVahvistusviesti\nTekstiviesti",
    })
    code, stdout, stderr = cli("import", str(path), "--bank", str(blueprint))
    assert code == 0, stderr
    assert "journey 'parking-permit': 4 change(s)" in stdout
    after = (blueprint / JOURNEY).read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        "-    channel_owner: city",
        "+    channel_owner: partner",
        "+      - Tekstiviesti",
        "-    waiting_days: 2.5",
        "+    waiting_days: 3.5",
        "+    backstage: Posti toimittaa tunnuksen",
    ]
    assert validate(blueprint).findings == []
    imports_again_unchanged(blueprint, path)


def test_a_new_step_column_brings_its_lane_values(blueprint: Path, book: Path, tmp_path: Path) -> None:
    path = edited(book, tmp_path, {
        ("parking-permit", LANE_ROWS["title"], 6): "Tunnuksen uusiminen",  # a new column after the three steps
        ("parking-permit", OWN["waiting_days"], 6): 1,
        ("parking-permit", OWN["support_processes"], 6): "Maksun tarkistus",
    })
    code, _, stderr = cli("import", str(path), "--bank", str(blueprint))
    assert code == 0, stderr
    text = (blueprint / JOURNEY).read_text(encoding="utf-8")
    assert "    title: Tunnuksen uusiminen\n    support_processes: [Maksun tarkistus]\n    waiting_days: 1\n" in text
    assert validate(blueprint).findings == []


def test_a_new_journey_sheet_brings_its_lane_values(blueprint: Path, book: Path, tmp_path: Path) -> None:
    sheet = "Uusi polku"
    path = edited(book, tmp_path, {
        (sheet, 1, 3): "residents-card", (sheet, 1, 4): "Asukaskortti",
        (sheet, LANE_ROWS["title"], 3): "Kortin tilaaminen",
        (sheet, DETAIL_ROWS["level"], 3): "top", (sheet, DETAIL_ROWS["theme"], 3): "traffic",
        (sheet, OWN["backstage"], 3): "Kortti painetaan",
        (sheet, OWN["channel_owner"], 3): "partner",
        (sheet, OWN["frontstage"], 3): "Tilauslomake\nKuittaus",
    })
    code, _, stderr = cli("import", str(path), "--bank", str(blueprint))
    assert code == 0, stderr
    text = (blueprint / "journeys/top/residents-card.yaml").read_text(encoding="utf-8")
    assert (
        "    frontstage:\n      - Tilauslomake\n      - Kuittaus\n    backstage: Kortti painetaan\n"
        "    channel_owner: partner\n"
    ) in text
    # A top journey without mid journeys below is only told so (JO207, info).
    assert {f.code for f in validate(blueprint).findings} == {"JO207"}


def test_cells_that_do_not_fit_their_lane_are_refused_at_their_cell(
    blueprint: Path, book: Path, tmp_path: Path
) -> None:
    path = edited(book, tmp_path, {
        ("parking-permit", OWN["waiting_days"], 4): "kaksi",
        ("parking-permit", OWN["channel_owner"], 3): "town",
    })
    stderr = refused(blueprint, path)
    name = path.name
    assert f"{name}:parking-permit!D{OWN['waiting_days']}: 'kaksi' is not a number" in stderr
    assert (
        f"{name}:parking-permit!C{OWN['channel_owner']}: 'town' is not a choice of the lane 'channel_owner'; "
        "use city, partner"
    ) in stderr


def test_a_row_of_a_lane_the_bank_does_not_declare_is_refused(blueprint: Path, book: Path, tmp_path: Path) -> None:
    path = edited(book, tmp_path, {("parking-permit", OWN["backstage"], 1): "lane:back_office"})
    stderr = refused(blueprint, path)
    assert (
        f"{path.name}:parking-permit!A{OWN['backstage']}: no lane 'back_office' in journeyops.yaml `lanes:` "
        "(the bank's own lanes: lane:frontstage, lane:backstage, lane:support_processes, lane:waiting_days, "
        "lane:channel_owner); remove the row or declare the lane"
    ) in stderr


def test_a_bank_without_lanes_exports_no_lane_rows(tmp_path: Path) -> None:
    from tests.sheets.helpers import copy_bank

    bank = copy_bank(tmp_path)
    out = tmp_path / "b.xlsx"
    assert cli("export", "--all", "--bank", str(bank), "--out", str(out))[0] == 0
    ws = openpyxl.load_workbook(out)["daycare-application"]
    assert ws.max_row == FIRST_OWN_LANE_ROW - 2
    before = fingerprint(bank)
    assert before == fingerprint(bank)


def test_formula_like_lane_titles_and_values_are_text_and_import_unchanged(blueprint: Path, tmp_path: Path) -> None:
    config = blueprint / "journeyops.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "title: {fi: Taustatoiminta, en: Backstage}", "title: '=HYPERLINK(\"http://example.org\")'"), encoding="utf-8")
    path = blueprint / JOURNEY
    path.write_text(path.read_text(encoding="utf-8").replace("waiting_days: 2.5", "waiting_days: 1e300").replace(
        "      - {fi: Verkkosivun ohje, en: Instructions on the website}", "      - '=1+1'"), encoding="utf-8")
    assert validate(blueprint).findings == []
    out = tmp_path / "hostile.xlsx"
    assert cli("export", "--all", "--bank", str(blueprint), "--out", str(out))[0] == 0
    ws = openpyxl.load_workbook(out)["parking-permit"]
    title, value = ws.cell(OWN["backstage"], 2), ws.cell(OWN["frontstage"], 3)
    assert (title.data_type, title.value) == ("s", '=HYPERLINK("http://example.org")')
    assert (value.data_type, value.value) == ("s", "=1+1")
    assert ws.cell(OWN["waiting_days"], 4).value == 1e300
    imports_again_unchanged(blueprint, out)


def test_a_number_a_cell_cannot_hold_exactly_imports_back_unchanged(blueprint: Path, tmp_path: Path) -> None:
    """A spreadsheet keeps 15 digits: a 30-digit integer came back rounded, and the import
    wrote the rounded number over the bank's."""
    path = blueprint / JOURNEY
    path.write_text(path.read_text(encoding="utf-8").replace(
        "waiting_days: 2.5", "waiting_days: 123456789012345678901234567890").replace(
        "    waiting_days: 0\n", "    waiting_days: 2.0\n"), encoding="utf-8")
    out = tmp_path / "numbers.xlsx"
    assert cli("export", "--all", "--bank", str(blueprint), "--out", str(out))[0] == 0
    imports_again_unchanged(blueprint, out)


def test_a_choice_lane_is_a_dropdown_of_its_choices(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb["parking-permit"]
    row = OWN["channel_owner"]
    rules = [rule for rule in ws.data_validations.dataValidation if f"C{row}:" in str(rule.sqref)]
    assert len(rules) == 1 and rules[0].error == "Choose one of: city, partner"
    column = rules[0].formula1.split("!")[1].split(":")[0].replace("$", "")[:-1]
    lists = wb["lists"]
    assert [lists[f"{column}{r}"].value for r in (1, 2, 3)] == ["lane:channel_owner", "city", "partner"]
    blank = wb["Uusi polku"]
    assert any(f"C{row}:" in str(rule.sqref) for rule in blank.data_validations.dataValidation)
