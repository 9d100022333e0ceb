"""Scalars written into YAML by journeyops: plain when every YAML reader (1.1 and 1.2) reads
them back as the same string, double-quoted otherwise (`no`, `2024`, `a: b`, `#tag`)."""

from __future__ import annotations

import json
import re

# Words that some YAML reader turns into something other than a string.
_SPECIAL_WORDS = {
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
}
_PLAIN = re.compile(r"[A-Za-z\u00c0-\U0010ffff][\w\u00c0-\U0010ffff .,()/'?!&+-]*")
_NUMBER_LIKE = re.compile(r"[-+.0-9]")


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
    text = str(value)
    if _is_plain_safe(text) and not (flow and any(c in text for c in ",[]{}")):
        return text
    return json.dumps(text, ensure_ascii=False)


def _is_plain_safe(text: str) -> bool:
    if not text or text != text.strip() or text.lower() in _SPECIAL_WORDS:
        return False
    if _NUMBER_LIKE.match(text):
        return False
    if text.endswith(("?", ":")) or " #" in text or ": " in text:
        return False
    return _PLAIN.fullmatch(text) is not None


def flow_item(value: str) -> str:
    """An id or step reference as an item of a flow or block list."""
    if re.fullmatch(r"[a-z][a-z0-9-]*(#[a-z0-9][a-z0-9-]*)?", value) and value not in _SPECIAL_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)
