"""`journeyops review`: record a review of a journey (date, reviewer, note)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, BankOption, apply_changes, bank_root, fail
from journeyops_cli.cli.complete import complete_ids

app = typer.Typer()


@app.command()
def review(
    journey: Annotated[str, typer.Argument(help="The id of the journey that was reviewed.", show_default=False,
                                      autocompletion=complete_ids("Journey"))],
    note: Annotated[
        str | None, typer.Option(help="What was checked or changed.", show_default=False)
    ] = None,
    reviewer: Annotated[
        str | None,
        typer.Option(help="Who reviewed it (default: git's user.name, else the login name).", show_default=False),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="When (YYYY-MM-DD; default: today).", show_default=False)
    ] = None,
    bank: BankOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")] = False,
) -> None:
    """Record that a journey was reviewed against reality: a `reviews:` entry (date,
    reviewer, note) is added and `reviewed:` is set, keeping the rest of the file as it
    is. The journey page shows the review trail; JO402 counts from the latest review.
    """
    import getpass

    from journeyops_cli.edit import EditError
    from journeyops_cli.edit.changeset import Changeset
    from journeyops_cli.edit.review import describe, review_edits
    from journeyops_cli.pipeline import load_bank
    from journeyops_cli.render.journey_page import find_journey
    from journeyops_cli.revisions import user_name

    try:
        when = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        fail(f"--date {date}: not a date; write it as YYYY-MM-DD")
    root = bank_root(bank)
    who = (reviewer or user_name(root) or getpass.getuser() or "").strip()
    if not who:
        fail("say who reviewed the journey with --reviewer NAME")
    loaded = load_bank(root)
    found = find_journey(loaded.bank, journey)
    changes = Changeset(root, loaded.bank.config.limits)
    try:
        changes.edit(found, review_edits(found, when, who, note), describe(found, when, who))
    except EditError as error:
        fail(error.message, EXIT_FINDINGS)
    apply_changes(changes, dry_run, doing="the review")
