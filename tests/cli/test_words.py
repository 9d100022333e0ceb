"""The CLI's language: JOURNEYOPS_LANG, then the bank's first language, then the locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyops_cli.cli.words import cli_language, say
from journeyops_cli.models.config import BankConfig
from journeyops_cli.render.catalogue import MESSAGES


@pytest.fixture(autouse=True)
def _no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("JOURNEYOPS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def test_the_banks_first_language_beats_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert cli_language(BankConfig(name="x", languages=["sv", "fi"])) == "sv"


def test_journeyops_lang_beats_the_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYOPS_LANG", "fi")
    assert cli_language(BankConfig(name="x", languages=["sv"])) == "fi"


def test_the_locale_without_a_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    assert cli_language() == "fi"
    monkeypatch.setenv("LC_ALL", "C")
    assert cli_language() == "fi"  # C says nothing about a language; LANG still does
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert cli_language() == "en"


def test_a_bank_language_without_words_gets_english() -> None:
    assert cli_language(BankConfig(name="x", languages=["se"])) == "en"
    assert cli_language() == "en"


def test_say_fills_placeholders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MESSAGES, "cli.test.hello", {"fi": "Hei {name}", "sv": "Hej {name}", "en": "Hi {name}"})
    assert say("cli.test.hello", "sv", name="Aino") == "Hej Aino"


def _started_bank(tmp_path: Path, languages: str) -> Path:
    from tests.runner import run_cli

    done = run_cli("init", tmp_path / "bank", "--name", "Pankki", "--languages", languages,
                   "--no-git", "--ci", "none")
    assert done.returncode == 0, done.stderr
    return tmp_path / "bank"


def test_validate_speaks_the_banks_first_language(tmp_path: Path) -> None:
    """The report's own words and each rule's title and hint (once a file) come in the
    bank's first language; each finding stays `path:line:col: CODE [severity] message`."""
    from tests.runner import run_cli

    bank = _started_bank(tmp_path, "fi,en")
    done = run_cli("validate", "--no-cache", cwd=bank, env={"JOURNEYOPS_LANG": ""})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    first = "journeys/top/service-journey.yaml:8:9: JO207 [info] step 'findability' of top journey"
    at = next(i for i, line in enumerate(lines) if line.startswith(first))
    assert lines[at + 1] == ("    Mikään keskitason polku ei tarkenna ylätason polun vaihetta. Kuvaa vaihetta "
                             "tarkentava keskitason polku, jos vaihe on kehittämisen kannalta tärkeä.")
    assert lines[at + 2] == ("    vihje: add a mid journey with `parent: service-journey` and a step with "
                             "`parent_step: findability`")
    # the rule's words once a file, not once a finding
    assert sum("Mikään keskitason polku" in line for line in lines) == 1
    assert lines[-1] == "! 4 huomautusta 1 tiedostossa (1 tiedosto, 1 tietue tarkistettu)"


def test_validate_in_swedish_and_english(tmp_path: Path) -> None:
    from tests.runner import run_cli

    bank = _started_bank(tmp_path, "sv,fi")
    swedish = run_cli("validate", "--no-cache", cwd=bank, env={"JOURNEYOPS_LANG": ""}).stdout.splitlines()
    assert "    tips: add a mid journey with `parent: service-journey` and a step with `parent_step: findability`" \
        in swedish
    english = run_cli("validate", "--no-cache", cwd=bank, env={"JOURNEYOPS_LANG": "en"}).stdout.splitlines()
    assert not any("Mikään" in line or "tips:" in line for line in english)
    assert "    hint: add a mid journey with `parent: service-journey` and a step with `parent_step: findability`" \
        in english
    # English says no rule words of its own: the finding's message is already English
    assert len(english) == len(swedish) - 1


def test_what_init_and_new_did_is_said_in_the_banks_language(tmp_path: Path) -> None:
    from tests.runner import run_cli

    done = run_cli("init", tmp_path / "bank", "--name", "Pankki", "--languages", "fi,en", "--no-git",
                   "--ci", "none", env={"JOURNEYOPS_LANG": ""})
    bank = tmp_path / "bank"
    assert done.stdout.splitlines()[0] == f"     luotu  {bank.as_posix()}/journeyops.yaml"
    again = run_cli("init", ".", "--name", "Pankki", "--languages", "fi,en", "--force", "--no-git", "--ci", "none",
                    cwd=bank, env={"JOURNEYOPS_LANG": "sv"})
    assert again.stdout.splitlines()[0] == "   likadan  journeyops.yaml"
    new = run_cli("new", "theme", "--title", "Lapset", "--no-input", "--dry-run", cwd=bank, env={"JOURNEYOPS_LANG": ""})
    assert new.stdout.splitlines()[-1] == "luotaisiin  themes/lapset.yaml"


def test_new_without_input_says_what_is_missing_in_the_banks_language(tmp_path: Path) -> None:
    from tests.runner import run_cli

    bank = _started_bank(tmp_path, "fi,en")
    done = run_cli("new", "theme", "--no-input", cwd=bank, env={"JOURNEYOPS_LANG": ""})
    assert (done.returncode, done.stderr) == (
        2, "journeyops: error: puuttuu: --title (--no-input on annettu, joten mitään ei kysytä)\n")
    done = run_cli("new", "theme", cwd=bank, env={"JOURNEYOPS_LANG": "sv"}, input="")
    assert done.stderr == "journeyops: error: saknas: --title (ingen terminal, så inget frågas)\n"
