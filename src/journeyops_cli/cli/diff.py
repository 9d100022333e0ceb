"""`journeyops diff`: what a change means for the bank, for people reviewing it."""

from __future__ import annotations

from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_OK, BankOption, bank_root, fail

app = typer.Typer()


@app.command()
def diff(
    base: Annotated[str, typer.Argument(help="A git revision (main, HEAD~1, a tag) or a bank folder.")],
    head: Annotated[
        str | None,
        typer.Argument(help="A git revision or a bank folder (default: the files as they are now).",
                       show_default=False),
    ] = None,
    bank: BankOption = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, md or json.")] = "text",
) -> None:
    """The meaning of a change between two git revisions (or two bank folders): records
    and steps added, removed, renamed or changed, links added and removed, records left
    pointing at a removed step, findings introduced and fixed, backlog rank and score
    changes, and metrics that went on or off target.

    `--format md` writes a pull-request comment (under GitHub's 65,536 characters, long
    lists folded); `--format json` is for bots.
    """
    from journeyops_cli.diff.output import FORMATS, render
    from journeyops_cli.diff.sides import diff_of, needs_bank

    if output_format not in FORMATS:
        fail(f"--format {output_format}: use one of {', '.join(FORMATS)}")
    root = bank_root(bank) if bank is not None or needs_bank(base, head) else None
    typer.echo(render(diff_of(base, head, root), output_format), nl=False)
    raise typer.Exit(EXIT_OK)
