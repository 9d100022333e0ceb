"""Findings as GitHub Actions workflow commands: annotations on the pull request diff."""

from __future__ import annotations

from journeyops_cli.findings import Severity
from journeyops_cli.pipeline import ValidationResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def __init__(self, language: str = "en") -> None:
        self.language = language

    def render(self, result: ValidationResult, prefix: str) -> str:
        lines = []
        for item in result.findings:
            title = f"{item.code} {item.name}" if item.name else item.code
            message = item.message + (f"\n{item.hint}" if item.hint else "")
            props = [f"file={escape_property(prefix + item.path)}"]
            if item.line:
                props += [f"line={item.line}", f"col={item.column}"]
            props.append(f"title={escape_property(title)}")
            lines.append(f"::{COMMANDS[item.severity]} {','.join(props)}::{escape_data(message)}")
        from journeyops_cli.report.text import TextReporter

        lines.append(TextReporter(color=False, language=self.language).summary(result))
        return "\n".join(lines) + "\n"
