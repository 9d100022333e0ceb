"""Numbers, percents, counts and dates the way a page's language writes them (Babel's CLDR
data): the one place a page formats a value. `fi` writes `1 234,5` and `7.12.2026`, `sv`
(as in Finland) `1 234,5` and `7 dec. 2026`, `en` (British) `1,234.5` and `7 Dec 2026`.
A language Babel does not know is written as English.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup, escape

_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
# A site shows the same dates and figures on page after page (an insight's date on its
# theme's, its groups' and its journeys' pages): each is formatted once. Babel's
# formatting is pure; `typed` keeps 1 and 1.0 apart.
_KEEP = 1 << 16
# Enough digits for any finite float to two decimals (the largest is about 1.8e308).
_ALL_DIGITS = 320


@cache
def locale(language: str) -> Locale:
    """The Babel locale of a page language."""
    try:
        return Locale.parse(_LOCALES.get(language, language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_GB")


@lru_cache(maxsize=_KEEP, typed=True)
def number(value: float, language: str) -> str:
    """`value` with at most two decimals and no needless `,0`: `83,2`, `2 400`, `69.5`.
    Remembered: pages write the same few values many times, and Babel is slow."""
    if not math.isfinite(value):
        return str(value)
    if round(value, 2) == 0:
        value = 0.0
    separators = _SEPARATORS.get(language)
    if separators is not None and type(value) in (int, float) and -_FAST_LIMIT < value < _FAST_LIMIT:
        return _grouped(value, *separators)
    try:
        return format_decimal(value, format="#,##0.##", locale=locale(language))
    except decimal.InvalidOperation:
        # Rounding 1e300 to two decimals needs more digits than the default context's 28.
        with decimal.localcontext(prec=_ALL_DIGITS):
            return format_decimal(value, format="#,##0.##", locale=locale(language))


# The languages whose numbers `_grouped` writes as Babel does (tested against Babel on
# many values): the group and decimal separators of `#,##0.##` in their locales.
_SEPARATORS = {"fi": ("\xa0", ","), "sv": ("\xa0", ","), "en": (",", ".")}
_CENTS = decimal.Decimal("0.01")
# Below this the value to two decimals fits the default decimal context (28 digits).
_FAST_LIMIT = 1e15


def _grouped(value: float, group: str, point: str) -> str:
    """`value` as Babel's `format_decimal(value, "#,##0.##")` writes it, without Babel's
    pattern machinery (a sixth of an opportunity page): the value's shortest decimal form
    (what Babel takes of a float) rounded half to even to two decimals, grouped by three."""
    exact = decimal.Decimal(repr(value) if type(value) is float else value)
    whole, _, fraction = f"{exact.quantize(_CENTS, rounding=decimal.ROUND_HALF_EVEN):,f}".partition(".")
    fraction = fraction.rstrip("0")
    whole = whole.replace(",", group)
    return f"{whole}{point}{fraction}" if fraction else whole


@lru_cache(maxsize=_KEEP, typed=True)
def percent(share: float, language: str) -> str:
    """A share (0.832) as a percent: `83,2 %` in Finnish, `83.2%` in English."""
    return format_percent(round(share, 3), locale=locale(language), decimal_quantization=False)


@lru_cache(maxsize=_KEEP, typed=True)
def date(value: dt.date | str, language: str) -> str:
    """A date in the language's medium form (`7.12.2026`, `7 dec. 2026`, `7 Dec 2026`)."""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return format_date(day, format="medium", locale=locale(language))


@lru_cache(maxsize=_KEEP, typed=True)
def plural(n: float, language: str) -> str:
    """`one` or `other`: the catalogue's two forms, by the language's plural rule."""
    return "one" if locale(language).plural_form(n) == "one" else "other"


def count(strings: Mapping[str, str], key: str, n: int, language: str) -> str:
    """`count.<key>.one` or `.other` of the catalogue by the language's plural rule, with
    `{n}` formatted: `1 havainto`, `3 havaintoa`."""
    return strings[f"count.{key}.{plural(n, language)}"].format(n=number(n, language))


def parts_in_words(parts: Iterable[tuple[str, float]], strings: Mapping[str, str], language: str) -> Markup:
    """A score's parts in words, `asiakkaan kipu 26,3 · näytön vahvuus 20,1` (`score_part`
    of the catalogue per factor), escaped: the backlog's and an opportunity's page."""
    pattern = str(escape(strings["score_part"]))
    return Markup(" · ".join(
        pattern.format(factor=escape(strings[f"factor.{name}"]), points=escape(number(points, language)))
        for name, points in parts
    ))
