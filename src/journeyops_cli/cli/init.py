"""`journeyops init`: start a new journey bank."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, fail

app = typer.Typer()


def print_outcomes(outcomes: list, prefix: str = "") -> None:
    for item in outcomes:
        typer.echo(f"{item.outcome:>9}  {prefix}{item.path}")


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Where to create the bank (default: here).")] = Path("."),
    name: Annotated[
        str | None, typer.Option(help="The bank's name (default: the folder's name).", show_default=False)
    ] = None,
    languages: Annotated[
        str, typer.Option(help="Languages of the bank's text, the default first, comma-separated.")
    ] = "en",
    force: Annotated[
        bool, typer.Option("--force", help="Use a folder that is not empty (existing files are never overwritten).")
    ] = False,
    install: Annotated[
        str | None,
        typer.Option(
            "--install",
            metavar="SPEC",
            help="What the bank's CI workflow and pre-commit hooks install with pip: a version "
            "(0.2.0), a requirement (journeyops==0.2.0), a git URL or a path "
            "(default: journeyops==<this version>).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be written; write nothing.")] = False,
) -> None:
    """Create a journey bank: config, folders, the four-phase top journey, CI workflow,
    pre-commit config and JSON Schemas for editors.

    Every file is reported: create, identical (already there, same content) or conflict
    (already there, different content, left alone).
    """
    from journeyops_cli.scaffold.init import DEFAULT_INSTALL, install_spec, is_empty, plan
    from journeyops_cli.scaffold.outcome import write_all

    codes = [part.strip() for part in languages.split(",") if part.strip()]
    bad = [code for code in codes if not re.fullmatch(r"[a-z]{2,3}", code)]
    if not codes or bad:
        fail(f"--languages {languages}: give ISO 639 codes such as fi,sv,en")
    spec = install_spec(install) if install is not None else DEFAULT_INSTALL
    if folder.exists() and not folder.is_dir():
        fail(f"{folder} is a file, not a folder")
    if not force and not is_empty(folder):
        fail(f"{folder} is not empty; use --force to add the bank's files next to what is there "
             "(existing files are never overwritten)", EXIT_FINDINGS)
    bank_name = name or folder.resolve().name or "Journey bank"
    outcomes = write_all(folder, plan(bank_name, codes, install=spec), dry_run)
    prefix = "" if folder == Path(".") else f"{folder.as_posix().rstrip('/')}/"
    print_outcomes(outcomes, prefix)
    conflicts = [o for o in outcomes if o.outcome == "conflict"]
    if conflicts:
        typer.echo(f"{len(conflicts)} file(s) already exist with other content and were left alone")
    if dry_run:
        typer.echo("dry run: nothing was written")
