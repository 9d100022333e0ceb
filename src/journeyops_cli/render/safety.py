"""Untrusted text stays text: URL allowlist, Markdown without raw HTML, escaping for
Markdown tables and Mermaid labels."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

ALLOWED_SCHEMES = ("http", "https", "mailto")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def safe_url(url: Any) -> str | None:
    """The URL if its scheme is http, https or mailto (robust to case, whitespace and
    control characters hidden in the scheme), else None."""
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    squeezed = _CONTROL.sub("", candidate)
    scheme, sep, _ = squeezed.partition(":")
    if not sep or not scheme or any(c in scheme for c in "/?#"):
        return None
    if scheme.lower() not in ALLOWED_SCHEMES:
        return None
    if candidate != squeezed:
        return None  # control characters or inner whitespace in a URL: refuse, not repair
    return candidate


@cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = lambda url: safe_url(url) is not None  # type: ignore[method-assign]
    return md


def markdown_html(text: str) -> str:
    """Markdown to HTML with raw HTML off and only http, https and mailto links."""
    return str(_markdown().render(text))


_MD_CELL = str.maketrans(
    {"\\": "\\\\", "|": "\\|", "[": "\\[", "]": "\\]", "`": "\\`", "\n": " ", "\r": " "}
)


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell (and any one-line Markdown): backslashes,
    pipes, brackets and backticks escaped (so `foo\\|` cannot end a cell and `[x](y)`
    cannot become a link), line breaks flattened, HTML-significant characters escaped so
    they cannot open tags on GitHub."""
    text = text.translate(_MD_CELL)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    )


def mermaid_label(text: str) -> str:
    """Text safe as a Mermaid journey label: no line breaks, colons, semicolons, hashes
    or directive markers that could change the diagram's structure."""
    text = re.sub(r"[\r\n\t]+", " ", text)
    text = re.sub("%+", "%", text).replace(":", " -").replace(";", ",").replace("#", "no.")
    text = re.sub(r"[{}<>`]", "", text)
    return re.sub(r"\s+", " ", text).strip() or "-"
