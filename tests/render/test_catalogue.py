"""The one catalogue of interface words (`render/catalogue.py`), read by `render`, the
site and the studio: complete in every language, and every id a template or the code asks
for is in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from journeyops_cli.render.catalogue import LANGUAGE_NAMES, LANGUAGES, MESSAGES
from journeyops_cli.render.i18n import UnknownMessage, message, missing, strings
from journeyops_cli.resources import templates_dir

SRC = Path(__file__).resolve().parents[2] / "src" / "journeyops_cli"
# `s.home`, `s["home"]`, `strings["none"]`, `labels["lane.emotion"]`, `s['level.' ~ x]`
LITERAL = re.compile(
    r"""\b(?:s|strings|labels|planner\.s|self\.s)(?:\.([a-z_]+)\b(?!\()|\[["']([a-z_.\-0-9]+)["']\])"""
)
PREFIX = re.compile(r"""\b(?:s|strings|labels)\[["']([a-z_]+\.)["']\s*~""")
# In Python: a quoted id (`message("root_title", ...)`, a key handed to a template) and
# an f-string prefix (`labels[f"emotion.{value}"]`).
QUOTED = re.compile(r"""["']([a-z_][a-z_.\-0-9]*)["']""")
F_PREFIX = re.compile(r"""f["']([a-z_][a-z_.]*\.)\{""")


def test_every_message_is_in_every_language() -> None:
    assert set(LANGUAGES) == set(LANGUAGE_NAMES) == {"fi", "sv", "en"}
    assert missing() == []
    assert all(set(texts) == set(LANGUAGES) for texts in MESSAGES.values())


def test_a_lookup_fails_loudly_on_an_unknown_id() -> None:
    assert message("home", "fi") == "Etusivu"
    assert message("home", "de") == "Home"  # a language without words: English
    with pytest.raises(UnknownMessage) as raised:
        message("hoem", "fi")
    assert str(raised.value) == "unknown message id 'hoem': add it to render/catalogue.py"


def used_ids() -> tuple[set[str], set[str]]:
    """Message ids and id prefixes the templates and the render, site, studio, sheets and score code name."""
    files = sorted(templates_dir().rglob("*.j2"))  # the studio's templates too
    files += sorted((SRC / "site").glob("*.py")) + sorted((SRC / "render").glob("*.py"))
    files += sorted((SRC / "studio").glob("*.py"))
    files += sorted((SRC / "sheets").glob("*.py"))  # the workbook's lane labels
    files += sorted((SRC / "score").glob("*.py"))  # a score's explanation in words
    files += sorted((SRC / "cli").glob("*.py"))  # the CLI's own words (catalogue_cli.py)
    ids: set[str] = set()
    prefixes: set[str] = set()
    for path in files:
        text = path.read_text("utf-8")
        ids |= {a or b for a, b in LITERAL.findall(text)}
        prefixes |= set(PREFIX.findall(text))
        if path.suffix == ".py" and path.name != "catalogue.py":
            ids |= set(QUOTED.findall(text)) & set(MESSAGES)
            prefixes |= {p for p in F_PREFIX.findall(text) if any(key.startswith(p) for key in MESSAGES)}
    return ids - {"get", "items", "keys", "values"}, prefixes


def test_every_id_the_pages_ask_for_is_in_the_catalogue() -> None:
    ids, prefixes = used_ids()
    assert len(ids) > 100  # the scan sees the templates
    assert sorted(ids - set(MESSAGES)) == []
    assert sorted(p for p in prefixes if not any(key.startswith(p) for key in MESSAGES)) == []
    assert strings("fi")["home"] == "Etusivu"


def test_no_message_is_unused() -> None:
    ids, prefixes = used_ids()
    assert [key for key in MESSAGES if key not in ids and not any(key.startswith(p) for p in prefixes)] == []


def test_every_lint_rule_has_its_title_and_hint_in_every_language() -> None:
    from journeyops_cli.render.i18n import rule_words
    from journeyops_cli.rules.registry import all_rules

    codes = sorted(all_rules())
    assert len(codes) > 40
    assert [f"{code} {language}" for code in codes for language in LANGUAGES
            if not all(rule_words(code, language) or ("", ""))] == []
    # No rule words for a code that is no rule (a removed rule's words would linger).
    assert sorted({key.split(".", 1)[1] for key in MESSAGES if key.startswith(("rule.", "rule_hint."))}) == codes
    assert rule_words("JO402", "fi") == (
        "Käytössä olevaa polkua ei ole tarkistettu asetetun ajan sisällä.",
        "Käy polku läpi omistajan kanssa ja kirjaa tarkistus komennolla `journeyops review`.",
    )
    assert rule_words("JO402", "sv") == (
        "En aktiv resa har inte granskats inom den inställda tiden.",
        "Gå igenom resan med ägaren och registrera granskningen med kommandot `journeyops review`.",
    )
    assert rule_words("JO402", "en") == (
        "An active journey was not reviewed within the configured time.",
        "Review the journey with its owner and record the review with the command `journeyops review`.",
    )
    assert rule_words("JO999", "fi") is None


def test_every_language_fills_in_the_same_values() -> None:
    """`{n}`, `{field}`… are the same in every language of a message (a missing one would
    drop a value, an extra one would fail when the page is made)."""
    import string

    def names(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert [key for key, texts in MESSAGES.items() if len({frozenset(names(t)) for t in texts.values()}) > 1] == []
