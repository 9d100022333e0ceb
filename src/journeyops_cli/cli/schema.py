"""`journeyops schema`: write or check the JSON Schemas generated from the models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, bank_root, fail

app = typer.Typer()


@app.command()
def schema(
    kind: Annotated[
        str | None,
        typer.Argument(help="Print the schema of one kind (journey, insight, …, record, config).", show_default=False),
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="Write every schema into this folder.", show_default=False)
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="With --out: exit 1 if the folder is out of date, write nothing.")
    ] = False,
    bank: Annotated[
        Path | None,
        typer.Option(
            "--bank",
            help="Include the step lanes this bank declares in journeyops.yaml (`lanes:`), titled in its "
            "first language: the schemas of the bank's own files.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Generate the JSON Schemas that editors and check-jsonschema use."""
    from journeyops_cli import schemas

    lanes, language = None, "en"
    if bank is not None:
        from journeyops_cli.pipeline import load_config

        config = load_config(bank_root(bank))
        lanes, language = config.lanes, config.default_language
    if kind is not None:
        files = schemas.generate(lanes, language)
        name = f"{kind.lower()}.schema.json"
        if name not in files:
            choices = ", ".join(n.removesuffix(".schema.json") for n in files)
            fail(f"unknown kind '{kind}'; choose one of: {choices}")
        typer.echo(files[name], nl=False)
        return
    if out is None:
        fail("give a KIND to print, or --out FOLDER to write them all")
    if check:
        stale = schemas.outdated(out, lanes, language)
        for name in stale:
            typer.echo(f"{out / name}: out of date")
        if stale:
            again = f" --bank {bank}" if bank is not None else ""
            typer.echo(f"run `journeyops schema{again} --out {out}` to update", err=True)
            raise typer.Exit(EXIT_FINDINGS)
        typer.echo(f"{out}: schemas are up to date")
        return
    changed = schemas.write(out, lanes, language)
    typer.echo(f"{out}: {len(changed)} schema file(s) written" if changed else f"{out}: already up to date")
