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
    folded = word.lower()
    close = difflib.get_close_matches(folded, list(by_folded), n=5, cutoff=CUTOFF)
    if not close:
        return None
    # Equally alike choices: the one a look-alike letter explains (`JO2O1` is `JO201`, not
    # `JO211`); difflib alone would take the last in alphabetical order.
    alike = {c: difflib.SequenceMatcher(None, folded, c).ratio() for c in close}
    tied = [c for c in close if alike[c] == alike[close[0]]]
    looks = folded.translate(_LOOK_ALIKE)
    return by_folded[max(tied, key=lambda c: difflib.SequenceMatcher(None, looks, c.translate(_LOOK_ALIKE)).ratio())]


# Letters and digits people type for each other: O and 0, l and I and 1 (case folded).
_LOOK_ALIKE = str.maketrans({"o": "0", "l": "1", "i": "1"})


def did_you_mean(word: str, choices: Iterable[str], prefix: str = "") -> str | None:
    """`did you mean 'CHOICE'?` for the choice most like `word` (see `nearest`), shown after
    `prefix`; None when no choice is alike enough."""
    close = nearest(word, choices)
    return f"did you mean '{prefix}{close}'?" if close is not None else None
