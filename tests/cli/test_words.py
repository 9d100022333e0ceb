"""The CLI's language: JOURNEYOPS_LANG, then the bank's first language, then the locale."""

from __future__ import annotations

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
