"""The two sides `journeyops diff` compares: each a bank folder, or a git revision of the
bank read into a scratch folder (`revisions.bank_at`); the head defaults to the bank's
files as they are now."""

from __future__ import annotations

import tempfile
from pathlib import Path

from journeyops_cli.diff.compare import Diff, Snapshot, compare
from journeyops_cli.errors import JourneyopsError
from journeyops_cli.models.config import CONFIG_FILE
from journeyops_cli.revisions import bank_at

WORKING_TREE = "working tree"


def folder_of(name: str) -> Path | None:
    """The bank folder `name` names, or None when it names a revision. A folder without a
    config that is written as a path (`./x`, `a/b`) is an error, not a revision."""
    path = Path(name)
    if (path / CONFIG_FILE).is_file():
        return path.resolve()
    if path.is_dir() and ("/" in name or name.startswith(".")):
        raise JourneyopsError(f"{name}: no {CONFIG_FILE} in that folder; name a bank folder or a git revision")
    return None


def needs_bank(base: str, head: str | None) -> bool:
    """Whether the bank being worked on is needed: a side is a revision of it, or the head
    is its working tree."""
    return folder_of(base) is None or head is None or folder_of(head) is None


def diff_of(base: str, head: str | None, bank: Path | None) -> Diff:
    """The meaning of the change from `base` to `head` (None: the working tree of `bank`).
    `bank` is the bank root; it must be given when `needs_bank(base, head)`."""
    base_folder = folder_of(base)
    head_folder = folder_of(head) if head is not None else bank
    with tempfile.TemporaryDirectory(prefix="journeyops-diff-") as scratch:
        if base_folder is None:
            base_folder = bank_at(_given(bank), base, Path(scratch) / "base")
        if head_folder is None:
            assert head is not None
            head_folder = bank_at(_given(bank), head, Path(scratch) / "head")
        return compare(Snapshot.load(base_folder), Snapshot.load(head_folder), base,
                       head if head is not None else WORKING_TREE)


def _given(bank: Path | None) -> Path:
    if bank is None:
        raise ValueError("diff_of: a revision needs the bank root (see needs_bank)")
    return bank
