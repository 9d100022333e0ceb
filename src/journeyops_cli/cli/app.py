"""The root typer application: the `--version` option and every command, each its own
typer app in its own module (typer's "one file per command").

The command modules never import this one: the root imports them and adds them, so the
dependency goes one way only (tests/test_architecture.py). Every command runs inside the
one error handler (cli/handler.py).
"""

from __future__ import annotations

from typing import Annotated

import typer

from journeyops_cli import __version__
from journeyops_cli.cli import (
    diff,
    export,
    fmt,
    importing,
    init,
    link,
    listing,
    new,
    owners,
    prioritise,
    rename,
    render,
    report,
    review,
    rules,
    schema,
    show,
    site,
    studio,
    validate,
)
from journeyops_cli.cli.handler import HandledGroup

app = typer.Typer(
    name="journeyops",
    cls=HandledGroup,
    help="Customer journeys as code: validate, link, prioritise and publish a journey bank.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"journeyops {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Customer journeys as code: validate, link, prioritise and publish a journey bank."""


# `--help` lists them in this order, the group (`site`) last.
for command in (
    diff, export, fmt, importing, init, link, listing, new, owners, prioritise, rename, render, report, review, rules,
    schema, show, studio, validate,
):
    app.add_typer(command.app)
app.add_typer(site.app, name="site")
