"""`journeyops show ID` (or `journey-id#step-id`): one record or step, what it links to,
what links to it, and its findings from the last `validate` when that answer is stored
and the files have not changed since (nothing is validated to show a record)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.bank.pointers import pointing_at
from journeyops_cli.browse import Refused
from journeyops_cli.browse.listing import kind_of, name_of
from journeyops_cli.findings import Finding
from journeyops_cli.models import Journey, Step
from journeyops_cli.models.base import Record, Reference
from journeyops_cli.suggest import nearest

STEP = "Step"
"""The kind `show` gives a journey's step."""

KIND_WORDS: dict[str, str] = {
    "Journey": "journey", "Insight": "insight", "Metric": "metric", "Opportunity": "opportunity", "Theme": "theme",
    "Team": "team", "CustomerGroup": "customer_group", "LifeEvent": "life_event", STEP: "step",
}
"""The catalogue id of each kind's name (`show` names kinds in the reader's language)."""


@dataclass(frozen=True, slots=True)
class Link:
    """One link: the field it stands in (`steps.0`; for a link to the record, the other
    record's field), the kind and id at the other end, whether that end exists, and the
    file of the other record (a link to it)."""

    field: str
    kind: str
    id: str
    exists: bool = True
    path: str = ""


@dataclass(slots=True)
class Details:
    """What `show` says of one record or step."""

    kind: str
    id: str
    path: str
    fields: dict[str, Any]
    links_to: list[Link] = field(default_factory=list)
    linked_from: list[Link] = field(default_factory=list)
    findings: list[Finding] | None = None
    """None: no stored answer of `validate` for the files as they are."""

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "path": self.path,
            "fields": self.fields,
            "links_to": [_link_json(link) for link in self.links_to],
            "linked_from": [_link_json(link) for link in self.linked_from],
            "findings": None if self.findings is None else [f.to_dict() for f in self.findings],
        }


def _link_json(link: Link) -> dict[str, Any]:
    found: dict[str, Any] = {"field": link.field, "kind": link.kind, "id": link.id, "exists": link.exists}
    if link.path:
        found["path"] = link.path
    return found


def find(bank: Bank, wanted: str, kind: str | None = None) -> Record | tuple[Journey, Step]:
    """The record with id `wanted` (of `kind`, a name `list` takes, when given), or the
    journey and step of `journey-id#step-id`; `Refused` when there is none or the id is
    the id of records of several kinds."""
    if "#" in wanted:
        found = bank.step(wanted)
        if found is None:
            raise Refused("cli.show.no_step", nearest(wanted, bank.step_refs()), ref=wanted)
        return found
    kinds = [kind_of(kind)] if kind else list(bank.by_kind)
    matches = [record for name in kinds if (record := bank.by_kind[name].get(wanted)) is not None]
    if len(matches) > 1:
        raise Refused("cli.show.ambiguous", id=wanted, kinds=", ".join(name_of(m.kind) for m in matches))
    if not matches and kind and (others := [name_of(n) for n in bank.by_kind if wanted in bank.by_kind[n]]):
        raise Refused("cli.show.not_of_kind", id=wanted, kind=name_of(kinds[0]), kinds=", ".join(others))
    if not matches:
        known = [i for name in kinds for i in bank.by_kind[name]]
        raise Refused("cli.show.no_record", nearest(wanted, known), id=wanted)
    return matches[0]


def _where(path: tuple[Any, ...]) -> str:
    return ".".join(map(str, path))


def _exists(bank: Bank, kind: str, target: str) -> bool:
    return bank.step(target) is not None if kind == "step" else bank.get_kind(kind, target) is not None


def _out(bank: Bank, references: list[Reference]) -> list[Link]:
    return [Link(_where(path), STEP if kind == "step" else kind, target, _exists(bank, kind, target))
            for path, kind, target in references]


def _into(bank: Bank, kind: str, record_id: str) -> list[Link]:
    """The links of other records to the record (a step reference counts for a journey)."""
    found: list[Link] = []
    for other in bank.at(bank.referrers().get((kind, record_id), ())):
        for path, target_kind, target in other.references():
            hits = (target.partition("#")[0] == record_id if kind == "Journey" else False) \
                if target_kind == "step" else (target_kind == kind and target == record_id)
            if hits:
                found.append(Link(_where(path), other.kind, other.id, True, other.source_path))
    return found


def _step_details(bank: Bank, journey: Journey, step: Step) -> Details:
    ref = f"{journey.id}#{step.id}"
    links: list[Link] = []
    if step.parent_step and journey.parent:
        parent = f"{journey.parent}#{step.parent_step}"
        links.append(Link("parent_step", STEP, parent, bank.step(parent) is not None))
    links += [Link(f"metrics.{i}", "Metric", m, bank.get_kind("Metric", m) is not None)
              for i, m in enumerate(step.metrics)]
    into = [
        Link("parent_step" if p.kind == "Step" else "steps", p.kind if p.kind != "Step" else STEP, p.id, True, p.path)
        for p in pointing_at(bank, {(journey.id, step.id)})
    ]
    # The step's values of the bank's own lanes (the journey keeps them) come after its fields.
    fields = {**step.model_dump(mode="json", exclude_unset=True), **journey.lanes_of(step)}
    return Details(STEP, ref, journey.source_path, fields, links, into)


def details(bank: Bank, wanted: str, kind: str | None = None, stored: list[Finding] | None = None) -> Details:
    """What `show` says of `wanted`; `stored`: the findings of the last `validate`, if
    they are known for the files as they are."""
    found = find(bank, wanted, kind)
    inside: tuple[Any, ...] = ()
    if isinstance(found, tuple):
        journey, step = found
        shown = _step_details(bank, journey, step)
        document = journey.source_document
        inside = ("steps", journey.steps.index(step))
    else:
        shown = Details(found.kind, found.id, found.source_path, found.model_dump(mode="json", exclude_unset=True),
                        _out(bank, found.references()), _into(bank, found.kind, found.id))
        document = found.source_document
    if stored is not None:
        in_file = [f for f in stored if f.path == shown.path]
        span = _lines(bank.root / shown.path, document, inside) if in_file else None
        shown.findings = [f for f in in_file if span is None or f.line == 0 or span[0] <= f.line <= span[1]]
    return shown


def _lines(path: Path, document: int, inside: tuple[Any, ...]) -> tuple[int, int] | None:
    """The first and last line of the record (or step, `inside` it) in its file, so that
    the findings of the other records of a file of many are not its own."""
    from journeyops_cli.load.positions import Locator

    try:
        text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    except OSError:
        return None
    return Locator(text).lines(document, inside)


def stored_findings(root: Path) -> list[Finding] | None:
    """The findings of the last `validate` of the whole bank (default rules), when it is
    stored for the files as they are now; else None (nothing is validated here)."""
    from journeyops_cli.lint.results import Stored
    from journeyops_cli.load.files import discover
    from journeyops_cli.pipeline import cache_enabled, load_config, validate_answers

    if not cache_enabled():
        return None
    config = load_config(root)
    answer = validate_answers(root, config, discover(root, config.exclude, config.site.out)).get()
    return answer.findings if isinstance(answer, Stored) else None
