"""What every command shares: the --bank option, finding the bank, colour."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from journeyops_cli.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, JourneyopsError

if TYPE_CHECKING:
    from journeyops_cli.edit.changeset import Changeset
    from journeyops_cli.pipeline import Loaded

__all__ = [
    "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "BankOption", "bank_root", "fail", "load_in_language", "use_color",
]

BankOption = Annotated[
    Path | None,
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
    """A command's own usage error (a bad option value): raise it for the one handler
    (cli/handler.py), which prints it and exits with `code`."""
    raise JourneyopsError(message, findings, exit_code=code)


def bank_root(bank: Path | None, near: Path | None = None) -> Path:
    """The bank root from --bank, else by walking up from `near` or the current folder."""
    from journeyops_cli.models.config import CONFIG_FILE
    from journeyops_cli.pipeline import find_bank_root

    if bank is None:
        return find_bank_root(near or Path.cwd())
    if not bank.is_dir():
        raise JourneyopsError(f"--bank {bank}: no such folder")
    if not (bank / CONFIG_FILE).is_file():
        raise JourneyopsError(f"--bank {bank}: no {CONFIG_FILE} in that folder")
    return bank.resolve()


def load_in_language(bank: Path | None, lang: str | None) -> tuple[Loaded, str]:
    """The bank (from --bank or the folder) and the language to show it in: --lang, which
    must be one of the bank's languages, else its first."""
    from journeyops_cli.pipeline import load_bank, load_config

    root = bank_root(bank)
    config = load_config(root)
    loaded = load_bank(root, config)
    language = lang or config.default_language
    if language not in config.languages:
        fail(f"--lang {language}: the bank's languages are {', '.join(config.languages)}")
    return loaded, language


def apply_changes(changes: Changeset, dry_run: bool, whole_bank: bool = True, doing: str = "the import") -> None:
    """Check a changeset (against the whole bank, or each changed file read back on its
    own when only new records are added), then write it, or with `dry_run` say what it
    would do; a change that would add an error is refused with the errors (exit 1)."""
    from journeyops_cli.edit import EditError

    changed = changes.changed
    if not changed:
        typer.echo("nothing to change")
        return
    errors = changes.new_errors() if whole_bank else changes.file_errors()
    if errors:
        for line in errors:
            typer.echo(line, err=True)
        fail(f"{doing} would make the bank invalid; nothing was written", EXIT_FINDINGS)
    if not dry_run:
        try:
            changes.write()  # all or nothing: say what changed only once it has
        except EditError as error:
            fail(error.message, EXIT_FINDINGS)
    verb = "would change" if dry_run else "changed"
    for change in changed:
        for what in change.what:
            action = ("would create" if dry_run else "created") if change.original is None else verb
            typer.echo(f"{change.path}: {action} {what}")
