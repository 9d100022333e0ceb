"""`import insights`: the rows of a feedback or survey export become insights.

A profile (from `import:` in journeyops.yaml, or made on the command line) says which column
holds what. Each row gets a stable id from its content (or from an id column), so a
re-import adds only new rows. Personal data is found with the privacy rules' own detectors
(and their `allow` lists): the row is refused, or the data masked, as the profile says.
Rows go into multi-document files, one per month or per source, appended when the file
exists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.edit.fields import record_yaml
from journeyops_cli.models.config_import import ImportProfile
from journeyops_cli.rules.privacy.scan import _HINTS
from journeyops_cli.sheets.layout import CHOICES
from journeyops_cli.sheets.rows import Rows, cells
from journeyops_cli.sheets.values import parse_date
from journeyops_cli.slug import is_slug, slugify
from journeyops_cli.speed.executor import gc_paused

MAX_RECORDS_PER_FILE = 2000  # keeps each file far below the loader's size limit
_SENTENCE = re.compile(r"(?<=[.!?])\s")


@dataclass(slots=True)
class Planned:
    """New insights by file, and what the rows had to say."""

    files: dict[str, list[str]] = field(default_factory=dict)
    """Bank-relative path -> the YAML text of each new record."""
    ids: list[str] = field(default_factory=list)
    skipped: int = 0
    """Rows already in the bank (same id)."""
    masked: int = 0
    problems: list[str] = field(default_factory=list)


class _Privacy:
    """The active privacy rules of the bank: their detectors, masks and allow lists. Each
    rule's own pre-filter (`hint`: an `@`, or three digits) decides whether it looks at a
    text at all, as in the rules."""

    def __init__(self, bank: Bank) -> None:
        from journeyops_cli.pipeline import Selection
        from journeyops_cli.rules.engine import active_rules
        from journeyops_cli.rules.privacy.scan import PersonalDataRule

        self.rules = [r for r in active_rules(bank, Selection()) if isinstance(r, PersonalDataRule)]
        self._scans = [(None if r.hint is None else r.hint.search, r) for r in self.rules]
        self._hint = _HINTS.search

    def hits(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, what, mask) of each personal datum in `text`."""
        if self._hint(text) is None:
            return []  # no `@` and no three digits: no detector can match (as in the rules)
        found = []
        for hint, rule in self._scans:
            if hint is None or hint(text) is not None:
                found += [(start, end, rule.what, rule.mask) for start, end in rule.spans(text)]
        return sorted(found) if len(found) > 1 else found

    def mask(self, text: str) -> tuple[str, int]:
        hits = self.hits(text)
        for start, end, _, mask in reversed(hits):
            text = text[:start] + mask + text[end:]
        return text, len(hits)


def stable_id(prefix: str, date: dt.date, source: str, summary: str, given: str | None) -> str:
    """The same row gives the same id in every run."""
    if given:
        return f"{prefix}-{slugify(given)}"[:64].rstrip("-")
    digest = hashlib.sha1(f"{date.isoformat()}\x1f{source}\x1f{summary}".encode()).hexdigest()[:10]
    return f"{prefix}-{date.isoformat().replace('-', '')}-{digest}"


def title_from(summary: str) -> str:
    first = _SENTENCE.split(summary.strip(), maxsplit=1)[0]
    return first if len(first) <= 80 else first[:79].rstrip() + "…"


def plan_insights(bank: Bank, rows: Rows, profile: ImportProfile, name: str, default_source: str) -> Planned:
    """The new insights of `rows`; each problem is `FILE:7: message`."""
    out = Planned()
    prefix = profile.prefix or slugify(name)[:24].rstrip("-") or "import"
    columns: dict[str, int] = {}
    for key, header in profile.columns.items():
        if header not in rows.header:
            out.problems.append(f"{rows.where(-1, 0)}: no column '{header}' (for {key}); "
                                f"the columns are {', '.join(rows.header)}")
        else:
            columns[key] = rows.header.index(header)
    for needed in ("date", "summary"):
        if needed not in profile.columns:
            out.problems.append(f"{rows.shown}: say which column holds the {needed} (--map {needed}=COLUMN)")
    if out.problems:
        return out
    for ref in profile.steps:
        if bank.step(ref) is None:
            out.problems.append(f"--link-step {ref}: no such step in the bank")
    mapper = _Mapper(bank, rows, columns, profile, default_source, out)
    with gc_paused():  # many small records and texts, no cycles
        _plan_rows(bank, rows, profile, prefix, mapper, out)
    return out


def _plan_rows(bank: Bank, rows: Rows, profile: ImportProfile, prefix: str, mapper: _Mapper, out: Planned) -> None:
    known = set(bank.ids("Insight"))
    seen: set[str] = set()
    counts: dict[str, int] = {}
    folder = profile.folder.strip("/")
    by_month = profile.group == "month"
    for index, row in cells(rows):
        record = mapper.record(index, row)
        if record is None:
            continue
        masked = record.pop("_masked")
        record_id = record["id"] = stable_id(prefix, record["date"], record["source"], record["summary"],
                                             record.pop("_id"))
        if not is_slug(record_id):
            out.problems.append(f"{rows.where(index)}: the id '{record_id}' is not valid")
            continue
        if record_id in known:
            out.skipped += 1
            continue
        if record_id in seen:
            continue  # the same row twice in one file
        seen.add(record_id)
        out.masked += masked
        bucket = record["date"].isoformat()[:7] if by_month else slugify(record["source"])[:32]
        count = counts[bucket] = counts.get(bucket, 0) + 1
        part = (count - 1) // MAX_RECORDS_PER_FILE
        path = f"{folder}/{prefix}-{bucket}{f'-{part + 1}' if part else ''}.yaml"
        out.files.setdefault(path, []).append(record_yaml(record))
        out.ids.append(record_id)


_STEP_SEPARATORS = re.compile(r"[\n,;]+")
_ORDER = ("kind", "id", "title", "type", "source", "date", "summary", "evidence", "severity", "confidence",
          "steps", "customer_groups", "_id", "_masked")


class _Mapper:
    """One row at a time into an insight's data, with what every row shares worked out
    once: the columns, the value maps, the steps and customer groups that exist, the dates
    already read (an export has few distinct ones), the privacy rules."""

    def __init__(self, bank: Bank, rows: Rows, columns: dict[str, int], profile: ImportProfile,
                 default_source: str, out: Planned) -> None:
        self.bank, self.rows, self.columns, self.profile, self.out = bank, rows, columns, profile, out
        self.default_source = profile.source or default_source
        self.privacy = _Privacy(bank)
        self.groups = set(bank.ids("CustomerGroup"))
        self.steps: dict[str, bool] = {}
        self.dates: dict[Any, tuple[dt.date | None, str | None]] = {}
        self.values: dict[str, dict[str, str]] = {k: v for k, v in profile.values.items() if v}
        self.defaults = (("type", profile.type), ("severity", profile.severity),
                         ("confidence", profile.confidence))

    def get(self, row: list[Any], key: str) -> str:
        column = self.columns.get(key)
        if column is None or column >= len(row) or row[column] is None:
            return ""
        value = row[column]
        if type(value) is str:
            text = value.strip()
        else:
            text = value.isoformat() if isinstance(value, dt.date | dt.datetime) else str(value).strip()
        mapped = self.values.get(key)
        return mapped.get(text, text) if mapped else text

    def problem(self, index: int, key: str, message: str) -> None:
        where = self.rows.where(index, self.columns.get(key))
        self.out.problems.append(f"{where}: column '{self.profile.columns[key]}': {message}")  # type: ignore[index]

    def date(self, cell: Any) -> tuple[dt.date | None, str | None]:
        if type(cell) is not str:
            return parse_date(cell)
        known = self.dates.get(cell)
        if known is None:
            known = self.dates[cell] = parse_date(cell)
        return known

    def step_exists(self, ref: str) -> bool:
        known = self.steps.get(ref)
        if known is None:
            known = self.steps[ref] = self.bank.step(ref) is not None
        return known

    def record(self, index: int, row: list[Any]) -> dict[str, Any] | None:
        """The insight's data (without its id yet), or None after reporting a problem."""
        column = self.columns["date"]
        date, why = self.date(row[column] if column < len(row) else None)
        if date is None:
            self.problem(index, "date", why or "not a date")
            return None
        get = self.get
        summary = get(row, "summary")
        if not summary:
            self.problem(index, "summary", "empty")
            return None
        record: dict[str, Any] = dict.fromkeys(_ORDER)  # the keys in the order they are written
        record["kind"], record["id"], record["title"] = "Insight", "", get(row, "title") or title_from(summary)
        for key, default in self.defaults:
            value = get(row, key) or default
            choices = CHOICES[key]
            if value is not None and value not in choices:
                self.problem(index, key, f"'{value}' is not a {key}; use {', '.join(choices)} "
                             "(or map it under values:)")
                return None
            record[key] = value
        record["source"] = get(row, "source") or self.default_source
        record["date"] = date
        record["summary"] = summary
        record["evidence"] = get(row, "link") or None
        steps = list(self.profile.steps)
        cell = get(row, "step")
        for ref in _STEP_SEPARATORS.split(cell) if cell else ():
            ref = ref.strip()
            if ref and not self.step_exists(ref):
                self.problem(index, "step", f"no step '{ref}' in the bank")
                return None
            if ref and ref not in steps:
                steps.append(ref)
        record["steps"] = steps
        group = get(row, "customer_group")
        if group and group not in self.groups:
            self.problem(index, "customer_group", f"no customer group '{group}' in the bank")
            return None
        record["customer_groups"] = [group] if group else []
        masked = 0
        hits = self.privacy.hits
        for key in ("summary", "title", "source"):
            if key == "title" and not masked and record["summary"].startswith(record["title"].rstrip("…")):
                continue  # the title is the start of a summary already scanned
            found = hits(record[key])
            if not found:
                continue
            if self.profile.privacy == "refuse":
                what = ", ".join(sorted({h[2] for h in found}))
                self.out.problems.append(f"{self.rows.where(index)}: personal data ({what}) in the {key}; "
                                         "anonymise the row, or import with --privacy mask")
                return None
            record[key], count = self.privacy.mask(record[key])
            masked += count
        record["_id"] = get(row, "id") or None
        record["_masked"] = masked
        return record
