"""`journeyops diff`: what a change means for the bank, for people reviewing it."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_OK, BankOption, bank_root, fail

app = typer.Typer()


@app.command()
def diff(
    base: Annotated[str, typer.Argument(help="A git revision (main, HEAD~1, a tag) or a bank folder.")],
    head: Annotated[
        str | None,
        typer.Argument(help="A git revision or a bank folder (default: the files as they are now).",
                       show_default=False),
    ] = None,
    bank: BankOption = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, md or json.")] = "text",
) -> None:
    """The meaning of a change between two git revisions (or two bank folders): records
    and steps added, removed, renamed or changed, links added and removed, records left
    pointing at a removed step, findings introduced and fixed, backlog rank and score
    changes, and metrics that went on or off target.

    `--format md` writes a pull-request comment (under GitHub's 65,536 characters, long
    lists folded); `--format json` is for bots.
    """
    from journeyops_cli.diff.compare import Snapshot, compare
    from journeyops_cli.diff.output import FORMATS, render
    from journeyops_cli.revisions import bank_at

    if output_format not in FORMATS:
        fail(f"--format {output_format}: use one of {', '.join(FORMATS)}")

    def folder(name: str) -> Path | None:
        """The bank folder `name` names, or None for a revision."""
        path = Path(name)
        if (path / "journeyops.yaml").is_file():
            return path.resolve()
        if path.is_dir() and ("/" in name or name.startswith(".")):
            fail(f"{name}: no journeyops.yaml in that folder; name a bank folder or a git revision")
        return None

    base_folder = folder(base)
    head_folder = folder(head) if head is not None else None
    root = None if base_folder and (head is None or head_folder) and bank is None else bank_root(bank)
    with tempfile.TemporaryDirectory(prefix="journeyops-diff-") as scratch:
        if base_folder is None:
            assert root is not None
            base_folder = bank_at(root, base, Path(scratch) / "base")
        if head is None:
            head_folder = root or bank_root(None)
        elif head_folder is None:
            assert root is not None
            head_folder = bank_at(root, head, Path(scratch) / "head")
        result = compare(Snapshot.load(base_folder), Snapshot.load(head_folder), base,
                         head if head is not None else "working tree")
    typer.echo(render(result, output_format), nl=False)
    raise typer.Exit(EXIT_OK)
