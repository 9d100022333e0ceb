"""Choose the active rules from config and command line, and run them on a Bank."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule
from journeyops_cli.rules.registry import RuleError, all_rules

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.pipeline import Selection


def resolve_names(names: list[str], where: str) -> set[str]:
    """Codes for a list of codes, rule names or groups; unknown ones are a RuleError."""
    rules = all_rules()
    codes: set[str] = set()
    for raw in names:
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
            close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else "; `journeyops rules` lists them"
            raise RuleError(f"{where}: unknown rule, name or group '{name}'{hint}")
        codes |= matched
    return codes


def active_rules(bank: Bank, selection: Selection) -> list[Rule]:
    """Instances of the rules to run, with configured severities."""
    lint = bank.config.lint
    rules = all_rules()
    if selection.select or lint.select:
        chosen = resolve_names(selection.select or lint.select, "select")
    else:
        chosen = {code for code, rule in rules.items() if rule.default_enabled}
    chosen -= resolve_names(lint.ignore, "lint.ignore in journeyops.yaml")
    chosen -= resolve_names(selection.ignore, "--ignore")
    severities: dict[str, Severity] = {}
    for name, level in lint.severity.items():
        for code in resolve_names([name], "lint.severity in journeyops.yaml"):
            severities[code] = Severity.parse(level)
    return [rules[code](severity=severities.get(code)) for code in sorted(chosen)]


def run_rules(bank: Bank, selection: Selection) -> list[Finding]:
    """Findings of every active rule; source rules' findings (already made by the loader)
    are handled by `filter_source_findings`."""
    findings: list[Finding] = []
    for rule in active_rules(bank, selection):
        if not rule.source:
            findings.extend(rule.check(bank))
    return findings
