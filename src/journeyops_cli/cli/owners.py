"""`journeyops owners`: CODEOWNERS lines so a change to a journey asks its team for review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, EXIT_OK, BankOption, bank_root

app = typer.Typer()


@app.command()
def owners(
    bank: BankOption = None,
    out: Annotated[
        Path | None,
        typer.Option(help="The CODEOWNERS file (default: .github/CODEOWNERS of the git repository "
                     "holding the bank, else CODEOWNERS in the bank).", show_default=False),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 when the file is out of date (for CI).")
    ] = False,
) -> None:
    """Write the CODEOWNERS lines of the bank: each file holding a journey or an
    opportunity names the handles of its team (`handles:` of the Team record).

    The lines go between two marker comments; everything else in the file is kept.
    """
    from journeyops_cli.owners import codeowners_file, write
    from journeyops_cli.pipeline import load_bank

    file = codeowners_file(load_bank(bank_root(bank)).bank, out)
    if file.up_to_date:
        typer.echo(f"✓ {file.target}: up to date ({file.owned} files owned)")
        raise typer.Exit(EXIT_OK)
    if check:
        typer.echo(f"{file.target}: out of date; run `journeyops owners` and commit the result", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    write(file)
    typer.echo(f"wrote {file.target}: {file.owned} files owned")
    raise typer.Exit(EXIT_OK)
