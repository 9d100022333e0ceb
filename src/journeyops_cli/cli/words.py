"""The command line's words in the reader's language: `say(id, language, **values)` looks
an id up in the one catalogue (`render/catalogue_cli.py` holds the CLI's entries) and fills
its `{placeholders}`; `cli_language(config)` picks the language.

The language is, first found: the `JOURNEYOPS_LANG` environment variable; the bank's first
language (`languages:` in journeyops.yaml) when a bank is known; the locale
(`LC_ALL`, `LC_MESSAGES`, `LANG`: `fi_FI.UTF-8` is Finnish); English. A language the
catalogue lacks gets English words.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeyops_cli.models.config import BankConfig

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def _supported(code: str) -> str | None:
    from journeyops_cli.render.catalogue import LANGUAGES

    code = code.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in LANGUAGES else None


def cli_language(config: BankConfig | None = None, *, bank_language: str | None = None) -> str:
    """The language the CLI speaks to this reader (see the module's docstring); the bank's
    first language comes from `config` or is given as `bank_language`."""
    chosen = os.environ.get("JOURNEYOPS_LANG")
    if chosen and (code := _supported(chosen)):
        return code
    if config is not None:
        bank_language = config.default_language
    if bank_language is not None:
        return _supported(bank_language) or "en"
    for variable in _LOCALE_VARIABLES:
        value = os.environ.get(variable)
        if value and value not in ("C", "POSIX"):
            return _supported(value) or "en"
    return "en"


def say(key: str, language: str, **values: object) -> str:
    """The message `key` in `language` with its `{fields}` filled from `values`
    (`render.i18n.say`, imported when first needed)."""
    from journeyops_cli.render.i18n import say as fill

    return fill(key, language, **values)
