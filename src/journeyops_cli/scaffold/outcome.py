"""What happened to each file a scaffolding command wrote (after copier's vocabulary)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from journeyops_cli.edit.atomic import FileWrite, write_files

Outcome = Literal["create", "identical", "skip", "conflict"]


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """A file a command wants to exist: bank-relative POSIX path and its bytes."""

    path: str
    content: bytes


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """`create`: written (or would be, in a dry run); `identical`: already there with the
    same content; `skip`: already there, left alone; `conflict`: already there with other
    content, left alone."""

    path: str
    outcome: Outcome


def outcome_of(root: Path, planned: PlannedFile) -> Outcome:
    target = root / planned.path
    if not target.exists():
        return "create"
    if target.is_file() and target.read_bytes() == planned.content:
        return "identical"
    return "conflict" if target.is_file() else "skip"


def write_all(root: Path, files: list[PlannedFile], dry_run: bool) -> list[FileOutcome]:
    """Create each file that does not exist yet, never overwriting; the files created are
    written all or nothing (`atomic.write_files`)."""
    outcomes = [FileOutcome(planned.path, outcome_of(root, planned)) for planned in files]
    creating = [(i, planned) for i, planned in enumerate(files) if outcomes[i].outcome == "create"]
    if dry_run or not creating:
        return outcomes
    written = write_files(
        [FileWrite(root / planned.path, planned.content, planned.path, create=True) for _, planned in creating],
        skip_existing=True,
    )
    for (i, planned), done in zip(creating, written, strict=True):
        if not done:
            outcomes[i] = FileOutcome(planned.path, "conflict")  # someone else made it meanwhile
    return outcomes
