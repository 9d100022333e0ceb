"""Detectors of personal data in free text: e-mail addresses, phone numbers, Finnish
personal identity codes. Each returns the spans found; nothing here keeps the values.

Every detector reads the text through `plain`, so that digits of any script (`０４０`,
`٠٤٠`) and fullwidth forms (`＠`, `＋`) count as the ASCII ones they stand for."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
# +358 / 00358 numbers, and Finnish mobile numbers written nationally (040-, 041-, ..., 050-).
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)358[ -]?\(?0?\)?[ -]?\d{1,3}(?:[ -]?\d){4,9}"
    r"|0(?:4\d|50)[ -]?\d{3}[ -]?\d{2,4}(?:[ -]?\d{1,2})?)(?![\w])"
)
# ddmmyy, century sign, individual number, check character.
HETU = re.compile(r"(?<![\w-])(\d{2})(\d{2})(\d{2})([-+ABCDEFYXWVU])(\d{3})([0-9A-Y])(?![\w])")
CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

Span = tuple[int, int]
# Every character `plain` makes an `@` (the privacy rules' cheap pre-filter looks for these).
AT_SIGNS = "@\uff20\ufe6b"


class _Plain(dict[int, str]):
    """Character -> the one character it stands for, worked out the first time it is seen:
    a decimal digit of any script -> its ASCII digit; a character whose compatibility form
    (NFKC) is one ASCII character other than a digit -> that character (fullwidth `＠`,
    `ｍ`, ideographic space); anything else -> itself. Superscripts, fractions and circled
    numbers are no decimal digits and stay as they are."""

    def __missing__(self, code: int) -> str:
        character = chr(code)
        digit = unicodedata.decimal(character, None)
        if digit is not None:
            plain = str(digit)
        else:
            compatible = unicodedata.normalize("NFKC", character)
            ascii_symbol = len(compatible) == 1 and compatible.isascii() and not compatible.isdigit()
            plain = compatible if ascii_symbol else character
        self[code] = plain
        return plain


_PLAIN = _Plain()
# The characters `plain` may change: any beyond the Latin blocks (U+0000-U+024F), and the
# few in them that it changes (no-break space, `ª`, `ſ`…). Latin text with accents
# (Finnish, Swedish) holds none and is returned as it is, without a lookup per character.


def _not_in(kept: list[int]) -> re.Pattern[str]:
    """A character not among `kept` (code points in order), as one negated class."""
    ranges: list[list[int]] = []
    for code in kept:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[^" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]")


_MAY_CHANGE = _not_in([c for c in range(0x250) if c < 0x80 or _PLAIN[c] == chr(c)])


# The Latin-1 characters `plain` keeps as they are, as bytes: a long Latin-1 text is
# checked with `bytes.translate` (a table per byte) instead of a regex scan.
_LATIN1_KEPT = bytes(c for c in range(0x100) if c < 0x80 or _PLAIN[c] == chr(c))


def plain(text: str) -> str:
    """`text` with each character replaced by the one ASCII character it stands for, where
    there is one (see `_Plain`); the same length, so spans in it are spans in `text`."""
    if text.isascii():
        return text
    if len(text) > 4096:  # e.g. a whole column of an import at once
        try:
            if not text.encode("latin-1").translate(None, _LATIN1_KEPT):
                return text
        except UnicodeEncodeError:
            pass
    return text if _MAY_CHANGE.search(text) is None else text.translate(_PLAIN)


def emails(text: str) -> Iterator[Span]:
    for match in EMAIL.finditer(plain(text)):
        yield match.span()


def phones(text: str) -> Iterator[Span]:
    for match in PHONE.finditer(plain(text)):
        digits = sum(c.isdigit() for c in match.group())
        if 9 <= digits <= 15:
            yield match.span()


def hetu_valid(day: str, month: str, year: str, individual: str, check: str) -> bool:
    """True when the date is possible and the check character is right."""
    d, m = int(day), int(month)
    if not (1 <= m <= 12 and 1 <= d <= DAYS_IN_MONTH[m - 1]) or individual == "000":
        return False
    return CHECK_CHARACTERS[int(day + month + year + individual) % 31] == check


def identity_codes(text: str) -> Iterator[Span]:
    for match in HETU.finditer(plain(text)):
        day, month, year, _, individual, check = match.groups()
        if hetu_valid(day, month, year, individual, check):
            yield match.span()
