"""What changed recently in the bank: from git when the bank is in a repository.

Deterministic: the same repository state gives the same list. Commit authors are not
shown (they are people); subjects are masked for personal data (`lint/withheld.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from journeyops_cli.revisions import RevisionError, resolve, run_git

_RECORD_SEP, _FIELD_SEP = "\x1e", "\x1f"


@dataclass(frozen=True, slots=True)
class Change:
    """One commit that touched the bank: its date, subject and bank-relative files."""

    date: str
    subject: str
    files: list[str] = field(default_factory=list)


def git_changes(root: Path, limit: int, mask: Callable[[str], str]) -> list[Change] | None:
    """The last `limit` commits touching files under `root`, newest first, their subjects
    passed through `mask`; None when the bank is not in a git work tree or git is not
    installed."""
    if limit <= 0:
        return None
    try:
        if str(run_git(root, "rev-parse", "--is-inside-work-tree")).strip() != "true":
            return None
        log = str(run_git(root, "log", f"-n{limit}", "--no-renames", "--relative", "--name-only",
                          f"--format={_RECORD_SEP}%cs{_FIELD_SEP}%s", "--", "."))
    except RevisionError:
        return None
    changes: list[Change] = []
    for chunk in log.split(_RECORD_SEP)[1:]:
        head, _, rest = chunk.partition("\n")
        date, _, subject = head.partition(_FIELD_SEP)
        files = sorted({line.strip() for line in rest.splitlines() if line.strip()})
        changes.append(Change(date.strip(), mask(subject.strip()), files))
    return changes


def scorecard_inputs(root: Path) -> tuple[str, str]:
    """What the site's scorecard reads besides the bank: the commit at HEAD (its date and
    the monthly trend come from git; "" outside a repository) and today's date (the
    scorecard's day without git; with it, a new day only renders the pages again)."""
    try:
        head = resolve(root, "HEAD")
    except RevisionError:
        head = ""
    return head, dt.date.today().isoformat()
