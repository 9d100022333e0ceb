"""What the commands that read a bank for a person (`list`, `show`) share: the bank and
the language to show it in, and a refusal said in that language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from journeyops_cli.cli.common import fail, load_in_language
from journeyops_cli.cli.complete import complete_kinds, complete_refs

if TYPE_CHECKING:
    from journeyops_cli.pipeline import Loaded

IdArgument = Annotated[
    str,
    typer.Argument(metavar="ID", help="A record's id, or a step as journey-id#step-id.", show_default=False,
                   autocompletion=complete_refs()),
]
KindOption = Annotated[
    str | None,
    typer.Option("--kind", help="The record's kind when records of several kinds have the id (journeys, "
                 "insights, …).", show_default=False, autocompletion=complete_kinds),
]
FormatOption = Annotated[
    str | None,
    typer.Option("--format", "-f", help="table, text (tab-separated, one line a row) or json. Default: a table "
                 "on a terminal, text when piped.", show_default=False),
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Language of texts and headings, one of the bank's (default: JOURNEYOPS_LANG, "
                 "else the bank's first language).", show_default=False),
]


def load_to_read(bank: Path | None, lang: str | None) -> tuple[Loaded, str]:
    """The bank and the language of its titles and the CLI's words: --lang (one of the
    bank's languages, `common.load_in_language`), else the CLI's language
    (`cli.words.cli_language`). Files that failed to load are counted in a warning (what
    they hold is not shown)."""
    from journeyops_cli.cli.words import cli_language, say
    from journeyops_cli.findings import Severity

    loaded, _ = load_in_language(bank, lang)
    language = lang or cli_language(loaded.bank.config)
    failed = {item.path for item in loaded.findings if item.severity >= Severity.ERROR}
    if failed:
        typer.echo(f"journeyops: warning: {say('cli.list.not_loaded', language, n=len(failed))}", err=True)
    return loaded, language


@contextmanager
def refused(language: str) -> Iterator[None]:
    """A `browse.Refused` inside becomes its message in `language`, with its exit code."""
    from journeyops_cli.browse import Refused

    try:
        yield
    except Refused as refusal:
        fail(refusal.said(language), refusal.exit_code)
