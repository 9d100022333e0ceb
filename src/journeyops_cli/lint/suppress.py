"""Inline suppressions: `# journeyops: ignore[JO301]` on the line of a finding (or alone
on the line above it), `# journeyops: ignore-file[JO401]` anywhere in a file.

Comments are read from the raw text lines, not from a YAML parser: only files that have
findings or contain `journeyops:` are scanned, so this stays cheap on big banks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from journeyops_cli.findings import Finding, Severity

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.rules.base import Rule


class Plan(Protocol):
    """What suppressing needs of the rules' plan (`rules.engine.Plan` is one): which codes
    run, and the rule of a code. A protocol, so this module does not import the engine
    that calls it."""

    codes: set[str]

    def rule(self, code: str) -> Rule | None: ...

MARKER = "journeyops:"
DIRECTIVE = re.compile(r"(?:^|(?<=\s))#\s*journeyops:\s*(ignore-file|ignore)(?![\w-])(?:\[([^\]]*)\])?")
UNUSED = "JO901"


@dataclass(slots=True)
class Suppression:
    """One directive: where it is, which line it covers, which codes (None = all)."""

    path: str
    line: int
    column: int
    whole_file: bool
    target_line: int
    names: list[str]
    codes: set[str] | None
    unknown: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def covers(self, item: Finding) -> bool:
        if not self.whole_file and item.line != self.target_line:
            return False
        return self.codes is None or item.code in self.codes


def scan_lines(path: str, lines: list[tuple[int, str]]) -> list[Suppression]:
    """Every suppression directive in a file's lines that hold `journeyops:`, given as
    (1-based number, line) (what the loader keeps: `Bank.comments`)."""
    found: list[Suppression] = []
    for number, line in lines:
        match = next((m for m in DIRECTIVE.finditer(line) if not _quoted(line, m.start())), None)
        if match is None:
            continue
        names = [n.strip() for n in (match.group(2) or "").split(",") if n.strip()]
        codes, unknown = _codes(names) if match.group(2) is not None else (None, [])
        own_line = not line[: match.start()].strip()
        found.append(
            Suppression(
                path,
                number,
                match.start() + 1,
                match.group(1) == "ignore-file",
                number + 1 if own_line else number,
                names,
                codes,
                unknown,
            )
        )
    return found


def _quoted(line: str, at: int) -> bool:
    """True when `at` lies inside a quoted scalar (an odd number of quotes before it)."""
    before = line[:at]
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def _codes(names: list[str]) -> tuple[set[str], list[str]]:
    from journeyops_cli.rules.registry import all_rules

    rules = all_rules()
    codes: set[str] = set()
    unknown: list[str] = []
    for name in names:
        matched = {c for c, r in rules.items() if name.upper() == c or name == r.name or name in r.groups}
        if matched:
            codes |= matched
        else:
            unknown.append(name)
    return codes, unknown


def apply_suppressions(bank: Bank, findings: list[Finding], files: list[str], plan: Plan) -> list[Finding]:
    """Findings not suppressed inline, plus a JO901 finding for every suppression that
    suppressed nothing (when JO901 is active)."""
    suppressions: dict[str, list[Suppression]] = {}
    comments = bank.comments if bank.comments is not None else _comments_of(bank, files)
    for path in sorted(comments):
        found = scan_lines(path, comments[path])
        if found:
            suppressions[path] = found
    if not suppressions:
        return findings
    kept: list[Finding] = []
    for item in findings:
        covering = [s for s in suppressions.get(item.path, ()) if s.covers(item)]
        for suppression in covering:
            suppression.used.add(item.code)
        if not covering:
            kept.append(item)
    unused_rule = plan.rule(UNUSED)
    if unused_rule is None:
        return kept
    severity = unused_rule.effective_severity
    for path in sorted(suppressions):
        for s in suppressions[path]:
            kept.extend(_unused(s, plan.codes, severity, unused_rule.name))
    return kept


def _unused(s: Suppression, active: set[str], severity: Severity, name: str) -> list[Finding]:
    directive = "ignore-file" if s.whole_file else "ignore"
    where = "in this file" if s.whole_file else "on this line" if s.target_line == s.line else "on the next line"
    out: list[Finding] = []

    def make(message: str, hint: str) -> Finding:
        return Finding(UNUSED, severity, s.path, s.line, s.column, message, hint, name)

    for unknown in s.unknown:
        out.append(
            make(f"suppression names an unknown rule '{unknown}'", "`journeyops rules` lists every code and name")
        )
    remove_comment = f"remove the `# journeyops: {directive}` comment"
    if s.codes is None:
        if not s.used:
            out.append(make(f"unused suppression: no finding {where}", remove_comment))
        return out
    named = [n for n in s.names if n not in s.unknown]
    if len(named) == len(s.codes):
        # Every name is one rule: each must have suppressed something (when it ran).
        for code in sorted(c for c in s.codes & active if c not in s.used):
            out.append(make(f"unused suppression: no {code} finding {where}", f"remove {code} from the comment"))
    elif not s.used and s.codes & active:
        # A group: used when any of its rules was.
        out.append(make(f"unused suppression: no {', '.join(named)} finding {where}", remove_comment))
    return out


def _comments_of(bank: Bank, files: list[str]) -> dict[str, list[tuple[int, str]]]:
    """The marked lines of `files`, for a bank built without the loader (which keeps
    them: `Bank.comments`)."""
    from journeyops_cli.load.files import marked_lines

    comments = {}
    for path in files:
        try:
            data = (bank.root / path).read_bytes()
        except OSError:
            continue
        if MARKER.encode() in data:
            text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
            comments[path] = marked_lines(text)
    return comments
