"""`journeyops import`: a workbook back into the bank, feedback exports as insights, metric
observations from CSV; `journeyops observe`: one observation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, BankOption, apply_changes, bank_root, fail
from journeyops_cli.cli.complete import complete_ids

app = typer.Typer()

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.models.config_import import ImportProfile

DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Print what would change; write nothing.")]


def _load(bank: Path | None) -> Bank:
    from journeyops_cli.pipeline import load_bank

    return load_bank(bank_root(bank)).bank


def _problems(problems: list[str]) -> None:
    if problems:
        for line in problems:
            typer.echo(line, err=True)
        fail(f"{len(problems)} problem(s); nothing was imported", EXIT_FINDINGS)


@app.command("import")
def import_command(
    items: Annotated[
        list[str],
        typer.Argument(
            help="FILE.xlsx (an exported workbook), or `insights FILE…` (a feedback or survey "
            "export, CSV or XLSX), or `observations FILE…` (columns metric, date, value, note).",
            show_default=False,
            metavar="[insights|observations] FILE...",
        ),
    ],
    dry_run: DryRunOption = False,
    profile: Annotated[str | None, typer.Option(
        "--profile", help="insights: a profile under `import:` in journeyops.yaml.", show_default=False)] = None,
    mapping: Annotated[list[str] | None, typer.Option(
        "--map", help="insights: FIELD=COLUMN (date, summary, title, type, source, severity, confidence, "
        "step, customer_group, link, id); repeat it.", show_default=False)] = None,
    insight_type: Annotated[str | None, typer.Option(
        "--type", help="insights: the type when no column gives it (default feedback).", show_default=False)] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help="insights: the source when no column gives it (default the file's name).",
        show_default=False)] = None,
    link_step: Annotated[list[str] | None, typer.Option(
        "--link-step", help="insights: link every new insight to this step (journey-id#step-id).",
        show_default=False)] = None,
    group: Annotated[str | None, typer.Option(
        "--group", help="insights: one file per month (default) or per source.", show_default=False)] = None,
    privacy: Annotated[str | None, typer.Option(
        "--privacy", help="insights: refuse (default) or mask rows with personal data.", show_default=False)] = None,
    delimiter: Annotated[str | None, typer.Option(
        "--delimiter", help="CSV delimiter (default: found from the file).", show_default=False)] = None,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", help="CSV encoding (default: UTF-8 with or without BOM, else cp1252).",
        show_default=False)] = None,
    update: Annotated[bool, typer.Option(
        "--update", help="observations: change the value of a date the metric already has.")] = False,
    query: Annotated[str | None, typer.Option(
        "--query", help="observations: SQL run with DuckDB over FILES… (each a view named after its file); "
        "its result (metric, date, value) is imported. Needs journeyops[data].", show_default=False)] = None,
    bank: BankOption = None,
) -> None:
    """Bring a workbook or a data export into the bank, record by record, through the one edit
    path (comments kept, every file checked before it is written).

    Exit codes: 0 imported (or nothing to change), 1 problems in the input or a change that
    would make the bank invalid (nothing written), 2 usage or config error.
    """
    what, files = (items[0], items[1:]) if items[0] in ("insights", "observations") else ("workbook", items)
    if not files:
        fail(f"import {what}: name the file(s) to import")
    for path in files:
        if not Path(path).is_file():
            fail(f"{path}: no such file")
    given = {"--profile": profile, "--map": mapping, "--type": insight_type, "--source": source,
             "--link-step": link_step, "--group": group, "--privacy": privacy, "--update": update or None,
             "--query": query}
    allowed = {"insights": ("--profile", "--map", "--type", "--source", "--link-step", "--group", "--privacy"),
               "observations": ("--update", "--query")}.get(what, ())
    stray = [name for name, value in given.items() if value is not None and name not in allowed]
    if stray:
        fail(f"{stray[0]} is not an option of `import {what if what != 'workbook' else 'FILE.xlsx'}`")
    if what == "insights":
        options = {"type": insight_type, "source": source, "group": group, "privacy": privacy,
                   "delimiter": delimiter, "encoding": encoding}
        _import_insights([Path(f) for f in files], profile, mapping or [], link_step or [], options, dry_run, bank)
    elif what == "observations":
        _import_observations([Path(f) for f in files], query, update, delimiter, encoding, dry_run, bank)
    else:
        if len(files) != 1:
            fail("import FILE.xlsx takes one workbook")
        _import_workbook(Path(files[0]), dry_run, bank)


def _profile(
    b: Bank, name: str | None, mapping: list[str], steps: list[str], options: dict[str, str | None]
) -> tuple[str, ImportProfile]:
    from pydantic import ValidationError

    from journeyops_cli.models.config_import import ImportProfile

    data: dict[str, object] = {}
    if name is not None:
        if name not in b.config.import_profiles:
            known = ", ".join(b.config.import_profiles) or "none"
            fail(f"--profile {name}: no such profile under import: in journeyops.yaml (profiles: {known})")
        data = b.config.import_profiles[name].model_dump(exclude_defaults=True)
    columns = dict(data.get("columns") or {})  # type: ignore[call-overload]
    for item in mapping:
        key, sep, column = item.partition("=")
        if not sep or not column:
            fail(f"--map {item}: write FIELD=COLUMN, e.g. --map summary=Palaute")
        columns[key.strip()] = column
    data["columns"] = columns
    if steps:
        data["steps"] = list(data.get("steps") or []) + steps  # type: ignore[call-overload]
    data.update({k: v for k, v in options.items() if v is not None})
    try:
        return name or "", ImportProfile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        fail(f"import profile: {where}: {first['msg']}")


def _import_insights(files: list[Path], name: str | None, mapping: list[str], steps: list[str],
                     options: dict[str, str | None], dry_run: bool, bank: Path | None) -> None:
    from journeyops_cli.edit.changeset import Changeset
    from journeyops_cli.sheets import SheetError
    from journeyops_cli.sheets.feedback import plan_insights
    from journeyops_cli.sheets.rows import read_rows

    b = _load(bank)
    profile_name, profile = _profile(b, name, mapping, steps, options)
    changes = Changeset(b.root, b.config.limits)
    problems: list[str] = []
    for path in files:
        try:
            rows = read_rows(path, str(path), profile.encoding, profile.delimiter)
        except ModuleNotFoundError as error:
            if error.name != "openpyxl":
                raise
            from journeyops_cli.cli.export import SHEETS_MISSING

            fail(SHEETS_MISSING)
        except SheetError as error:
            problems.append(str(error))
            continue
        for note in rows.notes:
            typer.echo(f"{path}: {note}", err=True)
        planned = plan_insights(b, rows, profile, profile_name or path.stem, profile.source or path.stem)
        problems += planned.problems
        for file, records in planned.files.items():
            changes.add_encoded(file, records, f"{planned.counts[file]} new insight(s)", planned.lines[file])
        if planned.problems:
            continue
        summary = f"{path}: {len(planned.ids)} new, {planned.skipped} already in the bank"
        typer.echo(summary + (f", {planned.masked} personal data item(s) masked" if planned.masked else ""), err=True)
    _problems(problems)
    apply_changes(changes, dry_run, whole_bank=False)


def _import_observations(files: list[Path], query: str | None, update: bool, delimiter: str | None,
                         encoding: str | None, dry_run: bool, bank: Path | None) -> None:
    from journeyops_cli.edit import EditError
    from journeyops_cli.sheets import SheetError
    from journeyops_cli.sheets.observations import plan_observations, query_rows
    from journeyops_cli.sheets.rows import read_rows

    b = _load(bank)
    try:
        if query is not None:
            try:
                tables = [query_rows(query, files)]
            except ModuleNotFoundError as error:
                if error.name != "duckdb":
                    raise
                fail("--query needs DuckDB: pip install 'journeyops[data]'")
        else:
            tables = [read_rows(path, str(path), encoding, delimiter) for path in files]
    except (SheetError, EditError) as error:
        _problems([str(error) if isinstance(error, SheetError) else error.message])
    problems: list[str] = []
    changes = None
    for rows in tables:
        planned, found = plan_observations(b, rows, update)
        problems += found
        changes = planned if changes is None else changes
        if planned is not changes:
            for change in planned.files.values():
                changes.files.setdefault(change.path, change)
    _problems(problems)
    assert changes is not None
    apply_changes(changes, dry_run)


def _import_workbook(path: Path, dry_run: bool, bank: Path | None) -> None:
    from journeyops_cli.sheets import SheetError
    from journeyops_cli.sheets.plan import plan_import

    b = _load(bank)
    try:
        from journeyops_cli.sheets.read import read_book

        book = read_book(path, str(path))
    except ModuleNotFoundError as error:
        if error.name != "openpyxl":
            raise
        from journeyops_cli.cli.export import SHEETS_MISSING

        fail(SHEETS_MISSING)
    except SheetError as error:
        _problems([str(error)])
    language = book.language or b.config.default_language
    if language not in b.config.languages:
        fail(f"{path}: the workbook is in '{language}'; the bank's languages are {', '.join(b.config.languages)}")
    plan = plan_import(b, book, language)
    _problems(plan.problems)
    apply_changes(plan.changes, dry_run)


@app.command("observe")
def observe_command(
    metric: Annotated[str, typer.Argument(help="The id of the metric.", show_default=False,
                                    autocompletion=complete_ids("Metric"))],
    date: Annotated[str, typer.Option("--date", help="When (2026-12-31 or 31.12.2026).", show_default=False)],
    value: Annotated[str, typer.Option("--value", help="The value (26.5 or 26,5).", show_default=False)],
    note: Annotated[str | None, typer.Option("--note", help="A note on this value.", show_default=False)] = None,
    update: Annotated[bool, typer.Option("--update", help="Change the value of a date the metric already has.")]
    = False,
    dry_run: DryRunOption = False,
    bank: BankOption = None,
) -> None:
    """Add one observation to a metric (an existing date is changed only with --update).

    Exit codes: 0 added (or already there), 1 refused, 2 usage or config error.
    """
    from journeyops_cli.edit import EditError
    from journeyops_cli.edit.changeset import Changeset
    from journeyops_cli.models import Metric
    from journeyops_cli.sheets.plan import observation_edits
    from journeyops_cli.sheets.values import parse_date, parse_number

    when, why = parse_date(date)
    if when is None:
        fail(f"--date {date}: {why}")
    number, why = parse_number(value)
    if number is None:
        fail(f"--value {value}: {why}")
    b = _load(bank)
    found = b.get(Metric, metric)
    if found is None:
        fail(f"no metric '{metric}' in the bank", EXIT_FINDINGS)
    changes = Changeset(b.root, b.config.limits)
    try:
        edits = observation_edits(found, when, number, note, update)
        changes.edit(found, edits, f"metric '{metric}': {number:g} on {when.isoformat()}")
    except EditError as error:
        fail(error.message, EXIT_FINDINGS)
    apply_changes(changes, dry_run)
