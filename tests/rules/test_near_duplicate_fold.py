"""JO404 folds text with a translate table; it must fold as the per-character
`unicodedata.combining` filter does."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from journeyops_cli.rules.hygiene.near_duplicate import fold


def by_character(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


@given(st.text())
def test_fold_drops_the_combining_marks_a_character_filter_drops(text: str) -> None:
    assert fold(text) == by_character(text)


def test_fold_examples() -> None:
    assert fold("Päätös ÅSTRÖM crème") == "paatos astrom creme"
    assert fold("e\u0301\u0327x") == "ex"
