"""JO102: a reference names a record or step that does not exist."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.load.files import failed_to_load
from journeyops_cli.rules.base import Rule
from journeyops_cli.suggest import did_you_mean

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.models.base import Record, Reference

KIND_WORDS = {
    "Theme": "theme",
    "Journey": "journey",
    "Team": "team",
    "CustomerGroup": "customer group",
    "LifeEvent": "life event",
    "Insight": "insight",
    "Metric": "metric",
}


class UnresolvedReference(Rule):
    """A reference names a record or a journey step that does not exist.

    Links are what bring data next to the journey: an insight pointing at a step that was
    renamed no longer shows up on the journey map, and an opportunity citing a missing
    insight has no evidence. The hint names the nearest existing id.

    A record that is in the bank's files but did not load (a YAML, kind or schema error
    in it, reported there) is unknown, not missing: references to it are not reported,
    nor those to a record that the unparsable part of a file names (`id: ...`). A file
    that could not be read at all may hold the record: the message then says so.
    The references of a record that fails its schema are checked all the same.

    Failing:

        steps: [daycare-application#send-aplication]

    Fixed:

        steps: [daycare-application#send-application]
    """

    code = "JO102"
    cost = 1.5
    name = "ref.unresolved"
    groups = ("references",)

    def check(self, bank: Bank) -> Iterator[Finding]:
        ids = {kind: bank.ids(kind) for kind in KIND_WORDS}
        step_refs: list[str] | None = None
        # The records that loaded, then the raw references of those that failed their
        # schema: both are reported in one run.
        records: Iterable[tuple[Record, list[Reference]]] = itertools.chain(
            ((record, record.references()) for record in bank.records()),
            ((item.stand_in(), list(item.references)) for item in bank.unloaded if item.references),
        )
        for record, references in records:
            for path, kind, target in references:
                if kind == "step":
                    if bank.step(target) is not None:
                        continue
                    journey_id, _, step_id = target.partition("#")
                    journey = bank.get_kind("Journey", journey_id)
                    if journey is None:
                        why = _why_missing(bank, "Journey", journey_id)
                        if why is None:
                            continue  # the journey is there but did not load: its own finding says why
                        message = f"step reference '{target}': no journey '{journey_id}'{why}"
                        if step_refs is None:
                            step_refs = bank.step_refs()
                        hint = did_you_mean(target, step_refs)
                    else:
                        message = f"step reference '{target}': journey '{journey_id}' has no step '{step_id}'"
                        steps = [s.id for s in journey.steps]  # type: ignore[attr-defined]
                        hint = did_you_mean(step_id, steps, prefix=f"{journey_id}#")
                        if hint is None:
                            hint = "its steps: " + ", ".join(steps)
                    yield self.at(record, path, message, hint)
                elif bank.get_kind(kind, target) is None:
                    why = _why_missing(bank, kind, target)
                    if why is None:
                        continue
                    yield self.at(
                        record,
                        path,
                        f"no {KIND_WORDS[kind]} with id '{target}'{why}",
                        did_you_mean(target, ids[kind]),
                    )


def _why_missing(bank: Bank, kind: str, record_id: str) -> str | None:
    """What a "no such record" message adds: None when the record is in the bank's files
    but did not load (unknown, not missing: no finding), the files that could not be read
    at all (they may hold it), or nothing."""
    if bank.did_not_load(kind, record_id):
        return None
    return failed_to_load(bank.unreadable())
