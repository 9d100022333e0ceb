"""`journeyops link` / `journeyops unlink`: attach evidence and metrics to steps, and
insights and metrics to opportunities, by editing the records in place.

Two forms: `link SOURCE TARGET…` (one record, many targets) and `link SOURCE… --to TARGET`
(many records at once; `--to` may be repeated). The changed files are written all or
nothing."""

from __future__ import annotations

from typing import Annotated

import typer

from journeyops_cli.cli.common import BankOption, bank_root, fail
from journeyops_cli.cli.complete import complete_refs

app = typer.Typer()

ItemsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="SOURCE [TARGET]...",
        help="The id of an insight, metric or opportunity, then its targets: steps (journey-id#step-id); for an "
        "opportunity also insight and metric ids. With --to: the ids of every source.",
        show_default=False,
        autocompletion=complete_refs("Insight", "Metric", "Opportunity"),
    ),
]
ToOption = Annotated[
    list[str] | None,
    typer.Option("--to", help="A target for every source given (repeat for more): link many sources at once.",
                 show_default=False, autocompletion=complete_refs("Insight", "Metric")),
]
KindOption = Annotated[
    str | None,
    typer.Option("--kind", help="The sources' kind when an id is ambiguous: insight, metric or opportunity.",
                 show_default=False),
]


def _run(items: list[str], to: list[str] | None, bank: object, kind: str | None, remove: bool) -> None:
    from journeyops_cli.cli.words import cli_language, say
    from journeyops_cli.edit.link import SOURCE_KINDS, find_source, link_many, load_for_edit
    from journeyops_cli.pipeline import display_prefix, load_config

    if kind is not None and kind not in SOURCE_KINDS:
        fail(f"--kind {kind}: use one of {', '.join(SOURCE_KINDS)}")
    root = bank_root(bank)  # type: ignore[arg-type]
    language = cli_language(load_config(root))
    if to:
        source_ids, targets = list(dict.fromkeys(items)), to
    else:
        source_ids, targets = items[:1], items[1:]
        if not targets:
            fail(say("cli.link.no_targets", language, source=items[0]))
    loaded = load_for_edit(root)
    sources = [find_source(loaded.bank, source_id, kind, loaded.findings) for source_id in source_ids]
    outcomes = link_many(loaded.bank, sources, targets, remove=remove, refused=loaded.findings)
    prefix = display_prefix(root)
    for item in outcomes:
        said = say(f"cli.link.{item.outcome.replace(' ', '_')}", language)
        typer.echo(f"{prefix}{item.path}: {said} {item.source} -> {item.target}")


@app.command("link")
def link_command(items: ItemsArgument, to: ToOption = None, bank: BankOption = None, kind: KindOption = None) -> None:
    """Link an insight or metric to steps, or an opportunity to steps, insights and metrics.

    `link SOURCE TARGET...` links one record to its targets; `link SOURCE... --to TARGET`
    links every source to the targets of --to. Linking twice is a no-op; a target that
    does not exist is refused with the nearest id, and then no file is written.
    """
    _run(items, to, bank, kind, remove=False)


@app.command("unlink")
def unlink_command(items: ItemsArgument, to: ToOption = None, bank: BankOption = None, kind: KindOption = None) -> None:
    """Remove links made with `journeyops link` (also links whose target no longer exists);
    the same two forms as `link`."""
    _run(items, to, bank, kind, remove=True)
