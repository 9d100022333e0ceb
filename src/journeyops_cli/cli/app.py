"""The typer application and the list of commands."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from journeyops_cli import __version__

app = typer.Typer(
    name="journeyops",
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
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Customer journeys as code: validate, link, prioritise and publish a journey bank."""


# Each module adds its command(s) to `app` when imported.
from journeyops_cli.cli import diff as _diff  # noqa: E402,F401
from journeyops_cli.cli import fmt as _fmt  # noqa: E402,F401
from journeyops_cli.cli import init as _init  # noqa: E402,F401
from journeyops_cli.cli import link as _link  # noqa: E402,F401
from journeyops_cli.cli import new as _new  # noqa: E402,F401
from journeyops_cli.cli import owners as _owners  # noqa: E402,F401
from journeyops_cli.cli import prioritise as _prioritise  # noqa: E402,F401
from journeyops_cli.cli import render as _render  # noqa: E402,F401
from journeyops_cli.cli import report as _report  # noqa: E402,F401
from journeyops_cli.cli import rules as _rules  # noqa: E402,F401
from journeyops_cli.cli import schema as _schema  # noqa: E402,F401
from journeyops_cli.cli import site as _site  # noqa: E402,F401
from journeyops_cli.cli import validate as _validate  # noqa: E402,F401
