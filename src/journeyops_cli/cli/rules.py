"""`journeyops rules`: list the rules, or print one rule's documentation."""

from __future__ import annotations

from typing import Annotated

import typer

from journeyops_cli.cli.common import fail

app = typer.Typer()


@app.command()
def rules(
    rule: Annotated[
        str | None,
        typer.Argument(help="A rule's code or name (e.g. JO402 or journey.stale).", show_default=False),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table, or markdown (the text of docs/rules.md).")
    ] = "table",
) -> None:
    """List every check `validate` runs, or print the documentation of one."""
    from journeyops_cli.rules import docs
    from journeyops_cli.rules.engine import _did_you_mean, rule_named
    from journeyops_cli.rules.registry import all_rules

    if output_format not in ("table", "markdown"):
        fail(f"--format {output_format}: use table or markdown")
    if rule is None:
        typer.echo(docs.markdown() if output_format == "markdown" else docs.table(), nl=False)
        return
    found = rule_named(rule)
    if found is None:
        known = list(all_rules()) + [r.name for r in all_rules().values()]
        fail(f"unknown rule '{rule}'{_did_you_mean(rule, known)}")
    typer.echo(docs.page(found), nl=False)
