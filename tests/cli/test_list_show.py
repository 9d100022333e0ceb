"""`journeyops list` and `journeyops show` on the example bank: rows, filters, refusals
with the nearest value, JSON, and the reader's language."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.cli.conftest import EXAMPLE
from tests.runner import run_cli

EN = {"JOURNEYOPS_LANG": "en"}


def test_list_journeys_as_text_is_one_tab_separated_line_a_journey(bank: Path) -> None:
    result = run_cli("list", "journeys", "--level", "mid", "--theme", "varhaiskasvatus", cwd=bank, env=EN)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "daycare-journey\tGetting a child into early childhood education\tmid\tvarhaiskasvatus\t"
        "varhaiskasvatus-digi\tactive\t6\n"
    )


def test_titles_are_in_the_chosen_language(bank: Path) -> None:
    fi = run_cli("list", "journeys", "--level", "top", "--lang", "fi", cwd=bank, env=EN)
    assert fi.stdout.split("\t")[:2] == ["service-journey", "Kaupungin palvelupolku"]
    assert run_cli("list", "journeys", "--lang", "sv", cwd=bank, env=EN).stderr == (
        "journeyops: error: --lang sv: the bank's languages are fi, en\n"
    )


def test_insight_filters(bank: Path) -> None:
    result = run_cli("list", "insights", "--step", "daycare-application#attach-documents", "--severity", "high",
                     "--since", "2026-03-01", "-f", "json", cwd=bank, env=EN)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == ["an-daycare-form-drop-off", "ut-attachment-requirement-late"]
    assert rows[0]["steps"] == ["daycare-application#attach-documents", "daycare-application#fill-in-application"]
    assert set(rows[0]) == {"id", "title", "type", "severity", "date", "steps"}


def test_opportunities_by_journey_and_status(bank: Path) -> None:
    result = run_cli("list", "opportunities", "--journey", "daycare-journey", "--status", "planned",
                     "-f", "json", cwd=bank, env=EN)
    assert [row["id"] for row in json.loads(result.stdout)] == ["decision-date-estimate", "hours-of-care-wording"]


def test_metrics_show_target_and_latest(bank: Path) -> None:
    rows = json.loads(run_cli("list", "metric", "--step", "daycare-journey#wait-for-decision", "-f", "json",
                              cwd=bank, env=EN).stdout)
    assert rows == [{"id": "daycare-decision-time", "title": "Time to a daycare decision", "unit": "days", "target": 30,
                     "latest": 34, "steps": ["daycare-journey#wait-for-decision",
                                             "daycare-application#follow-application-status"]}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("journeyz",), "unknown kind 'journeyz': use one of journeys, insights, metrics, opportunities, themes, "
                        "customer-groups, life-events, teams; did you mean 'journeys'?"),
        (("insights", "--severity", "hgh"), "--severity hgh: use one of low, medium, high, critical; "
                                            "did you mean 'high'?"),
        (("journeys", "--theme", "varhaiskasvatu"), "--theme varhaiskasvatu: no such id in the bank; "
                                                    "did you mean 'varhaiskasvatus'?"),
        (("insights", "--step", "daycare-application#sign"), "--step daycare-application#sign: no such step in "
                                                            "the bank (write it as journey-id#step-id); did you mean "
                                                            "'daycare-application#sign-in'?"),
        (("metrics", "--step", "apply"), "--step apply: no such step in the bank (write it as journey-id#step-id)"),
        (("opportunities", "--level", "top"), "--level does not apply to opportunities; it applies to journeys"),
        (("insights", "--since", "1.3.2026"), "--since 1.3.2026: write the date as YYYY-MM-DD"),
        (("teams", "--format", "xml"), "--format xml: use one of table, text, json"),
    ],
)
def test_a_wrong_kind_or_filter_is_refused_with_exit_2(bank: Path, args: tuple[str, ...], message: str) -> None:
    result = run_cli("list", *args, cwd=bank, env=EN)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"journeyops: error: {message}\n")


def test_state_filters_journeys_where_they_have_a_state(bank: Path) -> None:
    from journeyops_cli.models import Journey

    result = run_cli("list", "journeys", "--state", "targt", cwd=bank, env=EN)
    if "state" in Journey.model_fields:  # as-is and to-be journeys
        assert (result.returncode, result.stderr) == (
            2, "journeyops: error: --state targt: use one of current, target; did you mean 'target'?\n")
        assert run_cli("list", "journeys", "--state", "current", cwd=bank, env=EN).returncode == 0
    else:
        assert (result.returncode, result.stderr) == (
            2, "journeyops: error: --state applies to no kind in this version\n")


def test_messages_and_headings_in_finnish(bank: Path) -> None:
    result = run_cli("list", "insights", "--severity", "hgh", cwd=bank, env={"JOURNEYOPS_LANG": "fi"})
    assert result.stderr == (
        "journeyops: error: --severity hgh: käytä jotakin näistä: low, medium, high, critical; tarkoititko 'high'?\n"
    )
    table = run_cli("list", "themes", "-f", "table", cwd=bank, env={"JOURNEYOPS_LANG": "fi"}).stdout
    assert table.splitlines()[0].split() == ["Tunniste", "┃", "Otsikko", "┃", "Omistaja", "┃", "Tiimi"]
    empty = run_cli("list", "insights", "--since", "2030-01-01", "-f", "table", cwd=bank,
                    env={"JOURNEYOPS_LANG": "fi"})
    assert empty.stdout.splitlines()[-1] == "Ei yhtään."


def test_a_table_shows_a_list_one_item_a_line() -> None:
    from journeyops_cli.cli.rows import table

    lines = table(["Id", "Steps"], [["fb-late", ["daycare#apply", "daycare#wait"]]]).splitlines()
    assert [line.split() for line in lines[2:]] == [["fb-late", "│", "daycare#apply"], ["│", "daycare#wait"]]


def test_show_a_step_links_both_ways(bank: Path) -> None:
    result = run_cli("show", "daycare-application#attach-documents", "-f", "json", cwd=bank, env=EN)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert (shown["kind"], shown["path"]) == ("Step", "journeys/detailed/daycare-application.yaml")
    assert shown["links_to"] == [{"field": "parent_step", "kind": "Step", "id": "daycare-journey#apply",
                                  "exists": True}]
    assert [(link["kind"], link["id"]) for link in shown["linked_from"]] == [
        ("Insight", "an-daycare-form-drop-off"), ("Insight", "fb-daycare-attachment-upload"),
        ("Insight", "ut-attachment-requirement-late"), ("Opportunity", "attachment-requirement-upfront"),
    ]


def test_show_a_record_with_its_stored_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journeyops_cli.speed import store

    monkeypatch.setattr(store, "RACY_NS", 0)  # files copied a moment ago count as settled
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    before = json.loads(run_cli("show", "service-journey", "-f", "json", cwd=bank, env=EN).stdout)
    assert before["findings"] is None  # never validated: nothing is validated to show it
    run_cli("validate", "-q", cwd=bank)
    text = run_cli("show", "daycare-journey", "-f", "text", cwd=bank, env=EN).stdout.splitlines()
    assert text[:3] == ["kind\tJourney", "id\tdaycare-journey", "file\tjourneys/mid/daycare-journey.yaml"]
    assert "links_to\ttheme\tTheme\tvarhaiskasvatus" in text
    assert "linked_from\tJourney\tdaycare-application\tparent\tjourneys/detailed/daycare-application.yaml" in text
    shown = json.loads(run_cli("show", "daycare-journey", "-f", "json", cwd=bank, env=EN).stdout)
    assert shown["findings"] == []
    table = run_cli("show", "daycare-journey", "-f", "table", cwd=bank, env=EN).stdout.splitlines()
    assert table[0] == "Journey daycare-journey – journeys/mid/daycare-journey.yaml"
    assert table[-1] == "The last validate found nothing to fix here."
    assert shown["fields"]["steps"][0]["id"] == "find-options"
    found = "metrics/housing-offer-acceptance.yaml:12:31\tJO306\tinfo\tmetric 'housing-offer-acceptance': " \
        "latest 72.5 % (2026-06-30) misses the target 75 % by 2.5"
    text = run_cli("show", "housing-offer-acceptance", "-f", "text", cwd=bank, env=EN).stdout.splitlines()
    assert f"finding\t{found}" in text
    assert "field\tobservations\tdate: 2024-12-31, value: 68.0; date: 2025-12-31, value: 71.0; date: 2026-06-30, " \
        "value: 72.5" in text
    shown = json.loads(run_cli("show", "housing-offer-acceptance", "-f", "json", cwd=bank, env=EN).stdout)
    assert [(f["code"], f["name"], f["line"]) for f in shown["findings"]] == [("JO306", "metric.off-target", 12)]


def test_show_keeps_to_the_findings_of_its_own_record_or_step(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of many records (the feedback of a year) or a journey of many steps: each
    shows the findings inside its own lines, the journey those of all its steps."""
    from journeyops_cli.speed import store

    monkeypatch.setattr(store, "RACY_NS", 0)
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    feedback = bank / "insights" / "feedback-2026.yaml"
    feedback.write_text(feedback.read_text("utf-8").replace(
        "steps:\n  - daycare-application#attach-documents\ncustomer_groups", "customer_groups"), "utf-8")
    journey = bank / "journeys" / "mid" / "daycare-journey.yaml"
    journey.write_text(journey.read_text("utf-8").replace(
        "en: Accepts or declines the place}\n    emotion: 1\n",
        "en: Accepts or declines the place}\n    emotion: 1\n    pain_points: [Vastausaika on lyhyt]\n"), "utf-8")
    assert run_cli("validate", cwd=bank, env=EN).returncode == 0

    def found(wanted: str) -> list[str]:
        shown = json.loads(run_cli("show", wanted, "-f", "json", cwd=bank, env=EN).stdout)
        return [f"{f['code']} {f['path']}:{f['line']}" for f in shown["findings"]]

    assert found("fb-daycare-attachment-upload") == ["JO301 insights/feedback-2026.yaml:24"]
    assert found("fb-daycare-decision-delay") == []  # the file's first record
    assert found("daycare-journey#accept-place") == ["JO302 journeys/mid/daycare-journey.yaml:71"]
    assert found("daycare-journey#apply") == []
    assert found("daycare-journey") == ["JO302 journeys/mid/daycare-journey.yaml:71"]


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ("daycare-jorney", "nothing in the bank has the id 'daycare-jorney'; did you mean 'daycare-journey'?"),
        ("daycare-journey#aply", "no step 'daycare-journey#aply' in the bank; did you mean 'daycare-journey#apply'?"),
    ],
)
def test_show_refuses_a_missing_id_with_the_nearest(bank: Path, wanted: str, message: str) -> None:
    result = run_cli("show", wanted, cwd=bank, env=EN)
    assert (result.returncode, result.stderr) == (2, f"journeyops: error: {message}\n")


def test_show_in_finnish_without_findings(bank: Path) -> None:
    result = run_cli("show", "varhaiskasvatus", "-f", "table", cwd=bank, env={"JOURNEYOPS_LANG": "fi"})
    lines = result.stdout.splitlines()
    assert lines[0] == "Ankkuriteema varhaiskasvatus – themes/varhaiskasvatus.yaml"
    assert "Kentät" in lines[1]
    assert lines[-1] == ("Löydöksiä ei näytetä: pankkia ei ole tarkistettu muutosten jälkeen "
                         "(journeyops validate).")


def test_files_that_failed_to_load_are_counted_in_a_warning(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    path = bank / "themes" / "asuminen.yaml"
    path.write_text(path.read_text("utf-8").replace("kind: Theme", "kind: Theme\nkind: Theme"), "utf-8")
    result = run_cli("list", "themes", cwd=bank, env=EN)
    assert result.returncode == 0
    assert result.stderr == ("journeyops: warning: files that failed to load: 1; what they hold is not shown "
                             "(journeyops validate says why)\n")
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        "sosiaali-ja-terveys", "tyo-ja-yrittaminen", "varhaiskasvatus"]


def test_an_id_of_two_kinds_needs_the_kind(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    groups = bank / "vocabulary" / "customer-groups.yaml"
    groups.write_text(groups.read_text("utf-8") + "---\nkind: CustomerGroup\nid: varhaiskasvatus\ntitle: Vaka\n",
                      "utf-8")
    result = run_cli("show", "varhaiskasvatus", cwd=bank, env=EN)
    assert (result.returncode, result.stderr) == (
        2, "journeyops: error: 'varhaiskasvatus' is the id of records of several kinds (themes, customer-groups); "
           "say which with --kind\n")
    result = run_cli("show", "varhaiskasvatus", "--kind", "journeys", cwd=bank, env=EN)
    assert (result.returncode, result.stderr) == (
        2, "journeyops: error: 'varhaiskasvatus' is not the id of any of the journeys but of themes, customer-groups\n")
    result = run_cli("rename", "varhaiskasvatus", "vaka", "--kind", "journey", cwd=bank, env={"JOURNEYOPS_LANG": "fi"})
    assert (result.returncode, result.stderr) == (
        2, "journeyops: error: 'varhaiskasvatus' ei ole tyypin journeys tunniste vaan näiden: "
           "themes, customer-groups\n")
    shown = json.loads(run_cli("show", "varhaiskasvatus", "--kind", "customer-groups", "-f", "json",
                               cwd=bank, env=EN).stdout)
    assert (shown["kind"], shown["fields"]["title"]) == ("CustomerGroup", "Vaka")
