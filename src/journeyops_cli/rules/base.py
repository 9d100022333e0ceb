"""What a rule is: a code, a name, groups, a default severity, options, docs and a check."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict

from journeyops_cli.findings import Finding, Severity, Where

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, RecordKey
    from journeyops_cli.bank.replace import Change
    from journeyops_cli.models.base import Record
    from journeyops_cli.models.journey import Journey


def today() -> dt.date:
    """Today's date for rules that look at time; tests monkeypatch this or set a rule's
    `today` option."""
    return dt.date.today()


class RuleOptions(BaseModel):
    """Base of a rule's options: unknown options are errors, and each option's docstring
    is its documentation."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class NoOptions(RuleOptions):
    """A rule without options."""


class Rule:
    """Base of every rule. The class docstring is the rule's user documentation: its first
    line is the one-line summary, the rest says why it matters and shows a failing and a
    fixed example."""

    code: ClassVar[str]
    name: ClassVar[str]
    groups: ClassVar[tuple[str, ...]] = ()
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    # Rules the loader reports itself (syntax, schema…) have nothing to run on the Bank.
    source: ClassVar[bool] = False
    # Rules that are off unless selected.
    default_enabled: ClassVar[bool] = True
    # Rough share of the rules' time on a big bank, to split the rules between processes
    # evenly; rules with the same `together` share work and run in the same process.
    cost: ClassVar[float] = 1.0
    together: ClassVar[str | None] = None
    # What the rule finds on a record depends on that record alone (and the config, the
    # rule's options and severity), and lies in the record's file: a warm run checks
    # only the records of changed files and takes the rest from rules/memo.py.
    per_record: ClassVar[bool] = False

    def __init__(self, options: BaseModel | None = None, severity: Severity | None = None) -> None:
        self.options = options if options is not None else self.Options()
        self.effective_severity = severity if severity is not None else self.severity

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the documentation, on one line."""
        first = cls.documentation().split("\n\n", 1)[0]
        return " ".join(first.split())

    def check(self, bank: Bank) -> Iterator[Finding]:
        """Yield the findings of this rule on the whole bank."""
        return iter(())

    def affected(self, change: Change, found: list[Finding]) -> set[RecordKey] | None:
        """How the rule judges a change (rules/incremental.py): the places of the records
        of the bank after `change` whose findings of this rule may differ from `found`
        (its findings before), besides the records that changed themselves; None: any
        record's may (the rule runs on the whole bank again). A per-record rule's depend
        on the changed records alone."""
        return set() if self.per_record else None

    def check_at(self, bank: Bank, keys: set[RecordKey]) -> Iterator[Finding]:
        """The findings of this rule on the records at `keys` (places in `bank`): a rule
        that answers `affected` finds there what `check` finds there."""
        if self.per_record:
            return self.check(bank.part_at(keys))
        return iter([item for item in self.check(bank) if subject(item) in keys])

    def at(
        self,
        record: Record,
        path: tuple[Any, ...],
        message: str,
        hint: str | None = None,
        target: str = "value",
        *,
        text: str | None = None,
        see: tuple[Record, tuple[Any, ...]] | None = None,
    ) -> Finding:
        """A finding of this rule at `path` inside `record` (its `target`: "key" or
        "value"; with `text`, where that text is written in the value), as a logical
        location: the place stage gives it a line and column after the rules. `see`: a
        place in another record whose line the message names as `findings.SEE_LINE`.
        Reads nothing."""
        return Finding(
            self.code,
            self.effective_severity,
            record.source_path,
            0,
            0,
            message,
            hint,
            self.name,
            Where(record.source_document, path, target, text),
            (see[0].source_path, Where(see[0].source_document, see[1])) if see is not None else None,
        )


def subject(item: Finding) -> RecordKey | None:
    """The place of the record a rule's finding is on (None: it has no logical location)."""
    return (item.path, item.where.document) if item.where is not None else None


def journeys_at(bank: Bank, keys: set[RecordKey]) -> list[Journey]:
    """The journeys of `bank` at these places (for rules that judge journeys)."""
    from journeyops_cli.models.journey import Journey

    return [record for record in bank.at(keys) if isinstance(record, Journey)]
