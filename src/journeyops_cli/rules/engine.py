"""Choose the active rules from config and command line, and run them on a Bank.

`plan()` reads `lint:` in journeyops.yaml and the command line once: which rules run,
their severities and options, and the per-path ignores. `lint()` runs the plan on a loaded
bank and applies everything that filters findings (selection of the loader's own codes,
per-path ignores, inline suppressions).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.models.config import CONFIG_FILE
from journeyops_cli.rules.base import Rule
from journeyops_cli.rules.registry import RuleError, all_rules
from journeyops_cli.suggest import did_you_mean

if TYPE_CHECKING:
    from pathlib import Path

    from journeyops_cli.bank import Bank
    from journeyops_cli.models.config import BankConfig
    from journeyops_cli.speed.executor import Executor

# Config shortcuts that set a rule option: key in `lint:` -> (rule code, option).
SHORTCUTS = {"stale_after_days": ("JO402", "days")}

Where = Callable[[int], str]


def resolve_names(names: list[str], where: str | Where) -> set[str]:
    """Codes for a list of codes, rule names or groups; unknown ones are a RuleError."""
    rules = all_rules()
    codes: set[str] = set()
    for index, raw in enumerate(names):
        name = raw.strip()
        if not name:
            continue
        matched = {
            code
            for code, rule in rules.items()
            if name.upper() == code or name == rule.name or name in rule.groups or name == "all"
        }
        if not matched:
            candidates = list(rules) + [r.name for r in rules.values()] + sorted(
                {g for r in rules.values() for g in r.groups}
            )
            place = where if isinstance(where, str) else where(index)
            raise RuleError(f"{place}: unknown rule, name or group '{name}'{_did_you_mean(name, candidates)}")
        codes |= matched
    return codes


def rule_named(name: str) -> type[Rule] | None:
    """The rule with this code or name."""
    rules = all_rules()
    if name.upper() in rules:
        return rules[name.upper()]
    return next((rule for rule in rules.values() if rule.name == name), None)


def _did_you_mean(name: str, candidates: list[str]) -> str:
    return f"; {did_you_mean(name, candidates) or '`journeyops rules` lists them'}"


@dataclass(slots=True)
class Selection:
    """Which rules run, from the command line (config applies first)."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Plan:
    """What runs and how: active rule instances, overrides and per-path ignores."""

    rules: list[Rule]
    codes: set[str]
    ignored: set[str] = field(default_factory=set)
    severities: dict[str, Severity] = field(default_factory=dict)
    per_path: list[tuple[str, set[str]]] = field(default_factory=list)

    def rule(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)

    def only(self, codes: set[str]) -> Plan:
        """This plan with only the rules of `codes` (those it runs): their findings are
        kept or dropped exactly as in the whole plan."""
        return Plan([r for r in self.rules if r.code in codes], self.codes & codes,
                    self.ignored, self.severities, self.per_path)


def plan(config: BankConfig, selection: Selection, root: Path) -> Plan:
    """Read the lint configuration and the command line into a Plan; a RuleError names
    the place of any unknown rule, option or value. It needs no file but the config (of
    the bank at `root`), so commands plan before they read the bank."""
    lint = config.lint
    rules = all_rules()
    where = _ConfigPlaces(root)
    if selection.select:
        chosen = resolve_names(selection.select, "--select")
    elif lint.select:
        chosen = resolve_names(lint.select, where.item("select"))
    else:
        chosen = {code for code, rule in rules.items() if rule.default_enabled}
    ignored = resolve_names(lint.ignore, where.item("ignore")) | resolve_names(selection.ignore, "--ignore")
    chosen -= ignored

    severities: dict[str, Severity] = {}
    # Groups first, then codes and names, so the more specific setting wins.
    ordered = sorted(lint.severity.items(), key=lambda kv: rule_named(kv[0]) is not None)
    for name, level in ordered:
        for code in resolve_names([name], where.key("severity", name)):
            severities[code] = Severity.parse(level)

    options = _options(lint.options, lint.model_dump(), where)
    per_path = [
        (glob, resolve_names(names, where.key("per_path_ignores", glob)))
        for glob, names in lint.per_path_ignores.items()
    ]
    active = [
        rules[code](options=options.get(code), severity=severities.get(code))
        for code in sorted(chosen)
    ]
    return Plan(active, set(chosen), ignored, severities, per_path)


def _options(raw: dict[str, dict[str, Any]], lint: dict[str, Any], where: _ConfigPlaces) -> dict[str, BaseModel]:
    """Validated options per rule code."""
    settings: dict[str, dict[str, Any]] = {}
    for name, values in raw.items():
        rule = rule_named(name)
        if rule is None:
            rules = all_rules()
            candidates = list(rules) + [r.name for r in rules.values()]
            raise RuleError(f"{where.key('options', name)(0)}: unknown rule '{name}'{_did_you_mean(name, candidates)}")
        if not rule.Options.model_fields:
            raise RuleError(f"{where.key('options', name)(0)}: rule {rule.code} ({rule.name}) has no options")
        settings.setdefault(rule.code, {}).update(values or {})
        settings[rule.code]["__key__"] = name
    for key, (code, option) in SHORTCUTS.items():
        if lint.get(key) is not None:
            settings.setdefault(code, {}).setdefault(option, lint[key])
    validated: dict[str, BaseModel] = {}
    for code, values in settings.items():
        rule = all_rules()[code]
        key = values.pop("__key__", None)
        try:
            validated[code] = rule.Options.model_validate(values)
        except ValidationError as error:
            first = error.errors()[0]
            option = str(first["loc"][0]) if first["loc"] else ""
            place = where.option(key, option)(0) if key else f"{CONFIG_FILE}: lint"
            if first["type"] == "extra_forbidden":
                known = list(rule.Options.model_fields)
                message = f"unknown option '{option}' for {rule.code} ({rule.name}){_did_you_mean(option, known)}"
                message = message.replace("`journeyops rules` lists them", f"options: {', '.join(known)}")
            else:
                message = f"option '{option}' of {rule.code} ({rule.name}): {first['msg']}"
            raise RuleError(f"{place}: {message}") from None
    return validated


class _ConfigPlaces:
    """`journeyops.yaml:LINE:COL` of a value in the lint section, found only on error."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _at(self, path: tuple[Any, ...], target: str = "value", shown: int = 3) -> str:
        from journeyops_cli.load.files import read_text
        from journeyops_cli.load.positions import Locator
        from journeyops_cli.models.config import LimitsConfig

        text, _ = read_text(self.root, CONFIG_FILE, LimitsConfig())
        line, column = Locator(text or "").locate(0, path, target)  # type: ignore[arg-type]
        return f"{CONFIG_FILE}:{line}:{column}: lint.{'.'.join(str(p) for p in path[1:shown])}"

    def item(self, section: str) -> Where:
        return lambda index: self._at(("lint", section, index), shown=2)

    def key(self, section: str, key: str) -> Where:
        return lambda index: self._at(("lint", section, key), "key")

    def option(self, rule: str, option: str) -> Where:
        return lambda index: self._at(("lint", "options", rule, option), "key", shown=4)


def active_rules(bank: Bank, selection: Selection) -> list[Rule]:
    """Instances of the rules to run, with configured severities and options."""
    return plan(bank.config, selection, bank.root).rules


# Banks with fewer records than this run their rules in one process: forking costs more.
PARALLEL_MIN_RECORDS = 5000


def run_rules(
    bank: Bank,
    selection: Selection,
    chosen: Plan | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
) -> list[Finding]:
    """Findings of every active rule on the Bank, in rule order, with logical locations
    (the loader's own findings are filtered by `lint`); see `findings_by_rule`."""
    found = findings_by_rule(bank, chosen or plan(bank.config, selection, bank.root), workers, executor)
    return [item for items in found.values() for item in items]


def findings_by_rule(
    bank: Bank, chosen: Plan, workers: int | None = None, executor: Executor | None = None
) -> dict[str, list[Finding]]:
    """Each active rule's findings on the Bank by code, in rule order. A big bank's rules
    are shared between this process and forked workers, one per further CPU (`workers=1`
    keeps them here; `executor` chooses outright); with the cache on (the loader gave the
    bank its files' digests), the per-record rules check only the records of files that
    changed (rules/memo.py). The findings are the same either way."""
    from journeyops_cli.speed.executor import executor_for, gc_paused

    rules = [rule for rule in chosen.rules if not rule.source]
    found: dict[int, list[Finding]] = {}
    per_record = [index for index, rule in enumerate(rules) if rule.per_record]
    memo = None
    fresh: set[str] = set()
    with gc_paused():
        if bank.digests and per_record:  # the cache is on
            from journeyops_cli.rules.memo import RuleMemo

            memo = RuleMemo.open(bank, [rules[index] for index in per_record])
            fresh = memo.fresh(bank.digests)
            if fresh:
                changed = bank.part(lambda record: record.source_path not in fresh)
                for index in per_record:
                    found[index] = memo.findings(fresh, rules[index].code) + list(rules[index].check(changed))
        bundles = _bundles(rules, [index for index in range(len(rules)) if index not in found])
        if executor is None:
            records = sum(len(table) for table in bank.by_kind.values())
            executor = executor_for(len(bundles) if records >= PARALLEL_MIN_RECORDS else 1, workers)
        # Bundles are ordered dearest first; the executor shares them from both ends.
        checked = executor.map(lambda bundle: [list(rules[i].check(bank)) for i in bundle], bundles)
        for bundle, per_rule in zip(bundles, checked, strict=True):
            found.update(zip(bundle, per_rule, strict=True))
    if per_record:
        # Per-record findings in the order of the bank's records, however they were found.
        rank: dict[str, int] = {}
        for record in bank.records():
            rank.setdefault(record.source_path, len(rank))
        for index in per_record:
            found[index].sort(key=lambda item: rank.get(item.path, len(rank)))
    if memo is not None:
        memo.save(bank.digests, {rules[index].code: found[index] for index in per_record}, fresh)
    return {rules[index].code: found[index] for index in range(len(rules))}


def _bundles(rules: list[Rule], indices: list[int]) -> list[list[int]]:
    """`indices` of `rules` in bundles that run in one process (rules that work
    `together` share one), dearest first by `Rule.cost`."""
    bundles: dict[str, list[int]] = {}
    for index in indices:
        rule = rules[index]
        bundles.setdefault(rule.together or rule.code, []).append(index)
    return sorted(bundles.values(), key=lambda b: (-sum(rules[i].cost for i in b), b[0]))


def lint(
    bank: Bank,
    loaded: list[Finding],
    files: list[str],
    selection: Selection,
    workers: int | None = None,
    chosen: Plan | None = None,
) -> list[Finding]:
    """Run the plan (`chosen`, or the one `selection` makes): the loader's findings and
    every rule's, with severities, per-path ignores and inline suppressions applied.
    `workers` as in `run_rules`."""
    chosen = chosen or plan(bank.config, selection, bank.root)
    findings = selected(loaded, chosen) + run_rules(bank, selection, chosen, workers)
    return reported(bank, findings, files, chosen, workers)


def selected(loaded: list[Finding], chosen: Plan) -> list[Finding]:
    """The loader's findings the plan reports, with its severities."""
    rules = all_rules()
    findings: list[Finding] = []
    for item in loaded:
        rule = rules.get(item.code)
        # The loader's errors (a file or record that could not be read) are reported
        # even when `select` leaves them out, unless they are ignored by name.
        always = rule is None or (rule.severity is Severity.ERROR and item.severity is Severity.ERROR)
        if item.code not in chosen.codes and (not always or item.code in chosen.ignored):
            continue
        if item.code in chosen.severities:
            item = item.replace(severity=chosen.severities[item.code])
        findings.append(item)
    return findings


def reported(
    bank: Bank, findings: list[Finding], files: list[str], chosen: Plan, workers: int | None = None
) -> list[Finding]:
    """`findings` less those the plan's per-path ignores remove, placed (line and column:
    the place stage), less those the files' inline suppressions remove, plus JO901 for
    unused suppressions when the plan runs it."""
    from journeyops_cli.lint.suppress import apply_suppressions

    findings = place_findings(bank, not_ignored(findings, chosen), workers)
    return apply_suppressions(bank, findings, files, chosen)


def not_ignored(findings: list[Finding], chosen: Plan) -> list[Finding]:
    """`findings` less those the plan's per-path ignores remove."""
    if chosen.per_path:
        return [f for f in findings if not _path_ignored(f, chosen.per_path)]
    return findings


def place_findings(bank: Bank, findings: list[Finding], workers: int | None = None) -> list[Finding]:
    """The place stage (`place.py`) on a bank's findings, with the places memo when the
    cache is on (the loader gave the bank its files' digests)."""
    from journeyops_cli.place import PARALLEL_MIN_FILES, place
    from journeyops_cli.speed.executor import executor_for

    memo = None
    if bank.digests:
        from journeyops_cli.speed.places import Places

        memo = Places.open(bank.root)
    files = len({item.path for item in findings if item.where is not None})
    executor = executor_for(files, workers, minimum=PARALLEL_MIN_FILES)
    placed = place(bank.root, findings, bank.digests or None, memo, executor)
    if memo is not None:
        memo.save(bank.digests)
    return placed


def _path_ignored(item: Finding, per_path: list[tuple[str, set[str]]]) -> bool:
    return any(
        item.code in codes and (fnmatch.fnmatchcase(item.path, glob) or item.path.startswith(glob.rstrip("/") + "/"))
        for glob, codes in per_path
    )
