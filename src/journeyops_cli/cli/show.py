"""`journeyops show ID` (or `journey-id#step-id`): one record or step, its links both
ways, its file and its findings from the last `validate`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from journeyops_cli.cli.common import BankOption
from journeyops_cli.cli.reading import FormatOption, IdArgument, KindOption, LangOption

if TYPE_CHECKING:
    from journeyops_cli.browse.details import Details
    from journeyops_cli.browse.listing import Texts

app = typer.Typer()


def _value(value: Any, texts: Texts) -> str:
    """A field's value in one cell: a text in the language, a list of steps by id."""
    from journeyops_cli.cli.rows import cell

    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return texts(value)
    if isinstance(value, list) and value and all(isinstance(v, dict) and "id" in v for v in value):
        return ", ".join(v["id"] for v in value)
    if isinstance(value, list):  # a list of mappings (observations) one mapping after another
        return ("; " if any(isinstance(v, dict) for v in value) else ", ").join(_value(v, texts) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v, texts)}" for k, v in value.items())
    return cell(value)


def _sections(shown: Details, texts: Texts, language: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(the section's catalogue id, headings, rows) of each part of the answer."""
    from journeyops_cli.browse.details import KIND_WORDS
    from journeyops_cli.cli.words import say

    def kind(name: str) -> str:
        return say(KIND_WORDS[name], language) if name in KIND_WORDS else name

    missing = say("cli.show.missing", language)
    fields = [[name, _value(value, texts)] for name, value in shown.fields.items() if name not in ("kind", "id")]
    out = [[link.field, kind(link.kind), link.id if link.exists else f"{link.id} ({missing})"]
           for link in shown.links_to]
    into = [[kind(link.kind), link.id, link.field, link.path] for link in shown.linked_from]
    findings = [[f"{f.path}:{f.line}:{f.column}", f.code, f.severity.label, f.message] for f in shown.findings or []]
    return [
        ("cli.show.fields", [say("cli.show.field", language), say("value", language)], fields),
        ("cli.show.links_to", [say("cli.show.field", language), say("cli.show.kind", language),
                               say("cli.list.id", language)], out),
        ("cli.show.linked_from", [say("cli.show.kind", language), say("cli.list.id", language),
                                  say("cli.show.field", language), say("cli.show.file", language)], into),
        ("cli.show.findings", [say("cli.show.place", language), "", say("severity", language), ""], findings),
    ]


@app.command("show")
def show_command(
    wanted: IdArgument,
    kind: KindOption = None,
    output_format: FormatOption = None,
    lang: LangOption = None,
    bank: BankOption = None,
) -> None:
    """Show a record or a step: its fields, what it links to, what links to it, its file,
    and its findings from the last `journeyops validate` (when no file changed since)."""
    from journeyops_cli.browse.details import details, stored_findings
    from journeyops_cli.browse.listing import Texts
    from journeyops_cli.cli import rows
    from journeyops_cli.cli.reading import load_to_read, refused
    from journeyops_cli.cli.words import say
    from journeyops_cli.jsontext import dumps
    from journeyops_cli.pipeline import display_prefix

    chosen = rows.output_format(output_format)
    loaded, language = load_to_read(bank, lang)
    root = loaded.bank.root
    with refused(language):
        shown = details(loaded.bank, wanted, kind, stored_findings(root))
    if chosen == "json":
        rows.echo(dumps(shown.as_json()))
        return
    texts = Texts(loaded.bank, language)
    where = f"{display_prefix(root)}{shown.path}"
    sections = _sections(shown, texts, language)
    if chosen == "text":
        lines = [["kind", shown.kind], ["id", shown.id], ["file", where]]
        names = ("field", "links_to", "linked_from", "finding")
        lines += [[name, *row] for name, (_, _, found) in zip(names, sections, strict=True) for row in found]
        if shown.findings is None:
            lines.append(["finding", say("cli.show.not_validated", language)])
        rows.echo(rows.text(lines))
        return
    from journeyops_cli.browse.details import KIND_WORDS

    typer.echo(say("cli.show.heading", language, kind=say(KIND_WORDS[shown.kind], language), id=shown.id,
                   path=where))
    for title, headings, found in sections:
        if found:
            rows.echo(rows.table(headings, found, say(title, language)))
    if shown.findings is None:
        typer.echo(say("cli.show.not_validated", language))
    elif not shown.findings:
        typer.echo(say("cli.show.no_findings", language))
