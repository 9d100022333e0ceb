"""The one error type: something the person running journeyops must fix.

Core code raises a `JourneyopsError` (or a subclass named for its stage) with a message,
the exit code it deserves and, where they help, findings (`file:line:col` of each problem)
and a hint. It never prints and never exits: the CLI has one handler
(`cli/handler.py`) that prints it on stderr and exits with its code. Bad input never
shows a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeyops_cli.findings import Finding

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class JourneyopsError(Exception):
    """A problem to report instead of a result. `exit_code` 2 (the default) is a usage or
    config error, 1 a refusal about the bank's content (an edit that would break a file,
    no such journey)."""

    exit_code: int = EXIT_USAGE

    def __init__(
        self,
        message: str,
        findings: list[Finding] | None = None,
        *,
        exit_code: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code
        self.findings: list[Finding] = list(findings or [])
        self.hint = hint

    def __str__(self) -> str:
        return self.message
