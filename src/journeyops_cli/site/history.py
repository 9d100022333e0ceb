"""What changed recently in the bank: from git when the bank is in a repository.

Deterministic: the same repository state gives the same list. Commit authors are not
shown (they are people); subjects are masked for personal data (`lint/withheld.py`).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

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
    git = shutil.which("git")
    if git is None or limit <= 0:
        return None
    try:
        inside = subprocess.run(
            [git, "-C", str(root), "rev-parse", "--is-inside-work-tree"],
            capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL, check=False,
        )
        if inside.returncode != 0 or inside.stdout.strip() != "true":
            return None
        log = subprocess.run(
            [git, "-C", str(root), "log", f"-n{limit}", "--no-renames", "--relative",
             "--name-only", f"--format={_RECORD_SEP}%cs{_FIELD_SEP}%s", "--", "."],
            capture_output=True, text=True, encoding="utf-8", errors="replace",
            timeout=60, stdin=subprocess.DEVNULL, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if log.returncode != 0:
        return None
    changes: list[Change] = []
    for chunk in log.stdout.split(_RECORD_SEP)[1:]:
        head, _, rest = chunk.partition("\n")
        date, _, subject = head.partition(_FIELD_SEP)
        files = sorted({line.strip() for line in rest.splitlines() if line.strip()})
        changes.append(Change(date.strip(), mask(subject.strip()), files))
    return changes
