"""Judging a change to a bank at the cost of what it touches: the findings of a run are
kept by rule, and for the bank with some files replaced (`bank.replace.replaced`) each rule
judges again only the records its `Rule.affected` names besides those that changed (a
per-record rule: the changed records; a cross-file rule: those and the records that
point at them or that they point at, by the bank's reverse indexes); its other findings
are kept. A rule that cannot say runs on the whole bank.

The whole run (`lint`) is the reference: `lint_change` reports what `lint` would of the
bank after the change (tests/rules/test_incremental.py holds it to that on random
edits).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.rules.base import subject
from journeyops_cli.rules.engine import Plan, findings_by_rule, not_ignored, place_findings, selected

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.bank.replace import Change


@dataclass(slots=True)
class Linted:
    """A run of a plan on a bank, kept so that a change to the bank can be judged from it."""

    bank: Bank
    plan: Plan
    files: list[str]
    # The loader's findings, as it gave them (the plan selects from them).
    loaded: list[Finding]
    # Each rule's findings by code, with logical locations (before the place stage).
    found: dict[str, list[Finding]]
    # Each placed finding by its logical one.
    placed: dict[Finding, Finding]
    # What `lint` reports: severities, per-path ignores, places and inline suppressions
    # applied, sorted.
    findings: list[Finding]


def lint_all(
    bank: Bank, loaded: list[Finding], files: list[str], chosen: Plan, workers: int | None = None
) -> Linted:
    """`engine.lint` of the whole bank, kept for `lint_change` (`workers` as there)."""
    found = findings_by_rule(bank, chosen, workers)
    raw = not_ignored(selected(loaded, chosen) + [item for items in found.values() for item in items], chosen)
    todo = [item for item in raw if not item.placed]
    placed = dict(zip(todo, place_findings(bank, todo, workers), strict=True))
    return _linted(bank, chosen, files, loaded, found, placed, raw)


def lint_change(
    before: Linted, change: Change, loaded: list[Finding], files: list[str], texts: Mapping[str, bytes] | None = None
) -> Linted:
    """What `lint_all` gives for `change.after` (`loaded`, `files`: its loader's findings
    and files), judged from `before` (the run on `change.before`). `texts`: the bytes of
    changed files that are not written yet (their findings are placed in them)."""
    after, paths, chosen = change.after, change.paths, before.plan
    touched = change.touched()
    found: dict[str, list[Finding]] = {}
    for rule in chosen.rules:
        if rule.source:
            continue
        old = before.found.get(rule.code, [])
        extra = rule.affected(change, old)
        if extra is None:
            found[rule.code] = list(rule.check(after))
            continue
        keys = touched | extra
        found[rule.code] = [item for item in old if item.path not in paths and subject(item) not in keys]
        found[rule.code] += rule.check_at(after, keys)
    raw = not_ignored(selected(loaded, chosen) + [item for items in found.values() for item in items], chosen)
    placed: dict[Finding, Finding] = {}
    todo: list[Finding] = []
    for item in raw:
        if item.placed:
            continue
        known = before.placed.get(item)
        if known is not None and item.path not in paths and (item.see is None or item.see[0] not in paths):
            placed[item] = known
        else:
            todo.append(item)
    if todo:
        from journeyops_cli.place import place

        placed.update(zip(todo, place(after.root, todo, texts=texts), strict=True))
    return _linted(after, chosen, files, loaded, found, placed, raw)


def _linted(
    bank: Bank,
    chosen: Plan,
    files: list[str],
    loaded: list[Finding],
    found: dict[str, list[Finding]],
    placed: dict[Finding, Finding],
    raw: list[Finding],
) -> Linted:
    from journeyops_cli.lint.suppress import apply_suppressions

    findings = apply_suppressions(bank, [placed.get(item, item) for item in raw], files, chosen)
    findings.sort(key=Finding.sort_key)
    return Linted(bank, chosen, files, loaded, found, placed, findings)
