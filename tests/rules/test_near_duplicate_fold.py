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


@given(st.lists(st.text(alphabet="aäbcdeiöngs ", max_size=40), max_size=5))
def test_tokens_are_the_stems_of_the_words_kept(texts: list[str]) -> None:
    from journeyops_cli.rules.hygiene.near_duplicate import STOPWORDS, WORD, _stem, _tokens

    expected = {_stem(w) for t in texts for w in WORD.findall(fold(t)) if len(w) > 2 and w not in STOPWORDS}
    assert _tokens(texts) == expected
    assert _tokens(texts) == expected  # again, from the words already judged
