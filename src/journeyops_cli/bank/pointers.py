"""What points at a step: the records that name it (an insight's, metric's or
opportunity's `steps`, a step's `metrics`...) and the child journeys' steps that take it
as their parent step. One answer for `diff` (what a removed step leaves orphaned), the
studio (what removing a step would orphan) and anything else that asks."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from journeyops_cli.bank import Bank, StepKey, split_ref
from journeyops_cli.models import Journey


@dataclass(frozen=True, slots=True)
class Pointer:
    """A record (or a child step, kind `Step`, id `journey#step`) that names `step`."""

    kind: str
    id: str
    path: str
    step: str


def pointing_at(bank: Bank, steps: Collection[StepKey]) -> list[Pointer]:
    """Everything in `bank` that names one of `steps` ((journey id, step id) pairs), by
    kind, id and step."""
    found = []
    for record in bank.records():
        for _path, kind, target in record.references():
            if kind == "step" and split_ref(target) in steps:
                found.append(Pointer(record.kind, record.id, record.source_path, target))
        if isinstance(record, Journey) and record.parent:
            for step in record.steps:
                if step.parent_step and (record.parent, step.parent_step) in steps:
                    found.append(Pointer("Step", f"{record.id}#{step.id}", record.source_path,
                                         f"{record.parent}#{step.parent_step}"))
    return sorted(found, key=lambda o: (o.kind, o.id, o.step))
