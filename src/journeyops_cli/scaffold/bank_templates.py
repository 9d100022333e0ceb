"""A bank's own record templates: `templates/records/<kind>.yaml.j2` at the bank root
overrides the template journeyops ships for that kind, for `new`, the studio and a
workbook's new records (everything `scaffold.new.build` makes).

An organisation's template renders in a sandbox with the shipped templates' filters and
strict undefined. It is refused (a `TemplateError`, exit 2, nothing written) when it
cannot be rendered (the message names the template file and line) or when what it writes
is not one valid record of its kind with the id it was given."""

from __future__ import annotations

from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.edit.verify import data_of, errors_in
from journeyops_cli.load.files import TEMPLATES_FOLDER
from journeyops_cli.models import KIND_SLUGS
from journeyops_cli.resources import templates_dir
from journeyops_cli.scaffold.render import TemplateError, render_checked, sandbox

_KIND_OF_SLUG = {slug: kind for kind, slug in KIND_SLUGS.items()}


def own_template(bank: Bank, kind_slug: str) -> str | None:
    """The bank-relative path of the bank's own template for `kind_slug`, or None."""
    path = f"{TEMPLATES_FOLDER}/records/{kind_slug}.yaml.j2"
    return path if (bank.root / path).is_file() else None


def render_record(bank: Bank, kind_slug: str, context: dict[str, Any], path: str, record_id: str) -> str:
    """The text of a new record at bank-relative `path`: from the bank's own template of
    the kind when it has one, else from the shipped one. Besides the record's values a
    template gets `languages` (the bank's) and `language` (its first)."""
    context = {**context, "languages": list(bank.config.languages), "language": bank.config.default_language}
    template = f"records/{kind_slug}.yaml.j2"
    own = own_template(bank, kind_slug)
    # The bank's folder first: its `records/<kind>.yaml.j2` hides the shipped one.
    env = sandbox(bank.root / TEMPLATES_FOLDER, templates_dir())
    text = render_checked(env, template, context, own or template, bank.config.limits.max_file_bytes,
                          limited=own is not None)
    if own is None:
        return text
    errors = errors_in(text, path, bank.config.limits)
    if errors:
        where, problem = errors[0].split(": ", 1)
        raise TemplateError("cli.templates.not_a_record", path=own, kind=kind_slug, where=where, problem=problem)
    documents = data_of(text, bank.config.limits) or []
    kind = _KIND_OF_SLUG[kind_slug]
    if len(documents) != 1 or not isinstance(documents[0], dict) or (
        documents[0].get("kind"), documents[0].get("id")
    ) != (kind, record_id):
        raise TemplateError("cli.templates.wrong_record", path=own, kind=kind, id=record_id)
    return text
