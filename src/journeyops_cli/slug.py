"""Ids from titles: "Päiväkotiin hakeminen" becomes `paivakotiin-hakeminen`."""

from __future__ import annotations

import re
import unicodedata

from journeyops_cli.models.base import SLUG_PATTERN

_FOLD = str.maketrans({"ä": "a", "å": "a", "ö": "o", "ü": "u", "ß": "ss", "æ": "ae", "ø": "o"})
_SLUG = re.compile(SLUG_PATTERN)
_SLUG_LINES = re.compile(rf"(?:{SLUG_PATTERN.removeprefix('^').removesuffix('$')}\n)*+")  # one id a line


def slugify(title: str, max_length: int = 64) -> str:
    """A slug for `title`: Nordic letters folded, other accents dropped, words joined by `-`."""
    text = unicodedata.normalize("NFKC", title).lower().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:max_length].rstrip("-")


def is_slug(value: str) -> bool:
    """True when `value` is a whole valid id (a full match: no trailing newline)."""
    return _SLUG.fullmatch(value) is not None


def all_slugs(values: list[str]) -> bool:
    """`all(map(is_slug, values))`, in one pass of the C matcher over the values one a line."""
    if not values:
        return True
    lines = "\n".join(values) + "\n"
    return lines.count("\n") == len(values) and _SLUG_LINES.fullmatch(lines) is not None
