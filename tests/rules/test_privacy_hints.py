"""The privacy rules scan only strings that hold their hint (an `@` for JO501, three
digits in a row for JO502 and JO503). Checked against the detectors themselves, so a
detector that starts finding something else makes this fail instead of letting
personal data through. (Moved from the site's own scanner, which is gone: the site
withholds what these rules report, `lint/withheld.py`.)"""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops_cli.rules.privacy.email import EmailAddress
from journeyops_cli.rules.privacy.identity_code import IdentityCode
from journeyops_cli.rules.privacy.phone import PhoneNumber
from journeyops_cli.rules.privacy.scan import PersonalDataRule, may_hold

RULES: list[PersonalDataRule] = [EmailAddress(), PhoneNumber(), IdentityCode()]


def found(text: str) -> list[str]:
    """The codes of the rules that find something in `text`."""
    return [rule.code for rule in RULES if next(iter(rule.detect(text)), None) is not None]


def hinted(text: str) -> list[str]:
    """The codes of the rules whose hint `text` holds (those that scan it)."""
    return [rule.code for rule in RULES if rule.hint is None or rule.hint.search(text)]


def test_known_personal_data_is_found() -> None:
    assert found("soita 040 123 4567") == ["JO502"]
    assert found("+358 40 123 4567") == ["JO502"]
    assert found("0401234567") == ["JO502"]
    assert found("matti@example.fi") == ["JO501"]
    assert found("131052-308T") == ["JO503"]
    assert found("131052-308T ja 040-1234567") == ["JO502", "JO503"]
    assert found("Tutkimus 26: odotus 3 viikkoa (2025)") == []


def test_spans_leave_out_what_allow_allows() -> None:
    rule = EmailAddress(EmailAddress.Options(allow=["*@hel.fi"]))
    text = "kirjaamo@hel.fi tai matti@example.fi"
    assert [text[start:end] for start, end in rule.spans(text)] == ["matti@example.fi"]


ALPHABET = string.digits + "０４٣+-() @＠.ABFXYa" + " "


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_whatever_a_detector_finds_holds_its_hint(text: str) -> None:
    assert set(found(text)) <= set(hinted(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["040", "123", "4567", "+358", "131052", "-", "308T", " ", "x"]), max_size=8))
def test_phone_and_identity_code_shapes_hold_their_hint(parts: list[str]) -> None:
    text = "".join(parts)
    assert set(found(text)) <= set(hinted(text))


# `may_hold` (the import's pre-filter for many texts at once) keeps every text in which a
# rule finds something: digits of other scripts, fullwidth signs and line breaks included.
MANY = string.digits + "０４٣٤+-() @＠﹫.ABFXYaä\n"


@settings(max_examples=800, deadline=None)
@given(st.lists(st.text(alphabet=MANY, max_size=24), max_size=6))
def test_may_hold_keeps_every_text_a_rule_finds_something_in(texts: list[str]) -> None:
    kept = set(may_hold(RULES, texts))
    assert {i for i, text in enumerate(texts) if found(text)} <= kept


def test_may_hold_leaves_out_texts_without_signs_or_enough_digits() -> None:
    texts = ["Päätös tuli nopeasti (palaute 12345).", "soita 040 123 4567", "matti＠example.fi",
             "ei mitään", "tunnus 131052-308T", "١٢٣٤٥٦٧٨٩"]
    assert may_hold(RULES, texts) == [1, 2, 4, 5]
    assert may_hold(RULES, []) == []
