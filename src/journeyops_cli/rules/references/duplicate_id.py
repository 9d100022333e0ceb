"""JO101: two records of one kind share an id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.bank import key_of
from journeyops_cli.findings import SEE_LINE, Finding
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, Duplicate, RecordKey
    from journeyops_cli.bank.replace import Change


class DuplicateId(Rule):
    """Two records of the same kind have the same id.

    Ids name pages, files and every reference to a record; with two records under one id
    a link could point at either, so only the first one is used.

    Failing (in two files):

        # insights/long-queues.yaml
        kind: Insight
        id: long-queues
        # insights/queues-at-service-point.yaml
        kind: Insight
        id: long-queues

    Fixed: give the second insight its own id, e.g. `long-queues-at-service-point`.
    """

    code = "JO101"
    name = "ref.duplicate-id"
    groups = ("references",)

    def affected(self, change: Change, found: list[Finding]) -> set[RecordKey]:
        """Every record of an id that a changed record has or had."""
        after = change.after
        keys = {key_of(record) for kind, record_id in change.ids
                if (record := after.by_kind[kind].get(record_id)) is not None}
        keys.update(key_of(d.again) for d in after.duplicates if (d.again.kind, d.again.id) in change.ids)
        return keys

    def check(self, bank: Bank) -> Iterator[Finding]:
        return self.judge(bank, bank.duplicates)

    def check_at(self, bank: Bank, keys: set[RecordKey]) -> Iterator[Finding]:
        return self.judge(bank, [d for d in bank.duplicates if key_of(d.again) in keys])

    def judge(self, bank: Bank, duplicates: list[Duplicate]) -> Iterator[Finding]:
        for duplicate in duplicates:
            first = duplicate.first
            yield self.at(
                duplicate.again,
                ("id",),
                f"{first.kind} id '{first.id}' is already used in {first.source_path}:{SEE_LINE}",
                "ids must be unique per kind; rename one of them",
                see=(first, ("id",)),
            )
