"""`journeyops list KIND [filters]`: the records of one kind, as a table, text or JSON."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from journeyops_cli.cli.common import BankOption
from journeyops_cli.cli.complete import complete_ids, complete_kinds, complete_steps
from journeyops_cli.cli.reading import FormatOption, LangOption

app = typer.Typer()


def _filter(help: str, complete: Any = None) -> Any:
    return typer.Option(help=help, show_default=False, autocompletion=complete)


@app.command("list")
def list_command(
    kind: Annotated[
        str,
        typer.Argument(help="journeys, insights, metrics, opportunities, themes, customer-groups, life-events "
                       "or teams.", show_default=False, autocompletion=complete_kinds),
    ],
    level: Annotated[str | None, _filter("Journeys of this level: top, mid or detailed.")] = None,
    theme: Annotated[str | None, _filter("Journeys of this theme (its id).", complete_ids("Theme"))] = None,
    team: Annotated[
        str | None, _filter("Journeys or opportunities of this team (its id).", complete_ids("Team"))
    ] = None,
    status: Annotated[str | None, _filter("Journeys or opportunities with this status.")] = None,
    state: Annotated[str | None, _filter("Journeys in this state (where journeys have one).")] = None,
    step: Annotated[str | None, _filter("Insights, metrics or opportunities on this step (journey-id#step-id).",
                                        complete_steps)] = None,
    journey: Annotated[str | None, _filter("Insights, metrics or opportunities on a step of this journey.",
                                           complete_ids("Journey"))] = None,
    insight_type: Annotated[
        str | None, typer.Option("--type", help="Insights of this type.", show_default=False)
    ] = None,
    severity: Annotated[str | None, _filter("Insights of this severity.")] = None,
    since: Annotated[str | None, _filter("Insights dated on or after this day (YYYY-MM-DD).")] = None,
    output_format: FormatOption = None,
    lang: LangOption = None,
    bank: BankOption = None,
) -> None:
    """List the records of one kind, with the filters that kind takes.

    Journeys take --level, --theme, --team, --status; insights --step, --journey, --type,
    --severity, --since; metrics --step, --journey; opportunities --status, --journey,
    --step, --team. A filter value that is not in the bank is refused with the nearest one.
    """
    from journeyops_cli.browse.listing import Filters, listing
    from journeyops_cli.cli import rows
    from journeyops_cli.cli.reading import load_to_read, refused
    from journeyops_cli.cli.words import say
    from journeyops_cli.jsontext import dumps

    chosen = rows.output_format(output_format)
    loaded, language = load_to_read(bank, lang)
    filters = Filters(level=level, theme=theme, team=team, status=status, state=state, step=step, journey=journey,
                      type=insight_type, severity=severity, since=since)
    with refused(language):
        found = listing(loaded.bank, kind, filters, language)
    if chosen == "json":
        rows.echo(dumps(found.rows))
        return
    cells = [[row[name] for name, _ in found.columns] for row in found.rows]
    if chosen == "text":
        rows.echo(rows.text(cells))
        return
    rows.echo(rows.table([say(heading, language) for _, heading in found.columns], cells))
    if not found.rows:
        typer.echo(say("cli.list.none", language))
