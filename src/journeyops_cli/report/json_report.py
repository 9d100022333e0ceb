"""Findings as one JSON document, for scripts and dashboards."""

from __future__ import annotations

import json

from journeyops_cli import __version__
from journeyops_cli.findings import Severity
from journeyops_cli.pipeline import ValidationResult


class JsonReporter:
    def render(self, result: ValidationResult, prefix: str) -> str:
        counts = result.counts()
        document = {
            "tool": "journeyops",
            "version": __version__,
            "summary": {
                "files": result.files,
                "records": result.records,
                "errors": counts[Severity.ERROR],
                "warnings": counts[Severity.WARNING],
                "info": counts[Severity.INFO],
                "failed": result.failed,
            },
            "findings": [
                {**item.to_dict(), "path": prefix + item.path} for item in result.findings
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
