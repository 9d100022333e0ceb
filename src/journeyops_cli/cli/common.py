"""What every command shares: finding the bank, printing errors, exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

BankOption = Annotated[
    Optional[Path],
    typer.Option(
        "--bank",
        help="The bank's root folder (holding journeyops.yaml). Default: found by walking up "
        "from the current folder.",
        show_default=False,
    ),
]


def use_color(stream: object = None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def fail(message: str, code: int = EXIT_USAGE, findings: list | None = None) -> NoReturn:
    """Print an error (and its findings) to stderr and exit."""
    from journeyops_cli.findings import printable

    for item in findings or []:
        where = f"{item.path}:{item.line}:{item.column}:"
        typer.echo(printable(f"{where} {item.code} [{item.severity.label}] {item.message}"), err=True)
        if item.hint:
            typer.echo(f"    hint: {printable(item.hint)}", err=True)
    # Commands may add hint lines; each line is made printable on its own.
    lines = "\n".join(printable(line) for line in message.split("\n"))
    typer.echo(f"journeyops: error: {lines}", err=True)
    raise typer.Exit(code)


def bank_root(bank: Path | None, near: Path | None = None) -> Path:
    """The bank root from --bank, else by walking up from `near` or the current folder."""
    from journeyops_cli.pipeline import BankError, find_bank_root

    try:
        if bank is not None:
            if not bank.is_dir():
                fail(f"--bank {bank}: no such folder")
            if not (bank / "journeyops.yaml").is_file():
                fail(f"--bank {bank}: no journeyops.yaml in that folder")
            return bank.resolve()
        return find_bank_root(near or Path.cwd())
    except BankError as error:
        fail(error.message, findings=error.findings)
