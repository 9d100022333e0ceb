"""`journeyops link` / `journeyops unlink`: attach evidence and metrics to steps, and
insights and metrics to opportunities, by editing the one record in place."""

from __future__ import annotations

from typing import Annotated

import typer

from journeyops_cli.cli.common import BankOption, bank_root, fail

app = typer.Typer()

SourceArgument = Annotated[
    str, typer.Argument(help="The id of an insight, metric or opportunity.", show_default=False)
]
TargetsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Steps (journey-id#step-id); for an opportunity also insight and metric ids.",
        show_default=False,
    ),
]
KindOption = Annotated[
    str | None,
    typer.Option("--kind", help="The source's kind when the id is ambiguous: insight, metric or opportunity.",
                 show_default=False),
]


def _run(source_id: str, targets: list[str], bank: object, kind: str | None, remove: bool) -> None:
    from journeyops_cli.edit.link import SOURCE_KINDS, find_source, link, load_for_edit
    from journeyops_cli.pipeline import display_prefix

    if kind is not None and kind not in SOURCE_KINDS:
        fail(f"--kind {kind}: use one of {', '.join(SOURCE_KINDS)}")
    root = bank_root(bank)  # type: ignore[arg-type]
    loaded = load_for_edit(root)
    source = find_source(loaded.bank, source_id, kind, loaded.findings)
    outcomes = link(loaded.bank, source, targets, remove=remove, refused=loaded.findings)
    prefix = display_prefix(root)
    for item in outcomes:
        typer.echo(f"{prefix}{item.path}: {item.outcome} {item.source} -> {item.target}")


@app.command("link")
def link_command(
    source: SourceArgument, targets: TargetsArgument, bank: BankOption = None, kind: KindOption = None
) -> None:
    """Link an insight or metric to steps, or an opportunity to steps, insights and metrics.

    Linking twice is a no-op; a target that does not exist is refused with the nearest id.
    """
    _run(source, targets, bank, kind, remove=False)


@app.command("unlink")
def unlink_command(
    source: SourceArgument, targets: TargetsArgument, bank: BankOption = None, kind: KindOption = None
) -> None:
    """Remove links made with `journeyops link` (also links whose target no longer exists)."""
    _run(source, targets, bank, kind, remove=True)
