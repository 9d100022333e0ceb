"""`export` and `import FILE.xlsx` on the example bank: a round trip changes nothing, edited
cells change exactly those values, comments are kept, the bank stays valid."""

from __future__ import annotations

import difflib
import errno
import os
from pathlib import Path

import openpyxl
import pytest
from tests.sheets.helpers import cli, fingerprint, imports_again_unchanged

from journeyops_cli.pipeline import load_bank, validate
from journeyops_cli.score.rank import Request, rank
from journeyops_cli.sheets.layout import LANE_ROWS


@pytest.fixture
def book(bank: Path, tmp_path: Path) -> Path:
    out = tmp_path / "bank.xlsx"
    code, stdout, _ = cli("export", "--all", "--bank", str(bank), "--out", str(out))
    assert code == 0
    assert stdout == f"wrote {out}: 13 journey sheet(s), 3 table(s) and a blank sheet for a new journey\n"
    return out


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_unchanged_workbook_changes_no_file(bank: Path, book: Path) -> None:
    before = fingerprint(bank)
    code, stdout, _ = cli("import", str(book), "--bank", str(bank))
    assert (code, stdout) == (0, "nothing to change\n")
    assert fingerprint(bank) == before


def test_workbook_layout(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    assert wb["lists"].sheet_state == "hidden"
    assert wb["lists"]["B2"].value == "fi"
    ws = wb["daycare-application"]
    assert ws.freeze_panes == "C5"
    assert [ws.cell(LANE_ROWS["step"], c).value for c in (1, 3, 4)] == ["step", "sign-in", "fill-in-application"]
    assert ws.cell(LANE_ROWS["title"], 3).value == "Tunnistautuminen"
    assert ws.cell(LANE_ROWS["title"], 3).alignment.wrap_text
    assert ws.column_dimensions["C"].width == 32
    emotion = [v for v in ws.data_validations.dataValidation if v.formula1 == "lists!$H$2:$H$6"]
    assert [str(v.sqref) for v in emotion] == [f"C{LANE_ROWS['emotion']}:I{LANE_ROWS['emotion']}"]
    insights = wb["insights"]
    assert [c.value for c in insights[1]][:4] == ["id", "title", "type", "source"]
    lists = {v.formula1 for v in insights.data_validations.dataValidation}
    assert lists == {"lists!$D$2:$D$9", "lists!$E$2:$E$5", "lists!$F$2:$F$4"}
    assert wb["backlog"].data_validations.dataValidation[0].formula1 == "lists!$G$2:$G$7"


def test_edited_cells_change_exactly_those_values(bank: Path, book: Path, tmp_path: Path) -> None:
    journey = bank / "journeys" / "detailed" / "daycare-application.yaml"
    metric = bank / "metrics" / "daycare-decision-time.yaml"
    journey_before, metric_before = journey.read_text(), metric.read_text()
    wb = openpyxl.load_workbook(book)
    ws = wb["daycare-application"]
    ws.cell(LANE_ROWS["title"], 3).value = "Tunnistautuminen Suomi.fi:ssä"
    ws.cell(LANE_ROWS["emotion"], 4).value = -2
    insights = wb["insights"]
    insights.append(["", "Lomake katkeaa", "feedback", "Palaute", "15.11.2026", "Lomake katkesi kesken.",
                     "high", "low", "daycare-application#fill-in-application", "", ""])
    wb["metrics"].append(["daycare-decision-time", "", "", "", "", "31.12.2026", "33,5", ""])
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)

    code, stdout, _ = cli("import", str(edited), "--bank", str(bank))
    assert code == 0
    assert stdout.splitlines() == [
        "journeys/detailed/daycare-application.yaml: changed journey 'daycare-application': 2 change(s)",
        "insights/lomake-katkeaa.yaml: created new insight 'lomake-katkeaa'",
        "metrics/daycare-decision-time.yaml: changed metric 'daycare-decision-time': 1 change(s)",
    ]
    assert changed_lines(journey_before, journey.read_text()) == [
        "-    title: {fi: Tunnistautuminen, en: Signing in}",
        '+    title: {fi: "Tunnistautuminen Suomi.fi:ssä", en: Signing in}',
        "-    emotion: -1",
        "+    emotion: -2",
    ]
    assert changed_lines(metric_before, metric.read_text()) == ["+  - {date: 2026-12-31, value: 33.5}"]
    assert journey.read_text().startswith("# yaml-language-server: $schema=../../../../schemas/journey.schema.json\n")
    assert (bank / "insights" / "lomake-katkeaa.yaml").read_text() == (
        "kind: Insight\nid: lomake-katkeaa\ntitle: Lomake katkeaa\ntype: feedback\nsource: Palaute\n"
        "date: 2026-11-15\nsummary: Lomake katkesi kesken.\nseverity: high\nconfidence: low\n"
        "steps:\n  - daycare-application#fill-in-application\n"
    )
    assert not validate(bank).failed
    imports_again_unchanged(bank, edited)


def test_dry_run_writes_nothing(bank: Path, book: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(book)
    wb["backlog"]["E2"].value = "done"
    opportunity = wb["backlog"]["B2"].value
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    before = fingerprint(bank)
    code, stdout, _ = cli("import", str(edited), "--dry-run", "--bank", str(bank))
    assert code == 0
    assert stdout == f"opportunities/{opportunity}.yaml: would change opportunity '{opportunity}': 1 change(s)\n"
    assert fingerprint(bank) == before


def test_a_change_that_breaks_the_bank_is_refused(bank: Path, book: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb["insights"]
    ws["I2"].value = f"{ws['I2'].value}\ndaycare-application#no-such-step"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    before = fingerprint(bank)
    code, _, stderr = cli("import", str(edited), "--bank", str(bank))
    assert code == 1
    assert stderr == (
        "insights/daycare-usability-test-2026.yaml:19:5: JO102 step reference "
        "'daycare-application#no-such-step': journey 'daycare-application' has no step 'no-such-step'\n"
        "journeyops: error: the import would make the bank invalid; nothing was written\n"
    )
    assert fingerprint(bank) == before


def test_lang_en_edits_the_english_text(bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "en.xlsx"
    assert cli("export", "daycare-application", "--lang", "en", "--bank", str(bank), "--out", str(out))[0] == 0
    wb = openpyxl.load_workbook(out)
    assert wb["daycare-application"].cell(LANE_ROWS["title"], 3).value == "Signing in"
    wb["daycare-application"].cell(LANE_ROWS["title"], 3).value = "Signing in with Suomi.fi"
    wb.save(out)
    journey = bank / "journeys" / "detailed" / "daycare-application.yaml"
    before = journey.read_text()
    assert cli("import", str(out), "--bank", str(bank))[0] == 0
    assert changed_lines(before, journey.read_text()) == [
        "-    title: {fi: Tunnistautuminen, en: Signing in}",
        "+    title: {fi: Tunnistautuminen, en: Signing in with Suomi.fi}",
    ]


def test_csv_format_writes_one_file_per_sheet(bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.xlsx"
    code, _stdout, _ = cli("export", "daycare-application", "--format", "csv", "--bank", str(bank), "--out", str(out))
    assert code == 0
    names = sorted(p.name for p in tmp_path.glob("model-*.csv"))
    assert names == ["model-backlog.csv", "model-daycare-application.csv", "model-insights.csv", "model-metrics.csv"]
    first = (tmp_path / "model-daycare-application.csv").read_bytes().split(b"\r\n")[0]
    assert first == b"journey,Palvelupolku,daycare-application,Varhaiskasvatushakemus asiointipalvelussa"


def test_csv_files_are_written_all_or_none(bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure on the third table's file leaves the earlier export's files as they were."""
    out = tmp_path / "model.xlsx"
    args = ("export", "daycare-application", "--format", "csv", "--bank", str(bank), "--out", str(out))
    assert cli(*args)[0] == 0
    for path in tmp_path.glob("model-*.csv"):
        path.write_bytes(b"the export before\r\n")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    real_replace = os.replace

    def failing(source: str, target: str) -> None:
        if Path(target).name == "model-insights.csv":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing)
    code, stdout, stderr = cli(*args)
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"journeyops: error: {tmp_path}/model-insights.csv: cannot write: the disk is full; nothing was written\n"
    )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_new_step_columns_are_inserted_where_they_stand(bank: Path, book: Path, tmp_path: Path) -> None:
    journey = bank / "journeys" / "detailed" / "daycare-application.yaml"
    before = journey.read_text()
    wb = openpyxl.load_workbook(book)
    ws = wb["daycare-application"]
    ws.insert_cols(5)  # before attach-documents
    ws.cell(LANE_ROWS["phase"], 5).value = "Hakemuksen tekeminen"  # the parent step by its title
    ws.cell(LANE_ROWS["title"], 5).value = "Tarkistaa hakemuksen"
    ws.cell(LANE_ROWS["customer_actions"], 5).value = "Lukee yhteenvedon\nKorjaa virheet"
    ws.cell(LANE_ROWS["channels"], 5).value = "e-service"
    ws.cell(LANE_ROWS["emotion"], 5).value = 1
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    code, stdout, stderr = cli("import", str(edited), "--bank", str(bank))
    assert (code, stdout) == (0, "journeys/detailed/daycare-application.yaml: changed journey "
                                 "'daycare-application': 1 change(s)\n"), stderr
    assert changed_lines(before, journey.read_text()) == [
        "+  - id: tarkistaa-hakemuksen",
        "+    title: Tarkistaa hakemuksen",
        "+    parent_step: apply",
        "+    channels: [e-service]",
        "+    customer_actions: [Lukee yhteenvedon, Korjaa virheet]",
        "+    emotion: 1",
    ]
    after = journey.read_text()
    assert after.index("id: tarkistaa-hakemuksen") < after.index("id: attach-documents")
    assert not validate(bank).failed
    assert cli("import", str(edited), "--bank", str(bank))[:2] == (0, "nothing to change\n")
    assert journey.read_text() == after


def test_new_step_without_its_parent_step_is_refused_with_the_reason(bank: Path, book: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(book)
    ws = wb["daycare-application"]
    ws.cell(LANE_ROWS["title"], ws.max_column + 1).value = "Palaute palvelusta"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    before = fingerprint(bank)
    code, _, stderr = cli("import", str(edited), "--bank", str(bank))
    assert (code, stderr) == (1, (
        "journeys/detailed/daycare-application.yaml:96:5: JO202 step 'palaute-palvelusta' names no step of "
        "parent journey 'daycare-journey'\n"
        "journeyops: error: the import would make the bank invalid; nothing was written\n"
    ))
    assert fingerprint(bank) == before


def test_removed_lines_remove_list_items(bank: Path, book: Path, tmp_path: Path) -> None:
    journey = bank / "journeys" / "detailed" / "daycare-application.yaml"
    before = journey.read_text()
    wb = openpyxl.load_workbook(book)
    ws = wb["daycare-application"]
    pains = LANE_ROWS["pain_points"]
    ws.cell(pains, 5).value = ws.cell(pains, 5).value.split("\n")[1]  # attach-documents: the first goes
    ws.cell(pains, 3).value = None  # sign-in: its only pain point goes
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    assert cli("import", str(edited), "--bank", str(bank))[0] == 0
    assert changed_lines(before, journey.read_text()) == [
        "-    pain_points:",
        "-      - {fi: Ilman suomalaisia pankkitunnuksia hakemusta ei voi tehdä verkossa., en: Without Finnish "
        "bank credentials the application cannot be made online.}",
        "+    pain_points: []",
        "-      - {fi: Liitteen vaatimus selviää vasta lomakkeen lopussa., en: The attachment requirement only "
        "shows at the end of the form.}",
    ]
    assert not validate(bank).failed


def test_new_backlog_and_metric_rows_make_records(bank: Path, book: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(book)
    assert [c.value for c in wb["backlog"][1]] == ["rank", "id", "title", "problem", "status", "score", "driver",
                                                   "steps"]
    wb["backlog"].append([None, None, "Hakemuksen tallennus kesken", "Lomake ei tallennu kesken.", "proposed",
                          None, None, "daycare-application#fill-in-application"])
    wb["metrics"].append(["daycare-form-saves", "Keskeneräiset tallennukset", "%", "increase", "50",
                          "30.11.2026", "12,5", ""])
    # Without an id the metric's id is made from its title; a second row of the same title
    # is its next observation.
    wb["metrics"].append([None, "Keskeytetyt hakemukset", "%", "decrease", None, "31.10.2026", "9", ""])
    wb["metrics"].append([None, "Keskeytetyt hakemukset", None, None, None, "30.11.2026", "7,5", "syksy"])
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    code, stdout, stderr = cli("import", str(edited), "--bank", str(bank))
    assert code == 0, stderr
    assert stdout.splitlines() == [
        "metrics/daycare-form-saves.yaml: created new metric 'daycare-form-saves'",
        "metrics/keskeytetyt-hakemukset.yaml: created new metric 'keskeytetyt-hakemukset'",
        "opportunities/hakemuksen-tallennus-kesken.yaml: created new opportunity 'hakemuksen-tallennus-kesken'",
    ]
    assert (bank / "metrics" / "daycare-form-saves.yaml").read_text() == (
        "kind: Metric\nid: daycare-form-saves\ntitle: Keskeneräiset tallennukset\nunit: \"%\"\n"
        "direction: increase\ntarget: 50\nobservations:\n  - {date: 2026-11-30, value: 12.5}\n"
    )
    assert (bank / "metrics" / "keskeytetyt-hakemukset.yaml").read_text() == (
        "kind: Metric\nid: keskeytetyt-hakemukset\ntitle: Keskeytetyt hakemukset\nunit: \"%\"\n"
        "direction: decrease\nobservations:\n  - {date: 2026-10-31, value: 9}\n"
        "  - {date: 2026-11-30, value: 7.5, note: syksy}\n"
    )
    assert (bank / "opportunities" / "hakemuksen-tallennus-kesken.yaml").read_text() == (
        "kind: Opportunity\nid: hakemuksen-tallennus-kesken\ntitle: Hakemuksen tallennus kesken\n"
        "problem: Lomake ei tallennu kesken.\nstatus: proposed\nsteps:\n  - daycare-application#fill-in-application\n"
    )
    assert not validate(bank).failed
    assert cli("import", str(edited), "--bank", str(bank))[:2] == (0, "nothing to change\n")


def test_export_by_theme_and_its_backlog_with_score_and_driver(bank: Path, tmp_path: Path) -> None:
    out = tmp_path / "theme.xlsx"
    code, stdout, _ = cli("export", "--theme", "varhaiskasvatus", "--bank", str(bank), "--out", str(out))
    assert (code, stdout) == (0, f"wrote {out}: 4 journey sheet(s), 3 table(s) and a blank sheet for a new journey\n")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["daycare-application-2027", "daycare-application", "daycare-fees", "daycare-journey",
                             "Uusi polku", "insights", "metrics", "backlog", "lists"]
    backlog = list(wb["backlog"].iter_rows(min_row=2, values_only=True))
    chosen = ("daycare-application#", "daycare-fees#", "daycare-journey#")
    assert backlog and all(any(ref.startswith(chosen) for ref in str(row[7]).split("\n")) for row in backlog)
    loaded = load_bank(bank, cache=False).bank
    ranked = rank(loaded, Request(statuses=tuple(sorted({o.status for o in loaded.opportunities()}))))
    expected = {row.opportunity.id: (row.rank, round(row.score.total, 2), row.score.driver) for row in ranked.everyone}
    assert [(row[1], (row[0], row[5], row[6])) for row in backlog] == [
        (row[1], expected[str(row[1])]) for row in sorted(backlog, key=lambda r: int(str(r[0])))
    ]
    assert {row[6] for row in backlog} >= {"pain"}


def test_export_usage_errors(bank: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "x.xlsx")
    assert cli("export", "--theme", "nope", "--bank", str(bank), "--out", out)[::2] == (
        1, "journeyops: error: no journey of theme 'nope' in the bank\n")
    assert cli("export", "--all", "daycare-application", "--bank", str(bank), "--out", out)[::2] == (
        2, "journeyops: error: name the journeys to export, or give --theme ID or --all (one of them)\n")
    assert cli("export", "no-such-journey", "--bank", str(bank), "--out", out)[::2] == (
        1, "journeyops: error: no journey 'no-such-journey' in the bank\n")
    assert cli("export", "--all", "--format", "ods", "--bank", str(bank), "--out", out)[::2] == (
        2, "journeyops: error: --format ods: use xlsx or csv\n")
    assert not Path(out).exists()
