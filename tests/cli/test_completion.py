"""Shell completion of ids and step references, as bash asks for it: the console script run
with typer's completion variables in a subprocess."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli.conftest import EXAMPLE
from tests.runner import cli_env


def script() -> str:
    beside = Path(sys.executable).parent / "journeyops"
    found = str(beside) if beside.exists() else shutil.which("journeyops")
    assert found, "the journeyops console script is not installed"
    return found


def complete(line: str, cwd: Path) -> list[str]:
    words = line.split(" ")
    result = subprocess.run(
        [script()], cwd=cwd, capture_output=True, text=True, timeout=120,
        env=cli_env({"_JOURNEYOPS_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}),
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_show_completes_ids_then_step_references(bank: Path) -> None:
    assert complete("journeyops show daycare-app", bank) == ["daycare-application", "daycare-application-2027",
                                                             "daycare-application-completion"]
    assert complete("journeyops show daycare-journey#", bank) == [
        "daycare-journey#accept-place", "daycare-journey#apply", "daycare-journey#find-options",
        "daycare-journey#pay-fees", "daycare-journey#start-daycare", "daycare-journey#wait-for-decision",
    ]


def test_rename_link_and_list_complete_what_they_take(bank: Path) -> None:
    assert complete("journeyops rename ut-eng", bank) == ["ut-english-sign-in"]
    assert complete("journeyops link fb-daycare-n", bank) == ["fb-daycare-no-bank-credentials"]
    assert complete("journeyops link ut-english-sign-in --to daycare-application#si", bank) == [
        "daycare-application#sign-in"]
    assert complete("journeyops list insights --journey hous", bank) == ["housing-application", "housing-journey"]
    assert complete("journeyops list cust", bank) == ["customer-groups"]
    assert complete("journeyops render housing-a", bank) == ["housing-application"]
    assert complete("journeyops review service-", bank) == ["service-journey"]
    assert complete("journeyops observe daycare-sat", bank) == ["daycare-satisfaction"]
    assert complete("journeyops prioritise --explain callback-t", bank) == ["callback-time-slot"]


def test_new_completes_the_records_its_options_name(bank: Path) -> None:
    assert complete("journeyops new journey --parent housing-j", bank) == ["housing-journey"]
    assert complete("journeyops new journey --improves daycare-application-2", bank) == ["daycare-application-2027"]
    assert complete("journeyops new insight --link-step daycare-application#si", bank) == [
        "daycare-application#sign-in"]
    assert complete("journeyops new opportunity --metric daycare-sat", bank) == ["daycare-satisfaction"]
    assert complete("journeyops new opportunity --insight fb-daycare-n", bank) == ["fb-daycare-no-bank-credentials"]
    assert "varhaiskasvatus" in complete("journeyops new journey --theme varhais", bank)
    assert "varhaiskasvatus-digi" in complete("journeyops new journey --team varhais", bank)


def test_outside_a_bank_nothing_is_offered(tmp_path: Path) -> None:
    assert complete("journeyops show daycare", tmp_path) == []


def test_the_ids_of_an_unchanged_bank_are_read_without_loading_it(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from journeyops_cli import pipeline
    from journeyops_cli.browse.ids import known_ids
    from journeyops_cli.speed import store

    monkeypatch.setattr(store, "RACY_NS", 0)  # files copied a moment ago count as settled
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    loads = []
    real = pipeline.load_bank
    monkeypatch.setattr(pipeline, "load_bank", lambda *a, **k: loads.append(1) or real(*a, **k))
    first = known_ids(bank)
    assert known_ids(bank) == first
    assert len(loads) == 1
    assert "daycare-journey#apply" in first["step"] and "daycare-journey" in first["Journey"]
