"""A bank derived from another with some files' records replaced (`replaced`): the work
is that of the records that change, the result equals `Bank.of_results` of every file
(tests/core/test_bank_replace.py holds it to that on random edits)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from journeyops_cli.bank import INDEXES, Bank, Duplicate, Journey, Metric, RecordKey, Target, key_of, links, targets
from journeyops_cli.load.files import FileResult, Unloaded
from journeyops_cli.models.base import Record

V = TypeVar("V")


@dataclass(slots=True)
class Change:
    """What `replaced` changed: the banks before and after, the files replaced, and
    the records that left or joined the bank (those of the files, and records elsewhere
    whose id a record of the files took or gave back as the first of its kind)."""

    before: Bank
    after: Bank
    paths: frozenset[str]
    removed: list[Record] = field(default_factory=list)
    added: list[Record] = field(default_factory=list)
    # The (kind, id) of every record of the files, before and after.
    ids: set[tuple[str, str]] = field(default_factory=set)
    # What did not load in the files, before and after.
    unloaded_before: list[Unloaded] = field(default_factory=list)
    unloaded_after: list[Unloaded] = field(default_factory=list)

    def touched(self) -> set[RecordKey]:
        """The places of every record that changed: those in the files, before and after
        (what did not load included), and those that joined or left the bank."""
        keys = {key_of(record) for record in (*self.removed, *self.added)}
        keys.update(key_of(item) for item in (*self.unloaded_before, *self.unloaded_after))
        for path in self.paths:
            keys.update(key_of(record) for record in self.before.files.get(path, ()))
            keys.update(key_of(record) for record in self.after.files.get(path, ()))
        return keys

    def changed_ids(self, kind: type[Record]) -> set[str]:
        """The ids of `kind` whose record in the bank is another one after the change."""
        return {record.id for record in (*self.removed, *self.added) if record.kind == kind.KIND}

    def children(self) -> set[RecordKey]:
        """The places of the journeys (after) whose parent journey changed."""
        return {key_of(child) for parent in self.changed_ids(Journey)
                for child in self.after.children.get(parent, ())}

    def referrers(self, wanted: Iterable[Target]) -> set[RecordKey]:
        """The places of the records (after) that point at any of `wanted`."""
        index = self.after.referrers()
        return {key for target in wanted for key in index.get(target, ())}


def _without(table: dict[str, V], paths: frozenset[str]) -> dict[str, V]:
    """A copy of `table` without the entries of `paths`."""
    copy = dict(table)
    for path in paths:
        copy.pop(path, None)
    return copy


def _order(record: Record) -> RecordKey:
    return (record.source_path, record.source_document)


def replaced(bank: Bank, results: dict[str, FileResult | None]) -> Change:
    """`bank` with the files of `results` as the loader read them now (None: the file is
    gone; a new path: a new file), and what changed; `bank` itself is unchanged. The new
    bank equals `Bank.of_results` of every file's result in the bank's file order (sorted
    paths, as `discover` gives them), while the work done is that of the records of these
    files: the indexes are updated for the records that change only."""
    paths = frozenset(results)
    after = Bank(bank.root, bank.config)
    change = Change(bank, after, paths)
    fresh = [record for result in results.values() if result is not None for record in result.records]

    # Files, what did not load, unread parts, suppression lines, digests.
    files = after._files = _without(bank.files, paths)
    for record in fresh:
        files.setdefault(record.source_path, []).append(record)
    change.unloaded_before = [item for item in bank.unloaded if item.path in paths]
    new_unloaded = change.unloaded_after = [
        item for result in results.values() if result is not None for item in result.unloaded
    ]
    after.unloaded = sorted([item for item in bank.unloaded if item.path not in paths] + new_unloaded,
                            key=key_of)
    after._unloaded = {(item.kind, item.id) for item in after.unloaded if item.id is not None}
    unread = {path: item for path, item in bank.unread.items() if path not in paths}
    unread.update((path, r.unread) for path, r in results.items() if r is not None and r.unread is not None)
    after.unread = dict(sorted(unread.items()))
    if bank.comments is not None:
        after.comments = _without(bank.comments, paths)
        after.comments.update((path, r.comments) for path, r in results.items() if r is not None and r.comments)
    if bank.digests:
        after.digests = _without(bank.digests, paths)
        after.digests.update((path, r.digest) for path, r in results.items() if r is not None and r.digest is not None)

    # Records by kind and id: the first of each id (in file order) is the bank's.
    old = [record for path in paths for record in bank.files.get(path, ())]
    change.ids = {(record.kind, record.id) for record in (*old, *fresh)}
    candidates: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for kind, record_id in change.ids:
        first = bank.by_kind[kind].get(record_id)
        if first is not None and first.source_path not in paths:
            candidates[(kind, record_id)].append(first)
    for duplicate in bank.duplicates:
        again = duplicate.again
        if (again.kind, again.id) in change.ids and again.source_path not in paths:
            candidates[(again.kind, again.id)].append(again)
    for record in fresh:
        candidates[(record.kind, record.id)].append(record)
    after.by_kind = dict(bank.by_kind)
    resort: set[str] = set()
    duplicates = [d for d in bank.duplicates if (d.again.kind, d.again.id) not in change.ids]
    for records in candidates.values():
        records.sort(key=_order)
        first = records[0]
        duplicates.extend(Duplicate(first, again) for again in records[1:])
    for kind, record_id in change.ids:
        records = candidates.get((kind, record_id), [])
        was = bank.by_kind[kind].get(record_id)
        now = records[0] if records else None
        if was is now:
            continue
        if after.by_kind[kind] is bank.by_kind[kind]:
            after.by_kind[kind] = dict(bank.by_kind[kind])
        table = after.by_kind[kind]
        if was is not None:
            change.removed.append(was)
        if now is None:
            del table[record_id]
            continue
        change.added.append(now)
        table[record_id] = now
        if was is None or _order(was) != _order(now):
            resort.add(kind)
    for kind in resort:
        after.by_kind[kind] = dict(sorted(after.by_kind[kind].items(), key=lambda item: _order(item[1])))
    after.duplicates = sorted(duplicates, key=lambda d: _order(d.again))

    _rerefer(change)
    _relink(change)
    return change


def _relink(change: Change) -> None:
    """The reverse indexes of the bank after: the entries the records that left or joined
    make are made again, the rest shared with the bank before."""
    before, after = change.before, change.after
    removed = {id(record) for record in change.removed}
    touched: dict[str, set[object]] = defaultdict(set)
    adding: dict[tuple[str, object], list[object]] = defaultdict(list)
    for record in change.removed:
        for index, key, _ in links(before, record):
            touched[index].add(key)
    # A journey's step naming a metric whose record changed links another metric now.
    metrics = change.changed_ids(Metric)
    if metrics:
        # The journeys that name them: by the reverse index of references when the bank
        # before had it, else all of them.
        journeys = (after.journeys() if before._referrers is None
                    else after.at(change.referrers(("Metric", metric_id) for metric_id in metrics)))
        for journey in journeys:
            if isinstance(journey, Journey):
                for step in journey.steps:
                    if any(metric_id in metrics for metric_id in step.metrics):
                        touched["step_metrics"].add((journey.id, step.id))
    for record in change.added:
        for index, key, value in links(after, record):
            touched[index].add(key)
            if index != "step_metrics":
                adding[(index, key)].append(value)
    for index in INDEXES:
        keys = touched.get(index)
        old = getattr(before, index)
        if not keys:
            setattr(after, index, old)
            continue
        new: dict[object, list[object]] = defaultdict(list, old)
        for key in keys:
            entry: list[object]
            if index == "step_metrics":
                entry = list(_step_metrics(after, key, old.get(key, ()), change.added))  # type: ignore[arg-type]
            else:
                entry = [value for value in old.get(key, ()) if id(_owner(value)) not in removed]
                entry.extend(adding.get((index, key), []))
                entry.sort(key=lambda value: _order(_owner(value)))
            if entry:
                new[key] = entry
            else:
                new.pop(key, None)
        setattr(after, index, new)


def _owner(value: object) -> Record:
    return value[0] if isinstance(value, tuple) else value  # type: ignore[return-value]


def _step_metrics(after: Bank, key: tuple[str, str], old: Iterable[Metric], added: list[Record]) -> list[Metric]:
    """A step's metrics: those its own `metrics` name (in that order), then those that
    name the step (in the bank's order)."""
    found: list[Metric] = []
    journey = after.get(Journey, key[0])
    if journey is not None:
        for index, link_key, value in links(after, journey):
            if index == "step_metrics" and link_key == key and all(m is not value for m in found):
                found.append(value)  # type: ignore[arg-type]
    naming = [m for m in (*old, *added) if isinstance(m, Metric) and after.get(Metric, m.id) is m
              and any(ref.partition("#")[::2] == key for ref in m.steps)]
    naming.sort(key=_order)
    for metric in naming:
        if all(m is not metric for m in found):
            found.append(metric)
    return found


def _rerefer(change: Change) -> None:
    """The reverse index of references, when the bank before had it."""
    before, after = change.before, change.after
    if before._referrers is None:
        return
    index = defaultdict(set, before._referrers)
    leaving = [(key_of(r), r.references()) for r in change.removed]
    leaving += [(key_of(u), list(u.references)) for u in change.unloaded_before]
    joining = [(key_of(r), r.references()) for r in change.added]
    joining += [(key_of(u), list(u.references)) for u in change.unloaded_after]
    for key, references in leaving:
        for target in targets(references):
            entry = index.get(target)
            if entry is not None and key in entry:
                index[target] = entry - {key}
                if not index[target]:
                    del index[target]
    for key, references in joining:
        for target in targets(references):
            index[target] = index.get(target, set()) | {key}
    after._referrers = index
