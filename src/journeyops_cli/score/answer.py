"""What `journeyops prioritise` answers for a loaded bank: the ranked backlog (or one
opportunity's score explained) as text in the asked format, and the warnings that go
with it. The CLI only prints the answer; the answer cache keeps it (`pipeline.answer_once`)."""

from __future__ import annotations

from dataclasses import dataclass

from journeyops_cli.bank import Bank
from journeyops_cli.errors import JourneyopsError
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.score.explain import explain_json, explain_text
from journeyops_cli.score.output import render
from journeyops_cli.score.rank import Request, explain_one, missing_warning, rank


@dataclass(frozen=True, slots=True)
class Question:
    """Everything the answer depends on besides the bank (its repr keys the answer cache)."""

    request: Request
    explain: str | None = None
    output_format: str = "table"
    color: bool = False
    width: int = 120


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def answer(bank: Bank, load_findings: list[Finding], question: Question) -> tuple[list[str], str]:
    """(warnings, text). Nothing loaded at all is an error: a ranking of nothing would
    look like an empty backlog."""
    errors = [f for f in load_findings if f.severity >= Severity.ERROR]
    records = sum(len(table) for table in bank.by_kind.values())
    if errors and records == 0:
        raise JourneyopsError(
            f"nothing could be loaded: {_plural(len(errors), 'load error')}; run `journeyops validate` for details"
        )
    ranking = rank(bank, question.request)
    row = explain_one(bank, ranking, question.explain, question.request) if question.explain else None
    warnings: list[str] = []
    if errors:
        files = len({f.path for f in errors})
        warnings.append(
            f"{_plural(len(errors), 'load error')} in {_plural(files, 'file')}; records that did not load "
            "are not ranked (run `journeyops validate` for details)"
        )
    if row is None:
        warnings += ranking.warnings
        return warnings, render(ranking, question.output_format, color=question.color, width=question.width)
    if row.score.missing:
        warnings.append(missing_warning(row.score))
    text = explain_json(row, ranking) if question.output_format == "json" else explain_text(row, ranking)
    return warnings, text
