"""`journeyops validate`: check the whole bank (the CI command)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, EXIT_OK, BankOption, bank_root, fail, use_color

app = typer.Typer()


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to report on (default: the whole bank). References are "
            "always resolved against the whole bank.",
            show_default=False,
        ),
    ] = None,
    bank: BankOption = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="text, json, github or sarif (default: github when GITHUB_ACTIONS=true, else text).",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(help="Lowest severity that fails the run: error, warning or info.", show_default=False),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Run only these rules (codes, names or groups; comma-separated).", show_default=False),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Skip these rules (codes, names or groups; comma-separated).", show_default=False),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary line.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read every file again; neither use nor update .journeyops_cache/.")
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count the findings per rule (text and json).")
    ] = False,
) -> None:
    """Check schemas, references and consistency of the whole bank.

    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or config error.
    """
    from journeyops_cli.cli.words import cli_language
    from journeyops_cli.findings import Severity
    from journeyops_cli.pipeline import Selection, bank_relative, display_prefix
    from journeyops_cli.pipeline import validate as run_validate
    from journeyops_cli.report import FORMATS, reporter

    started = time.perf_counter()
    if no_cache:
        os.environ["JOURNEYOPS_NO_CACHE"] = "1"  # read by pipeline.load_bank
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if output_format not in FORMATS:
        fail(f"--format {output_format}: use one of {', '.join(FORMATS)}")
    threshold = None
    if fail_on is not None:
        try:
            threshold = Severity.parse(fail_on)
        except ValueError as error:
            fail(f"--fail-on: {error}")
    near = paths[0] if paths else None
    root = bank_root(bank, near)
    only = _scopes(root, [bank_relative(root, p) for p in paths]) if paths else None
    result = run_validate(
        root,
        only=only,
        selection=Selection(_split(select), _split(ignore)),
        fail_on=threshold,
    )
    prefix = display_prefix(root)
    color = use_color()
    language = cli_language(bank_language=result.language)
    if quiet and output_format == "text":
        from journeyops_cli.report.text import TextReporter

        text = TextReporter(color=color, language=language).summary(result) + "\n"
    else:
        text = reporter(output_format, color=color, language=language).render(result, prefix)
    if statistics:
        from journeyops_cli.lint.statistics import add_statistics

        text = add_statistics(output_format, text, result.findings)
    if output_format == "text" and color:
        from journeyops_cli.report.text import TextReporter

        took = TextReporter(language=language).took(time.perf_counter() - started)
        text = text.rstrip("\n") + took + "\n"
    typer.echo(text, nl=False)
    raise typer.Exit(EXIT_FINDINGS if result.failed else EXIT_OK)


def _scopes(root: Path, relative: list[str]) -> list[str]:
    """The bank-relative files and folders to report on ("" for the whole bank); a path
    that does not exist is a usage error."""
    scopes: list[str] = []
    for rel in relative:
        if not (root / rel).exists():
            fail(f"{rel}: no such file in the bank")
        scopes.append("" if rel == "." else rel)
    return scopes
