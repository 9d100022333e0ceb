"""Untrusted text stays text: URL allowlist, Markdown without raw HTML, escaping for
Markdown tables and Mermaid labels."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from markupsafe import Markup, escape

try:  # markupsafe's own escaping of a str (C speedups), without making a `Markup` of it
    from markupsafe import _escape_inner as _escape_str
except ImportError:  # pragma: no cover - another markupsafe: its public escape
    def _escape_str(text: str, /) -> str:
        return str(escape(text))

ALLOWED_SCHEMES = ("http", "https", "mailto")


def escaped(value: Any) -> str:
    """markupsafe's `escape(value)` as text to write out: the same characters, without
    the `Markup` made around each plain string (a `Markup` is returned as it is). What
    every autoescaped `{{ }}` of an HTML template calls (`render/env.py`)."""
    if type(value) is str:
        return _escape_str(value)
    if type(value) is Markup:
        return value
    return escape(value)

_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def safe_url(url: Any) -> str | None:
    """The URL if its scheme is http, https or mailto (robust to case, whitespace and
    control characters hidden in the scheme), else None."""
    if type(url) is str:  # remembered: a site checks each insight's evidence on many pages
        return _safe_str_url(url)
    if not isinstance(url, str):
        return None
    return _checked_url(url)


@lru_cache(maxsize=1 << 16)
def _safe_str_url(url: str) -> str | None:
    return _checked_url(url)


def _checked_url(url: str) -> str | None:
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
    if _plain_paragraph(text):
        # What markdown-it gives a paragraph of plain text, without parsing it (most
        # texts in a bank are such paragraphs; tests/render check the two agree).
        return f"<p>{text.replace(chr(34), '&quot;')}</p>\n"
    return str(_markdown().render(text))


@lru_cache(maxsize=32768)
def _markdown_markup(text: str) -> Markup:
    return Markup(markdown_html(text))


def markdown_markup(value: str | None) -> Markup:
    """Markdown as HTML (`Markup`), raw HTML left out: the `markdown` filter."""
    # The same text is shown on several pages (an insight's summary on its own page and
    # on its journey's page): render it once.
    if value is None or type(value) is str:
        return _markdown_markup(value or "")
    return _markdown_markup.__wrapped__(value)


# ASCII characters with no meaning in CommonMark in the middle of a line, and every other
# character; any other ASCII punctuation, every control character and every kind of space
# but " " and a line break (`_OTHER_SPACE`) sends a text through the parser. One character
# class each: an alternation under `*` cost 20 µs for a 300-character text.
_PLAIN_TEXT = re.compile("[\x80-\U0010ffffA-Za-z0-9 \n,.;:'\"?()%/=+@$-]*")
_OTHER_SPACE = re.compile(r"[^\S \n]")


def _plain_paragraph(text: str) -> bool:
    """Whether `text` is one paragraph of plain text: lines that each start with a letter
    and end without a space, and no character that Markdown gives a meaning."""
    if not text or not _PLAIN_TEXT.fullmatch(text) or _OTHER_SPACE.search(text):
        return False
    return all(line and line[0].isalpha() and line[-1] != " " for line in text.split("\n"))


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


_CODE_SPAN = re.compile(r"`([^`]+)`")


def code_spans(text: str) -> Any:
    """Interface text (never bank text) as HTML: escaped, with each `backticked` part as
    <code> (a field or a command in a rule's title or hint)."""
    return Markup(_CODE_SPAN.sub(lambda m: f"<code>{m.group(1)}</code>", str(escape(text))))
