"""`import insights` (feedback exports), `import observations` and `observe`, on a copy of
the example bank and its shipped feedback CSV and `palaute` profile."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from tests.sheets.helpers import cli, fingerprint

from journeyops_cli.pipeline import load_bank, validate

FEEDBACK = "imports/palaute-2026-11.csv"


def test_shipped_feedback_csv_imports_with_its_profile(bank: Path) -> None:
    csv = str(bank / FEEDBACK)
    code, stdout, stderr = cli("import", "insights", "--profile", "palaute", csv, "--bank", str(bank))
    assert code == 0, stderr
    assert stdout == "insights/palaute-2026-11.yaml: created 5 new insight(s)\n"
    assert stderr == (
        f"{csv}: read as utf-8-sig, semicolon-separated\n"
        f"{csv}: 5 new, 0 already in the bank, 1 personal data item(s) masked\n"
    )
    text = (bank / "insights" / "palaute-2026-11.yaml").read_text()
    assert text.count("\n---\n") == 4
    assert "Soittopyyntö numeroon +*** *** ****." in text and "040 123" not in text
    assert "severity: critical\n" in text
    assert not validate(bank).failed
    # Same rows, same ids: a second import adds nothing.
    before = fingerprint(bank)
    code, stdout, stderr = cli("import", "insights", "--profile", "palaute", csv, "--bank", str(bank))
    assert (code, stdout) == (0, "nothing to change\n")
    assert stderr.endswith(f"{csv}: 0 new, 5 already in the bank\n")
    assert fingerprint(bank) == before


def test_an_existing_monthly_file_gets_the_new_rows_through_the_edit_path(bank: Path) -> None:
    """The month's file exists (written by hand, with a comment and CRLF line endings):
    the new records are appended, the file is read back whole, and what was there stays
    byte for byte."""
    existing = bank / "insights" / "palaute-2026-11.yaml"
    before = ("# Marraskuun palaute, käsin kirjattu\r\nkind: Insight\r\nid: palaute-kasin\r\n"
              "title: Käsin kirjattu\r\ntype: feedback\r\nsource: Puhelin\r\ndate: 2026-11-01\r\n"
              "summary: Käsin kirjattu palaute.  # tarkistettu\r\n")
    existing.write_bytes(before.encode("utf-8"))
    csv = str(bank / FEEDBACK)
    code, stdout, stderr = cli("import", "insights", "--profile", "palaute", csv, "--bank", str(bank))
    assert (code, stdout) == (0, "insights/palaute-2026-11.yaml: changed 5 new insight(s)\n"), stderr
    text = existing.read_bytes().decode("utf-8")
    assert text.startswith(before + "---\r\nkind: Insight\r\n")
    assert text.count("\n---\r\n") == 5 and "\n" not in text.replace("\r\n", "")
    assert not validate(bank).failed


def test_finnish_excel_cp1252_and_options(bank: Path, tmp_path: Path) -> None:
    path = tmp_path / "kysely.csv"
    path.write_bytes(
        "Pvm;Vastaus;Ryhmä\r\n1.12.2026;Lomake on liian pitkä;seniors\r\n2.1.2027;Hyvä palvelu, kiitos;residents\r\n"
        .encode("cp1252")
    )
    code, stdout, stderr = cli(
        "import", "insights", str(path), "--map", "date=Pvm", "--map", "summary=Vastaus",
        "--map", "customer_group=Ryhmä", "--type", "survey", "--source", "Asiakaskysely 2026",
        "--link-step", "daycare-application#fill-in-application", "--group", "source", "--bank", str(bank),
    )
    assert code == 0, stderr
    assert stdout == "insights/kysely-asiakaskysely-2026.yaml: created 2 new insight(s)\n"
    assert stderr.startswith(f"{path}: not UTF-8: read as cp1252 (Windows), semicolon-separated\n")
    insights = {i.summary: i for i in load_bank(bank).bank.insights() if i.id.startswith("kysely-")}
    first = insights["Lomake on liian pitkä"]
    assert (first.type, first.source, first.date.isoformat()) == ("survey", "Asiakaskysely 2026", "2026-12-01")
    assert first.steps == ["daycare-application#fill-in-application"]
    assert first.customer_groups == ["seniors"]
    assert insights["Hyvä palvelu, kiitos"].title == "Hyvä palvelu, kiitos"


@pytest.mark.parametrize("kind", ["insights", "observations"])
def test_a_delimiter_that_is_not_one_character_is_refused_by_name(bank: Path, kind: str) -> None:
    """A `--delimiter` of two characters, a quote or a line break: a clear refusal naming
    the file and the delimiter, exit 1, nothing written (it was a traceback)."""
    before = fingerprint(bank)
    profile = ["--profile", "palaute"] if kind == "insights" else []
    for delimiter in (";;", '"', "\n"):
        code, stdout, stderr = cli("import", kind, str(bank / FEEDBACK), *profile, "--delimiter", delimiter,
                                   "--bank", str(bank))
        assert code == 1 and stdout == "" and "Traceback" not in stderr
        assert stderr == (f"{bank / FEEDBACK}: cannot be read with the delimiter {delimiter!r}: a delimiter is one "
                          "character, not a quote or a line break (e.g. ';' or ',')\n"
                          "journeyops: error: 1 problem(s); nothing was imported\n")
    assert fingerprint(bank) == before


def test_problems_are_reported_by_row_and_nothing_is_written(bank: Path, tmp_path: Path) -> None:
    path = tmp_path / "palaute.csv"
    path.write_text(
        "date,text,step\n"
        "03/04/2026,Ambiguous date,\n"
        "2026-04-05,Write to matti.meikalainen@example.com,\n"
        "2026-04-06,Unknown step,daycare-application#nowhere\n"
        "2026-04-07,,\n",
        encoding="utf-8",
    )
    before = fingerprint(bank)
    code, stdout, stderr = cli(
        "import", "insights", str(path), "--map", "date=date", "--map", "summary=text", "--map", "step=step",
        "--bank", str(bank),
    )
    assert (code, stdout) == (1, "")
    assert stderr.splitlines()[1:] == [
        f"{path}:2: column 'date': '03/04/2026' is ambiguous (day/month or month/day?); "
        "write it as 15.11.2026 or 2026-11-15",
        f"{path}:3: personal data (e-mail address) in the summary; anonymise the row, or import with --privacy mask",
        f"{path}:4: column 'step': no step 'daycare-application#nowhere' in the bank",
        f"{path}:5: column 'text': empty",
        "journeyops: error: 4 problem(s); nothing was imported",
    ]
    assert fingerprint(bank) == before


def test_mapping_errors(bank: Path, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    code, _, stderr = cli("import", "insights", str(path), "--map", "summary=Palaute", "--bank", str(bank))
    assert code == 1
    assert stderr.splitlines()[1:] == [
        f"{path}:1: no column 'Palaute' (for summary); the columns are a, b",
        f"{path}: say which column holds the date (--map date=COLUMN)",
        "journeyops: error: 2 problem(s); nothing was imported",
    ]
    code, _, stderr = cli("import", "insights", str(path), "--profile", "nope", "--bank", str(bank))
    assert (code, stderr) == (
        2, "journeyops: error: --profile nope: no such profile under import: in journeyops.yaml (profiles: palaute)\n"
    )


def test_xlsx_feedback(bank: Path, tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "survey.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["When", "What"])
    ws.append([dt.datetime(2026, 11, 15, 9, 30), "The map page was hard to find"])
    wb.save(path)
    code, stdout, stderr = cli("import", "insights", str(path), "--map", "date=When", "--map", "summary=What",
                               "--bank", str(bank))
    assert (code, stdout) == (0, "insights/survey-2026-11.yaml: created 1 new insight(s)\n"), stderr


def test_import_observations_and_query(bank: Path, tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_text("metric;date;value;note\ndaycare-decision-time;31.12.2026;33,5;Q4\n")
    metric = bank / "metrics" / "daycare-decision-time.yaml"
    code, stdout, _ = cli("import", "observations", str(path), "--bank", str(bank))
    assert (code, stdout) == (0, "metrics/daycare-decision-time.yaml: changed metric 'daycare-decision-time': "
                                 "1 observation(s)\n")
    assert "  - {date: 2026-12-31, value: 33.5, note: Q4}\n" in metric.read_text()
    assert cli("import", "observations", str(path), "--bank", str(bank))[:2] == (0, "nothing to change\n")
    path.write_text("metric;date;value\ndaycare-decision-time;31.12.2026;30\n")
    code, _, stderr = cli("import", "observations", str(path), "--bank", str(bank))
    assert (code, stderr) == (1, "metric 'daycare-decision-time' already has 33.5 on 2026-12-31; give --update "
                                 "to change it\njourneyops: error: 1 problem(s); nothing was imported\n")
    assert cli("import", "observations", str(path), "--update", "--bank", str(bank))[0] == 0
    assert "  - {date: 2026-12-31, value: 30, note: Q4}\n" in metric.read_text()

    pytest.importorskip("duckdb")
    events = tmp_path / "events.csv"
    events.write_text("day,started,completed\n2027-01-03,10,7\n2027-01-20,10,9\n2027-02-02,5,5\n")
    sql = ("SELECT 'daycare-application-completion' AS metric, last_day(date_trunc('month', day)) AS date, "
           "round(100.0 * sum(completed) / sum(started), 1) AS value FROM events GROUP BY 2 ORDER BY 2")
    code, stdout, stderr = cli("import", "observations", str(events), "--query", sql, "--bank", str(bank))
    assert code == 0, stderr
    text = (bank / "metrics" / "daycare-application-completion.yaml").read_text()
    assert "{date: 2027-01-31, value: 80}" in text and "{date: 2027-02-28, value: 100}" in text


def test_observe(bank: Path) -> None:
    args = ("observe", "daycare-decision-time", "--bank", str(bank))
    assert cli(*args, "--date", "31.12.2026", "--value", "26,5")[:2] == (
        0, "metrics/daycare-decision-time.yaml: changed metric 'daycare-decision-time': 26.5 on 2026-12-31\n"
    )
    assert cli(*args, "--date", "2026-12-31", "--value", "26.5")[:2] == (0, "nothing to change\n")
    assert cli(*args, "--date", "2026-12-31", "--value", "1,234")[::2] == (
        2, "journeyops: error: --value 1,234: '1,234' is ambiguous (a thousands separator or a decimal comma?); "
           "write 1234 or 1.234\n"
    )
    assert cli("observe", "nope", "--date", "2026-12-31", "--value", "1", "--bank", str(bank))[::2] == (
        1, "journeyops: error: no metric 'nope' in the bank\n"
    )


def test_options_of_another_kind_of_import_are_refused(bank: Path, tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_text("metric,date,value\n")
    assert cli("import", "observations", str(path), "--map", "a=b", "--bank", str(bank))[::2] == (
        2, "journeyops: error: --map is not an option of `import observations`\n"
    )
    assert cli("import", str(path), "--update", "--bank", str(bank))[::2] == (
        2, "journeyops: error: --update is not an option of `import FILE.xlsx`\n"
    )
