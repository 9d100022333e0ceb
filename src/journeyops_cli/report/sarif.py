"""Findings as SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning and others).

The tool component lists every rule (id, name, descriptions, help, default level), and
each result points at its rule by id and index. The output is deterministic: the same
bank gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from journeyops_cli import PROJECT_URL, __version__
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.pipeline import ValidationResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = PROJECT_URL
ROOT_BASE_ID = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_descriptors() -> list[dict[str, Any]]:
    """SARIF reportingDescriptors for every registered rule, in code order."""
    from journeyops_cli.rules.registry import all_rules

    descriptors = []
    for code, rule in all_rules().items():
        documentation = rule.documentation()
        body = documentation.split("\n\n", 1)[1].strip() if "\n\n" in documentation else documentation
        descriptors.append(
            {
                "id": code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary()},
                "fullDescription": {"text": " ".join(body.split("\n\n", 1)[0].split())},
                "help": {"text": documentation},
                "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.default_enabled},
                "properties": {"tags": list(rule.groups)},
            }
        )
    return descriptors


class SarifReporter:
    def render(self, result: ValidationResult, prefix: str) -> str:
        rules = rule_descriptors()
        index = {rule["id"]: number for number, rule in enumerate(rules)}
        absolute = prefix.startswith("/")
        results = [self._result(item, index, prefix, absolute, result) for item in result.findings]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "journeyops",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }
        if not absolute:
            run["originalUriBaseIds"] = {
                ROOT_BASE_ID: {"description": {"text": "The folder journeyops was run in."}}
            }
        document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    @staticmethod
    def _result(
        item: Finding, index: dict[str, int], prefix: str, absolute: bool, result: ValidationResult
    ) -> dict[str, Any]:
        if absolute:
            location: dict[str, Any] = {"uri": (result.root / item.path).as_uri()}
        else:
            location = {"uri": quote(prefix + item.path), "uriBaseId": ROOT_BASE_ID}
        physical: dict[str, Any] = {"artifactLocation": location}
        if item.line > 0:
            region: dict[str, Any] = {"startLine": item.line}
            if item.column > 0:
                region["startColumn"] = item.column
            physical["region"] = region
        entry: dict[str, Any] = {"ruleId": item.code}
        if item.code in index:
            entry["ruleIndex"] = index[item.code]
        entry["level"] = LEVELS[item.severity]
        text = item.message + (f"\nhint: {item.hint}" if item.hint else "")
        entry["message"] = {"text": text}
        entry["locations"] = [{"physicalLocation": physical}]
        return entry
