"""Fingerprints of what a page shows, so a rebuild renders only the pages that changed.

Every fingerprint is a key made by the one recipe, `speed/store.Key`; what is particular
to the site is only what goes into it. A page is a pure function of its template (and
the code that renders it), the site-wide inputs (title, languages, interface strings,
whether there is a backlog) and its `Page.context`. `code_digest()` covers the code: the
key of the site's and the render package's modules (`store.Key`'s code part), the
versions of the libraries that turn them into pages, every template's bytes and the
playbook's (`site/guide.py`).
`ContextDigest` turns a context into parts that differ whenever anything a template could
read differs: every record by its full content (`model_dump_json`) and source, every
dataclass by its fields, strings tagged apart from `Markup` (which is not escaped). A
value of any other type falls back to its `repr`, which at worst makes the page render
again every time — never stale.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
from functools import cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from pydantic import BaseModel

from journeyops_cli.models.base import Record
from journeyops_cli.render.journey_map import JourneyMap
from journeyops_cli.site.pages import BacklogRow
from journeyops_cli.speed.store import Key, all_modules

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank

# Dataclasses that hold only plain values (no records, no Markup): hashed by their repr.
# A backlog row's explanation is frozen dataclasses of strings and numbers all the way
# down (`score/explain`, `score/reasons`); fed field by field, the 6,000 rows of a
# 2,000-journey backlog cost 0.6 s of every build's world digest.
_PLAIN_DATACLASSES = (JourneyMap, BacklogRow)

# Bump when the manifest's meaning changes.
FORMAT = "journeyops-site-manifest/4"


def digest(*parts: object) -> str:
    """The key of `parts` (`store.Key` on no module: the code is one of the parts, the
    `code_digest`, wherever it matters)."""
    return Key(()).add(*parts).hexdigest()


# A new version of one of these may render the same inputs into other bytes.
RENDERING_LIBRARIES = ("jinja2", "markupsafe", "markdown-it-py", "pydantic")


# Modules outside site/ and render/ whose code a page's bytes depend on: the records' base,
# and a score's explanation, written in a page's words (opportunity and backlog pages).
RENDERING_MODULES = ("models/base.py", "score/reasons.py", "score/explain.py")


def rendering_modules() -> tuple[str, ...]:
    """The modules a page's bytes depend on: the site's, the render package's and those
    of `RENDERING_MODULES`."""
    return tuple(m for m in all_modules() if m.startswith(("site/", "render/")) or m in RENDERING_MODULES)


@cache
def code_digest() -> str:
    """The key of the code that renders pages: its modules, the versions of the
    libraries that turn them into pages, the templates and the playbook."""
    from importlib.metadata import PackageNotFoundError, version

    from journeyops_cli.resources import guide_dir, templates_dir

    key = Key(rendering_modules()).add(FORMAT)
    for library in RENDERING_LIBRARIES:
        try:
            key.add(f"{library}={version(library)}")
        except PackageNotFoundError:
            key.add(f"{library}=?")
    for name, folder in (("templates", templates_dir()), ("guide", guide_dir())):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                key.add(f"{name}/{path.relative_to(folder).as_posix()}", path.read_bytes())
    return key.hexdigest()


class ContextDigest:
    """Digests page contexts; a record's digest is computed once per build."""

    def __init__(self) -> None:
        self._records: dict[int, tuple[Any, str]] = {}

    def __call__(self, *values: Any) -> str:
        parts: list[str] = []
        for value in values:
            self._feed(value, parts)
        return digest("\x00".join(parts))

    def records(self, bank: Bank) -> None:
        """Digest every record of `bank` now (what `SiteFingerprints.world` reads), while
        something else runs in another process."""
        for record in bank.records():
            self._record(record)

    def _record(self, model: BaseModel) -> str:
        hit = self._records.get(id(model))
        if hit is not None and hit[0] is model:
            return hit[1]
        try:
            body = model.model_dump_json()
        except Exception:  # noqa: BLE001 - a model that cannot be dumped: fall back to repr
            body = repr(model)
        if isinstance(model, Record):
            body = f"{model.source_path}\x00{model.source_document}\x00{body}"
            lanes = (model.__pydantic_private__ or {}).get("_lanes")
            if lanes:  # a journey's values of the bank's own lanes, which the dump leaves out
                body += f"\x00{lanes!r}"
        value = digest(type(model).__qualname__, body)
        self._records[id(model)] = (model, value)  # keep the model alive: ids stay unique
        return value

    def _feed(self, value: Any, parts: list[str]) -> None:
        add = parts.append
        kind = type(value)
        if kind is str:  # the commonest first
            add(f"s{len(value)}:{value}")
        elif kind is list or kind is tuple:
            add(f"{kind.__name__}[{len(value)}")
            for item in value:
                self._feed(item, parts)
            add("]")
        elif value is None or value is True or value is False:
            add(repr(value))
        elif isinstance(value, Markup):
            add(f"m{len(value)}:{value}")
        elif isinstance(value, str):
            add(f"s{len(value)}:{value}")
        elif isinstance(value, (int, float)) and not isinstance(value, enum.Enum):
            add(f"{type(value).__name__}:{value!r}")
        elif isinstance(value, BaseModel):
            add("r:" + self._record(value))
        elif isinstance(value, (list, tuple)):
            add(f"{type(value).__name__}[{len(value)}")
            for item in value:
                self._feed(item, parts)
            add("]")
        elif isinstance(value, dict):
            add(f"{{{len(value)}")
            for key, item in value.items():
                self._feed(key, parts)
                self._feed(item, parts)
            add("}")
        elif isinstance(value, _PLAIN_DATACLASSES):
            # Only strings, numbers, None and lists of more of the same: its repr says it all.
            add(f"p:{value!r}")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            add(f"d:{type(value).__qualname__}(")
            for item in dataclasses.fields(value):
                add(item.name)
                self._feed(getattr(value, item.name), parts)
            add(")")
        elif isinstance(value, (datetime.date, datetime.datetime)):
            add(f"{type(value).__name__}:{value.isoformat()}")
        elif isinstance(value, (set, frozenset)):
            add(f"set[{len(value)}")
            for item in sorted(value, key=repr):
                self._feed(item, parts)
            add("]")
        else:
            # Enums and anything else: its repr (an address in it only costs a re-render).
            add(f"?{type(value).__qualname__}:{value!r}")


class SiteFingerprints:
    """Every fingerprint the site build records, each made here and only here.

    `site` covers the code, the title, the languages and whether there is a backlog;
    `world` everything the pages show but validation's findings (every record by its
    content and file, the config, the code, the git history, the day): when it is what the
    previous build saw, a page that shows no findings is the previous build's page and
    is linked without building its context."""

    def __init__(self, title: str, languages: list[str], contexts: ContextDigest | None = None) -> None:
        self.digest = contexts if contexts is not None else ContextDigest()
        self.site_inputs = digest(code_digest(), title, *languages)
        self.site = ""  # set by `backlog()`, once it is known whether there is one

    def backlog(self, present: bool) -> None:
        """Say whether the site has a backlog page (its navigation links to it): part of
        every page's fingerprint."""
        self.site = digest(self.site_inputs, str(present))

    def world(self, bank: Bank, changes: Any, scorecard: Any) -> str:
        """Everything the pages show but validation's findings, by what it is made from:
        the site's inputs, the code (all of it: the backlog and the scorecard are made by
        `score/` and `scorecard/` from the records and the config), the config, every
        record, the git history and what the scorecard reads besides the bank
        (`scorecard`: the git HEAD and the day)."""
        return self.digest(self.site_inputs, Key(all_modules()).hexdigest(), bank.config.model_dump_json(),
                           list(bank.records()), changes, scorecard)

    def page(self, rel: str, template: str, title: str, context: dict[str, Any]) -> str:
        """What a page shows: its template, title and context."""
        return self.digest(self.site, rel, template, title, context)

    def search(self, rel: str, words: dict[str, str], bank: Bank) -> str:
        """What `search.entries` reads: the words and these records (ids sorted)."""
        tables = (bank.journeys, bank.insights, bank.opportunities, bank.teams, bank.customer_groups,
                  bank.life_events)
        records = [sorted(table(), key=lambda r: r.id) for table in tables]
        return self.digest(self.site, rel, words, records)

    def findings(self, items: list[Any]) -> str:
        """The findings of one file (a journey page shows them): by their repr, which
        holds every field (strings, numbers, a Severity, a `Where` of the same), and costs
        a tenth of feeding them field by field for the 5,000 files a big bank's findings
        are in."""
        return digest(repr(items))
