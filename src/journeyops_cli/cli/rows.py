"""Rows of plain values out to the terminal: a rich table on a terminal, tab-separated
lines when piped (one row a line, no heading: `cut -f1` gives the ids), or JSON. `list`
and `show` print through here."""

from __future__ import annotations

import shutil
import sys
from typing import Any

import typer

from journeyops_cli.cli.common import fail, use_color

FORMATS = ("table", "text", "json")


def output_format(chosen: str | None) -> str:
    """--format as given (checked), else a table on a terminal and text when piped."""
    if chosen is None:
        return "table" if sys.stdout.isatty() else "text"
    if chosen not in FORMATS:
        fail(f"--format {chosen}: use one of {', '.join(FORMATS)}")
    return chosen


def cell(value: Any) -> str:
    """A value as a table cell: a list comma-separated, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(cell, value))
    return str(value)


def table(headings: list[str], rows: list[list[Any]], title: str | None = None) -> str:
    """A rich table of `rows` under `headings` (colour only on a terminal)."""
    import io

    from rich.console import Console
    from rich.table import Table

    color = use_color()
    grid = Table(title=title, title_justify="left", show_edge=False)
    for index, heading in enumerate(headings):
        grid.add_column(heading, overflow="fold", no_wrap=index == 0)
    for row in rows:  # a list one item a line, so a step reference is not broken at a comma
        grid.add_row(*("\n".join(map(cell, value)) if isinstance(value, list) else cell(value) for value in row))
    buffer = io.StringIO()
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120
    console = Console(file=buffer, width=width, color_system="auto" if color else None, force_terminal=color,
                      no_color=not color, highlight=False, emoji=False)
    console.print(grid)
    return buffer.getvalue()


def text(rows: list[list[Any]]) -> str:
    """Tab-separated lines, one a row (tabs and line breaks inside a value become spaces)."""
    def flat(value: Any) -> str:
        return " ".join(cell(value).split()) if value is not None else ""

    return "".join("\t".join(map(flat, row)) + "\n" for row in rows)


def echo(value: str) -> None:
    typer.echo(value, nl=False)
