"""The check every edit passes before it is written: the new text reads back (with the
read path) as the old data with only the intended change, it loads without errors, and
every line outside the edited record is byte-for-byte what it was."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journeyops_cli.edit import EditError
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.load.files import FileResult, load_text
from journeyops_cli.load.yaml_read import parse
from journeyops_cli.models.config import LimitsConfig

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


def errors_in(text: str, shown: str, limits: LimitsConfig) -> list[str]:
    """Error findings the loader reports for `text`, as `line:col: message` strings."""
    result = FileResult(shown)
    load_text(text, shown, limits, result)
    return [
        f"{item.line}:{item.column}: {item.message}"
        for item in result.findings
        if item.severity >= Severity.ERROR
    ]


def require_clean(text: str, shown: str, limits: LimitsConfig) -> None:
    """Refuse to edit a file the loader has errors for."""
    errors = errors_in(text, shown, limits)
    if errors:
        raise EditError(f"{shown}:{errors[0]}; fix the file first, it was not changed")


def data_of(text: str, limits: LimitsConfig) -> list[Any] | None:
    parsed = parse(text, max_depth=limits.max_depth, max_aliases=limits.max_aliases)
    if parsed.problems:
        return None
    return [document.data for document in parsed.documents]


def check_edit(
    old: str,
    new: str,
    expected: list[Any],
    lines: tuple[int, int] | None,
    shown: str,
    limits: LimitsConfig,
    records: bool = True,
) -> None:
    """Raise EditError unless `new` holds exactly `expected` and differs from `old` only
    inside the 0-based line range `lines` (None: anywhere), and (with `records`) its
    records load without errors."""
    refuse = f"{shown}: the edit would change more than intended; refused, the file is unchanged"
    if data_of(new, limits) != expected:
        raise EditError(refuse)
    if records and errors_in(new, shown, limits):
        raise EditError(f"{shown}: the edited record would not be valid; refused, the file is unchanged")
    if lines is None:
        return
    first, last = lines
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    tail = len(old_lines) - last - 1
    if old_lines[:first] != new_lines[:first]:
        raise EditError(refuse)
    if tail and old_lines[-tail:] != new_lines[-tail:]:
        raise EditError(refuse)
    if len(new_lines) - tail < first:
        raise EditError(refuse)


def failing_in_new_file(bank: Bank, shown: str, text: str) -> list[Finding]:
    """What `validate` would fail on in a file not yet written at `shown` with `text`: the
    bank's active rules, severities and ignores run on the bank plus the file's records, and
    the findings in that file at or above the bank's `fail_on` severity (the loader's errors
    included). Positions in the new file are not known (it is not on disk) and are not used."""
    from journeyops_cli.bank import Bank
    from journeyops_cli.load.files import FileResult, load_text
    from journeyops_cli.pipeline import Selection
    from journeyops_cli.rules.engine import lint, plan

    result = FileResult(shown)
    load_text(text, shown, bank.config.limits, result)
    records = [*bank.records(), *result.records]
    unread = {**bank.unread, **({shown: result.unread} if result.unread is not None else {})}
    trial = Bank.build(bank.root, bank.config, records, [*bank.unloaded, *result.unloaded], unread)
    trial.comments = {}  # the new file holds no inline suppressions to read
    # The rules that look at one record at a time check only the new ones. A wrong rule
    # selection in the config is the config's error (a RuleError, exit 2), as in validate.
    rules = plan(bank.config, Selection(), bank.root).rules
    one_by_one = [rule.code for rule in rules if rule.per_record]
    others = [rule.code for rule in rules if not rule.per_record]
    findings = lint(trial, result.findings, [shown], Selection(select=others)) if others else []
    if one_by_one:
        new = trial.part(lambda record: record.source_path == shown)
        new.comments = {}
        findings += lint(new, [], [shown], Selection(select=one_by_one))
    fail_on = Severity.parse(bank.config.lint.fail_on)
    return [item for item in findings if item.path == shown and item.severity >= fail_on]
