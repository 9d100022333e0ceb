"""`link` and `unlink`: add or remove references in one insight, metric or opportunity.

An insight or a metric links to steps (`journey-id#step-id`, field `steps`); an opportunity
links to steps, insights (`insights`) and metrics (`metrics`). The record is edited in
place with `surgery`, checked with `verify`, and written atomically.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from journeyops_cli.bank import Bank
from journeyops_cli.edit import EditError
from journeyops_cli.edit.atomic import replace_file
from journeyops_cli.edit.nodes import documents, record_lines
from journeyops_cli.edit.surgery import add_item, remove_item
from journeyops_cli.edit.textfile import read
from journeyops_cli.edit.verify import check_edit, data_of, require_clean
from journeyops_cli.models import Insight, Metric, Opportunity
from journeyops_cli.models.base import Record
from journeyops_cli.suggest import did_you_mean

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


def find_source(bank: Bank, source_id: str, kind: str | None) -> Record:
    """The insight, metric or opportunity with `source_id` (of `kind` when given)."""
    kinds: list[type[Record]] = [SOURCE_KINDS[kind]] if kind else list(SOURCE_KINDS.values())
    matches = [r for model in kinds if (r := bank.get(model, source_id)) is not None]
    if len(matches) > 1:
        names = " and ".join(m.kind.lower() for m in matches)
        raise EditError(f"'{source_id}' is both an {names}; say which with --kind")
    if not matches:
        known = [i for model in kinds for i in bank.ids(model.KIND)]
        what = kind or "insight, metric or opportunity"
        raise EditError(f"no {what} with id '{source_id}'{_nearest(source_id, known)}")
    return matches[0]


def _nearest(value: str, candidates: list[str]) -> str:
    return f"; {hint}" if (hint := did_you_mean(value, candidates)) else ""


def field_for(bank: Bank, source: Record, target: str, linking: bool) -> str:
    """The list field of `source` that `target` goes into; an EditError if it cannot."""
    if "#" in target:
        if linking and bank.step(target) is None:
            raise EditError(f"no step '{target}' in the bank{_nearest(target, bank.step_refs())}")
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
    raise EditError(f"no insight, metric or step '{target}' in the bank{_nearest(target, known)}")


def link(bank: Bank, source: Record, targets: list[str], *, remove: bool = False) -> list[LinkOutcome]:
    """Link (or unlink) `targets` to `source` and write its file once; returns what happened."""
    shown = source.source_path
    path = bank.root / shown
    limits = bank.config.limits
    planned = [(target, field_for(bank, source, target, not remove)) for target in targets]
    original = read(path, shown)
    require_clean(original.text, shown, limits)
    data = data_of(original.text, limits)
    if data is None:
        raise EditError(f"{shown}: cannot be read as YAML; not changed")
    index = source.source_document
    text = original.text
    outcomes: list[LinkOutcome] = []
    for target, name in planned:
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
        new = edit(text, index, name, target, original.newline, shown)
        check_edit(text, new, expected, lines, shown, limits)
        text, data = new, expected
        outcomes.append(
            LinkOutcome(shown, source.id, target, name, "unlinked" if remove else "linked")
        )
    if text != original.text:
        replace_file(path, original.encode(text), shown)
    return outcomes


def load_for_edit(root: Path) -> Bank:
    """The bank, loaded for an edit."""
    from journeyops_cli.pipeline import load_bank

    return load_bank(root).bank
