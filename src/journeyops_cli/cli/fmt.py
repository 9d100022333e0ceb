"""`journeyops fmt`: canonical key order, indentation and layout of a bank's records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, EXIT_OK, BankOption, bank_root
from journeyops_cli.errors import JourneyopsError

app = typer.Typer()


@app.command()
def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to format (default: every record file of the bank). "
                       "Files that are not records of the bank are skipped.", show_default=False),
    ] = None,
    bank: BankOption = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 if a file would change.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Write nothing; print a unified diff of the changes.")] = False,
) -> None:
    """Put every record's keys in the canonical order and indent lists under their key.

    Comments, quoting, `~`, long lines and `---` markers are kept. A file with errors is
    never formatted. Exit codes: 0 done (or nothing to do), 1 with --check when a file would
    change, or when a file could not be formatted.
    """
    from collections import Counter

    from journeyops_cli.cli.handler import show
    from journeyops_cli.edit.format_bank import Mode, format_files, within
    from journeyops_cli.load.files import discover
    from journeyops_cli.pipeline import bank_relative, display_prefix, load_config

    root = bank_root(bank, paths[0] if paths else None)
    config = load_config(root)
    files = within(
        discover(root, config.exclude, config.site.out).files,
        [bank_relative(root, p) for p in paths] if paths else None,
    )
    mode: Mode = "diff" if diff else "check" if check else "write"
    counts: Counter[str] = Counter()
    for item in format_files(root, files, config.limits, display_prefix(root), mode):
        counts[item.outcome] += 1
        if item.outcome == "refused":
            show(JourneyopsError(item.detail))
        elif item.outcome == "reformatted":
            typer.echo(f"reformatted {item.shown}")
        elif item.outcome == "would reformat":
            typer.echo(item.detail if diff else f"would reformat {item.shown}\n", nl=False)
    writing = not (check or diff)
    changed = counts["reformatted"] + counts["would reformat"]
    summary = f"{changed} file(s) reformatted" if writing else f"{changed} file(s) would be reformatted"
    summary += f", {counts['unchanged']} already formatted"
    if counts["refused"]:
        summary += f", {counts['refused']} could not be formatted"
    typer.echo(summary, err=not writing and diff)
    if counts["refused"] or (check and changed):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)
