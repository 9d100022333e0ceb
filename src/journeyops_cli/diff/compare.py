"""The meaning of a change between two versions of a bank.

Records and steps added, removed, renamed (matched by content when the id changed) or
changed (which fields); links added and removed; records that a removed step leaves
pointing at nothing; findings introduced and fixed; backlog rank and score changes; and
metrics whose on/off-target status changed. Data only: `diff.output` writes it.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from journeyops_cli.bank import Bank
from journeyops_cli.bank.pointers import Pointer, pointing_at
from journeyops_cli.findings import Finding
from journeyops_cli.models import Journey, Metric
from journeyops_cli.models.base import Record, pick_text
from journeyops_cli.models.journey import Step

if TYPE_CHECKING:
    from journeyops_cli.pipeline import Loaded

Change = Literal["added", "removed", "changed", "renamed"]
SIMILAR = 0.8  # content similarity (0..1) above which a removed and an added id are a rename


@dataclass(slots=True)
class Snapshot:
    """One side of the comparison: the bank, its findings and its ranked backlog.

    When the two sides are compared file by file (`diff.parts`), `bank` holds only the
    records of the files that differ; `whole` then gives the whole bank and `find` any
    one record, for the parts of the diff that look beyond the changed files."""

    bank: Bank
    findings: list[Finding]
    ranks: dict[str, tuple[int, float]]
    whole: Callable[[], Bank] | None = None
    find: Callable[[str, str], Record | None] | None = None

    @classmethod
    def load(cls, root: Path, *, cache: bool | None = False) -> Snapshot:
        """The bank at `root` with its findings (sorted as `validate` keeps them) and
        ranking; `cache` as in `load_bank` (off by default: a scratch copy of a revision
        has no cache worth keeping)."""
        from journeyops_cli.pipeline import load_bank

        loaded = load_bank(root, cache=cache)
        return cls(loaded.bank, findings_of(loaded), ranks_of(loaded.bank))

    def whole_bank(self) -> Bank:
        return self.whole() if self.whole is not None else self.bank

    def record(self, kind: str, key: str) -> Record | None:
        return self.find(kind, key) if self.find is not None else self.bank.get_kind(kind, key)


def findings_of(loaded: Loaded) -> list[Finding]:
    """The findings `validate` gives for a loaded bank (default rules), sorted."""
    from journeyops_cli.pipeline import Selection
    from journeyops_cli.rules.engine import lint, plan

    chosen = plan(loaded.bank.config, Selection(), loaded.bank.root)
    findings = lint(loaded.bank, loaded.findings, loaded.files, Selection(), chosen=chosen)
    return sorted(findings, key=Finding.sort_key)


def ranks_of(bank: Bank) -> dict[str, tuple[int, float]]:
    """Each opportunity's rank and score (one decimal) in the default ranking; {} when the
    bank's scoring model cannot rank."""
    from journeyops_cli.score import Request, ScoreError, rank

    try:
        ranking = rank(bank, Request())
    except ScoreError:
        return {}
    return {row.opportunity.id: (row.rank, round(row.score.total, 1)) for row in ranking.rows}


@dataclass(frozen=True, slots=True)
class RecordChange:
    kind: str
    id: str
    title: str
    path: str
    change: Change
    fields: tuple[str, ...] = ()
    renamed_from: str | None = None


@dataclass(frozen=True, slots=True)
class StepChange:
    journey: str
    step: str
    title: str
    change: Change
    fields: tuple[str, ...] = ()
    renamed_from: str | None = None


@dataclass(frozen=True, slots=True)
class LinkChange:
    kind: str
    id: str
    field: str
    target: str
    change: Literal["added", "removed"]


@dataclass(frozen=True, slots=True)
class FindingChange:
    change: Literal["introduced", "fixed"]
    code: str
    severity: str
    path: str
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class RankChange:
    id: str
    title: str
    before: tuple[int, float] | None
    after: tuple[int, float] | None


@dataclass(frozen=True, slots=True)
class MetricChange:
    id: str
    title: str
    before: str
    after: str


@dataclass(slots=True)
class Diff:
    base: str
    head: str
    records: list[RecordChange] = field(default_factory=list)
    steps: list[StepChange] = field(default_factory=list)
    links: list[LinkChange] = field(default_factory=list)
    orphans: list[Pointer] = field(default_factory=list)
    findings: list[FindingChange] = field(default_factory=list)
    ranks: list[RankChange] = field(default_factory=list)
    metrics: list[MetricChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _title(bank: Bank, record: Any) -> str:
    text = getattr(record, "title", None)
    return pick_text(text, bank.config.default_language, bank.config.languages) or record.id


def _content(value: Any, drop: tuple[str, ...] = ("id",)) -> str:
    data = value.model_dump(mode="json")
    for name in drop:
        data.pop(name, None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _changed_fields(before: Any, after: Any, skip: tuple[str, ...] = ("id",)) -> tuple[str, ...]:
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    return tuple(name for name in dict.fromkeys([*old, *new]) if name not in skip and old.get(name) != new.get(name))


def _step_fields(before: Journey, old: Step, after: Journey, new: Step) -> tuple[str, ...]:
    """The fields of a step that changed, its values of the bank's own lanes included (the
    journey keeps those, not the step: `Journey.lanes_of`)."""
    was, now = before.lanes_of(old), after.lanes_of(new)
    lanes = tuple(lane for lane in dict.fromkeys([*was, *now]) if was.get(lane) != now.get(lane))
    return _changed_fields(old, new) + lanes


def _pair_renames(removed: dict[str, Any], added: dict[str, Any]) -> dict[str, str]:
    """new id -> old id for the removed and added items most alike (at least SIMILAR)."""
    scored = []
    contents = {key: _content(value) for key, value in {**removed, **added}.items()}
    for old in removed:
        for new in added:
            matcher = difflib.SequenceMatcher(None, contents[old], contents[new], autojunk=False)
            if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
                continue
            ratio = matcher.ratio()
            if ratio >= SIMILAR:
                scored.append((ratio, old, new))
    pairs: dict[str, str] = {}
    used: set[str] = set()
    for _ratio, old, new in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if old not in used and new not in pairs:
            pairs[new] = old
            used.add(old)
    return pairs


def compare(base: Snapshot, head: Snapshot, base_name: str, head_name: str) -> Diff:
    """What changed from `base` to `head`."""
    diff = Diff(base_name, head_name)
    removed_steps: set[tuple[str, str]] = set()
    moved: dict[str, str] = {}  # base path -> head path of files whose records moved
    for kind in base.bank.by_kind:
        before = base.bank.by_kind[kind]
        after = head.bank.by_kind.get(kind, {})
        gone = {key: before[key] for key in before if key not in after}
        new = {key: after[key] for key in after if key not in before}
        renames = _pair_renames(gone, new)
        pairs: list[tuple[Record, Record, str | None]] = [
            (before[key], after[key], None) for key in before if key in after
        ]
        pairs += [(gone[old], new[key], old) for key, old in renames.items()]
        for key, record in gone.items():
            if key not in renames.values():
                diff.records.append(RecordChange(kind, key, _title(base.bank, record), record.source_path, "removed"))
                if isinstance(record, Journey):
                    removed_steps.update((key, step.id) for step in record.steps)
        for key, record in new.items():
            if key not in renames:
                diff.records.append(RecordChange(kind, key, _title(head.bank, record), record.source_path, "added"))
        for old_record, new_record, renamed_from in pairs:
            skip = ("id", "steps") if isinstance(new_record, Journey) else ("id",)
            fields = _changed_fields(old_record, new_record, skip)
            if old_record.source_path != new_record.source_path:
                fields += ("file",)
                moved[old_record.source_path] = new_record.source_path
            if isinstance(new_record, Journey):
                assert isinstance(old_record, Journey)
                steps = _compare_steps(head.bank, old_record, new_record, diff.steps)
                removed_steps.update((old_record.id, step) for step in steps)
                if renamed_from is not None:
                    removed_steps.update((old_record.id, s.id) for s in old_record.steps)
            if fields or renamed_from is not None:
                diff.records.append(RecordChange(
                    kind, new_record.id, _title(head.bank, new_record), new_record.source_path,
                    "renamed" if renamed_from else "changed", fields, renamed_from,
                ))
            diff.links += _compare_links(old_record, new_record)
    diff.records.sort(key=lambda c: (c.kind, c.id))
    diff.orphans = pointing_at(head.whole_bank(), removed_steps) if removed_steps else []
    diff.findings = _compare_findings(base.findings, head.findings, moved)
    diff.ranks = _compare_ranks(base, head)
    diff.metrics = _compare_metrics(base.bank, head.bank)
    return diff


def _compare_steps(bank: Bank, before: Journey, after: Journey, out: list[StepChange]) -> list[str]:
    """Add the step changes of one journey to `out`; return the ids of removed steps."""
    old = {step.id: step for step in before.steps}
    new = {step.id: step for step in after.steps}
    gone = {key: old[key] for key in old if key not in new}
    added = {key: new[key] for key in new if key not in old}
    renames = _pair_renames(gone, added)
    title = lambda step: pick_text(step.title, bank.config.default_language, bank.config.languages) or step.id  # noqa: E731
    for key, step in gone.items():
        if key not in renames.values():
            out.append(StepChange(after.id, key, title(step), "removed"))
    for key, step in new.items():
        if key in added and key not in renames:
            out.append(StepChange(after.id, key, title(step), "added"))
        elif key in renames:
            out.append(StepChange(after.id, key, title(step), "renamed",
                                  _step_fields(before, gone[renames[key]], after, step), renames[key]))
        elif key in old:
            fields = _step_fields(before, old[key], after, step)
            if fields:
                out.append(StepChange(after.id, key, title(step), "changed", fields))
    order = [s.id for s in before.steps if s.id in new]
    if order != [s.id for s in after.steps if s.id in old]:
        out.append(StepChange(after.id, "", "", "changed", ("order",)))
    return list(gone)


def _compare_links(before: Record, after: Record) -> list[LinkChange]:
    old = Counter((path[0], target) for path, _kind, target in before.references())
    new = Counter((path[0], target) for path, _kind, target in after.references())
    changes = [LinkChange(after.kind, after.id, str(name), target, "added") for name, target in new - old]
    changes += [LinkChange(after.kind, after.id, str(name), target, "removed") for name, target in old - new]
    return sorted(changes, key=lambda c: (c.change, c.field, c.target))


def _compare_findings(before: list[Finding], after: list[Finding], moved: dict[str, str]) -> list[FindingChange]:
    """Findings in `after` and not in `before` (introduced) and the other way (fixed),
    matched by code, file (followed where its records moved) and message, not line."""
    key = lambda f: (f.code, moved.get(f.path, f.path), f.message)  # noqa: E731
    old = Counter(key(f) for f in before)
    new = Counter(key(f) for f in after)
    introduced, fixed = new - old, old - new
    changes = []
    for finding in after:
        if introduced[key(finding)] > 0:
            introduced[key(finding)] -= 1
            changes.append(FindingChange("introduced", finding.code, finding.severity.label, finding.path,
                                         finding.line, finding.message))
    for finding in before:
        if fixed[key(finding)] > 0:
            fixed[key(finding)] -= 1
            changes.append(FindingChange("fixed", finding.code, finding.severity.label, finding.path,
                                         finding.line, finding.message))
    return changes


def _compare_ranks(base: Snapshot, head: Snapshot) -> list[RankChange]:
    changes = []
    for key in sorted(set(base.ranks) | set(head.ranks), key=lambda k: (head.ranks.get(k, (10**9,))[0], k)):
        before, after = base.ranks.get(key), head.ranks.get(key)
        if before != after:
            record = head.record("Opportunity", key) or base.record("Opportunity", key)
            changes.append(RankChange(key, _title(head.bank, record), before, after))
    return changes


def _compare_metrics(before: Bank, after: Bank) -> list[MetricChange]:
    changes = []
    for metric in after.metrics():
        old = before.get(Metric, metric.id)
        if old is not None and old.status() != metric.status():
            changes.append(MetricChange(metric.id, _title(after, metric), old.status(), metric.status()))
    return changes
