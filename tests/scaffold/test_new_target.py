"""`journeyops new journey --state target --improves ID`: a to-be journey starts from the
journey it improves (level, parent, theme, steps), and `validate` stays clean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.runner import run_cli

from journeyops_cli.findings import Severity
from journeyops_cli.pipeline import validate

RENDER_BANK = Path(__file__).resolve().parents[1] / "render" / "bank"


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    root = tmp_path / "bank"
    shutil.copytree(RENDER_BANK, root)
    return root


def test_a_target_starts_from_the_journey_it_improves(bank: Path) -> None:
    result = run_cli("new", "journey", "--title", "Hakeminen 2031", "--improves", "daycare-application",
                     "--no-input", cwd=bank)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "create  journeys/mid/hakeminen-2031.yaml\n"
    text = (bank / "journeys/mid/hakeminen-2031.yaml").read_text("utf-8")
    assert (
        "level: mid\ntheme: early-education\nparent: service-journey\nstatus: draft\n"
        "state: target\nimproves: daycare-application\nsteps:\n"
        "  - id: find-information\n    title: {fi: Tiedon etsiminen, en: Finding information}\n"
        "    parent_step: findability\n"
    ) in text
    assert text.count("  - id: ") == 4
    assert [f"{f.code} {f.message}" for f in validate(bank).findings if f.severity >= Severity.ERROR] == []


def test_given_steps_and_state_stay(bank: Path) -> None:
    result = run_cli("new", "journey", "--title", "Uusi haku", "--state", "target", "--improves",
                     "daycare-application", "--steps", "Haku,Päätös", "--step-parents", "transaction,processing",
                     "--dry-run", "--no-input", cwd=bank)
    assert result.returncode == 0, result.stderr
    assert "state: target\nimproves: daycare-application\nsteps:\n  - id: haku\n    title: Haku\n" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--improves", "daycare-aplication"],
     "no journey 'daycare-aplication' in the bank; did you mean 'daycare-application'?"),
    (["--improves", "daycare-application", "--state", "current"],
     "--improves is for a target journey: use --state target, or leave --state out"),
    (["--state", "tobe", "--level", "top", "--steps", "A"], "--state tobe: use current or target"),
    (["--improves", "daycare-application-2030", "--parent", "service-journey", "--steps", "A",
      "--step-parents", "findability"],
     "the new journey would not pass `journeyops validate`: JO210 target journey 'x' improves "
     "'daycare-application-2030', which is a target journey too (name the current journey that "
     "'daycare-application-2030' improves (`improves: daycare-application`)); nothing was written"),
])
def test_refusals_name_the_problem(bank: Path, args: list[str], message: str) -> None:
    result = run_cli("new", "journey", "--title", "X", *args, "--no-input", cwd=bank)
    assert result.returncode == 1
    assert result.stderr == f"journeyops: error: {message}\n"
    assert not (bank / "journeys/mid/x.yaml").exists() and not (bank / "journeys/top/x.yaml").exists()
