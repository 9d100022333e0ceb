"""Whatever `new … --no-input` writes passes `validate`, or `new` refuses, naming the
options it needs (exit 2) or why the record would not pass (exit 1), and writes nothing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from tests.runner import run_cli as run

from journeyops_cli.edit import EditError
from journeyops_cli.pipeline import load_bank
from journeyops_cli.scaffold.new import FIELDS, LEVELS, NewRecord
from journeyops_cli.scaffold.questions import Interview

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"
PARENT = {"mid": "service-journey", "detailed": "housing-journey"}
STEP_PARENTS = {"mid": "findability,transaction", "detailed": "explore-options,apply-for-housing"}
# A value for every option `new` may name as missing.
VALUES = {
    "--theme": "asuminen",
    "--steps": "Find,Apply",
    "--type": "feedback",
    "--source": "Feedback service",
    "--summary": "Families miss the deadline.",
    "--unit": "%",
    "--problem": "The deadline surprises families",
}

ID_RULE = (
    "an id is 1 to 64 characters: lowercase letters a-z, digits and hyphens, "
    "starting with a letter or a digit"
)
CASES = [("journey", level) for level in LEVELS] + [(kind, None) for kind in FIELDS if kind != "journey"]


def files(bank: Path) -> set[str]:
    return {p.relative_to(bank).as_posix() for p in bank.rglob("*.yaml")}


@pytest.mark.parametrize(("kind", "level"), CASES)
def test_new_no_input_validates_or_names_what_it_needs(tmp_path: Path, kind: str, level: str | None) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    before = files(bank)
    args = ["new", kind, "--title", "Trial record", "--no-input"]
    if level is not None:
        args += ["--level", level]
    named: list[str] = []
    for _ in range(4):
        result = run(*args, cwd=bank)
        if result.returncode == 0:
            break
        assert result.returncode == 2, result.stdout + result.stderr
        match = re.fullmatch(r"journeyops: error: missing (.*) \(--no-input was given, so nothing is asked\)\n",
                             result.stderr)
        assert match, result.stderr
        assert files(bank) == before  # a refusal writes nothing
        options = match.group(1).split(", ")
        assert not set(options) & set(named), options  # what was given is not asked again
        for option in options:
            if option == "--parent":
                args += [option, PARENT[level or ""]]
            elif option == "--step-parents":
                args += [option, STEP_PARENTS[level or ""]]
            else:
                args += [option, VALUES[option]]
        named += options
    assert result.returncode == 0, result.stdout + result.stderr
    if level in PARENT:
        assert "--theme" in named or level == "detailed"  # a mid journey's parent has no theme
    (created,) = files(bank) - before
    assert result.stdout == f"create  {created}\n"
    # The example bank validates (exit 0) before; so it must with the new record. Warnings
    # and infos may remain (an insight waits for `journeyops link`; a new top journey's
    # steps wait for mid journeys): they do not fail validate.
    checked = run("validate", cwd=bank)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_new_refuses_a_record_the_privacy_rules_reject(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    before = files(bank)
    result = run("new", "insight", "--title", "Call back", "--type", "feedback", "--source", "Phone",
                 "--summary", "Call the customer back at 040 123 4567.", "--no-input", cwd=bank)
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: error: the new insight would not pass `journeyops validate`: JO502 phone number "
        "(+*** *** ****) in `summary`: personal data must be removed before text enters the bank "
        "(anonymise the text, or list a public service value in this rule's `allow` option); "
        "nothing was written\n"
    )
    assert files(bank) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "../../evil"], f"--id ../../evil: not an id; {ID_RULE}"),
        (["--id", "Evil"], f"--id Evil: not an id; {ID_RULE}"),
        (["--title", "!!!"], f"cannot make an id from the title '!!!'; give one with --id ({ID_RULE})"),
    ],
)
def test_new_names_a_bad_id_with_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    before = files(bank)
    if "--title" not in args:
        args = ["--title", "Evil", *args]
    result = run("new", "theme", *args, "--no-input", cwd=bank)
    assert result.returncode == 2
    assert result.stderr == f"journeyops: error: {message}\n"
    assert files(bank) == before
    assert not (tmp_path / "evil.yaml").exists()


def test_asking_for_a_mid_journey_in_a_bank_without_themes_says_to_make_one(tmp_path: Path) -> None:
    assert run("init", "bank", cwd=tmp_path).returncode == 0
    bank = load_bank(tmp_path / "bank").bank
    record = NewRecord("journey", {"title": "Daycare", "level": "mid", "parent": "service-journey"})
    interview = Interview(record, bank, "en")
    with pytest.raises(EditError) as refused:
        while (question := interview.next()) is not None:  # Enter: the id made from the title
            interview.answer(question, "")
    assert refused.value.message == (
        "the bank has no theme for a mid journey to belong to; create one first with `journeyops new theme`"
    )


def test_a_draft_is_not_stamped_reviewed_but_an_active_journey_is(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    draft = run("new", "journey", "--no-input", "--level", "top", "--title", "Moving", "--id", "moving",
                "--steps", "Plan,Move", cwd=bank)
    assert draft.returncode == 0, draft.stdout + draft.stderr
    assert "reviewed:" not in (bank / "journeys" / "top" / "moving.yaml").read_text()
    active = run("new", "journey", "--no-input", "--level", "top", "--title", "Living", "--id", "living",
                 "--steps", "Find,Stay", "--status", "active", "--owner", "Lead", "--team", "asiakaskokemus",
                 cwd=bank)
    assert active.returncode == 0, active.stdout + active.stderr
    assert re.search(r"^reviewed: \d{4}-\d{2}-\d{2}$", (bank / "journeys" / "top" / "living.yaml").read_text(),
                     re.MULTILINE)


def test_init_writes_its_top_journey_as_an_unreviewed_draft(tmp_path: Path) -> None:
    assert run("init", "bank", cwd=tmp_path).returncode == 0
    text = next((tmp_path / "bank" / "journeys" / "top").glob("*.yaml")).read_text()
    assert "status: draft" in text and "reviewed:" not in text
