"""Where every page of the site lives and how one page links to another.

Paths are POSIX paths relative to the output folder (`fi/journeys/apply.html`). A page's
*key* is its path inside a language folder (`journeys/apply.html`); links between pages
are always relative, so the site works from `file://` and from any folder of any host.
Only validated ids name files: an id that is not a whole slug is an error, not a path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from journeyops_cli.errors import JourneyopsError
from journeyops_cli.slug import is_slug

ASSETS = "assets"

# Where each kind of record gets its page (or its anchor on a shared page).
_KIND_FOLDERS = {
    "journey": "journeys",
    "theme": "themes",
    "insight": "insights",
    "opportunity": "opportunities",
    "team": "teams",
    "customergroup": "groups",
    "lifeevent": "life-events",
}


class UnsafeId(JourneyopsError, ValueError):
    """An id that is not a whole slug was about to name a file or an anchor."""


def checked(record_id: str) -> str:
    if type(record_id) is str and record_id in _CHECKED:
        return record_id
    if not isinstance(record_id, str) or not is_slug(record_id):
        raise UnsafeId(f"{record_id!r} is not a valid id and cannot name a page")
    if len(_CHECKED) >= _CHECKED_MAX:
        _CHECKED.clear()
    _CHECKED.add(record_id)
    return record_id


# Ids already checked (a page links to the same records as its neighbours); bounded.
_CHECKED: set[str] = set()
_CHECKED_MAX = 200_000


def record_key(kind: str, record_id: str) -> str:
    """The key of a record's page, with an anchor for records shown on a shared page.

    `kind` is a kind slug (`journey`, `insight`, …) or `step` with `journey-id#step-id`.
    """
    kind = kind.lower()
    if kind == "step":
        journey_id, _, step_id = record_id.partition("#")
        # The anchor the journey map gives each step's column header.
        return f"journeys/{checked(journey_id)}.html#{checked(journey_id)}--{checked(step_id)}"
    if kind == "metric":
        return f"metrics.html#metric-{checked(record_id)}"
    folder = _KIND_FOLDERS.get(kind)
    if folder is None:
        raise UnsafeId(f"no page for records of kind {kind!r}")
    return f"{folder}/{checked(record_id)}.html"


def page_path(language: str, key: str) -> str:
    """The output path of the page `key` in `language`."""
    return f"{checked(language)}/{key}"


def relative(from_path: str, to_path: str) -> str:
    """A relative link from the page at `from_path` to `to_path` (which may carry a
    `#fragment`); both are output-relative POSIX paths."""
    return relative_from(posixpath.dirname(from_path), to_path)


def relative_from(here: str, to_path: str) -> str:
    """`relative()` from a page in the folder `here`."""
    target, hash_, fragment = to_path.partition("#")
    cache_key = (here, target)
    link = _RELATIVE.get(cache_key)
    if link is None:
        link = _relpath(target, here)
        if len(_RELATIVE) >= _RELATIVE_MAX:
            _RELATIVE.clear()
        _RELATIVE[cache_key] = link
    return link + hash_ + fragment


# Pages in the same folder share their links: a link is computed once per
# (folder, target) and reused (bounded, so `site serve` cannot grow it without end).
_RELATIVE: dict[tuple[str, str], str] = {}
_RELATIVE_MAX = 20_000


def _relpath(target: str, here: str) -> str:
    """`posixpath.relpath(target, here or ".")` for clean relative paths, without its
    `abspath` calls; anything unusual goes to `posixpath.relpath` itself."""
    to_parts = target.split("/")
    from_parts = here.split("/") if here else []
    if any(p in ("", ".", "..") for p in to_parts) or any(p in ("", ".", "..") for p in from_parts):
        return posixpath.relpath(target, here or ".")
    common = 0
    for a, b in zip(from_parts, to_parts, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(from_parts) - common) + to_parts[common:]
    return "/".join(parts) if parts else "."


class Linker:
    """Links from one page: to other pages of its language, to the same page in another
    language, to shared assets, and to records (`link(kind, id)` for templates).

    Links to pages of the same language by a fixed key (the navigation, the breadcrumbs)
    are shared by all pages of a folder: each is computed once."""

    def __init__(self, language: str, key: str) -> None:
        self.language = language
        self.key = key
        self.path = page_path(language, key) if key else "index.html"
        self._here = (language, self.path.rpartition("/")[0])
        self._plain = bool(key) and not any(part in ("", ".", "..") for part in self.path.split("/"))

    def page(self, key: str, language: str | None = None) -> str:
        if language is not None and language != self.language:
            return relative(self.path, page_path(language, key))
        cache_key = (self._here, key)
        link = _LINKS.get(cache_key)
        if link is None:
            link = relative(self.path, page_path(self.language, key))
            if len(_LINKS) >= _LINKS_MAX:
                _LINKS.clear()
            _LINKS[cache_key] = link
        return link

    def alternate(self, language: str) -> str:
        """This page in `language` (the same key): worked out from the page's depth (a
        plain key), not kept (every page has its own)."""
        if language == self.language and self.key:
            return self.path.rpartition("/")[2]
        if self._plain:
            return "../" * self.path.count("/") + page_path(language, self.key)
        return relative(self.path, page_path(language, self.key))

    def asset(self, name: str) -> str:
        return relative(self.path, f"{ASSETS}/{name}")

    def root(self) -> str:
        return relative(self.path, "index.html")

    def record(self, kind: str, record_id: str) -> str:
        # A record with a page of its own: its folder as seen from this page's folder
        # (worked out once per folder and kind) and its file name. The link itself is not
        # kept: most records are linked from a few pages only.
        folder = _FOLDERS.get((self._here, kind))
        if folder is None:
            if kind not in _KIND_FOLDERS:
                return relative_from(self._here[1], page_path(self.language, record_key(kind, record_id)))
            folder = relative_from(self._here[1], page_path(self.language, _KIND_FOLDERS[kind]))
            folder = _FOLDERS[(self._here, kind)] = "" if folder == "." else folder + "/"
        return f"{folder}{checked(record_id)}.html"

    def __call__(self, kind: str, record_id: str) -> str:
        return self.record(kind, record_id)


_LINKS: dict[tuple[tuple[str, str], str], str] = {}
# (language, folder of the linking page) and kind: the kind's folder, relative, with "/"
# (a few per language: kinds × folders).
_FOLDERS: dict[tuple[tuple[str, str], str], str] = {}
_LINKS_MAX = 10_000


def published_links(site_url: str, language: str) -> Callable[[str, str], str | None]:
    """A `link(kind, id)` (`render.journey_page.Link`) to the record pages of this site as
    published at `site_url`: `{site_url}/{language}/journeys/{id}.html`; None for kinds
    without a page (teams, customer groups, life events)."""
    base = site_url.rstrip("/")

    def link(kind: str, record_id: str) -> str | None:
        try:
            return f"{base}/{page_path(language, record_key(kind, record_id))}"
        except UnsafeId:
            return None

    return link
