"""JO403: text is missing in some of the bank's languages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule, RuleOptions
from journeyops_cli.rules.walk import texts

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class Options(RuleOptions):
    plain_text: bool = False
    """Also report plain strings (text given in one language only) in banks with more
    than one language."""


class MissingTranslation(Rule):
    """A translated text lacks some of the bank's languages.

    Everyone's business (principle 7): a journey bank in `languages: [fi, sv, en]` is read
    by Finnish, Swedish and English speakers, and the site falls back to another language
    where a translation is missing. This is information for the translators. Only texts
    written per language are checked, unless `plain_text: true`.

    Failing (in a bank with `languages: [fi, sv, en]`):

        title: {fi: Päiväkotihakemus, en: Daycare application}

    Fixed:

        title: {fi: Päiväkotihakemus, sv: Daghemsansökan, en: Daycare application}
    """

    code = "JO403"
    cost = 3
    per_record = True
    name = "text.missing-translation"
    groups = ("hygiene", "language")
    severity = Severity.INFO
    Options = Options

    def check(self, bank: Bank) -> Iterator[Finding]:
        languages = bank.config.languages
        if len(languages) < 2:
            return
        plain = self.options.plain_text  # type: ignore[attr-defined]
        for record in bank.records():
            for path, text in texts(record):
                if isinstance(text, str):
                    if plain:
                        yield self.at(
                            record, path,
                            f"`{_name(path)}` is in one language only; the bank's languages are {', '.join(languages)}",
                            "write it as {" + ", ".join(f"{lang}: ..." for lang in languages) + "}",
                        )
                    continue
                missing = [lang for lang in languages if lang not in text]
                if missing:
                    yield self.at(
                        record, path,
                        f"`{_name(path)}` has no {', '.join(missing)} translation",
                        "add " + ", ".join(f"`{lang}:`" for lang in missing),
                        target="key" if isinstance(path[-1], str) else "value",
                    )


def _name(path: tuple[object, ...]) -> str:
    return ".".join(str(p) for p in path)
