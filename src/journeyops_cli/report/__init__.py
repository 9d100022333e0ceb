"""Reporters: small classes picked by name that turn a validation result into text."""

from __future__ import annotations

from typing import Protocol

from journeyops_cli.pipeline import ValidationResult


class Reporter(Protocol):
    def render(self, result: ValidationResult, prefix: str) -> str: ...


def reporter(name: str, *, color: bool = False, language: str = "en") -> Reporter:
    """The reporter for `--format NAME`; `language` is the one of the text's own words
    (a text report, and the summary line of GitHub's)."""
    if name == "json":
        from journeyops_cli.report.json_report import JsonReporter

        return JsonReporter()
    if name == "github":
        from journeyops_cli.report.github import GithubReporter

        return GithubReporter(language)
    if name == "sarif":
        from journeyops_cli.report.sarif import SarifReporter

        return SarifReporter()
    from journeyops_cli.report.text import TextReporter

    return TextReporter(color=color, language=language)


FORMATS = ("text", "json", "github", "sarif")
