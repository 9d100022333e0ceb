"""Rendering pages fast: the frame around a page's content is rendered once, not per page.

Every page extends `site/base.html.j2` (through the `layout` variable). What the base
template shows around a page's `main` block depends on the page only through its title,
the links to the page in the other languages and, for the pages of the main navigation,
its key; the rest depends on the language and the page's folder. So the base template is
rendered once per (language, folder, navigation key) with stand-ins (`\\x00T\\x00`,
`\\x00A0\\x00`, …, `\\x00M\\x00`) in those places, split into pieces, and each page
renders only its `main` block (extending a layout that is just that block) and fills the
pieces. `PageRenderer.plain()` renders a page whole; tests check that both give the same
bytes for every page. A page whose template has other blocks (search's `scripts`), or a
frame whose stand-ins do not come out as expected, is rendered whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import jinja2

from journeyops_cli.models.base import pick_text
from journeyops_cli.render.i18n import LANGUAGE_NAMES
from journeyops_cli.render.safety import escaped
from journeyops_cli.site.links import Linker
from journeyops_cli.site.pages import Page, SiteData

BASE = "site/base.html.j2"
# Keys the base template compares `page.key` with (the main navigation and search).
NAV_KEYS = frozenset({"index.html", "levels.html", "insights/index.html", "metrics.html",
                      "scorecard.html", "backlog.html", "search.html", "guide/index.html"})
_SLOT = re.compile("\x00(T|M|A[0-9]+)\x00")


@dataclass(frozen=True, slots=True)
class _FramePage:
    """What the base template reads of `page` when a frame is rendered."""

    key: str
    title: str


Frame = list[str]
"""Literal text and slot names, alternating: text, slot, text, …, text."""


class PageRenderer:
    """Renders the pages of one build (templates and frames are kept for the build)."""

    def __init__(self, data: SiteData) -> None:
        from journeyops_cli.render.env import html_environment

        self.data = data
        self.env = html_environment()
        self._templates: dict[str, jinja2.Template] = {}
        self._frames: dict[tuple[str, str, str], Frame | None] = {}
        self._proven: set[tuple[str, str, str]] = set()
        self._pickers: dict[str, Any] = {}  # `t` of each language's pages
        self._main_only_templates: dict[str, bool] = {}  # template name: its only block is `main`
        self._main_only = self.env.from_string("{% block main %}{% endblock %}")
        self._frame_page = self.env.from_string(
            '{% extends layout %}{% block main %}\x00M\x00{% endblock %}'
        )

    def template(self, name: str) -> jinja2.Template:
        found = self._templates.get(name)
        if found is None:
            found = self._templates[name] = self.env.get_template(name)
        return found

    def variables(self, language: str, strings: dict[str, str], page: Any, link: Linker,
                  hrefs: list[str]) -> dict[str, Any]:
        """What every page template sees (the page's own context comes on top)."""
        data = self.data
        languages = data.languages
        t = self._pickers.get(language)
        if t is None:
            def t(value: Any) -> str:
                return pick_text(value, language, languages)

            self._pickers[language] = t
        return {
            "page": page,
            "site_title": data.title,
            "language": language,
            "languages": languages,
            "s": strings,
            "link": link,
            "alternates": [
                {"language": lang, "name": LANGUAGE_NAMES.get(lang, lang), "href": href,
                 "current": lang == language}
                for lang, href in zip(languages, hrefs, strict=True)
            ],
            "has_backlog": data.has_backlog,
            "t": t,
        }

    def _hrefs(self, link: Linker) -> list[str]:
        """The page in each language (`link.alternate(lang)`)."""
        return [link.alternate(lang) for lang in self.data.languages]

    def plain(self, language: str, strings: dict[str, str], page: Page) -> str:
        """The page rendered whole, base template and all."""
        link = Linker(language, page.key)
        variables = self.variables(language, strings, page, link, self._hrefs(link))
        return self.template(page.template).render(variables, layout=BASE, **page.context)

    def render(self, language: str, strings: dict[str, str], page: Page) -> str:
        """The page, its frame taken from the frames rendered before (same bytes as `plain`)."""
        template = self.template(page.template)
        main_only = self._main_only_templates.get(page.template)
        if main_only is None:
            main_only = self._main_only_templates[page.template] = template.blocks.keys() == {"main"}
        if not main_only:
            return self.plain(language, strings, page)
        frame_key, frame = self._frame(language, strings, page.key)
        if frame is None:
            return self.plain(language, strings, page)
        link = Linker(language, page.key)
        hrefs = self._hrefs(link)
        variables = self.variables(language, strings, page, link, hrefs)
        main = template.render(variables, layout=self._main_only, **page.context)
        text = _fill(frame, page.title, hrefs, main)
        if frame_key not in self._proven:
            # The first page of each frame proves it: the base template rendered whole for
            # this page, a stand-in in place of its main block, must be the frame filled
            # for this page (its title, its other languages). A frame that does not give
            # the same bytes is dropped (its pages are rendered whole). The main block is
            # not rendered a second time for this: a frame's first page is often its only
            # one (the navigation's pages), and the biggest (the backlog, the insights).
            proof = self._frame_page.render(variables, layout=self.template(BASE), **page.context)
            if proof != _fill(frame, page.title, hrefs, "\x00M\x00"):
                self._frames[frame_key] = None
                return self.plain(language, strings, page)
            self._proven.add(frame_key)
        return text

    def _frame(self, language: str, strings: dict[str, str], key: str) -> tuple[tuple[str, str, str], Frame | None]:
        folder = key.rpartition("/")[0]
        frame_key = (language, folder, key if key in NAV_KEYS or not folder else "")
        if frame_key in self._frames:
            return frame_key, self._frames[frame_key]
        frame: Frame | None = None
        stand_ins = [f"\x00A{i}\x00" for i in range(len(self.data.languages))]
        variables = self.variables(language, strings, _FramePage(key, "\x00T\x00"),
                                   Linker(language, key), stand_ins)
        text = self._frame_page.render(variables, layout=self.template(BASE))
        parts = _SLOT.split(text)
        # Exactly one place for the content, no stand-in changed on its way out, and no
        # stand-in in what the site itself shows (its title).
        if (parts[1::2].count("M") == 1 and not any("\x00" in p for p in parts[0::2])
                and "\x00" not in self.data.title):
            frame = parts
        self._frames[frame_key] = frame
        return frame_key, frame


def _fill(frame: Frame, title: str, hrefs: list[str], main: str) -> str:
    """The frame with a page's title, links to its other languages and main block in it."""
    parts = frame.copy()
    for i in range(1, len(parts), 2):
        slot = parts[i]
        if slot == "M":
            parts[i] = main
        elif slot == "T":
            parts[i] = escaped(title)
        else:
            parts[i] = escaped(hrefs[int(slot[1:])])
    return "".join(parts)
