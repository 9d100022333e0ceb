"""The playbook ("Pelikirja", "Spelbok"): the Markdown chapters of `docs/guide/<language>/`
(shipped in the wheel, `resources.guide_dir()`) as pages of the site.

A chapter is a file `NN-name.md`: `NN` orders the chapters, `name` is its page
(`guide/name.html`), its first line `# Title` is the page's title and heading. Every
language has the same file names, so the language switch goes to the same chapter. A
page language without a guide gets the English one (the page marks it `lang="en"`). The
text is rendered by the site's one Markdown renderer (`render.safety.markdown_html`: raw
HTML off, only http, https and mailto links).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from markupsafe import Markup

from journeyops_cli.resources import GUIDE_INDEX, guide_dir
from journeyops_cli.slug import is_slug

INDEX = GUIDE_INDEX
"""The playbook's contents page, in each page language's folder of the site."""
FALLBACK = "en"
"""The guide's language for a page language that has no guide of its own."""

_FILE = re.compile(r"^[0-9]{2}-(?P<name>[a-z0-9-]+)\.md$")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Chapter:
    """One chapter in one language."""

    name: str
    """Its page's name: `guide/{name}.html`."""
    title: str
    html: Markup
    """The chapter below its title, as HTML (headings from `h2` down)."""
    words: str
    """Its text without markup, for the search index."""


@dataclass(frozen=True, slots=True)
class Guide:
    """The chapters of the guide a page language shows, in order."""

    language: str
    """The language the text is written in (`FALLBACK` when the page language has none)."""
    chapters: tuple[Chapter, ...]


def chapter_names() -> list[str]:
    """The chapters' page names, in order (those of the fallback language's guide)."""
    return [chapter.name for chapter in guide(FALLBACK).chapters]


@cache
def guide(language: str) -> Guide:
    """The guide shown on the pages of `language`."""
    folder = guide_dir() / language
    if not folder.is_dir():
        language, folder = FALLBACK, guide_dir() / FALLBACK
    return Guide(language, tuple(_read(path.name, path.read_text("utf-8"))
                                 for path in sorted(folder.glob("*.md"))))


def _read(file_name: str, text: str) -> Chapter:
    from journeyops_cli.render.safety import markdown_html

    found = _FILE.match(file_name)
    if found is None or not is_slug(found["name"]):
        raise ValueError(f"guide chapter {file_name!r}: name it NN-name.md (a two-digit number, a slug)")
    first, _, body = text.partition("\n")
    if not first.startswith("# "):
        raise ValueError(f"guide chapter {file_name!r}: its first line must be its title, `# Title`")
    rendered = markdown_html(body)
    words = " ".join(html.unescape(_TAG.sub(" ", rendered)).split())
    return Chapter(found["name"], first[2:].strip(), Markup(rendered), words)


__all__ = ["FALLBACK", "INDEX", "Chapter", "Guide", "chapter_names", "guide"]
