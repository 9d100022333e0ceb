"""One journey as a Markdown document or a standalone HTML page.

Interface for the site (stable):

- `Link = Callable[[str, str], str | None]`: `link(kind, id)` gives the (relative) URL of
  a record page or None for no link. Kinds passed: `journey`, `theme`, `team`,
  `customer-group`, `life-event`, `insight`, `metric`, `opportunity`.
- `journey_links(pattern)` links journeys only, e.g. `journey_links("{id}.md")`.
- `no_links` leaves every reference plain text (the standalone HTML default);
  `site.links.published_links(site_url, language)` links the pages of a published site.
- `render_markdown(journey_map, link=None)` and `render_html(journey_map, link=None)`
  take a `JourneyMap` (from `journey_map.build_map`); the site can render the map grid
  alone with the macro `journey_map(map, link, strings)` of `render/_map.html.j2`.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from functools import cache

from markupsafe import Markup

from journeyops_cli.bank import Bank
from journeyops_cli.errors import EXIT_FINDINGS, JourneyopsError
from journeyops_cli.models import Journey
from journeyops_cli.render.i18n import strings
from journeyops_cli.render.journey_map import JourneyMap, build_map
from journeyops_cli.render.mermaid import journey_diagram
from journeyops_cli.resources import templates_dir
from journeyops_cli.suggest import did_you_mean

Link = Callable[[str, str], "str | None"]
FORMATS = ("md", "html")
DEFAULT_PATTERNS = {"md": "{id}.md"}


def journey_links(pattern: str) -> Link:
    """A `link` that gives `pattern.format(id=...)` for journeys and no link otherwise."""

    def link(kind: str, record_id: str) -> str | None:
        return pattern.format(id=record_id) if kind == "journey" else None

    return link


def no_links(kind: str, record_id: str) -> str | None:
    """Every reference as plain text: a standalone page links to nothing beside it."""
    return None


def render_markdown(journey_map: JourneyMap, link: Link | None = None) -> str:
    """The journey as Markdown: meta, links, the map table and a Mermaid emotion diagram."""
    from journeyops_cli.render.env import text_environment

    labels = strings(journey_map.language)
    template = text_environment().get_template("render/journey.md.j2")
    return template.render(
        map=journey_map,
        link=link or journey_links(DEFAULT_PATTERNS["md"]),
        s=labels,
        mermaid=journey_diagram(journey_map, labels),
    )


@cache
def map_script() -> tuple[Markup, Markup]:
    """The journey map's script (`templates/render/map.js`, the one the site appends to its
    site.js) to inline, and its CSP source (`'sha256-…'`): the page runs that script only."""
    text = (templates_dir() / "render" / "map.js").read_text("utf-8")
    if "</" in text:
        raise ValueError("render/map.js must not contain '</': it is inlined in a <script> element")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), Markup(f"'sha256-{digest}'")


def render_html(journey_map: JourneyMap, link: Link | None = None) -> str:
    """The journey as a standalone HTML page (inline CSS, SVG and the map's script, no
    external requests)."""
    from journeyops_cli.render.env import html_environment

    script, script_source = map_script()
    template = html_environment().get_template("render/journey.html.j2")
    return template.render(
        map=journey_map,
        link=link or no_links,
        s=strings(journey_map.language),
        script=script,
        script_source=script_source,
    )


class UnknownJourney(JourneyopsError):
    """No journey with this id (exit 1); the message ends with "did you mean …?" when an
    id is close (`suggestion`)."""

    exit_code = EXIT_FINDINGS

    def __init__(self, journey_id: str, suggestion: str | None) -> None:
        message = f"no journey with id '{journey_id}' in the bank"
        super().__init__(f"{message}; {suggestion}" if suggestion else message)
        self.journey_id = journey_id
        self.suggestion = suggestion


def find_journey(bank: Bank, journey_id: str) -> Journey:
    """The journey, or UnknownJourney with the nearest id."""
    journey = bank.get(Journey, journey_id)
    if journey is None:
        raise UnknownJourney(journey_id, did_you_mean(journey_id, bank.ids("Journey")))
    return journey


def render_journey(bank: Bank, journey_id: str, fmt: str, language: str, link: Link | None = None) -> str:
    """Render one journey of the bank in `fmt` (`md` or `html`), its references linked by
    `link` (the format's default when None)."""
    journey_map = build_map(bank, find_journey(bank, journey_id), language)
    return render_html(journey_map, link) if fmt == "html" else render_markdown(journey_map, link)
