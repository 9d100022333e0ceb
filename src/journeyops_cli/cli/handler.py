"""The one handler of `JourneyopsError`: print it on stderr and exit with its code.

Every command runs inside `HandledGroup.invoke`, so a command (or the core below it) only
raises; tests that call the app in-process see the same output and exit code as a user.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from journeyops_cli.errors import JourneyopsError


def error_lines(error: JourneyopsError) -> list[str]:
    """What the handler prints: each finding (`path:line:col: CODE [severity] message`
    and its hint), then `journeyops: error: message` and the error's hint. Every line is
    made printable on its own, so data cannot fake an output line."""
    from journeyops_cli.findings import printable

    lines: list[str] = []
    for item in error.findings:
        where = f"{item.path}:{item.line}:{item.column}:"
        lines.append(printable(f"{where} {item.code} [{item.severity.label}] {item.message}"))
        if item.hint:
            lines.append(f"    hint: {printable(item.hint)}")
    message = error.message.split("\n")
    lines.append(f"journeyops: error: {printable(message[0])}")
    lines += [printable(line) for line in message[1:]]
    if error.hint:
        lines.append(f"    hint: {printable(error.hint)}")
    return lines


def show(error: JourneyopsError) -> None:
    """Print an error on stderr with rich: the `error:` label in red on a terminal, plain
    text (no markup, no wrapping) everywhere else."""
    from rich.console import Console
    from rich.text import Text

    console = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
    for line in error_lines(error):
        text = Text(line)
        if line.startswith("journeyops: error: "):
            text.stylize("bold red", 12, 18)
        console.print(text)


class HandledGroup(TyperGroup):
    """The root command group: runs the command and turns a JourneyopsError into its
    message on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:  # click.Context, vendored by newer typer
        try:
            return super().invoke(ctx)
        except JourneyopsError as error:
            show(error)
            raise typer.Exit(error.exit_code) from None
