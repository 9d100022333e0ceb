"""Documentation of the rules, generated from the registry: the `journeyops rules` table,
one rule's page, and `docs/rules.md`."""

from __future__ import annotations

import json

from journeyops_cli.rules.base import Rule
from journeyops_cli.rules.registry import all_rules

REGENERATE = "journeyops rules --format markdown > docs/rules.md"


def table() -> str:
    """Every rule on one line: code, name, default severity, summary."""
    rules = all_rules()
    name_width = max(len(r.name) for r in rules.values())
    lines = [f"{'CODE':<6} {'NAME':<{name_width}} {'SEVERITY':<8} SUMMARY"]
    for code, rule in rules.items():
        severity = rule.severity.label + ("" if rule.default_enabled else "*")
        lines.append(f"{code:<6} {rule.name:<{name_width}} {severity:<8} {rule.summary()}")
    return "\n".join(lines) + "\n"


def options_rows(rule: type[Rule]) -> list[tuple[str, str, str]]:
    """(name, default as YAML-ish JSON, description) for each option of the rule."""
    rows = []
    for name, field in rule.Options.model_fields.items():
        default = field.get_default(call_default_factory=True)
        shown = json.dumps(default, ensure_ascii=False, default=str)
        rows.append((name, shown, " ".join((field.description or "").split())))
    return rows


def page(rule: type[Rule]) -> str:
    """One rule's documentation for the terminal."""
    lines = [
        f"{rule.code} {rule.name}",
        f"severity: {rule.severity.label}" + ("" if rule.default_enabled else " (off unless selected)"),
        f"groups: {', '.join(rule.groups) or '-'}",
        "",
        rule.documentation(),
    ]
    rows = options_rows(rule)
    if rows:
        lines += ["", f"Options (journeyops.yaml, lint.options.{rule.name}):"]
        lines += [f"  {name} (default {default}): {text}" for name, default, text in rows]
    return "\n".join(lines) + "\n"


def markdown() -> str:
    """The whole of docs/rules.md."""
    rules = all_rules()
    out = [
        "# Rules",
        "",
        f"<!-- Generated from the rule modules; do not edit. Regenerate with: {REGENERATE} -->",
        "",
        "`journeyops validate` runs every rule below on the whole bank. Each rule has a stable",
        "code, a name and groups; `lint:` in `journeyops.yaml` and `--select`/`--ignore` accept",
        "any of them. See [lint.md](lint.md) for configuration and suppression. Each rule's",
        "failing and fixed examples below are run as tests (`tests/rules/test_doc_examples.py`).",
        "",
        "| code | name | severity | groups | summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for code, rule in rules.items():
        summary = rule.summary().replace("|", "\\|")
        anchor = f"{code.lower()}-{rule.name.replace('.', '')}"
        groups = ", ".join(rule.groups)
        out.append(f"| [{code}](#{anchor}) | `{rule.name}` | {rule.severity.label} | {groups} | {summary} |")
    for code, rule in rules.items():
        out += ["", f"## {code} {rule.name}", ""]
        out.append(f"Severity: **{rule.severity.label}**. Groups: {', '.join(f'`{g}`' for g in rule.groups)}."
                   + ("" if rule.default_enabled else " Off unless selected."))
        out += ["", rule.documentation()]
        rows = options_rows(rule)
        if rows:
            out += ["", f"Options (`lint.options.{rule.name}` in `journeyops.yaml`):", "",
                    "| option | default | meaning |", "| --- | --- | --- |"]
            out += [f"| `{name}` | `{default}` | {text} |" for name, default, text in rows]
    return "\n".join(out) + "\n"
