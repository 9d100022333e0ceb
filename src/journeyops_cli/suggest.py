""""Did you mean …?": the one way a message names the known value nearest to a wrong one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# How alike (difflib's ratio, 0-1, case ignored) a known value must be to be suggested.
CUTOFF = 0.6


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like `word` (case ignored: `Daycare` finds `daycare`), or None when
    no choice is alike enough (for a message that words its own suggestion)."""
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.lower(), choice)
    close = difflib.get_close_matches(word.lower(), list(by_folded), n=1, cutoff=CUTOFF)
    return by_folded[close[0]] if close else None


def did_you_mean(word: str, choices: Iterable[str], prefix: str = "") -> str | None:
    """`did you mean 'CHOICE'?` for the choice most like `word` (see `nearest`), shown after
    `prefix`; None when no choice is alike enough."""
    close = nearest(word, choices)
    return f"did you mean '{prefix}{close}'?" if close is not None else None
