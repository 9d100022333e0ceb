"""`journeyops rename OLD NEW`: rename a step or a record and every reference to it."""

from __future__ import annotations

from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, BankOption, bank_root, fail
from journeyops_cli.cli.reading import IdArgument, KindOption

app = typer.Typer()


@app.command("rename")
def rename_command(
    old: IdArgument,
    new: Annotated[
        str, typer.Argument(metavar="NEW", help="The new step id, or the record's new id.", show_default=False)
    ],
    kind: KindOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the changes as a diff; write nothing.")] = False,
    bank: BankOption = None,
) -> None:
    """Rename a step (journey-id#step-id to a new step id) or a record (to a new id), and
    every reference to it: step links, child journeys' parent_step, the references of
    every kind, and the record's file when it is named for it. All files or none are
    written; the bank is validated with the change first.
    """
    import difflib

    from journeyops_cli.cli.reading import refused
    from journeyops_cli.cli.words import cli_language, say
    from journeyops_cli.edit import EditError
    from journeyops_cli.edit.rename import plan
    from journeyops_cli.pipeline import display_prefix, load_bank

    root = bank_root(bank)
    loaded = load_bank(root)
    language = cli_language(loaded.bank.config)
    with refused(language):
        renamed = plan(loaded.bank, old, new, kind)
    changes = renamed.changes
    judged = changes.new_errors_judged(loaded)  # at the cost of what the rename touches
    errors = judged if judged is not None else changes.new_errors()
    if errors:
        for line in errors:
            typer.echo(line, err=True)
        fail(say("cli.rename.would_break", language), EXIT_FINDINGS)
    prefix = display_prefix(root)
    if dry_run:
        for change in changes.changed:
            before = change.original.text if change.original else ""
            after = change.moved_to or change.path
            typer.echo("".join(difflib.unified_diff(
                before.splitlines(keepends=True), change.text.splitlines(keepends=True),
                f"a/{change.path}", f"b/{after}")), nl=False)
            if change.moved_to:
                typer.echo(say("cli.rename.would_move", language, old=f"{prefix}{change.path}",
                               new=f"{prefix}{change.moved_to}"))
        typer.echo(say("cli.rename.dry_run", language))
        return
    try:
        changes.write()
    except EditError as error:
        fail(error.message, EXIT_FINDINGS)
    for value in renamed.values:
        typer.echo(f"{prefix}{value.path}: {value.where}: {value.old} -> {value.new}")
    if renamed.moved:
        typer.echo(say("cli.rename.moved", language, old=f"{prefix}{renamed.moved[0]}",
                       new=f"{prefix}{renamed.moved[1]}"))
    typer.echo(say("cli.rename.done", language, old=renamed.old, new=renamed.new,
                   n=len(renamed.values) - 1, files=len(changes.changed)))
