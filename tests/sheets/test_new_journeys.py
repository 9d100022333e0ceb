"""New journeys from a workbook: the blank sheet `export` adds, or a copy of a journey's
sheet with a new id, becomes a journey file through the code of `journeyops new journey`;
what would not make a valid journey is refused at its cell, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from tests.sheets.helpers import cli, fingerprint, imports_again_unchanged, refused

from journeyops_cli.models import Journey
from journeyops_cli.pipeline import load_bank, validate
from journeyops_cli.sheets.layout import DETAIL_ROWS, LANE_ROWS

BLANK = "Uusi polku"  # the blank sheet's name in a Finnish workbook
PHASE, STEP, TITLE, EMOTION = (LANE_ROWS[key] for key in ("phase", "step", "title", "emotion"))
LEVEL, THEME, PARENT, STATUS = (DETAIL_ROWS[key] for key in ("level", "theme", "parent", "status"))


@pytest.fixture
def book(bank: Path, tmp_path: Path) -> Path:
    out = tmp_path / "bank.xlsx"
    assert cli("export", "daycare-application", "--bank", str(bank), "--out", str(out))[0] == 0
    return out


def fill(ws: Worksheet, journey_id: str | None, title: str, details: dict[str, str],
         steps: list[dict[str, object]]) -> None:
    ws["C1"], ws["D1"] = journey_id, title
    for key, value in details.items():
        ws.cell(DETAIL_ROWS[key], 3).value = value
    for column, step in enumerate(steps, start=3):
        for key, value in step.items():
            ws.cell(LANE_ROWS[key], column).value = value


def save(wb: openpyxl.Workbook, tmp_path: Path) -> Path:
    out = tmp_path / "edited.xlsx"
    wb.save(out)
    return out


def test_the_blank_sheet_is_there_and_changes_nothing(bank: Path, book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["daycare-application", BLANK, "insights", "metrics", "backlog", "lists"]
    ws = wb[BLANK]
    assert [ws.cell(row, 1).value for row in (1, PHASE, TITLE, LEVEL, THEME, PARENT, STATUS)] == [
        "journey", "phase", "title", "level", "theme", "parent", "status"
    ]
    assert [ws.cell(row, 2).value for row in (1, TITLE, LEVEL, PARENT)] == ["Palvelupolku", "Vaihe", "Taso",
                                                                           "Osa polkua"]
    assert ws["C1"].value is None
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert lists == {f"C{EMOTION}:G{EMOTION}": "lists!$H$2:$H$6", f"C{LEVEL}": "lists!$J$2:$J$4",
                     f"C{STATUS}": "lists!$K$2:$K$4", f"C{DETAIL_ROWS['state']}": "lists!$L$2:$L$3"}
    assert [wb["lists"].cell(r, 12).value for r in range(1, 4)] == ["journey_state", "current", "target"]
    assert [wb["lists"].cell(r, 10).value for r in range(1, 5)] == ["level", "top", "mid", "detailed"]
    imports_again_unchanged(bank, book)


def test_a_filled_blank_sheet_makes_a_journey(bank: Path, book: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(book)
    fill(wb[BLANK], "daycare-place-change", "Päiväkodin vaihtaminen",
         {"level": "detailed", "parent": "daycare-journey", "owner": "Palveluohjaus"},
         [{"phase": "Hakemuksen tekeminen", "title": "Hakee siirtoa", "channels": "e-service, phone",
           "cx_goals": "Asiakas tietää, milloin siirto on mahdollinen", "emotion": -1,
           "pain_points": "Siirtohakemus on eri lomake\nJonotus alkaa alusta"},
          {"phase": "wait-for-decision", "title": "Saa päätöksen", "description": "Päätös tulee: kirjeellä",
           "touchpoints": "Päätöskirje", "customer_actions": "Lukee päätöksen"}])
    edited = save(wb, tmp_path)
    before = fingerprint(bank)
    code, stdout, stderr = cli("import", str(edited), "--dry-run", "--bank", str(bank))
    assert (code, stdout) == (0, "journeys/detailed/daycare-place-change.yaml: would create new journey "
                                 "'daycare-place-change'\n"), stderr
    assert fingerprint(bank) == before
    code, stdout, stderr = cli("import", str(edited), "--bank", str(bank))
    assert (code, stdout) == (0, "journeys/detailed/daycare-place-change.yaml: created new journey "
                                 "'daycare-place-change'\n"), stderr
    assert (bank / "journeys" / "detailed" / "daycare-place-change.yaml").read_text() == (
        "# yaml-language-server: $schema=../../schemas/journey.schema.json\n"
        "kind: Journey\n"
        "id: daycare-place-change\n"
        "title: Päiväkodin vaihtaminen\n"
        "level: detailed\n"
        "theme: varhaiskasvatus\n"  # the parent's, as `journeyops new journey` does
        "parent: daycare-journey\n"
        "owner: Palveluohjaus\n"
        "status: draft\n"
        "steps:\n"
        "  - id: hakee-siirtoa\n"
        "    title: Hakee siirtoa\n"
        "    parent_step: apply\n"
        "    cx_goals:\n"
        "      - Asiakas tietää, milloin siirto on mahdollinen\n"
        "    channels: [e-service, phone]\n"
        "    emotion: -1\n"
        "    pain_points:\n"
        "      - Siirtohakemus on eri lomake\n"
        "      - Jonotus alkaa alusta\n"
        "  - id: saa-paatoksen\n"
        "    title: Saa päätöksen\n"
        '    description: "Päätös tulee: kirjeellä"\n'
        "    parent_step: wait-for-decision\n"
        "    touchpoints:\n"
        "      - Päätöskirje\n"
        "    customer_actions:\n"
        "      - Lukee päätöksen\n"
    )
    assert not validate(bank).failed
    imports_again_unchanged(bank, edited)  # it finds the journey by its id


def test_a_copied_journey_sheet_with_a_new_id_makes_a_journey(bank: Path, book: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(book)
    copy = wb.copy_worksheet(wb["daycare-application"])
    copy["C1"], copy["D1"] = "daycare-application-paper", "Varhaiskasvatushakemus paperilla"
    copy.cell(STATUS, 3).value = "draft"
    edited = save(wb, tmp_path)
    code, stdout, stderr = cli("import", str(edited), "--bank", str(bank))
    assert (code, stdout) == (0, "journeys/detailed/daycare-application-paper.yaml: created new journey "
                                 "'daycare-application-paper'\n"), stderr
    loaded = load_bank(bank, cache=False).bank
    old, new = loaded.get(Journey, "daycare-application"), loaded.get(Journey, "daycare-application-paper")
    assert old is not None and new is not None
    assert (new.level, new.theme, new.parent, new.owner, new.team, new.status) == (
        "detailed", "varhaiskasvatus", "daycare-journey", old.owner, "varhaiskasvatus-digi", "draft"
    )
    # The steps keep their ids, parent steps and lanes (in the workbook's language).
    assert [s.id for s in new.steps] == [s.id for s in old.steps]
    assert [s.parent_step for s in new.steps] == [s.parent_step for s in old.steps]
    assert [s.emotion for s in new.steps] == [s.emotion for s in old.steps]
    assert [s.channels for s in new.steps] == [s.channels for s in old.steps]
    assert new.steps[0].title == "Tunnistautuminen"
    assert new.steps[2].pain_points == [p["fi"] for p in old.steps[2].pain_points]  # type: ignore[index]
    assert not validate(bank).failed


def test_what_would_not_make_a_valid_journey_is_refused_at_its_cell(
    bank: Path, book: Path, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(book)
    blank = wb[BLANK]
    step = [{"title": "Hakee siirtoa"}]
    cases = {
        "no-theme": ("uusi-keskitaso", "Uusi keskitason polku", {"level": "mid", "parent": "service-journey"},
                     [{"title": "Hakee", "phase": "transaction"}]),
        "bad-parent-step": ("siirto", "Siirto", {"level": "detailed", "parent": "daycare-journey"},
                            [{"title": "Hakee siirtoa", "phase": "get-decision"}]),
        "no-parent-step": ("siirto-2", "Siirto", {"level": "detailed", "parent": "daycare-journey"}, step),
        "bad-id": ("Siirto 3", "Siirto", {"level": "top"}, step),
        "no-id": (None, "Päiväkodin vaihto", {"level": "top"}, step),
        "bad-level": ("siirto-4", "Siirto", {"level": "huge"}, step),
        "wrong-parent": ("siirto-5", "Siirto", {"level": "detailed", "theme": "varhaiskasvatus",
                                                "parent": "service-journey"},
                         [{"title": "Hakee", "phase": "transaction"}]),
        "unknown-theme": ("siirto-6", "Siirto", {"level": "mid", "theme": "varhaiskasvatu",
                                                 "parent": "service-journey"},
                          [{"title": "Hakee", "phase": "transaction"}]),
        "no-title-no-steps": ("siirto-7", None, {"level": "top"}, []),
        "bad-step-id": ("siirto-8", "Siirto", {"level": "top"},
                        [{"step": "Vaihe 1", "title": "Hakee"}]),
    }
    for name, (journey_id, title, details, steps) in cases.items():
        ws = wb.copy_worksheet(blank)
        ws.title = name
        fill(ws, journey_id, title or "", details, steps)
        if title is None:
            ws["D1"] = None
    edited = save(wb, tmp_path)
    assert refused(bank, edited).splitlines() == [
        f"{edited}:no-theme!C{THEME}: a mid journey needs a theme (its parent 'service-journey' has none to inherit)",
        f"{edited}:bad-parent-step!C{PHASE}: no step 'get-decision' in the parent journey 'daycare-journey'; "
        "did you mean 'wait-for-decision'?",
        f"{edited}:no-parent-step!C{PHASE}: name the step of the parent journey 'daycare-journey' this step "
        "belongs to (its title or id)",
        f"{edited}:bad-id!C1: 'Siirto 3' cannot be an id; use a-z, 0-9 and -",
        f"{edited}:no-id!C1: a new journey needs an id in C1 (e.g. 'paivakodin-vaihto'); a-z, 0-9 and -",
        f"{edited}:bad-level!C{LEVEL}: 'huge' is not a level; use top, mid, detailed",
        f"{edited}:wrong-parent!C{PARENT}: the parent of a detailed journey must be a mid journey; "
        "'service-journey' is top",
        f"{edited}:unknown-theme!C{THEME}: no theme 'varhaiskasvatu' in the bank; did you mean 'varhaiskasvatus'?",
        f"{edited}:no-title-no-steps!D1: a new journey needs a title",
        f"{edited}:no-title-no-steps!C{TITLE}: a new journey needs at least one step: give its title in this row",
        f"{edited}:bad-step-id!C{STEP}: 'Vaihe 1' cannot be an id; use a-z, 0-9 and -",
        f"journeyops: error: {len(cases) + 1} problem(s); nothing was imported",
    ]


def test_a_journey_that_would_fail_validate_is_refused_at_its_id(bank: Path, book: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(book)
    # A detailed journey of another theme than its parent's: the cross-level lint (JO204).
    fill(wb[BLANK], "asunnon-vaihto", "Asunnon vaihto",
         {"level": "detailed", "theme": "asuminen", "parent": "daycare-journey"},
         [{"title": "Hakee", "phase": "apply"}])
    edited = save(wb, tmp_path)
    assert refused(bank, edited).splitlines() == [
        f"{edited}:{BLANK}!C1: the new journey would not pass `journeyops validate`: JO204 theme 'asuminen' "
        "differs from parent 'daycare-journey' theme 'varhaiskasvatus' (use `theme: varhaiskasvatus`, or move "
        "the journey under a parent of theme 'asuminen'); nothing was written",
        "journeyops: error: 1 problem(s); nothing was imported",
    ]


def test_details_of_a_journey_change_with_their_cells(bank: Path, book: Path, tmp_path: Path) -> None:
    journey = bank / "journeys" / "detailed" / "daycare-application.yaml"
    before = journey.read_text()
    wb = openpyxl.load_workbook(book)
    ws = wb["daycare-application"]
    ws["D1"] = "Varhaiskasvatushakemus verkossa"
    ws.cell(STATUS, 3).value = "retired"
    ws.cell(DETAIL_ROWS["owner"], 3).value = "Asiointipalvelun tuoteomistaja"
    edited = save(wb, tmp_path)
    code, stdout, stderr = cli("import", str(edited), "--bank", str(bank))
    assert (code, stdout) == (0, "journeys/detailed/daycare-application.yaml: changed journey "
                                 "'daycare-application': 3 change(s)\n"), stderr
    after = journey.read_text()
    assert after == before.replace(
        "title: {fi: Varhaiskasvatushakemus asiointipalvelussa,", "title: {fi: Varhaiskasvatushakemus verkossa,"
    ).replace("owner: Varhaiskasvatuksen asiointipalvelun tuoteomistaja", "owner: Asiointipalvelun tuoteomistaja"
              ).replace("status: active", "status: retired")
    ws.cell(DETAIL_ROWS["team"], 3).value = None
    ws.cell(STATUS, 3).value = "closed"
    edited = save(wb, tmp_path)
    assert refused(bank, edited).splitlines() == [
        f"{edited}:daycare-application!C{STATUS}: 'closed' is not a journey status; use draft, active, retired",
        f"{edited}:daycare-application!C{DETAIL_ROWS['team']}: an empty cell does not remove the team "
        "'varhaiskasvatus-digi'; remove it in journeys/detailed/daycare-application.yaml",
        "journeyops: error: 2 problem(s); nothing was imported",
    ]
    assert journey.read_text() == after


def test_rows_of_the_same_workbook_may_link_to_the_new_journeys_steps(
    bank: Path, book: Path, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(book)
    fill(wb[BLANK], "daycare-place-change", "Päiväkodin vaihtaminen",
         {"level": "detailed", "parent": "daycare-journey"}, [{"title": "Hakee siirtoa", "phase": "apply"}])
    wb["insights"].append(["", "Siirto on hidas", "feedback", "Palaute", "1.12.2026", "Siirto kestää kuukausia.",
                           "medium", "", "daycare-place-change#hakee-siirtoa", "", ""])
    wb["insights"].append(["", "Siirto ei onnistu", "feedback", "Palaute", "1.12.2026", "Siirtoa ei voi hakea.",
                           "", "", "daycare-place-change#no-such-step", "", ""])
    edited = save(wb, tmp_path)
    assert refused(bank, edited) == (
        "insights/siirto-ei-onnistu.yaml:9:5: JO102 step reference 'daycare-place-change#no-such-step': journey "
        "'daycare-place-change' has no step 'no-such-step'\n"
        "journeyops: error: the import would make the bank invalid; nothing was written\n"
    )
    wb["insights"].delete_rows(wb["insights"].max_row)
    edited = save(wb, tmp_path)
    code, stdout, stderr = cli("import", str(edited), "--bank", str(bank))
    assert (code, stdout.splitlines()) == (0, [
        "journeys/detailed/daycare-place-change.yaml: created new journey 'daycare-place-change'",
        "insights/siirto-on-hidas.yaml: created new insight 'siirto-on-hidas'",
    ]), stderr
    assert not validate(bank).failed


def test_a_new_journeys_parent_made_in_the_same_workbook_needs_a_second_import(
    bank: Path, book: Path, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(book)
    fill(wb[BLANK], "muutto", "Muutto Helsinkiin", {"level": "mid", "theme": "asuminen",
                                                    "parent": "service-journey"},
         [{"title": "Etsii asunnon", "phase": "findability"}])
    child = wb.copy_worksheet(wb[BLANK])
    fill(child, "muuttoilmoitus", "Muuttoilmoitus", {"level": "detailed", "parent": "muutto"},
         [{"title": "Ilmoittaa muutosta", "phase": "Etsii asunnon"}])
    edited = save(wb, tmp_path)
    assert refused(bank, edited).splitlines() == [
        f"{edited}:{child.title}!C{PARENT}: no journey 'muutto' in the bank "
        "(the sheet 'Uusi polku' makes it: import once, then again for this journey)",
        "journeyops: error: 1 problem(s); nothing was imported",
    ]


def test_a_target_journey_from_the_blank_sheet(bank: Path, book: Path, tmp_path: Path) -> None:
    """The rows state and improves make a to-be journey; a sheet of an older export,
    without them, still makes a journey (an as-is one)."""
    wb = openpyxl.load_workbook(book)
    fill(wb[BLANK], "daycare-application-2028", "Hakemus 2028",
         {"level": "detailed", "parent": "daycare-journey", "state": "target", "improves": "daycare-application"},
         [{"phase": "apply", "step": "fill-in-application", "title": "Täyttää hakemuksen"}])
    code, _, stderr = cli("import", str(save(wb, tmp_path)), "--bank", str(bank))
    assert code == 0, stderr
    text = (bank / "journeys" / "detailed" / "daycare-application-2028.yaml").read_text()
    assert "state: target\nimproves: daycare-application\n" in text
    assert not validate(bank).failed
    # an older export's blank sheet: no state or improves rows
    wb = openpyxl.load_workbook(book)
    ws = wb[BLANK]
    ws.delete_rows(DETAIL_ROWS["state"], 2)
    fill(ws, "daycare-place-change", "Päiväkodin vaihtaminen", {"level": "detailed", "parent": "daycare-journey"},
         [{"phase": "apply", "title": "Hakee siirtoa"}])
    code, _, stderr = cli("import", str(save(wb, tmp_path)), "--bank", str(bank))
    assert code == 0, stderr
    made = (bank / "journeys" / "detailed" / "daycare-place-change.yaml").read_text()
    assert "state:" not in made and "improves:" not in made


def test_a_target_journeys_sheet_says_so_and_its_state_is_edited_there(bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "target.xlsx"
    assert cli("export", "daycare-application-2027", "daycare-application", "--bank", str(bank),
               "--out", str(out))[0] == 0
    wb = openpyxl.load_workbook(out)
    target, current = wb["daycare-application-2027"], wb["daycare-application"]
    assert [target.cell(DETAIL_ROWS[key], c).value for key in ("state", "improves") for c in (1, 2, 3)] == [
        "state", "Nykytila vai tavoitetila", "target", "improves", "Parantaa nykytilan polkua", "daycare-application"]
    assert current.cell(DETAIL_ROWS["state"], 3).value == "current"
    assert current.cell(DETAIL_ROWS["improves"], 3).value is None
    # an empty improves cell does not remove the field: it is said where
    target.cell(DETAIL_ROWS["improves"], 3).value = None
    target.cell(DETAIL_ROWS["state"], 3).value = "maybe"
    before = fingerprint(bank)
    code, _, stderr = cli("import", str(save(wb, tmp_path)), "--bank", str(bank))
    assert code == 1
    assert (f"daycare-application-2027!C{DETAIL_ROWS['improves']}: an empty cell does not remove the improves "
            "'daycare-application'; remove it in journeys/detailed/daycare-application-2027.yaml") in stderr
    assert f"daycare-application-2027!C{DETAIL_ROWS['state']}: 'maybe'" in stderr
    assert fingerprint(bank) == before
