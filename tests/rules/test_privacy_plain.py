"""The privacy detectors read digits of any script and fullwidth forms as the ASCII
characters they stand for (JO501-JO503), and report spans of the text as written."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from journeyops_cli.rules.privacy.detect import (
    _PLAIN,
    AT_SIGNS,
    emails,
    identity_codes,
    phones,
    plain,
)
from journeyops_cli.rules.privacy.scan import ANY_HINT, DIGITS_HINT, EMAIL_HINT


def test_digits_of_any_script_and_fullwidth_forms() -> None:
    assert plain("puh. ０４０ １２３ ４５６７") == "puh. 040 123 4567"
    assert plain("٠٤٠١٢٣٤٥٦٧ ۰۴۰ ०४०") == "0401234567 040 040"
    assert plain("ｍａｔｔｉ＠ｅｘａｍｐｌｅ．ｆｉ") == "matti@example.fi"
    assert plain("＋３５８\u3000４０") == "+358 40"
    # Superscripts, circled numbers and fractions are no decimal digits; letters stay.
    assert plain("m² ① ½ Päätös ﬁ") == "m² ① ½ Päätös ﬁ"


def test_spans_are_those_of_the_text_as_written() -> None:
    text = "Soita ０４０ １２３ ４５６７ tai ٠٤٠١٢٣٤٥٦٧, ｍａｔｔｉ＠ｅｘａｍｐｌｅ．ｆｉ, １３１０５２-３０８T."
    assert [text[a:b] for a, b in phones(text)] == ["０４０ １２３ ４５６７", "٠٤٠١٢٣٤٥٦٧"]
    assert [text[a:b] for a, b in emails(text)] == ["ｍａｔｔｉ＠ｅｘａｍｐｌｅ．ｆｉ"]
    assert [text[a:b] for a, b in identity_codes(text)] == ["１３１０５２-３０８T"]
    assert list(phones("① ② ③ ④ ⑤ ⑥ ⑦ ⑧ ⑨ ⑩")) == []


@given(st.text())
def test_plain_keeps_the_length(text: str) -> None:
    assert len(plain(text)) == len(text)


def test_text_returned_as_it_is_is_text_plain_would_not_change() -> None:
    # plain skips the lookup per character for text without a character it may change.
    for code in range(0x3100):
        assert plain(f"Päätös {chr(code)}") == f"Päätös {chr(code)}".translate(_PLAIN), hex(code)
    finnish = "Päätös hakemukseen tuli, ja Åsa sai päiväkotipaikan."
    assert plain(finnish) is finnish


def test_at_signs_are_every_character_plain_makes_an_at() -> None:
    ats = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.normalize("NFKC", chr(c)) == "@"}
    assert ats == set(AT_SIGNS) == {c for c in ats if plain(c) == "@"}


@given(st.text(alphabet="0４٣७@＠﹫ .xm-+"))
def test_the_pre_filters_let_through_whatever_a_detector_finds(text: str) -> None:
    if any(emails(text)):
        assert EMAIL_HINT.search(text) and ANY_HINT.search(text)
    if any(phones(text)) or any(identity_codes(text)):
        assert DIGITS_HINT.search(text) and ANY_HINT.search(text)


@given(st.text(alphabet=st.characters(max_codepoint=0x2ff), max_size=40), st.integers(0, 300))
def test_a_long_text_is_read_as_a_short_one(piece: str, times: int) -> None:
    """A long text (a whole column of an import) is checked by its Latin-1 bytes: the
    same answer as character by character."""
    text = "Päätös tuli. " * times + piece
    assert plain(text) == text.translate(_PLAIN)
