"""`journeyops report`: the customer-experience scorecard of the bank."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from journeyops_cli.cli.app import app
from journeyops_cli.cli.common import EXIT_OK, BankOption, bank_root, fail, use_color


@app.command()
def report(
    path: Annotated[
        Optional[Path],
        typer.Argument(help="A folder inside the bank (default: the current folder).", show_default=False),
    ] = None,
    bank: BankOption = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, md or json.")] = "text",
    today: Annotated[
        Optional[str],
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
    from journeyops_cli.pipeline import BankError, Selection, load_bank, load_config
    from journeyops_cli.rules.engine import lint, plan
    from journeyops_cli.rules.hygiene.stale import StaleJourney
    from journeyops_cli.scorecard.figures import DEFAULT_FRESH_DAYS, build
    from journeyops_cli.scorecard.output import FORMATS, render

    if output_format not in FORMATS:
        fail(f"--format {output_format}: use one of {', '.join(FORMATS)}")
    try:
        date = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        fail(f"--today {today}: not a date; write it as YYYY-MM-DD")
    root = bank_root(bank, path)
    try:
        config = load_config(root)
        loaded = load_bank(root, config)
        findings = lint(loaded.bank, loaded.findings, loaded.files, Selection())
        stale_rule = plan(loaded.bank, Selection()).rule(StaleJourney.code)
    except BankError as error:
        fail(error.message, findings=error.findings)
    if isinstance(stale_rule, StaleJourney) and today:
        stale_rule.options = stale_rule.options.model_copy(update={"today": date})
    days = stale_rule.options.days if isinstance(stale_rule, StaleJourney) else DEFAULT_FRESH_DAYS  # type: ignore[attr-defined]
    card = build(
        loaded.bank, findings, today=date, fresh_days=days,
        is_stale=stale_rule.stale if isinstance(stale_rule, StaleJourney) else (lambda journey: False),
    )
    color = output_format == "text" and use_color()
    width = shutil.get_terminal_size((140, 24)).columns if sys.stdout.isatty() else 140
    typer.echo(render(card, output_format, color=color, width=width), nl=False)
    raise typer.Exit(EXIT_OK)
