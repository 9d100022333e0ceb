"""Scalars written into YAML by journeyops: plain when every YAML reader (1.1 and 1.2) reads
them back as the same string, double-quoted otherwise (`no`, `2024`, `a: b`, `#tag`)."""

from __future__ import annotations

import json
import re

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
# json.dumps escapes the C0 controls itself.
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
    quoted = json.dumps(text, ensure_ascii=False)
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
    (`_SURE_LINES`) and the others looked at one by one (their indices added to `alone`:
    a text not in it is an id, a step reference or a plain-safe text that `_SURE_LINES`
    matched, written as it is)."""
    if not texts:
        return []
    lines = "\n".join(texts) + "\n"
    if lines.count("\n") != len(texts):  # a text holds a line break: each one alone
        if alone is not None:
            alone += range(len(texts))
        return list(map(_block_value, texts))
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


def _block_value(text: str) -> str:
    if (_BARE_ITEM.fullmatch(text) is not None and text not in _SPECIAL_WORDS) or _is_plain_safe(text):
        return text
    return double_quoted(text)


def flow_item(value: str) -> str:
    """An id or step reference as an item of a flow or block list."""
    if is_bare_item(value):
        return value
    return double_quoted(value)
