"""What a rule is: a code, a name, groups, a default severity, options, docs and a check."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict

from journeyops_cli.findings import Finding, Severity

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.models.base import Record


class NoOptions(BaseModel):
    """A rule without options."""

    model_config = ConfigDict(extra="forbid")


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

    def __init__(self, options: BaseModel | None = None, severity: Severity | None = None) -> None:
        self.options = options if options is not None else self.Options()
        self.effective_severity = severity if severity is not None else self.severity

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().splitlines()[0] if cls.__doc__ else ""

    def check(self, bank: Bank) -> Iterator[Finding]:
        """Yield the findings of this rule on the whole bank."""
        return iter(())

    def at(
        self,
        bank: Bank,
        record: Record,
        path: tuple[Any, ...],
        message: str,
        hint: str | None = None,
        target: str = "value",
    ) -> Finding:
        """A finding of this rule at `path` inside `record`."""
        line, column = bank.locate(record, path, target)
        return Finding(
            self.code,
            self.effective_severity,
            record.source_path,
            line,
            column,
            message,
            hint,
            self.name,
        )
