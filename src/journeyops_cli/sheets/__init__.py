"""Spreadsheets in and out: the JourneyOps journey model as a workbook (`export`, `import`),
feedback and survey exports as insights, metric observations from CSV.

Nothing here imports openpyxl or duckdb at module level: the CLI starts without them, and
only the commands that read or write a workbook (or run SQL) load them.
"""

from __future__ import annotations

from journeyops_cli.errors import EXIT_FINDINGS, JourneyopsError


class SheetError(JourneyopsError):
    """A problem with the input table, at a place a person can find: `FILE:SHEET!C7: message`
    (or `FILE:7: message` for a CSV row). Nothing was written."""

    exit_code = EXIT_FINDINGS

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.problem = message

    def __reduce__(self) -> tuple[type[SheetError], tuple[str, str]]:
        """Pickled as made (a forked worker's error comes back to this process whole)."""
        return type(self), (self.where, self.problem)

