"""`journeyops render JOURNEY`: one journey map as Markdown or a standalone HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops_cli.cli.common import BankOption, fail, load_in_language
from journeyops_cli.cli.complete import complete_ids

app = typer.Typer()


@app.command()
def render(
    journey: Annotated[str, typer.Argument(help="The id of the journey to render.", show_default=False,
                                      autocompletion=complete_ids("Journey"))],
    bank: BankOption = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="md (Markdown with a Mermaid diagram) or html.")
    ] = "md",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write to this file (atomically) instead of stdout.", show_default=False),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of the text (default: the bank's first language).", show_default=False),
    ] = None,
    site_url: Annotated[
        str | None,
        typer.Option(
            "--site-url",
            help="Link references to the record pages of the site published at this URL "
            "(without it, references are plain text in HTML).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Render one journey: its map (steps x lanes), evidence, metrics and emotion curve.

    Exit codes: 0 rendered, 1 no such journey, 2 usage or config error.
    """
    from journeyops_cli.lint.withheld import withheld
    from journeyops_cli.pipeline import Selection
    from journeyops_cli.render.journey_page import FORMATS, UnknownJourney, render_journey
    from journeyops_cli.render.write import write_atomic
    from journeyops_cli.site.links import published_links

    if output_format not in FORMATS:
        fail(f"--format {output_format}: use one of {', '.join(FORMATS)}")
    if site_url is not None and not site_url.startswith(("https://", "http://")):
        fail(f"--site-url {site_url}: give an http:// or https:// address")
    loaded, language = load_in_language(bank, lang)
    # What validation reports as personal data is never published (`lint/withheld.py`).
    published, _ = withheld(loaded.bank, loaded.files, Selection()).bank(loaded.bank)
    try:
        link = published_links(site_url, language) if site_url else None
        text = render_journey(published, journey, output_format, language, link)
    except UnknownJourney:
        if loaded.findings:
            typer.echo(
                f"journeyops: note: {len({f.path for f in loaded.findings})} file(s) could not be "
                "read completely; run `journeyops validate`",
                err=True,
            )
        raise
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        write_atomic(out, text)
    except OSError as error:
        fail(f"--out {out}: cannot write: {error.strerror or error}")
    typer.echo(f"wrote {out}", err=True)
