"""`link` and `unlink`: add or remove references in one insight, metric or opportunity.

An insight or a metric links to steps (`journey-id#step-id`, field `steps`); an opportunity
links to steps, insights (`insights`) and metrics (`metrics`). The record is edited in
place with `surgery`, checked with `verify`, and written atomically.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from journeyops_cli.bank import Bank
from journeyops_cli.edit import EditError
from journeyops_cli.edit.atomic import FileWrite, write_files
from journeyops_cli.edit.nodes import documents, record_lines
from journeyops_cli.edit.surgery import add_item, remove_item
from journeyops_cli.edit.textfile import TextFile, read
from journeyops_cli.edit.verify import check_edit, data_of, require_clean
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.load.yaml_read import parse
from journeyops_cli.models import Insight, Journey, Metric, Opportunity
from journeyops_cli.models.base import Record
from journeyops_cli.models.config import LimitsConfig
from journeyops_cli.suggest import did_you_mean

if TYPE_CHECKING:
    from journeyops_cli.pipeline import Loaded

SOURCE_KINDS: dict[str, type[Record]] = {"insight": Insight, "metric": Metric, "opportunity": Opportunity}
Outcome = Literal["linked", "already linked", "unlinked", "not linked"]


@dataclass(frozen=True, slots=True)
class LinkOutcome:
    """What happened to one target."""

    path: str
    source: str
    target: str
    field: str
    outcome: Outcome


def find_source(bank: Bank, source_id: str, kind: str | None, refused: list[Finding] | None = None) -> Record:
    """The insight, metric or opportunity with `source_id` (of `kind` when given).
    `refused`: the loader's findings, to say why a record in a file that failed to load
    is not there."""
    kinds: list[type[Record]] = [SOURCE_KINDS[kind]] if kind else list(SOURCE_KINDS.values())
    matches = [r for model in kinds if (r := bank.get(model, source_id)) is not None]
    if len(matches) > 1:
        names = " and ".join(m.kind.lower() for m in matches)
        raise EditError(f"'{source_id}' is both an {names}; say which with --kind")
    if not matches:
        known = [i for model in kinds for i in bank.ids(model.KIND)]
        what = kind or "insight, metric or opportunity"
        missing = f"no {what} with id '{source_id}'{_nearest(source_id, known)}"
        raise EditError(_why_missing(bank, refused, kinds, source_id, missing))
    return matches[0]


def _why_missing(
    bank: Bank, refused: list[Finding] | None, kinds: list[type[Record]], record_id: str, missing: str
) -> str:
    """Why the record `record_id` of one of `kinds` is not in the bank: the file that holds
    it failed to load (and why), or `missing` with the files that are not YAML at all and so
    may hold it."""
    errors: dict[str, list[Finding]] = {}
    for item in refused or []:
        if item.severity >= Severity.ERROR:
            errors.setdefault(item.path, []).append(item)
    unreadable: list[Finding] = []
    names = {model.KIND for model in kinds}
    for path, found in errors.items():
        try:  # the file that failed to load, read again to say why (the Bank keeps no text)
            text = (bank.root / path).read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
        except OSError:
            text = ""
        parsed = parse(text, max_depth=bank.config.limits.max_depth,
                       max_aliases=bank.config.limits.max_aliases)
        if parsed.problems:
            unreadable.append(found[0])
            continue
        documents = parsed.documents
        for position, document in enumerate(documents):
            data = document.data
            if not (isinstance(data, dict) and data.get("kind") in names and data.get("id") == record_id):
                continue
            end = documents[position + 1].line if position + 1 < len(documents) else None
            inside = [f for f in found if f.line >= document.line and (end is None or f.line < end)]
            first = (inside or found)[0]
            return (
                f"{data['kind'].lower()} '{record_id}' is in {path}, which failed to load: "
                f"{_at(first)}; fix the file first"
            )
    if unreadable:
        more = f", and {len(unreadable) - 1} more file(s) failed to load" if len(unreadable) > 1 else ""
        return f"{missing} ({unreadable[0].path} failed to load and may hold it: {_at(unreadable[0])}{more})"
    return missing


def _at(item: Finding) -> str:
    return f"{item.path}:{item.line}:{item.column}: {item.message}"


def _nearest(value: str, candidates: list[str]) -> str:
    return f"; {hint}" if (hint := did_you_mean(value, candidates)) else ""


def field_for(
    bank: Bank, source: Record, target: str, linking: bool, refused: list[Finding] | None = None
) -> str:
    """The list field of `source` that `target` goes into; an EditError if it cannot."""
    if "#" in target:
        if linking and bank.step(target) is None:
            missing = f"no step '{target}' in the bank{_nearest(target, bank.step_refs())}"
            journey = target.partition("#")[0]
            if bank.get(Journey, journey) is None:
                missing = _why_missing(bank, refused, [Journey], journey, missing)
            raise EditError(missing)
        return "steps"
    if not isinstance(source, Opportunity):
        raise EditError(
            f"{source.kind.lower()} '{source.id}' links to journey steps; "
            f"write the target as journey-id#step-id, not '{target}'"
        )
    if not linking:
        for name in ("insights", "metrics"):
            if target in getattr(source, name):
                return name
        return "insights"
    is_insight = bank.get(Insight, target) is not None
    is_metric = bank.get(Metric, target) is not None
    if is_insight and is_metric:
        raise EditError(f"'{target}' is both an insight and a metric; link it by editing the file")
    if is_insight:
        return "insights"
    if is_metric:
        return "metrics"
    known = bank.ids("Insight") + bank.ids("Metric") + bank.step_refs()
    missing = f"no insight, metric or step '{target}' in the bank{_nearest(target, known)}"
    raise EditError(_why_missing(bank, refused, [Insight, Metric], target, missing))


def link(
    bank: Bank,
    source: Record,
    targets: list[str],
    *,
    remove: bool = False,
    refused: list[Finding] | None = None,
) -> list[LinkOutcome]:
    """Link (or unlink) `targets` to `source` and write its file once; returns what happened.
    `refused`: the loader's findings, to say why a target is missing when its file failed."""
    return link_many(bank, [source], targets, remove=remove, refused=refused)


def link_many(
    bank: Bank,
    sources: list[Record],
    targets: list[str],
    *,
    remove: bool = False,
    refused: list[Finding] | None = None,
) -> list[LinkOutcome]:
    """Link (or unlink) `targets` to each of `sources`, and write the changed files all or
    nothing (`atomic.write_files`); returns what happened, source by source. Every target
    is checked for every source before any file is edited."""
    limits = bank.config.limits
    planned = [
        (source, [(target, field_for(bank, source, target, not remove, refused)) for target in targets])
        for source in sources
    ]
    files: dict[str, tuple[TextFile, str]] = {}
    outcomes: list[LinkOutcome] = []
    for source, pairs in planned:
        shown = source.source_path
        if shown not in files:
            original = read(bank.root / shown, shown)
            require_clean(original.text, shown, limits)
            files[shown] = (original, original.text)
        original, text = files[shown]
        text = _edit(text, original.newline, source, pairs, remove, limits, outcomes)
        files[shown] = (original, text)
    write_files([
        FileWrite(bank.root / shown, original.encode(text), shown)
        for shown, (original, text) in files.items() if text != original.text
    ])
    return outcomes


def _edit(
    text: str, newline: str, source: Record, pairs: list[tuple[str, str]], remove: bool, limits: LimitsConfig,
    outcomes: list[LinkOutcome],
) -> str:
    """`text` with the links of `pairs` (target, field) added to or removed from `source`,
    each edit checked; what happened is added to `outcomes`."""
    shown = source.source_path
    data = data_of(text, limits)
    if data is None:
        raise EditError(f"{shown}: cannot be read as YAML; not changed")
    index = source.source_document
    for target, name in pairs:
        record = data[index]
        current = record.get(name) or []
        present = target in current
        if remove and not present:
            outcomes.append(LinkOutcome(shown, source.id, target, name, "not linked"))
            continue
        if not remove and present:
            outcomes.append(LinkOutcome(shown, source.id, target, name, "already linked"))
            continue
        expected = copy.deepcopy(data)
        items = list(current)
        if remove:
            items.remove(target)
        else:
            items.append(target)
        expected[index][name] = items
        node = documents(text, shown)[index]
        lines = record_lines(text, node)
        edit = remove_item if remove else add_item
        new = edit(text, index, name, target, newline, shown)
        check_edit(text, new, expected, lines, shown, limits)
        text, data = new, expected
        outcomes.append(
            LinkOutcome(shown, source.id, target, name, "unlinked" if remove else "linked")
        )
    return text


def load_for_edit(root: Path) -> Loaded:
    """The bank, loaded for an edit, with the loader's findings (files that failed to load)."""
    from journeyops_cli.pipeline import load_bank

    return load_bank(root)
