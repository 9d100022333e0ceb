"""Findings for people: grouped by file, `path:line:col: CODE [severity] message`."""

from __future__ import annotations

from itertools import groupby

from journeyops_cli.findings import Severity, printable
from journeyops_cli.pipeline import ValidationResult

STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextReporter:
    def __init__(self, color: bool = False) -> None:
        self.color = color

    def _style(self, text: str, style: str) -> str:
        return f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if self.color else text

    def render(self, result: ValidationResult, prefix: str) -> str:
        lines: list[str] = []
        for path, group in groupby(result.findings, key=lambda f: f.path):
            lines.append(self._style(printable(prefix + path), "bold"))
            for item in group:
                where = printable(f"{prefix}{item.path}:{item.line}:{item.column}:")
                severity = self._style(f"[{item.severity.label}]", STYLES[item.severity])
                message = printable(item.message)
                lines.append(f"{where} {self._style(item.code, 'bold')} {severity} {message}")
                if item.hint:
                    lines.append(f"    {self._style('hint:', 'dim')} {printable(item.hint)}")
            lines.append("")
        lines.append(self.summary(result))
        return "\n".join(lines) + "\n"

    def summary(self, result: ValidationResult) -> str:
        checked = f"{plural(result.files, 'file')}, {plural(result.records, 'record')}"
        if not result.findings:
            return self._style(f"✓ {checked} checked: no problems found", "green")
        counts = result.counts()
        parts = [
            plural(counts[s], s.label) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]
        ]
        files = len({f.path for f in result.findings})
        text = f"✗ {', '.join(parts)} in {plural(files, 'file')} ({checked} checked)"
        if not result.failed:
            text = text.replace("✗", "!", 1)
        return self._style(text, "red" if result.failed else "yellow")


_ANSI = {"red": "31", "yellow": "33", "cyan": "36", "green": "32", "bold": "1", "dim": "2"}
