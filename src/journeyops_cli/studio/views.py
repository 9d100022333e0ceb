"""Studio pages, rendered with the site's jinja environment: the site's frame
(`site/base.html.j2`), the site's record pages and the journey map partial, with the
studio's forms added (`templates/studio/`). Links point at the studio's own addresses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from journeyops_cli.findings import Finding
from journeyops_cli.models.base import pick_text
from journeyops_cli.render.catalogue import LANGUAGE_NAMES
from journeyops_cli.render.i18n import strings
from journeyops_cli.site.pages import PagePlanner, SiteData
from journeyops_cli.studio.state import View

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.models import Insight

PAGE_URLS = {
    "index.html": "/",
    "levels.html": "/",
    "insights/index.html": "/triage",
    "metrics.html": "/metrics",
    "backlog.html": "/",
    "search.html": "/search",
}
RECORD_URLS = {"journey": "/journey/", "insight": "/insight/", "metric": "/metric/", "opportunity": "/opportunity/"}


class StudioLinker:
    """The site's `link` object for studio pages: same calls, studio addresses."""

    def __init__(self, language: str) -> None:
        self.language = language

    def url(self, path: str, **query: str) -> str:
        return f"{path}?{urlencode({**query, 'lang': self.language})}"

    def page(self, key: str, language: str | None = None) -> str:
        return f"{PAGE_URLS.get(key, '/')}?{urlencode({'lang': language or self.language})}"

    def asset(self, name: str) -> str:
        return f"/assets/{quote(name)}"

    def root(self) -> str:
        return self.url("/")

    def record(self, kind: str, record_id: str) -> str:
        kind = kind.lower()
        if kind == "step":
            journey, _, step = record_id.partition("#")
            return f"{self.url('/journey/' + quote(journey))}#step-{quote(step)}"
        base = RECORD_URLS.get(kind)
        return self.url(base + quote(record_id)) if base else self.url("/")

    def __call__(self, kind: str, record_id: str) -> str:
        return self.record(kind, record_id)


class PageTitle:
    """What the site's frame reads of a page: its title and key."""

    def __init__(self, title: str, key: str) -> None:
        self.title = title
        self.key = key


class Renderer:
    """Renders studio pages in one language for the bank as it is now."""

    def __init__(self, view: View, title: str, languages: list[str], language: str, path: str, csrf: str,
                 query: dict[str, str] | None = None) -> None:
        from journeyops_cli.lint.withheld import Withheld
        from journeyops_cli.render.env import html_environment
        from journeyops_cli.site.jobs import findings_by_path

        self.view = view
        self.bank = view.bank
        self.languages = languages
        self.language = language
        self.path = path
        self.csrf = csrf
        self.query = {k: v for k, v in (query or {}).items() if k not in ("lang", "token")}
        self.env = html_environment()
        self.s = strings(language)
        self.link = StudioLinker(language)
        self.data = SiteData(view.bank, title, languages, findings_by_path(view.findings, Withheld()))
        self.planner = PagePlanner(self.data, language, self.s)

    def t(self, value: Any) -> str:
        return pick_text(value, self.language, self.languages)

    def variables(self, title: str, key: str) -> dict[str, Any]:
        return {
            "page": PageTitle(title, key),
            "site_title": self.data.title,
            "language": self.language,
            "languages": self.languages,
            "language_names": LANGUAGE_NAMES,
            "s": self.s,
            "link": self.link,
            "alternates": [
                {"language": lang, "name": LANGUAGE_NAMES.get(lang, lang),
                 "href": f"{self.path}?{urlencode({**self.query, 'lang': lang})}", "current": lang == self.language}
                for lang in self.languages
            ],
            "has_backlog": False,
            "t": self.t,
            "csrf": self.csrf,
            "bank": self.bank,
            "options": self.options,
            "lines_of": self.lines_of,
        }

    def lines_of(self, items: list[Any], language: str) -> str:
        """List items in one language, one a line (what `forms._text_lines` reads back); a
        plain-text item counts as the first language's."""
        first = self.languages[0]
        return "\n".join(
            item.get(language, "") if isinstance(item, dict) else (item if language == first else "")
            for item in items
        )

    def options(self, prefix: str, values: list[str]) -> list[tuple[str, str]]:
        """(value, label in this language) for a select of enum values."""
        return [(value, self.s.get(f"{prefix}{value}", value)) for value in values]

    def site_main(self, kind: str, record: Any) -> tuple[str, Markup]:
        """The `main` block of the site's page for `record`: (title, html)."""
        page = getattr(self.planner, kind)(record)
        template = self.env.get_template(page.template)
        main_only = self.env.from_string("{% block main %}{% endblock %}")
        html = template.render(self.variables(page.title, page.key), layout=main_only, **page.context)
        return page.title, Markup(html)

    def render(self, template: str, title: str, key: str = "", **context: Any) -> str:
        return self.env.get_template(template).render(self.variables(title, key), **context)

    def findings(self, paths: set[str]) -> list[Finding]:
        return self.view.findings_for(paths)

    def step_choices(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every journey's steps as (journey title, [(journey#step, step title)]), by level
        and title: the steps to pick from, map by map."""
        return [
            (self.t(journey.title), [(f"{journey.id}#{step.id}", self.t(step.title)) for step in journey.steps])
            for journey in self.planner.journeys_sorted(self.bank.journeys())
        ]


def unlinked_insights(bank: Bank) -> list[Insight]:
    """Insights linked to no step, newest first."""
    return sorted((i for i in bank.insights() if not i.steps), key=lambda i: (-i.date.toordinal(), i.id))
