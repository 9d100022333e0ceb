"""`journeyops rename` on a copy of the example bank: every reference follows, only the
lines that name the old id change, the bank stays clean, refusals say why (exit 2) and
change nothing, and a failed write leaves every file as it was."""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

import pytest
from tests.edit.renaming import records_of, renamed_record, renamed_step
from tests.runner import run_cli

from journeyops_cli.models import Journey
from journeyops_cli.pipeline import load_bank
from journeyops_cli.render.journey_map import build_map

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"
EN = {"JOURNEYOPS_LANG": "en"}


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(EXAMPLE, target)
    return target


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text("utf-8") for p in sorted(root.rglob("*.yaml"))
            if ".journeyops_cache" not in p.parts}


def validate_lines(root: Path) -> str:
    result = run_cli("validate", cwd=root, env={"JOURNEYOPS_NO_CACHE": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def assert_only_renamed_lines(before: str, after: str, pattern: str, replacement: str) -> int:
    """Every line that changed is the old line with the old id swapped for the new one;
    the number of lines that changed."""
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old_lines) == len(new_lines)
    changed = 0
    for old, new in zip(old_lines, new_lines, strict=True):
        if old != new:
            assert new == re.sub(pattern, replacement, old), (old, new)
            changed += 1
    return changed


def test_renaming_a_step_moves_every_reference_and_nothing_else(bank: Path) -> None:
    before, findings = snapshot(bank), validate_lines(bank)
    data = records_of(bank)
    result = run_cli("rename", "daycare-journey#apply", "hae", cwd=bank, env=EN)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "insights/daycare-usability-test-2026.yaml: steps.1: daycare-journey#apply -> daycare-journey#hae"
    )
    # (five of the 16 are daycare-application-2027's, the to-be journey's, parent steps)
    assert result.stdout.splitlines()[-1] == "daycare-journey#apply → daycare-journey#hae. References updated: 16, " \
                                             "files changed: 9."
    after = snapshot(bank)
    assert set(after) == set(before)
    changed = 0
    for path, text in before.items():
        if path == "journeys/mid/daycare-journey.yaml":
            changed += assert_only_renamed_lines(text, after[path], r"id: apply\b", "id: hae")
        elif path.startswith("journeys/detailed/daycare-"):
            changed += assert_only_renamed_lines(text, after[path], r"parent_step: apply\b", "parent_step: hae")
        else:
            changed += assert_only_renamed_lines(text, after[path], r"daycare-journey#apply\b", "daycare-journey#hae")
    assert changed == 17  # the step's own id and the 16 references, each on its own line
    assert records_of(bank) == renamed_step(data, "daycare-journey#apply", "hae")
    assert validate_lines(bank) == findings


def test_a_target_journeys_step_of_the_same_id_follows(bank: Path) -> None:
    """As-is and to-be steps are matched by id: renaming a step of daycare-application
    renames the same step of daycare-application-2027 (and the references to it), so the
    two emotion curves still line up."""
    before = snapshot(bank)
    result = run_cli("rename", "daycare-application#attach-documents", "add-attachments", cwd=bank, env=EN)
    assert result.returncode == 0, result.stderr
    assert "journeys/detailed/daycare-application-2027.yaml: steps.3.id: attach-documents -> add-attachments" \
        in result.stdout.splitlines()
    after = snapshot(bank)
    for path in ("journeys/detailed/daycare-application.yaml", "journeys/detailed/daycare-application-2027.yaml"):
        changed = assert_only_renamed_lines(before[path], after[path], r"id: attach-documents$", "id: add-attachments")
        assert changed == 1, path
    validate_lines(bank)
    loaded = load_bank(bank).bank
    target = loaded.get(Journey, "daycare-application-2027")
    assert target is not None
    comparison = build_map(loaded, target, "en").comparison
    assert comparison is not None
    assert ([r.id for r in comparison.added], comparison.removed) == (["check-requirements"], [])


def test_renaming_a_journey_renames_its_file_and_every_step_reference(bank: Path) -> None:
    before, findings = snapshot(bank), validate_lines(bank)
    data = records_of(bank)
    result = run_cli("rename", "daycare-journey", "varhaiskasvatuspolku", cwd=bank, env=EN)
    assert result.returncode == 0, result.stderr
    assert "journeys/mid/daycare-journey.yaml renamed to journeys/mid/varhaiskasvatuspolku.yaml" in result.stdout
    after = snapshot(bank)
    assert set(after) == (set(before) - {"journeys/mid/daycare-journey.yaml"}) | {
        "journeys/mid/varhaiskasvatuspolku.yaml"}
    after["journeys/mid/daycare-journey.yaml"] = after.pop("journeys/mid/varhaiskasvatuspolku.yaml")
    for path, text in before.items():
        assert_only_renamed_lines(text, after[path], r"\bdaycare-journey\b(?!\.yaml)", "varhaiskasvatuspolku")
    assert records_of(bank) == renamed_record(data, "Journey", "daycare-journey", "varhaiskasvatuspolku")
    assert validate_lines(bank).replace("varhaiskasvatuspolku", "daycare-journey") == findings


@pytest.mark.parametrize(
    ("kind", "old", "new"),
    [("Team", "varhaiskasvatus-digi", "vaka-digi"), ("Metric", "daycare-decision-time", "vaka-paatosaika"),
     ("Insight", "ut-attachment-requirement-late", "liitteet-myohassa"), ("Theme", "asuminen", "asuminen-2"),
     ("CustomerGroup", "families-with-children", "lapsiperheet")],
)
def test_renaming_records_of_every_kind(bank: Path, kind: str, old: str, new: str) -> None:
    data = records_of(bank)
    result = run_cli("rename", old, new, cwd=bank, env=EN)
    assert result.returncode == 0, result.stderr
    assert records_of(bank) == renamed_record(data, kind, old, new)
    validate_lines(bank)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("daycare-journey#apply", "find-options"),
         "journey 'daycare-journey' already has a step 'find-options'; choose another id"),
        (("daycare-journey", "housing-journey"), "the id 'housing-journey' is taken; choose another id"),
        (("daycare-journey", "Päiväkoti"),
         "'Päiväkoti' cannot be an id: use lower-case letters a-z, digits and hyphens (at most 64, starting with a "
         "letter or digit)"),
        (("daycare-jorney", "x"), "nothing in the bank has the id 'daycare-jorney'; did you mean 'daycare-journey'?"),
        (("daycare-journey#aply", "x"),
         "no step 'daycare-journey#aply' in the bank; did you mean 'daycare-journey#apply'?"),
        (("daycare-journey#apply", "housing-journey#apply"),
         "'housing-journey#apply': a step is renamed within its journey 'daycare-journey'; give the new step id alone"),
        (("daycare-journey", "daycare-journey"), "'daycare-journey' already has that id; nothing changed"),
    ],
)
def test_refusals_say_why_and_change_nothing(bank: Path, args: tuple[str, str], message: str) -> None:
    before = snapshot(bank)
    result = run_cli("rename", *args, cwd=bank, env=EN)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"journeyops: error: {message}\n")
    assert snapshot(bank) == before


def test_a_refusal_in_finnish(bank: Path) -> None:
    result = run_cli("rename", "daycare-journey", "housing-journey", cwd=bank, env={"JOURNEYOPS_LANG": "fi"})
    assert result.stderr == "journeyops: error: tunniste 'housing-journey' on jo käytössä; valitse toinen tunniste\n"


def test_a_taken_file_name_is_refused(bank: Path) -> None:
    (bank / "opportunities" / "aikavali.yaml").write_text("# not a record file yet\n", "utf-8")
    result = run_cli("rename", "callback-time-slot", "aikavali", cwd=bank, env=EN)
    assert (result.returncode, result.stderr) == (
        2, "journeyops: error: opportunities/aikavali.yaml already exists; nothing changed\n")
    assert (bank / "opportunities" / "callback-time-slot.yaml").exists()


def test_dry_run_shows_the_diff_and_writes_nothing(bank: Path) -> None:
    before = snapshot(bank)
    result = run_cli("rename", "callback-time-slot", "aikavali", "--dry-run", cwd=bank, env=EN)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "--- a/opportunities/callback-time-slot.yaml\n+++ b/opportunities/aikavali.yaml\n@@ ")
    assert "-id: callback-time-slot\n+id: aikavali\n" in result.stdout
    assert result.stdout.endswith(
        "opportunities/callback-time-slot.yaml would be renamed to opportunities/aikavali.yaml\n"
        "Dry run: nothing was written.\n")
    assert snapshot(bank) == before


def test_the_per_path_ignores_naming_the_file_follow_it(bank: Path) -> None:
    config = bank / "journeyops.yaml"
    config.write_text(config.read_text("utf-8").replace("lint:\n", "lint:\n  per_path_ignores:\n"
                      "    'opportunities/callback-time-slot.yaml': [JO402]  # kept\n"), "utf-8")
    before = config.read_text("utf-8")
    result = run_cli("rename", "callback-time-slot", "aikavali", cwd=bank, env=EN)
    assert result.returncode == 0, result.stderr
    assert "journeyops.yaml: lint.per_path_ignores: opportunities/callback-time-slot.yaml -> " \
           "opportunities/aikavali.yaml" in result.stdout
    assert config.read_text("utf-8") == before.replace("'opportunities/callback-time-slot.yaml'",
                                                       "'opportunities/aikavali.yaml'")


def test_a_failed_write_leaves_every_file_as_it_was(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journeyops_cli.edit import atomic

    before = snapshot(bank)
    real_unlink = os.unlink

    def failing(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if str(path).endswith("opportunities/callback-time-slot.yaml"):
            raise OSError(errno.EACCES, "Permission denied")
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "unlink", failing)
    result = run_cli("rename", "callback-time-slot", "aikavali", cwd=bank, env=EN)
    assert (result.returncode, result.stderr) == (
        1, "journeyops: error: opportunities/callback-time-slot.yaml: cannot write: permission denied (is the "
           "folder read-only?); nothing was written\n")
    assert snapshot(bank) == before
    assert sorted(p.name for p in (bank / "opportunities").iterdir() if p.name.startswith(".")) == []


def test_a_reference_in_a_file_that_failed_to_load_stops_the_rename(bank: Path) -> None:
    path = bank / "opportunities" / "callback-time-slot.yaml"
    path.write_text(path.read_text("utf-8").replace("status:", "statu:"), "utf-8")
    before = snapshot(bank)
    result = run_cli("rename", "health-station-callback#wait-for-callback", "odota", cwd=bank, env=EN)
    assert (result.returncode, result.stderr) == (
        2, "journeyops: error: opportunities/callback-time-slot.yaml refers to 'health-station-callback#wait-for-"
           "callback' but failed to load; fix it first (journeyops validate says why)\n")
    assert snapshot(bank) == before


def test_a_rename_that_would_add_an_error_is_refused(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journeyops_cli.edit.changeset import Changeset

    monkeypatch.setattr(Changeset, "new_errors_judged",
                        lambda self, loaded: ["journeys/x.yaml:1:1: JO201 a new error"])
    before = snapshot(bank)
    result = run_cli("rename", "daycare-journey#apply", "hae", cwd=bank, env=EN)
    assert (result.returncode, result.stdout, result.stderr) == (
        1, "", "journeys/x.yaml:1:1: JO201 a new error\n"
               "journeyops: error: the rename would make the bank invalid; nothing was written\n")
    assert snapshot(bank) == before


def test_the_import_profiles_follow_a_rename(bank: Path) -> None:
    """journeyops.yaml's import profiles name steps (`steps`, `values: {step: …}`) and
    customer groups (`values: {customer_group: …}`): they follow, and nothing else moves."""
    config = bank / "journeyops.yaml"
    config.write_text(config.read_text("utf-8").replace(
        "      severity: {matala: low, keskitaso: medium, korkea: high, kriittinen: critical}\n",
        "      severity: {matala: low, keskitaso: medium, korkea: high, kriittinen: critical}\n"
        "      step:\n"
        "        Hakeminen: daycare-journey#apply; daycare-application#sign-in  # two steps\n"
        "        Päätös: daycare-journey#wait-for-decision\n"
        "      customer_group: {Lapsiperhe: families-with-children, Yrittäjä: entrepreneurs}\n"
        "    steps: [daycare-journey#apply]\n"), "utf-8")
    # a cell of two steps is written quoted once changed (the writer quotes a text with '#' and ';')
    steps = ["    steps: [daycare-journey#{}]",
             '        Hakeminen: "daycare-journey#{}; daycare-application#sign-in"  # two steps']

    def lines() -> set[str]:
        return set(config.read_text("utf-8").splitlines())

    before = lines()
    result = run_cli("rename", "daycare-journey#apply", "hae", cwd=bank, env=EN)
    assert result.returncode == 0, result.stderr
    assert "journeyops.yaml: import.palaute.steps.0: daycare-journey#apply -> daycare-journey#hae" in result.stdout
    assert before - lines() == {steps[0].format("apply"), steps[1].format("apply").replace('"', "")}
    assert lines() - before == {line.format("hae") for line in steps}

    before = lines()
    assert run_cli("rename", "daycare-journey", "vaka", cwd=bank, env=EN).returncode == 0
    assert lines() - before == {line.format("hae").replace("daycare-journey#", "vaka#") for line in steps} | {
        "        Päätös: vaka#wait-for-decision"}
    assert len(before - lines()) == 3

    before = lines()
    assert run_cli("rename", "families-with-children", "lapsiperheet", cwd=bank, env=EN).returncode == 0
    assert lines() - before == {"      customer_group: {Lapsiperhe: lapsiperheet, Yrittäjä: entrepreneurs}"}
    assert len(before - lines()) == 1
    validate_lines(bank)
