"""`journeyops rename OLD NEW`: a step (`journey-id#step-id` → a new step id) or a record
(its id → a new id), and every reference to it, in one all-or-nothing change.

What a rename touches:

- a step: its `id` in the journey; every step reference to it (insights', metrics' and
  opportunities' `steps`); the `parent_step` of the child journeys' steps under it; and
  the same in each target (to-be) journey improving the journey that has a step of that
  id (as-is and to-be steps are matched by id), unless it has a step of the new id;
- a record: its `id`; every reference to it of its kind (the models' `REFERENCES`: a
  journey's `theme`, `team`, `parent`, `customer_groups`, a step's `metrics`, an
  opportunity's `insights`...); for a journey also every step reference into it
  (`old#step` → `new#step`); and its file, when the file is named for it and holds only
  it (`insights/old.yaml` → `insights/new.yaml`), with the `lint.per_path_ignores` of
  `journeyops.yaml` that name that file;
- in `journeyops.yaml`, the import profiles' steps and customer groups (`rename_config`).

Every record edit is a `SetValue` made by `Changeset.edit` (checked against the data it
means; comments and layout kept), so only the values that name the old id change. The
caller checks the whole bank (`Changeset.new_errors`) and writes (`Changeset.write`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.browse import Refused
from journeyops_cli.browse.details import find
from journeyops_cli.edit.changeset import Changeset
from journeyops_cli.edit.fields import Edit, SetValue
from journeyops_cli.edit.rename_config import rename_ignores, rename_in_imports
from journeyops_cli.models import Journey, Step
from journeyops_cli.models.base import SLUG_PATTERN, Record
from journeyops_cli.models.config import CONFIG_FILE

_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True, slots=True)
class Change:
    """One value a rename changes: in `path` (the file as it is now), at `where` (a field
    path inside the record, or `lint.per_path_ignores` in journeyops.yaml)."""

    path: str
    where: str
    old: str
    new: str


@dataclass(slots=True)
class Rename:
    """A planned rename: the changes, and the file renamed (old path, new path), if any."""

    kind: str
    old: str
    new: str
    changes: Changeset
    values: list[Change] = field(default_factory=list)
    moved: tuple[str, str] | None = None


def _new_id(wanted: str, old_ref: str | None = None) -> str:
    """The new id from NEW (a step may be given as `journey-id#new-step-id` of its own journey)."""
    if old_ref is not None and "#" in wanted:
        journey, _, step = wanted.partition("#")
        if journey != old_ref.partition("#")[0]:
            raise Refused("cli.rename.other_journey", new=wanted, journey=old_ref.partition("#")[0])
        wanted = step
    if not _SLUG.match(wanted):
        raise Refused("cli.rename.bad_id", new=wanted)
    return wanted


def plan(bank: Bank, old: str, new: str, kind: str | None = None) -> Rename:
    """The rename of `old` (a step reference or a record's id; `kind`, a name `list` takes,
    when records of several kinds have it) to `new`; `Refused` when `old` is not there or
    `new` is not a free, valid id."""
    found = find(bank, old, kind)
    if isinstance(found, tuple):
        _refuse_unloaded(bank, old, lambda k, t: k == "step" and t == old)
        return _plan_step(bank, *found, new)
    _refuse_unloaded(bank, found.id, lambda k, t: (k, t) == (found.kind, found.id) or (
        found.kind == "Journey" and k == "step" and t.partition("#")[0] == found.id))
    return _plan_record(bank, found, new)


def _refuse_unloaded(bank: Bank, old: str, names: Callable[[str, str], bool]) -> None:
    """Refuse while a record that did not load names what is renamed (the rename could not
    update it, and the reference would dangle once the file is fixed)."""
    for item in bank.unloaded:
        if any(names(target_kind, target) for _, target_kind, target in item.references):
            raise Refused("cli.rename.unloaded_referrer", path=item.path, old=old)


class _Edits:
    """Edits by record, gathered, then made record by record."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.by_record: dict[tuple[str, int], tuple[Record, list[Edit]]] = {}
        self.values: list[tuple[str, int, int, Change]] = []

    def set(self, record: Record, path: tuple[Any, ...], old: str, new: str) -> None:
        key = (record.source_path, record.source_document)
        self.by_record.setdefault(key, (record, []))[1].append(SetValue(path, new))
        change = Change(record.source_path, ".".join(map(str, path)), old, new)
        self.values.append((*key, len(self.values), change))

    def into(self, renamed: Rename) -> Rename:
        changes = renamed.changes
        for key in sorted(self.by_record):
            record, edits = self.by_record[key]
            changes.edit(record, edits, f"{record.kind} {record.id}")
        renamed.values = [change for *_, change in sorted(self.values)]  # by file, then place in it
        return renamed


def _plan_step(bank: Bank, journey: Journey, step: Step, new: str) -> Rename:
    ref = f"{journey.id}#{step.id}"
    new_id = _new_id(new, ref)
    if new_id == step.id:
        raise Refused("cli.rename.same", old=ref)
    if journey.step(new_id) is not None:
        raise Refused("cli.rename.step_taken", journey=journey.id, new=new_id)
    new_ref = f"{journey.id}#{new_id}"
    edits = _Edits(bank)
    refs = _step_edits(bank, edits, journey, step.id, new_id)
    # A target (to-be) journey's steps are matched to this one's by id: its step of the
    # same id follows, unless it has a step of the new id already.
    for target in bank.improved_by.get(journey.id, ()):
        twin = target.step(step.id)
        if target.state == "target" and twin is not None and target.step(new_id) is None:
            refs |= _step_edits(bank, edits, target, step.id, new_id)
    renamed = edits.into(Rename("Step", ref, new_ref, Changeset(bank.root, bank.config.limits)))
    _in_config(renamed, rename_in_imports(bank, renamed.changes, refs.get))
    return renamed


def _step_edits(bank: Bank, edits: _Edits, journey: Journey, old_id: str, new_id: str) -> dict[str, str]:
    """The step's id, every step reference to it and its child journeys' `parent_step`;
    the step references renamed (old → new)."""
    ref, new_ref = f"{journey.id}#{old_id}", f"{journey.id}#{new_id}"
    edits.set(journey, ("steps", next(i for i, s in enumerate(journey.steps) if s.id == old_id), "id"),
              old_id, new_id)
    for record in bank.records():
        for path, target_kind, target in record.references():
            if target_kind == "step" and target == ref:
                edits.set(record, path, ref, new_ref)
    for child in bank.children.get(journey.id, ()):
        for index, child_step in enumerate(child.steps):
            if child_step.parent_step == old_id:
                edits.set(child, ("steps", index, "parent_step"), old_id, new_id)
    return {ref: new_ref}


def _plan_record(bank: Bank, record: Record, new: str) -> Rename:
    new_id = _new_id(new)
    if new_id == record.id:
        raise Refused("cli.rename.same", old=record.id)
    if bank.get_kind(record.kind, new_id) is not None or bank.did_not_load(record.kind, new_id):
        raise Refused("cli.rename.id_taken", new=new_id)
    edits = _Edits(bank)
    edits.set(record, ("id",), record.id, new_id)
    is_journey = isinstance(record, Journey)
    for other in bank.at(bank.referrers().get((record.kind, record.id), ())):
        for path, target_kind, target in other.references():
            if target_kind == record.kind and target == record.id:
                edits.set(other, path, target, new_id)
            elif is_journey and target_kind == "step" and target.partition("#")[0] == record.id:
                edits.set(other, path, target, f"{new_id}#{target.partition('#')[2]}")
    renamed = edits.into(Rename(record.kind, record.id, new_id, Changeset(bank.root, bank.config.limits)))
    prefix = record.id + "#"

    def step(ref: str) -> str | None:
        return f"{new_id}#{ref.removeprefix(prefix)}" if is_journey and ref.startswith(prefix) else None

    group = (record.id, new_id) if record.kind == "CustomerGroup" else None
    _in_config(renamed, rename_in_imports(bank, renamed.changes, step, group))
    _move_file(bank, record, new_id, renamed)
    return renamed


def _in_config(renamed: Rename, changed: list[tuple[str, str, str]]) -> None:
    renamed.values += [Change(CONFIG_FILE, where, old, new) for where, old, new in changed]


def _move_file(bank: Bank, record: Record, new_id: str, renamed: Rename) -> None:
    """Rename the record's file when it is named for the record and holds only it."""
    path = PurePosixPath(record.source_path)
    alone = len(bank.files.get(record.source_path, ())) == 1 and not any(
        item.path == record.source_path for item in bank.unloaded)
    if path.stem != record.id or not alone:
        return
    target = str(path.with_name(new_id + path.suffix))
    if (bank.root / target).exists():
        raise Refused("cli.rename.file_exists", path=target)
    renamed.changes.move(record.source_path, target, f"{record.source_path} -> {target}")
    renamed.moved = (record.source_path, target)
    _in_config(renamed, rename_ignores(bank, renamed.changes, record.source_path, target))
