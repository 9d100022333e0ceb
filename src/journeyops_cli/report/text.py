"""Findings for people: grouped by file, `path:line:col: CODE [severity] message`."""

from __future__ import annotations

from itertools import groupby

from journeyops_cli.findings import Severity, printable
from journeyops_cli.pipeline import ValidationResult

STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


_COUNTED = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "infos"}


class TextReporter:
    """The findings for a person, in `language` (the CLI picks it: `cli.words.cli_language`).
    Only the report's own words change; each finding stays `path:line:col: CODE [severity]
    message`, which editors and CI problem matchers read."""

    def __init__(self, color: bool = False, language: str = "en") -> None:
        self.color = color
        self.language = language

    def _say(self, key: str, **values: object) -> str:
        from journeyops_cli.render.i18n import message

        return message(key, self.language).format(**values)

    def _style(self, text: str, style: str) -> str:
        return f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if self.color else text

    def render(self, result: ValidationResult, prefix: str) -> str:
        hint = self._style(self._say("cli.validate.hint"), "dim")
        lines: list[str] = []
        for path, group in groupby(result.findings, key=lambda f: f.path):
            lines.append(self._style(printable(prefix + path), "bold"))
            told: set[str] = set()
            for item in group:
                where = printable(f"{prefix}{item.path}:{item.line}:{item.column}:")
                severity = self._style(f"[{item.severity.label}]", STYLES[item.severity])
                message = printable(item.message)
                lines.append(f"{where} {self._style(item.code, 'bold')} {severity} {message}")
                if item.code not in told:
                    told.add(item.code)
                    lines.extend(self._rule_words(item.code))
                if item.hint:
                    lines.append(f"    {hint} {printable(item.hint)}")
            lines.append("")
        lines.append(self.summary(result))
        return "\n".join(lines) + "\n"

    def _rule_words(self, code: str) -> list[str]:
        """In a language other than English, the rule's title and what to do in that
        language, said once a file beneath the rule's first finding there (the finding's
        own message and hint stay English: one shape for editors, CI and search)."""
        if self.language == "en":
            return []
        from journeyops_cli.render.i18n import rule_words

        words = rule_words(code, self.language)
        return [self._style(f"    {words[0]} {words[1]}", "dim")] if words else []

    def summary(self, result: ValidationResult) -> str:
        from journeyops_cli.render.formats import count
        from journeyops_cli.render.i18n import strings

        language = self.language
        words = strings(language)
        checked = (f"{count(words, 'files', result.files, language)}, "
                   f"{count(words, 'records', result.records, language)}")
        if not result.findings:
            return self._style(self._say("cli.validate.clean", checked=checked), "green")
        counts = result.counts()
        parts = [count(words, _COUNTED[s], counts[s], language)
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
        files = len({f.path for f in result.findings})
        text = self._say("cli.validate.found", mark="✗" if result.failed else "!", counts=", ".join(parts),
                   files=count(words, "files_in", files, language), checked=checked)
        return self._style(text, "red" if result.failed else "yellow")

    def took(self, seconds: float) -> str:
        """How long the run took, to follow the summary on a terminal."""
        from journeyops_cli.render.formats import number

        return self._say("cli.validate.took", seconds=number(round(seconds, 2), self.language))


_ANSI = {"red": "31", "yellow": "33", "cyan": "36", "green": "32", "bold": "1", "dim": "2"}
