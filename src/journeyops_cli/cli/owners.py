"""`journeyops owners`: CODEOWNERS lines so a change to a journey asks its team for review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, EXIT_OK, BankOption, bank_root, fail

app = typer.Typer()


@app.command()
def owners(
    bank: BankOption = None,
    out: Annotated[
        Path | None,
        typer.Option(help="The CODEOWNERS file (default: .github/CODEOWNERS of the git repository "
                     "holding the bank, else CODEOWNERS in the bank).", show_default=False),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 when the file is out of date (for CI).")
    ] = False,
) -> None:
    """Write the CODEOWNERS lines of the bank: each file holding a journey or an
    opportunity names the handles of its team (`handles:` of the Team record).

    The lines go between two marker comments; everything else in the file is kept.
    """
    from journeyops_cli.edit import EditError
    from journeyops_cli.edit.atomic import create_file, replace_file
    from journeyops_cli.owners import block, in_use, merged, owned_files
    from journeyops_cli.pipeline import load_bank
    from journeyops_cli.revisions import repository_root

    root = bank_root(bank)
    loaded = load_bank(root)
    if not in_use(loaded.bank):
        fail("no team has `handles:`; add the code-host handles of the teams "
             "(e.g. `handles: ['@my-org/daycare-team']`) and run this again")
    repo = repository_root(root)
    if out is None:
        target = repo / ".github" / "CODEOWNERS" if repo is not None else root / "CODEOWNERS"
    else:
        target = out.resolve()
    # Patterns are relative to the repository that holds the CODEOWNERS file.
    base = repo if repo is not None and target.is_relative_to(repo) else root
    text = block(loaded.bank, base)
    try:
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        fail(f"{target}: cannot be read ({error})")
    new = merged(existing, text)
    count = len(owned_files(loaded.bank))
    if new == existing:
        typer.echo(f"✓ {target}: up to date ({count} files owned)")
        raise typer.Exit(EXIT_OK)
    if check:
        typer.echo(f"{target}: out of date; run `journeyops owners` and commit the result", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    try:
        if target.exists():
            replace_file(target, new.encode("utf-8"), str(target))
        else:
            create_file(target, new.encode("utf-8"), str(target))
    except EditError as error:  # a file it cannot write is a usage error here, not a refused edit
        fail(str(error))
    typer.echo(f"wrote {target}: {count} files owned")
    raise typer.Exit(EXIT_OK)
