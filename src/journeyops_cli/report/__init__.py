"""Reporters: small classes picked by name that turn a validation result into text."""

from __future__ import annotations

from typing import Protocol

from journeyops_cli.pipeline import ValidationResult


class Reporter(Protocol):
    def render(self, result: ValidationResult, prefix: str) -> str: ...


def reporter(name: str, *, color: bool = False) -> Reporter:
    """The reporter for `--format NAME`."""
    if name == "json":
        from journeyops_cli.report.json_report import JsonReporter

        return JsonReporter()
    if name == "github":
        from journeyops_cli.report.github import GithubReporter

        return GithubReporter()
    if name == "sarif":
        from journeyops_cli.report.sarif import SarifReporter

        return SarifReporter()
    from journeyops_cli.report.text import TextReporter

    return TextReporter(color=color)


FORMATS = ("text", "json", "github", "sarif")
