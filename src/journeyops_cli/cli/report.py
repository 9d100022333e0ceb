"""`journeyops report`: the customer-experience scorecard of the bank."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_OK, BankOption, bank_root, fail, use_color

app = typer.Typer()


@app.command()
def report(
    path: Annotated[
        Path | None,
        typer.Argument(help="A folder inside the bank (default: the current folder).", show_default=False),
    ] = None,
    bank: BankOption = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, md, json or html (one offline page).")
    ] = "text",
    history: Annotated[
        int | None,
        typer.Option(help="Instead: the bank's figures at the last commit of each of the last N months "
                     "that changed it (read from git), to see the trend.", show_default=False),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(help="Count freshness and staleness from this date (YYYY-MM-DD; default: today).",
                     show_default=False),
    ] = None,
) -> None:
    """The customer-experience scorecard: evidence coverage, freshness, metrics on and off
    target, opportunities by status, stale and unowned journeys and findings, per anchor
    theme, journey and step — rolled up from detailed to mid to top to theme.

    A step counts as covered when it or a step beneath it (through `parent_step`) has an
    emotion, an insight or a metric. See docs/management.md.
    """
    from journeyops_cli.scorecard import output
    from journeyops_cli.scorecard.run import history as past
    from journeyops_cli.scorecard.run import scorecard_of

    if output_format not in output.FORMATS:
        fail(f"--format {output_format}: use one of {', '.join(output.FORMATS)}")
    try:
        date = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        fail(f"--today {today}: not a date; write it as YYYY-MM-DD")
    if history is not None and history < 1:
        fail(f"--history {history}: give the number of months, 1 or more")
    root = bank_root(bank, path)
    color = output_format == "text" and use_color()
    width = shutil.get_terminal_size((140, 24)).columns if sys.stdout.isatty() else 140
    if history is not None:
        text = output.history(past(root, history), output_format, color=color, width=width)
    else:
        text = output.render(scorecard_of(root, date), output_format, color=color, width=width)
    typer.echo(text, nl=False)
    raise typer.Exit(EXIT_OK)
