"""The privacy scan skips texts that cannot hold personal data: no "@" and fewer than nine
digits. Checked against the detectors themselves, so a detector that starts finding
something else makes this fail instead of letting personal data through."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops_cli.site.privacy import MASKS, found_in, may_hold

SAMPLES = [
    "soita 040 123 4567", "+358 40 123 4567", "0401234567", "131052-308T", "matti@example.fi",
    "puh. ０４０ １２３ ４５６７", "٠٤٠١٢٣٤٥٦٧", "131052-308T ja 040-1234567",
]


def detected(text: str) -> bool:
    return any(next(iter(find(text)), None) is not None for _, find, _ in MASKS)


def test_known_personal_data_is_still_found() -> None:
    for text in SAMPLES:
        if detected(text):
            assert may_hold(text)
            assert found_in(text)
    assert found_in("soita 040 123 4567") == ["a phone number"]
    assert found_in("matti@example.fi") == ["an email address"]
    assert not may_hold("Tutkimus 26: odotus 3 viikkoa (2025)")


ALPHABET = string.digits + "０４٣+-() @.ABFXYa" + " "


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_a_skipped_text_holds_nothing_any_detector_finds(text: str) -> None:
    if not may_hold(text):
        assert not detected(text)
    assert bool(found_in(text)) == detected(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["040", "123", "4567", "+358", "131052", "-", "308T", " ", "x"]), max_size=8))
def test_phone_and_identity_code_shapes(parts: list[str]) -> None:
    text = "".join(parts)
    assert bool(found_in(text)) == detected(text)
