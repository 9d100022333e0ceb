"""Scalars written into YAML by journeyops: plain when every YAML reader (1.1 and 1.2) reads
them back as the same string, double-quoted otherwise (`no`, `2024`, `a: b`, `#tag`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import compress
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from operator import itemgetter

# Words that some YAML reader turns into something other than a string.
_SPECIAL_WORDS = {
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
}
# Letters, digits and a few marks; not the characters `_ESCAPE` escapes.
_LETTERS = "\u00c0-\u2027\u202a-\ufefe\uff00-\ufffd\U00010000-\U0010ffff"
_MARKS = " .()/'?!&+-"  # and `,`, but not in flow style (inside `[...]` or `{...}`)
# The characters after a plain text's first, less the marks: `\w` and the letters. The
# ASCII letters and digits and Latin-1's letters lead, though `\w` and `_LETTERS` hold them
# already (a test holds the class to `[\w{_LETTERS}]`): the C matcher finds them in a table
# then, before it looks a character's Unicode category up (100,000 feedback texts through
# `_SURE_LINES`: 0.040 -> 0.024 s).
BODY_CHARACTERS = rf"A-Za-z0-9\u00c0-\u00ff\w{_LETTERS}"
PLAIN_PATTERN = rf"[A-Za-z{_LETTERS}][{BODY_CHARACTERS},{_MARKS}]*"
FLOW_PLAIN_PATTERN = rf"[A-Za-z{_LETTERS}][{BODY_CHARACTERS}{_MARKS}]*"
_PLAIN = re.compile(PLAIN_PATTERN)
_NUMBER_LIKE = "-+.0123456789"  # a first character that may make a number
# Characters a YAML reader takes as a line break (NEL, LS, PS) or does not allow in a file
# (DEL, C1 controls, BOM, non-characters): escaped in double quotes, never written plain.
# JSON's string encoding escapes the C0 controls itself.
_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
BARE_ITEM_PATTERN = r"[a-z][a-z0-9-]*(?:#[a-z0-9][a-z0-9-]*)?"
_BARE_ITEM = re.compile(BARE_ITEM_PATTERN)
# Many texts, one a line: the longest run of them from a place that are surely written as
# they are (one pass of the C matcher): an id or a step reference, or a plain-safe text
# (`_is_plain_safe`: no space or `?` at an end); none a special word in any case. A text
# it stops at is looked at alone.
_SURE_LINES = re.compile(
    rf"(?:(?!(?i:{'|'.join(sorted(_SPECIAL_WORDS - {'~'}))})\n)"
    rf"(?:{BARE_ITEM_PATTERN}|(?!\s)[A-Za-z{_LETTERS}][{BODY_CHARACTERS},{_MARKS}]*(?<![\s?]))\n)*+"
)


def yaml_scalar(value: object, flow: bool = False) -> str:
    """`value` written as a YAML scalar that reads back as exactly that value (`flow`: inside
    `[...]` or `{...}`). A per-language mapping becomes `{fi: ..., en: ...}`."""
    if isinstance(value, dict):
        inner = ", ".join(f"{k}: {yaml_scalar(v, flow=True)}" for k, v in value.items())
        return "{" + inner + "}"
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return text_scalar(str(value), flow)


def text_scalar(text: str, flow: bool = False) -> str:
    """`yaml_scalar` of a string."""
    if _is_plain_safe(text) and not (flow and any(c in text for c in ",[]{}")):
        return text
    return double_quoted(text)


def double_quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar that every reader reads back as `text`."""
    quoted = encode_basestring(text)  # what json.dumps(text, ensure_ascii=False) gives, a fifth of its time
    if _ESCAPE.search(quoted) is None:
        return quoted
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _is_plain_safe(text: str) -> bool:
    if not text or text != text.strip() or (len(text) <= 5 and text.lower() in _SPECIAL_WORDS):
        return False
    if text[0] in _NUMBER_LIKE:
        return False
    if text.endswith(("?", ":")) or " #" in text or ": " in text:
        return False
    return _PLAIN.fullmatch(text) is not None


def is_bare_item(value: str) -> bool:
    """True when `value` is an id or a step reference that is written as it is."""
    return _BARE_ITEM.fullmatch(value) is not None and value not in _SPECIAL_WORDS


def item_or_texts(texts: list[str], alone: list[int] | None = None) -> list[str]:
    """Each text as a block value is written: as it is when it is an id or a step reference
    (`is_bare_item`), else `text_scalar`; the same as calling those one by one (a test
    holds them to it), with the runs of texts written as they are found in one pass
    (`_SURE_LINES`, or for many Latin-1 texts `_unsure`) and the others looked at one by
    one (their indices added to `alone`: a text not in it is an id, a step reference or a
    plain-safe text that `_SURE_LINES` matches, written as it is)."""
    if not texts:
        return []
    lines = "\n".join(texts) + "\n"
    if lines.count("\n") != len(texts):  # a text holds a line break: each one alone
        if alone is not None:
            alone += range(len(texts))
        return list(map(_block_value, texts))
    unsure = _unsure(texts, lines) if len(texts) >= AT_ONCE_MIN else None
    if unsure is not None:
        written = texts.copy()
        for at in unsure:
            written[at] = _block_value(texts[at])
        if alone is not None:
            alone += unsure
        return written
    out: list[str] = []
    at = start = 0
    sure = _SURE_LINES.match
    while True:
        end = sure(lines, start).end()  # type: ignore[union-attr] # `*+` matches at least ""
        run = lines.count("\n", start, end)
        out += texts[at : at + run]
        at += run
        if at == len(texts):
            return out
        out.append(_block_value(texts[at]))
        if alone is not None:
            alone.append(at)
        start = end + len(texts[at]) + 1
        at += 1


# Latin-1 texts at least this many are looked at all at once (`_unsure`).
AT_ONCE_MIN = 64


def _latin1(test: Callable[[str], object]) -> bytes:
    """The Latin-1 characters that pass `test`, as bytes."""
    return bytes(c for c in range(256) if test(chr(c)))


def _flags(test: Callable[[str], object]) -> bytes:
    """A `bytes.translate` table of the Latin-1 characters: 1 for those that pass `test`, 0
    for the others."""
    return bytes(1 if test(chr(c)) else 0 for c in range(256))


def _first(character: str) -> bool:
    """A plain text may start with `character`: a letter, not white space (`_SURE_LINES`)."""
    return _PLAIN.fullmatch(character) is not None and not character.isspace()


@cache
def _tables() -> tuple[bytes, bytes, bytes]:
    """What `_SURE_LINES` takes of a Latin-1 plain text (its id alternative aside): any
    body character (deleted: what is left is not one), a first character (0 in the
    table), not a last character (1 in the table), from `_PLAIN` (its class after a
    first letter, compiled with the module: compiling the class again took 8 ms)."""
    return (_latin1(lambda character: _PLAIN.fullmatch("a" + character)),
            _flags(lambda character: not _first(character)),
            _flags(lambda character: character.isspace() or character == "?"))


_SPECIAL_MOST = max(map(len, _SPECIAL_WORDS))  # a special word's most characters


def _unsure(texts: list[str], lines: str) -> list[int] | None:
    """The indices of the texts (none holding a line break; `lines`: them joined, one a
    line) that `_SURE_LINES` may not take as plain, found for all at once with byte
    tables: a few C passes over the column rather than the matcher's one over each
    character (100,000 feedback texts in `item_or_texts`: 0.042 -> 0.027 s, the 2 % left
    to `_block_value` included; their ids 0.017 -> 0.012 s). A text it leaves out is
    always one `_SURE_LINES` takes (a test). None for texts that are not all Latin-1 or
    where one is empty."""
    body, not_first, not_last = _tables()
    try:
        data = lines.encode("latin-1")
        firsts = "".join(map(itemgetter(0), texts)).encode("latin-1").translate(not_first)
        lasts = "".join(map(itemgetter(-1), texts)).encode("latin-1").translate(not_last)
    except (UnicodeEncodeError, IndexError):  # not Latin-1, or an empty text
        return None
    outside = bytes(map(bool, data.translate(None, body).split(b"\n")[:-1]))
    flags = int.from_bytes(outside) | int.from_bytes(firsts) | int.from_bytes(lasts)
    if min(map(len, texts)) <= _SPECIAL_MOST:
        flags |= int.from_bytes(bytes(map(_SPECIAL_MOST.__ge__, map(len, texts))))
    if not flags:
        return []
    return list(compress(range(len(texts)), flags.to_bytes(len(texts))))


def _block_value(text: str) -> str:
    if (_BARE_ITEM.fullmatch(text) is not None and text not in _SPECIAL_WORDS) or _is_plain_safe(text):
        return text
    return double_quoted(text)


def flow_item(value: str) -> str:
    """An id or step reference as an item of a flow or block list."""
    if is_bare_item(value):
        return value
    return double_quoted(value)
