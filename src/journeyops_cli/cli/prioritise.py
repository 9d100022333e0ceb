"""`journeyops prioritise`: the backlog ranked by what the journeys show."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_OK, BankOption, bank_root, fail, use_color
from journeyops_cli.cli.complete import complete_ids

app = typer.Typer()


@app.command()
def prioritise(
    path: Annotated[
        Path | None,
        typer.Argument(help="A folder inside the bank (default: the current folder).", show_default=False),
    ] = None,
    bank: BankOption = None,
    model: Annotated[
        str | None,
        typer.Option("--model", "-m", help="journey, rice, ice, wsjf or weighted (default: scoring.model).",
                     show_default=False),
    ] = None,
    theme: Annotated[
        str | None, typer.Option(help="Only opportunities on journeys of this theme.", show_default=False,
                                 autocompletion=complete_ids("Theme"))
    ] = None,
    journey: Annotated[
        str | None,
        typer.Option(help="Only opportunities on this journey or the journeys below it.", show_default=False,
                     autocompletion=complete_ids("Journey")),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(help="Only these statuses (repeat or comma-separate; default: all but done and rejected).",
                     show_default=False),
    ] = None,
    top: Annotated[int | None, typer.Option(help="Show only the first N.", show_default=False)] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, json or md.")
    ] = "table",
    explain: Annotated[
        str | None,
        typer.Option(help="Explain the score of this opportunity: every factor and the evidence behind it.",
                     show_default=False, autocompletion=complete_ids("Opportunity")),
    ] = None,
) -> None:
    """Rank the opportunities by what the journeys show.

    The default `journey` model scores each opportunity from 0 to 100:

    \b
      score = 100 × Σ (w_f ÷ Σ w) × n_f   over the factors f below, each n_f in 0..1
      pain        worst linked step: ½·(2 − emotion)/4 + ½·min(pain points, 3)/3
      evidence    1 − 2^−S, S = Σ severity × confidence × 0.5^(age days ÷ half-life)
                  over the insights it cites and the insights on its steps
                  (severity low .25 medium .5 high .75 critical 1; confidence .5/.75/1)
      sources     (distinct insight types, at most 3, − 1) ÷ 2
      metric_gap  largest (target − latest) ÷ |target| of its metrics, by direction, 0..1
      level       highest level of its journeys: top 1, mid .6, detailed .3
      volume      log(1 + volume) ÷ log(1 + largest volume in the bank), volume metrics
      estimates   mean of impact ÷ 3, confidence, 1 ÷ (1 + effort)
    Default weights: pain .25, evidence .25, sources .05, metric_gap .15, level .10,
    volume .10, estimates .10 (scoring.weights in journeyops.yaml changes them).

    Other models: rice (reach × impact × confidence ÷ effort), ice (impact × confidence ×
    ease), wsjf ((business value + time criticality + risk reduction) ÷ job size), and
    weighted (factors and weights from scoring.weighted).

    A missing input uses its documented default and is reported once per opportunity
    on stderr. Ties: more linked insights first, then id. Recency is counted from
    scoring.today, else the latest date in the bank. Done and rejected opportunities
    are left out unless --status names them. See docs/prioritise.md.
    """
    from journeyops_cli.pipeline import answer_once, load_config
    from journeyops_cli.score import Request
    from journeyops_cli.score.answer import Question, answer
    from journeyops_cli.score.output import FORMATS

    if output_format not in FORMATS:
        fail(f"--format {output_format}: use one of {', '.join(FORMATS)}")
    statuses = tuple(p.strip() for value in status or [] for p in value.split(",") if p.strip()) or None
    root = bank_root(bank, path)
    question = Question(
        Request(model=model, theme=theme, journey=journey, statuses=statuses, top=top),
        explain,
        output_format,
        color=output_format == "table" and use_color(),
        width=shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120,
    )
    config = load_config(root)
    # Nothing changed since the last run with these options: the same answer at once.
    warnings, text = answer_once(
        root, config, "prioritise", repr(question), lambda loaded: answer(loaded.bank, loaded.findings, question)
    )
    for warning in warnings:
        typer.echo(f"journeyops: warning: {warning}", err=True)
    typer.echo(text, nl=False)
    raise typer.Exit(EXIT_OK)
