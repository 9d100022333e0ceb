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
    """The active privacy rules of the bank: their detectors, masks and allow lists."""

    def __init__(self, bank: Bank) -> None:
        import fnmatch

        from journeyops_cli.pipeline import Selection
        from journeyops_cli.rules.engine import active_rules
        from journeyops_cli.rules.privacy.scan import PersonalDataRule

        self.rules = [r for r in active_rules(bank, Selection()) if isinstance(r, PersonalDataRule)]
        self._match = fnmatch.fnmatchcase
        self._hint = _HINTS.search

    def hits(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, what, mask) of each personal datum in `text`."""
        if self._hint(text) is None:
            return []  # no `@` and no three digits: no detector can match (as in the rules)
        found = []
        for rule in self.rules:
            allow = getattr(rule.options, "allow", [])
            for start, end in rule.detect(text):
                if not any(self._match(text[start:end].lower(), p.lower()) for p in allow):
                    found.append((start, end, rule.what, rule.mask))
        return sorted(found)

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
    privacy = _Privacy(bank)
    known = set(bank.ids("Insight"))
    groups = set(bank.ids("CustomerGroup"))
    seen: set[str] = set()
    counts: dict[str, int] = {}
    for index, row in cells(rows):
        record = _row(bank, rows, index, row, columns, profile, privacy, default_source, groups, out)
        if record is None:
            continue
        masked = record.pop("_masked")
        record["id"] = stable_id(prefix, record["date"], record["source"], record["summary"], record.pop("_id"))
        if not is_slug(record["id"]):
            out.problems.append(f"{rows.where(index)}: the id '{record['id']}' is not valid")
            continue
        if record["id"] in known:
            out.skipped += 1
            continue
        if record["id"] in seen:
            continue  # the same row twice in one file
        seen.add(record["id"])
        out.masked += masked
        bucket = record["date"].isoformat()[:7] if profile.group == "month" else slugify(record["source"])[:32]
        counts[bucket] = counts.get(bucket, 0) + 1
        part = (counts[bucket] - 1) // MAX_RECORDS_PER_FILE
        path = f"{profile.folder.strip('/')}/{prefix}-{bucket}{f'-{part + 1}' if part else ''}.yaml"
        out.files.setdefault(path, []).append(record_yaml(record))
        out.ids.append(record["id"])
    return out


def _row(
    bank: Bank, rows: Rows, index: int, row: list[Any], columns: dict[str, int], profile: ImportProfile,
    privacy: _Privacy, default_source: str, groups: set[str], out: Planned,
) -> dict[str, Any] | None:
    def get(key: str) -> str:
        column = columns.get(key)
        if column is None or column >= len(row) or row[column] is None:
            return ""
        value = row[column]
        if type(value) is str:
            text = value.strip()
        else:
            text = value.isoformat() if isinstance(value, dt.date | dt.datetime) else str(value).strip()
        mapped = profile.values.get(key)  # type: ignore[call-overload]
        return mapped.get(text, text) if mapped else text

    def problem(key: str, message: str) -> None:
        out.problems.append(f"{rows.where(index, columns.get(key))}: column '{profile.columns[key]}': {message}")  # type: ignore[index]

    date, why = parse_date(row[columns["date"]] if columns["date"] < len(row) else None)
    if date is None:
        problem("date", why or "not a date")
        return None
    summary = get("summary")
    if not summary:
        problem("summary", "empty")
        return None
    record: dict[str, Any] = {"kind": "Insight", "id": "", "title": get("title") or title_from(summary)}
    for key, default in (("type", profile.type), ("severity", profile.severity), ("confidence", profile.confidence)):
        value = get(key) or default
        choices = CHOICES["type" if key == "type" else key]
        if value is not None and value not in choices:
            problem(key, f"'{value}' is not a {key}; use {', '.join(choices)} (or map it under values:)")
            return None
        record[key] = value
    record["type"] = record.pop("type")
    record["source"] = get("source") or profile.source or default_source
    record["date"] = date
    record["summary"] = summary
    record["evidence"] = get("link") or None
    steps = list(profile.steps)
    for ref in re.split(r"[\n,;]+", get("step")):
        ref = ref.strip()
        if ref and bank.step(ref) is None:
            problem("step", f"no step '{ref}' in the bank")
            return None
        if ref and ref not in steps:
            steps.append(ref)
    record["steps"] = steps
    group = get("customer_group")
    if group and group not in groups:
        problem("customer_group", f"no customer group '{group}' in the bank")
        return None
    record["customer_groups"] = [group] if group else []
    masked = 0
    for key in ("summary", "title", "source"):
        if key == "title" and not masked and record["summary"].startswith(record["title"].rstrip("…")):
            continue  # the title is the start of a summary already scanned
        hits = privacy.hits(record[key])
        if not hits:
            continue
        if profile.privacy == "refuse":
            what = ", ".join(sorted({h[2] for h in hits}))
            out.problems.append(f"{rows.where(index)}: personal data ({what}) in the {key}; "
                                "anonymise the row, or import with --privacy mask")
            return None
        record[key], count = privacy.mask(record[key])
        masked += count
    record["_id"] = get("id") or None
    record["_masked"] = masked
    order = ("kind", "id", "title", "type", "source", "date", "summary", "evidence", "severity", "confidence",
             "steps", "customer_groups", "_id", "_masked")
    return {k: record.get(k) for k in order}
