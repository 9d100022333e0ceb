"""`journeyops export`: journeys as the JourneyOps journey model, in a workbook (or CSV)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import BankOption, fail, load_in_language
from journeyops_cli.cli.complete import complete_ids

app = typer.Typer()

SHEETS_MISSING = "reading and writing workbooks needs openpyxl: pip install 'journeyops[sheets]'"


@app.command("export")
def export(
    journeys: Annotated[
        list[str] | None, typer.Argument(help="Ids of the journeys to export.", show_default=False,
                                       autocompletion=complete_ids("Journey"))
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The workbook to write (FILE.xlsx).", show_default=False)]
    = Path(),
    theme: Annotated[
        str | None, typer.Option("--theme", help="Export every journey of this theme.", show_default=False)
    ] = None,
    everything: Annotated[bool, typer.Option("--all", help="Export every journey of the bank.")] = False,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of the text (default: the bank's first language).", show_default=False),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="xlsx, or csv (one RFC 4180 file per sheet, next to --out).")
    ] = "xlsx",
    bank: BankOption = None,
) -> None:
    """Write journeys as the journey model: one sheet per journey (steps as columns, lanes as
    rows), a blank one to make a new journey in, and sheets of their insights, metric
    observations and ranked backlog.

    The workbook comes back with `journeyops import FILE.xlsx`. Exit codes: 0 written,
    1 no such journey or theme, 2 usage or config error.
    """
    from journeyops_cli.edit import EditError
    from journeyops_cli.edit.atomic import FileWrite, write_files
    from journeyops_cli.models import Journey
    from journeyops_cli.render.write import write_atomic
    from journeyops_cli.sheets.tables import bank_tables

    if output_format not in ("xlsx", "csv"):
        fail(f"--format {output_format}: use xlsx or csv")
    if out == Path():
        fail("--out FILE.xlsx is needed")
    if sum([bool(journeys), theme is not None, everything]) != 1:
        fail("name the journeys to export, or give --theme ID or --all (one of them)")
    loaded, language = load_in_language(bank, lang)
    b = loaded.bank
    chosen: list[Journey] = []
    if everything:
        chosen = b.journeys()
    elif theme is not None:
        chosen = [j for j in b.journeys() if j.theme == theme]
        if not chosen:
            fail(f"no journey of theme '{theme}' in the bank", 1)
    else:
        for journey_id in journeys or []:
            found = b.get(Journey, journey_id)
            if found is None:
                fail(f"no journey '{journey_id}' in the bank", 1)
            chosen.append(found)
    tables = bank_tables(b, chosen, language, blank=output_format == "xlsx")
    try:
        if output_format == "csv":
            from journeyops_cli.sheets.write import write_csv

            folder = out.parent if str(out.parent) else Path(".")
            if not folder.is_dir():
                fail(f"{out}: cannot write: no such folder")
            files = {folder / name: data for name, data in write_csv(tables, out).items()}
            try:  # every table's file or none
                write_files([FileWrite(p, data, str(p), create=not p.exists()) for p, data in files.items()])
            except EditError as error:
                fail(error.message)
            for path in files:
                typer.echo(f"wrote {path}")
            return
        try:
            from journeyops_cli.sheets.write import write_workbook

            choices = {lane: tuple(own.choices) for lane, own in b.config.lanes.items() if own.choices}
            data = write_workbook(tables, language, choices)
        except ModuleNotFoundError as error:
            if error.name != "openpyxl":
                raise
            fail(SHEETS_MISSING)
        write_atomic(out, data)
    except OSError as error:
        fail(f"{out}: cannot write: {error.strerror}")
    typer.echo(f"wrote {out}: {len(chosen)} journey sheet(s), {len(tables) - len(chosen) - 1} table(s) "
               "and a blank sheet for a new journey")
