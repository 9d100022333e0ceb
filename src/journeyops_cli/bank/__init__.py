"""The in-memory journey bank: records by kind and id, resolved references, reverse links.

Everything downstream of loading (rules, scoring, rendering) reads the Bank, never files;
the Bank itself reads none either (findings get their lines and columns in `place.py`).
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from journeyops_cli.load.files import FileResult, Unloaded, Unread
from journeyops_cli.models import (
    KINDS,
    CustomerGroup,
    Insight,
    Journey,
    LifeEvent,
    Metric,
    Opportunity,
    Step,
    Team,
    Theme,
)
from journeyops_cli.models.base import Record
from journeyops_cli.models.config import BankConfig

if TYPE_CHECKING:
    from journeyops_cli.bank.rollup import Rollup

R = TypeVar("R", bound=Record)
StepKey = tuple[str, str]
# A record's place: its file (bank-relative) and its document's index in the file.
RecordKey = tuple[str, int]
# What a reference points at, for the reverse index of references: (kind, id); a step
# reference counts as one to its journey.
Target = tuple[str, str]


def key_of(record: Record | Unloaded) -> RecordKey:
    """The place of a record (or of one that did not load)."""
    if isinstance(record, Unloaded):
        return (record.path, record.document)
    return (record.source_path, record.source_document)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A record whose id was already taken by `first` (same kind)."""

    first: Record
    again: Record


class Bank:
    """Every record of a bank, indexed. Build it with `Bank.build(...)`."""

    def __init__(self, root: Path, config: BankConfig) -> None:
        self.root = root
        self.config = config
        self.by_kind: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
        self.duplicates: list[Duplicate] = []
        # Records that are in the files but did not load (their own findings say why),
        # by (kind, id), kind None when it is unknown; and what the parts of files that
        # could not be read name, by file.
        self.unloaded: list[Unloaded] = []
        self._unloaded: set[tuple[str | None, str]] = set()
        self.unread: dict[str, Unread] = {}
        self.children: dict[str, list[Journey]] = defaultdict(list)
        # The target (to-be) journeys that name a journey in `improves`, by its id.
        self.improved_by: dict[str, list[Journey]] = defaultdict(list)
        self.step_insights: dict[StepKey, list[Insight]] = defaultdict(list)
        self.step_metrics: dict[StepKey, list[Metric]] = defaultdict(list)
        self.step_opportunities: dict[StepKey, list[Opportunity]] = defaultdict(list)
        self.insight_opportunities: dict[str, list[Opportunity]] = defaultdict(list)
        self.metric_opportunities: dict[str, list[Opportunity]] = defaultdict(list)
        self.step_children: dict[StepKey, list[tuple[Journey, Step]]] = defaultdict(list)
        self._files: dict[str, list[Record]] | None = None
        # The lines holding `journeyops:` (inline suppressions) by file, as the loader
        # read them; None when the bank was not built by the loader.
        self.comments: dict[str, list[tuple[int, str]]] | None = None
        # Each file's loaded content by digest (what the caches know a file by); set by
        # the loader when the cache is on.
        self.digests: dict[str, bytes] = {}
        self._rollup: Rollup | None = None
        self._referrers: dict[Target, set[RecordKey]] | None = None

    @classmethod
    def build(
        cls,
        root: Path,
        config: BankConfig,
        records: Iterable[Record],
        unloaded: Iterable[Unloaded] = (),
        unread: dict[str, Unread] | None = None,
    ) -> Bank:
        bank = cls(root, config)
        bank.unloaded = list(unloaded)
        bank._unloaded = {(item.kind, item.id) for item in bank.unloaded if item.id is not None}
        bank.unread = unread or {}
        for record in records:
            table = bank.by_kind[record.kind]
            first = table.get(record.id)
            if first is None:
                table[record.id] = record
            else:
                bank.duplicates.append(Duplicate(first, record))
        bank._link()
        return bank

    @classmethod
    def of_results(cls, root: Path, config: BankConfig, results: Iterable[FileResult], digests: bool) -> Bank:
        """The bank of the loader's results (one per file, in the bank's file order):
        records, the records that did not load, the unread parts of files, the lines with
        inline suppressions and, with `digests` (the caches are on), each file's digest."""
        results = list(results)
        bank = cls.build(
            root,
            config,
            [record for result in results for record in result.records],
            [item for result in results for item in result.unloaded],
            {result.path: result.unread for result in results if result.unread is not None},
        )
        bank.comments = {result.path: result.comments for result in results if result.comments}
        if digests:
            bank.digests = {result.path: result.digest for result in results if result.digest is not None}
        return bank

    @property
    def files(self) -> dict[str, list[Record]]:
        """Every record by file, in document order, duplicates included (made when first
        asked for)."""
        if self._files is None:
            found: dict[str, list[Record]] = defaultdict(list)
            for record in self.records():
                found[record.source_path].append(record)
            for duplicate in self.duplicates:
                found[duplicate.again.source_path].append(duplicate.again)
            for held in found.values():
                held.sort(key=lambda record: record.source_document)
            self._files = dict(found)
        return self._files

    def referrers(self) -> dict[Target, set[RecordKey]]:
        """The places of the records (and of those that did not load) whose references
        point at each target (a step reference: at its journey), built when first asked
        for and carried over by `bank.replace.replaced`."""
        if self._referrers is None:
            found: dict[Target, set[RecordKey]] = defaultdict(set)
            for record in self.records():
                _refer(found, key_of(record), record.references())
            for item in self.unloaded:
                _refer(found, key_of(item), item.references)
            self._referrers = found
        return self._referrers

    def at(self, keys: Iterable[RecordKey]) -> list[Record]:
        """The records in the bank (not their duplicates) at these places, in the bank's
        order of files and documents."""
        wanted: dict[str, set[int]] = defaultdict(set)
        for path, document in keys:
            wanted[path].add(document)
        found: list[Record] = []
        for path in sorted(wanted):
            documents = wanted[path]
            for record in self.files.get(path, ()):
                if record.source_document in documents and self.by_kind[record.kind].get(record.id) is record:
                    found.append(record)
        return found

    def part_at(self, keys: Iterable[RecordKey]) -> Bank:
        """A bank of the records at these places (for rules that look at one record at a
        time: what they find there)."""
        part = Bank.build(self.root, self.config, self.at(keys))
        part.digests = self.digests
        part.comments = self.comments
        return part

    def part(self, keep: Callable[[Record], bool]) -> Bank:
        """A bank of the records `keep` chooses (for rules that look at one record at a
        time)."""
        part = Bank.build(self.root, self.config, [record for record in self.records() if keep(record)])
        part.digests = self.digests
        part.comments = self.comments
        return part

    def _link(self) -> None:
        # Journeys first: a step's own `metrics` come before the metrics that name it.
        indexes = {name: getattr(self, name) for name in INDEXES}
        for kind in LINKED:
            for record in self.by_kind[kind.KIND].values():
                for index, key, value in links(self, record):
                    entry = indexes[index][key]
                    if index != "step_metrics" or all(existing is not value for existing in entry):
                        entry.append(value)

    # --- look-ups -----------------------------------------------------------------------

    def get(self, kind: type[R], record_id: str) -> R | None:
        record = self.by_kind[kind.KIND].get(record_id)
        return record  # type: ignore[return-value]

    def get_kind(self, kind: str, record_id: str) -> Record | None:
        return self.by_kind.get(kind, {}).get(record_id)

    def all(self, kind: type[R]) -> list[R]:
        return list(self.by_kind[kind.KIND].values())  # type: ignore[arg-type]

    def records(self) -> Iterable[Record]:
        for table in self.by_kind.values():
            yield from table.values()

    def themes(self) -> list[Theme]:
        return self.all(Theme)

    def journeys(self) -> list[Journey]:
        return self.all(Journey)

    def insights(self) -> list[Insight]:
        return self.all(Insight)

    def metrics(self) -> list[Metric]:
        return self.all(Metric)

    def opportunities(self) -> list[Opportunity]:
        return self.all(Opportunity)

    def teams(self) -> list[Team]:
        return self.all(Team)

    def customer_groups(self) -> list[CustomerGroup]:
        return self.all(CustomerGroup)

    def life_events(self) -> list[LifeEvent]:
        return self.all(LifeEvent)

    def step(self, ref: str) -> tuple[Journey, Step] | None:
        """The journey and step named by `journey-id#step-id`, if both exist."""
        journey_id, _, step_id = ref.partition("#")
        journey = self.get(Journey, journey_id)
        if journey is None:
            return None
        step = journey.step(step_id)
        return (journey, step) if step is not None else None

    def parent(self, journey: Journey) -> Journey | None:
        return self.get(Journey, journey.parent) if journey.parent else None

    def ancestors(self, journey: Journey) -> list[Journey]:
        """Parents from nearest up, stopping at a cycle."""
        chain: list[Journey] = []
        seen = {journey.id}
        current = self.parent(journey)
        while current is not None and current.id not in seen:
            chain.append(current)
            seen.add(current.id)
            current = self.parent(current)
        return chain

    def rollup(self) -> Rollup:
        """What lies beneath every step, journey and theme (computed once)."""
        if self._rollup is None:
            from journeyops_cli.bank.rollup import build

            self._rollup = build(self)
        return self._rollup

    def did_not_load(self, kind: str, record_id: str) -> bool:
        """Whether a record of `kind` with this id is in the files but did not load, or is
        named in a part of a file that could not be parsed: it is unknown, not missing."""
        if (kind, record_id) in self._unloaded or (None, record_id) in self._unloaded:
            return True
        return any(unread.ids is not None and unread.may_hold(kind, record_id) for unread in self.unread.values())

    def unreadable(self) -> list[str]:
        """The files nothing of which could be read (too large, say): any record may be
        in them."""
        return [path for path, unread in self.unread.items() if unread.ids is None]

    def not_loaded(self, kind: str) -> list[str]:
        """The files with records of `kind` (or of a kind unknown) that did not load, or
        that could not be read in full and may hold some: what is said of all records of
        a kind may not hold there."""
        files = {item.path for item in self.unloaded if item.kind in (kind, None)}
        files.update(path for path, unread in self.unread.items() if unread.may_hold(kind))
        return sorted(files)

    def ids(self, kind: str) -> list[str]:
        return list(self.by_kind.get(kind, {}))

    def step_refs(self) -> list[str]:
        return [f"{j.id}#{s.id}" for j in self.journeys() for s in j.steps]


# The kinds whose records the reverse indexes hold, in the order they are linked.
LINKED: tuple[type[Record], ...] = (Journey, Insight, Metric, Opportunity)
# Each reverse index: what a link there is to (a record or a journey's step).
Link = tuple[str, object, object]


def links(bank: Bank, record: Record) -> list[Link]:
    """What `record` adds to the reverse indexes of `bank`: (index, key, value), in order.
    A journey step's `metrics` link only the metrics that are in the bank."""
    linker = _LINKERS.get(record.kind)
    return linker(bank, record) if linker is not None else []


def _journey_links(bank: Bank, journey: Journey) -> list[Link]:
    found: list[Link] = []
    if journey.parent:
        found.append(("children", journey.parent, journey))
        found += [("step_children", (journey.parent, step.parent_step), (journey, step))
                  for step in journey.steps if step.parent_step]
    if journey.improves:
        found.append(("improved_by", journey.improves, journey))
    metrics = bank.by_kind["Metric"]
    for step in journey.steps:
        if step.metrics:
            found += [("step_metrics", (journey.id, step.id), metrics[metric_id])
                      for metric_id in step.metrics if metric_id in metrics]
    return found


def _insight_links(bank: Bank, insight: Insight) -> list[Link]:
    return [("step_insights", (ref[0], ref[2]), insight) for ref in map(_split, insight.steps)]


def _metric_links(bank: Bank, metric: Metric) -> list[Link]:
    return [("step_metrics", (ref[0], ref[2]), metric) for ref in map(_split, metric.steps)]


def _opportunity_links(bank: Bank, opportunity: Opportunity) -> list[Link]:
    found: list[Link] = [
        ("step_opportunities", (ref[0], ref[2]), opportunity) for ref in map(_split, opportunity.steps)
    ]
    found += [("insight_opportunities", insight_id, opportunity) for insight_id in opportunity.insights]
    found += [("metric_opportunities", metric_id, opportunity) for metric_id in opportunity.metrics]
    return found


_split = operator.methodcaller("partition", "#")
_LINKERS: dict[str, Callable[[Bank, Any], list[Link]]] = {
    "Journey": _journey_links, "Insight": _insight_links, "Metric": _metric_links, "Opportunity": _opportunity_links,
}


INDEXES = ("children", "improved_by", "step_children", "step_metrics", "step_insights", "step_opportunities",
           "insight_opportunities", "metric_opportunities")


def _refer(found: dict[Target, set[RecordKey]], key: RecordKey, references: Iterable[tuple[object, str, str]]) -> None:
    for target in targets(references):
        found[target].add(key)


def targets(references: Iterable[tuple[object, str, str]]) -> set[Target]:
    """What references point at (a step reference: its journey)."""
    return {("Journey", target.partition("#")[0]) if kind == "step" else (kind, target)
            for _, kind, target in references}


def split_ref(ref: str) -> StepKey:
    journey_id, _, step_id = ref.partition("#")
    return (journey_id, step_id)
