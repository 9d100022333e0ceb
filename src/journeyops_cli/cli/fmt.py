"""`journeyops fmt`: canonical key order, indentation and layout of a bank's records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, EXIT_OK, BankOption, bank_root

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
    import difflib

    from journeyops_cli.edit import EditError
    from journeyops_cli.edit.atomic import replace_file
    from journeyops_cli.edit.formatter import format_file
    from journeyops_cli.edit.textfile import read
    from journeyops_cli.load.files import discover
    from journeyops_cli.pipeline import bank_relative, display_prefix, load_config

    root = bank_root(bank, paths[0] if paths else None)
    config = load_config(root)
    files = discover(root, config.exclude, config.site.out).files
    if paths:
        wanted = [bank_relative(root, p) for p in paths]
        files = [f for f in files if any(f == w or f.startswith(w.rstrip("/") + "/") or w == "."
                                         for w in wanted)]
    prefix = display_prefix(root)
    changed = unchanged = refused = 0
    for rel in files:
        shown = prefix + rel
        try:
            source = read(root / rel, shown)
            result = format_file(source, shown, config.limits)
            if not result.changed:
                unchanged += 1
                continue
            changed += 1
            if diff:
                typer.echo("".join(difflib.unified_diff(
                    result.before.splitlines(keepends=True), result.after.splitlines(keepends=True),
                    f"a/{rel}", f"b/{rel}")), nl=False)
            elif check:
                typer.echo(f"would reformat {shown}")
            else:
                replace_file(root / rel, source.encode(result.after), shown)
                typer.echo(f"reformatted {shown}")
        except EditError as error:
            refused += 1
            typer.echo(f"journeyops: error: {error.message}", err=True)
    writing = not (check or diff)
    summary = (f"{changed} file(s) reformatted" if writing else f"{changed} file(s) would be reformatted")
    summary += f", {unchanged} already formatted"
    if refused:
        summary += f", {refused} could not be formatted"
    typer.echo(summary, err=not writing and diff)
    if refused or (check and changed):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)
