"""Looking up the interface words of `render/catalogue.py`, the one table of them.

- `strings(language)` is the flat id -> text dict a page's templates read (`s.home`,
  `s["level." ~ level]`); English for a language the catalogue lacks. Templates run with
  strict undefined, so an unknown id fails the render.
- `message(id, language)` is one text; an unknown id raises `UnknownMessage`.
- `quantity(value, unit, language)` is a measured value with its unit in the language's
  words when the catalogue has them (`34 päivää`).
- `rule_words(code, language)` is a lint rule's title and what to do about its finding.
- `number(value, language)` is `render.formats.number` (Babel), kept here for callers.
"""

from __future__ import annotations

from functools import cache

from journeyops_cli.render.catalogue import LANGUAGE_NAMES, LANGUAGES, MESSAGES
from journeyops_cli.render.formats import number, plural

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "MESSAGES", "UnknownMessage", "message", "missing",
           "number", "quantity", "rule_words", "strings"]


class UnknownMessage(KeyError):
    """A message id that is not in the catalogue."""

    def __str__(self) -> str:
        return f"unknown message id {self.args[0]!r}: add it to render/catalogue.py"


def _language(language: str) -> str:
    return language if language in LANGUAGES else "en"


@cache
def _table(language: str) -> dict[str, str]:
    return {key: texts[language] for key, texts in MESSAGES.items()}


def strings(language: str) -> dict[str, str]:
    """Every message in `language` (English for a language the catalogue lacks), by id.
    A fresh copy."""
    return dict(_table(_language(language)))


def message(key: str, language: str) -> str:
    """The message `key` in `language`; UnknownMessage when there is no such id."""
    try:
        texts = MESSAGES[key]
    except KeyError:
        raise UnknownMessage(key) from None
    return texts[_language(language)]


def say(key: str, language: str, **values: object) -> str:
    """The message `key` in `language` with its `{fields}` (`str.format`) filled from
    `values`; `cli.words.say` for the command line."""
    text = message(key, language)
    return text.format(**values) if values else text


def missing() -> list[str]:
    """`language:id` for each message without a text in a language (a test keeps this empty)."""
    return [f"{language}:{key}" for key, texts in MESSAGES.items() for language in LANGUAGES
            if not texts.get(language)]


def rule_words(code: str, language: str) -> tuple[str, str] | None:
    """The rule `code`'s title and its hint (what to do) in `language`; None for a code
    the catalogue lacks (a finding of a plugin's rule shows its own message)."""
    title = MESSAGES.get(f"rule.{code}")
    hint = MESSAGES.get(f"rule_hint.{code}")
    if title is None or hint is None:
        return None
    return title[_language(language)], hint[_language(language)]


def quantity(value: float, unit: str, language: str) -> str:
    """`34 päivää`, `72,5 %`: the value in the language's digits, and the unit in the
    language's words when the catalogue has it (`unit.<unit>.one` / `.other`), else as the
    bank writes it."""
    words = MESSAGES.get(f"unit.{unit}.{plural(value, language)}") if unit else None
    shown = words[_language(language)] if words else unit
    return f"{number(value, language)} {shown}".strip()
