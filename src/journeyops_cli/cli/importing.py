"""`journeyops import`: a workbook back into the bank, feedback exports as insights, metric
observations from CSV; `journeyops observe`: one observation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, BankOption, bank_root, fail

app = typer.Typer()

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.edit.changeset import Changeset

DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Print what would change; write nothing.")]


def _load(bank: Path | None) -> Bank:
    from journeyops_cli.pipeline import BankError, load_bank

    root = bank_root(bank)
    try:
        loaded = load_bank(root)
    except BankError as error:
        fail(error.message, findings=error.findings)
    return loaded.bank


def _problems(problems: list[str]) -> None:
    if problems:
        for line in problems:
            typer.echo(line, err=True)
        fail(f"{len(problems)} problem(s); nothing was imported", EXIT_FINDINGS)


def finish(changes: Changeset, dry_run: bool) -> None:
    """Check the whole bank with the changes, then write them (or print them)."""
    from journeyops_cli.edit import EditError

    changed = changes.changed
    if not changed:
        typer.echo("nothing to change")
        return
    errors = changes.new_errors()
    if errors:
        for line in errors:
            typer.echo(line, err=True)
        fail("the import would make the bank invalid; nothing was written", EXIT_FINDINGS)
    verb = "would change" if dry_run else "changed"
    for change in changed:
        for what in change.what:
            action = ("would create" if dry_run else "created") if change.original is None else verb
            typer.echo(f"{change.path}: {action} {what}")
    if dry_run:
        return
    try:
        changes.write()
    except EditError as error:
        fail(error.message, EXIT_FINDINGS)


@app.command("import")
def import_command(
    items: Annotated[
        list[str],
        typer.Argument(
            help="FILE.xlsx (an exported workbook), or `insights FILE…` (a feedback or survey "
            "export, CSV or XLSX), or `observations FILE…` (metric, date, value).",
            show_default=False,
        ),
    ],
    dry_run: DryRunOption = False,
    bank: BankOption = None,
) -> None:
    """Bring a workbook or a data export into the bank, record by record, through the one edit
    path (comments kept, every file checked before it is written).

    Exit codes: 0 imported (or nothing to change), 1 problems in the input or a change that
    would make the bank invalid (nothing written), 2 usage or config error.
    """
    if items[0] in ("insights", "observations"):
        fail(f"import {items[0]}: not built yet")
    if len(items) != 1:
        fail("import FILE.xlsx takes one workbook")
    _import_workbook(Path(items[0]), dry_run, bank)


def _import_workbook(path: Path, dry_run: bool, bank: Path | None) -> None:
    from journeyops_cli.sheets import SheetError
    from journeyops_cli.sheets.plan import plan_import

    if not path.is_file():
        fail(f"{path}: no such file")
    b = _load(bank)
    try:
        from journeyops_cli.sheets.read import read_book

        book = read_book(path, str(path))
    except ModuleNotFoundError as error:
        if error.name != "openpyxl":
            raise
        from journeyops_cli.cli.export import SHEETS_MISSING

        fail(SHEETS_MISSING)
    except SheetError as error:
        _problems([str(error)])
    language = book.language or b.config.default_language
    if language not in b.config.languages:
        fail(f"{path}: the workbook is in '{language}'; the bank's languages are {', '.join(b.config.languages)}")
    plan = plan_import(b, book, language)
    _problems(plan.problems)
    finish(plan.changes, dry_run)
