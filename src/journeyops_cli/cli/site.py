"""`journeyops site build` and `journeyops site serve`: the static journey bank site."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from journeyops_cli.cli.common import BankOption, bank_root, fail
from journeyops_cli.cli.handler import show
from journeyops_cli.errors import JourneyopsError

app = typer.Typer(
    name="site",
    help="Build or preview the static journey bank site.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Output folder (default: `site.out` of journeyops.yaml, `site`).",
                 show_default=False),
]
PathArgument = Annotated[
    Path | None,
    typer.Argument(help="The bank's root folder (default: found from the current folder).",
                   show_default=False),
]


def _root(path: Path | None, bank: Path | None) -> Path:
    return bank_root(bank if bank is not None else path)


def run_build(root: Path, out: Path | None) -> Any:
    """Build once, with a progress bar on a terminal; print the summary. An error is
    raised for the handler (exit 2)."""
    from journeyops_cli.site.build import build_site

    started = time.perf_counter()
    if sys.stdout.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("Building the site", total=None)

            def progress(stage: str, done: int, total: int) -> None:
                label = "Rendering pages" if stage == "render" else "Writing files"
                bar.update(task, description=label, completed=done, total=total)

            result = build_site(root, out, progress)
    else:
        result = build_site(root, out)
    seconds = time.perf_counter() - started
    for note in result.notes:
        typer.echo(f"note: {note}")
    if result.redacted:
        typer.echo(f"note: personal data masked in {result.redacted} record(s) (site.privacy: redact)")
    if result.findings:
        typer.echo(f"note: {findings_note(result.findings, result.shown)}")
    typer.echo(
        f"Built {result.pages} pages in {len(result.languages)} language(s) "
        f"({', '.join(result.languages)}) into {result.out} in {seconds:.2f} s"
    )
    return result


def findings_note(findings: int, shown: int) -> str:
    """Where the site shows validation's findings: only those in a journey's file are on
    a page."""
    if shown == findings:
        return f"{findings} finding(s) from validation are shown on the journey pages"
    if shown == 0:
        return (f"{findings} finding(s) from validation are in files without a journey page; "
                "run `journeyops validate` to see them")
    return (f"{findings} finding(s) from validation, {shown} of them shown on the journey pages; "
            f"run `journeyops validate` to see the other {findings - shown}")


@app.command("build")
def build(
    path: PathArgument = None,
    bank: BankOption = None,
    out: OutOption = None,
) -> None:
    """Build the static site of the bank: works offline, from file:// and any static host.

    Exit codes: 0 built, 2 the bank or the output folder cannot be used.
    """
    run_build(_root(path, bank), out)


def rebuilder(root: Path, out: Path | None) -> Callable[[], None]:
    """What `serve` runs when a file changes: build again; an error is printed (by the one
    error printer) and the server keeps serving the last good site."""

    def rebuild() -> None:
        try:
            run_build(root, out)
        except JourneyopsError as error:
            show(error)
            typer.echo("journeyops: the site was not rebuilt; fix the error above and save again", err=True)

    return rebuild


@app.command("serve")
def serve(
    path: PathArgument = None,
    bank: BankOption = None,
    out: OutOption = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.", min=0, max=65535)] = 8000,
) -> None:
    """Build the site, serve it on 127.0.0.1 and rebuild when a bank file changes."""
    from journeyops_cli.site.serve import serve_site

    root = _root(path, bank)
    result = run_build(root, out)
    try:
        serve_site(root, result.out, port, rebuilder(root, out), announce=typer.echo)
    except OSError as error:
        fail(f"cannot serve on 127.0.0.1:{port}: {error.strerror or error}")
    except KeyboardInterrupt:
        typer.echo("stopped")
