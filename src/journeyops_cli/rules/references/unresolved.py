"""JO102: a reference names a record or step that does not exist."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from journeyops_cli.bank import key_of
from journeyops_cli.findings import Finding
from journeyops_cli.load.files import failed_to_load
from journeyops_cli.rules.base import Rule, subject
from journeyops_cli.suggest import did_you_mean

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, RecordKey
    from journeyops_cli.bank.replace import Change
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

    def affected(self, change: Change, found: list[Finding]) -> set[RecordKey] | None:
        """The records that point at a record that changed, or at an id that did not load
        before or does not now; and those with findings before (a hint names the nearest
        id of the whole bank)."""
        unread = [item for path in change.paths for bank in (change.before, change.after)
                  if (item := bank.unread.get(path)) is not None]
        if any(item.ids is None for item in unread):
            return None  # a file nothing of which could be read: every message names it
        wanted = {(record.kind, record.id) for record in (*change.removed, *change.added)}
        for gone in (*change.unloaded_before, *change.unloaded_after):
            if gone.id is not None:
                wanted.update((kind, gone.id) for kind in KIND_WORDS if gone.kind in (None, kind))
        for part in unread:
            wanted.update((kind, record_id) for record_id in part.ids or () for kind in KIND_WORDS
                          if part.may_hold(kind, record_id))
        keys = change.referrers(wanted)
        keys.update(key for item in found if (key := subject(item)) is not None)
        return keys

    def check(self, bank: Bank) -> Iterator[Finding]:
        # The records that loaded, then the raw references of those that failed their
        # schema: both are reported in one run.
        return self.judge(bank, itertools.chain(
            ((record, record.references()) for record in bank.records()),
            ((item.stand_in(), list(item.references)) for item in bank.unloaded if item.references),
        ))

    def check_at(self, bank: Bank, keys: set[RecordKey]) -> Iterator[Finding]:
        return self.judge(bank, itertools.chain(
            ((record, record.references()) for record in bank.at(keys)),
            ((item.stand_in(), list(item.references)) for item in bank.unloaded
             if item.references and key_of(item) in keys),
        ))

    def judge(self, bank: Bank, records: Iterable[tuple[Record, list[Reference]]]) -> Iterator[Finding]:
        ids: dict[str, list[str]] = {}  # by kind, for the hints
        step_refs: list[str] | None = None
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
                        did_you_mean(target, ids.get(kind) or ids.setdefault(kind, bank.ids(kind))),
                    )


def _why_missing(bank: Bank, kind: str, record_id: str) -> str | None:
    """What a "no such record" message adds: None when the record is in the bank's files
    but did not load (unknown, not missing: no finding), the files that could not be read
    at all (they may hold it), or nothing."""
    if bank.did_not_load(kind, record_id):
        return None
    return failed_to_load(bank.unreadable())
