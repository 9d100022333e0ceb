"""The two sides `journeyops diff` compares: each a bank folder, or a git revision of the
bank read into a scratch folder (`revisions.bank_at`); the head defaults to the bank's
files as they are now."""

from __future__ import annotations

import tempfile
from pathlib import Path

from journeyops_cli.diff import parts
from journeyops_cli.diff.compare import Diff, Snapshot, compare
from journeyops_cli.diff.parts import Kept
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


def at_revision(bank: Path, revision: str, scratch: Path, *, quick: bool = True) -> Snapshot | Kept:
    """The bank as it was at `revision`. A commit never changes, so its snapshot (records
    file by file, findings, ranking) is kept in `.journeyops_cache/` by commit id
    (`diff.parts`) and a later diff against the same commit reads that instead of
    unpacking and checking it again. Without the cache (or `quick`): the whole snapshot,
    made afresh."""
    from journeyops_cli.pipeline import cache_enabled
    from journeyops_cli.revisions import repository_root, resolve
    from journeyops_cli.speed import store

    repo = repository_root(bank)
    commit = resolve(repo, revision) if repo is not None else None
    secret = store.secret() if quick and cache_enabled() and commit is not None else None
    if secret is None or commit is None:
        return Snapshot.load(bank_at(bank, revision, scratch))
    found = parts.kept(bank, commit, secret)
    if found is not None:
        return found
    return parts.keep(bank, commit, bank_at(bank, revision, scratch), secret)


def diff_of(base: str, head: str | None, bank: Path | None) -> Diff:
    """The meaning of the change from `base` to `head` (None: the working tree of `bank`).
    `bank` is the bank root; it must be given when `needs_bank(base, head)`."""
    try:
        return _diff_of(base, head, bank, quick=True)
    except parts.Damaged:  # a kept snapshot's records went missing: the long way
        return _diff_of(base, head, bank, quick=False)


def _diff_of(base: str, head: str | None, bank: Path | None, *, quick: bool) -> Diff:
    from journeyops_cli.revisions import changed_files

    base_folder = folder_of(base)
    head_folder = folder_of(head) if head is not None else None
    head_name = head if head is not None else WORKING_TREE
    with tempfile.TemporaryDirectory(prefix="journeyops-diff-") as scratch:
        before: Snapshot | Kept
        after: Snapshot | Kept | parts.WorkingTree
        if base_folder is not None:
            before = Snapshot.load(base_folder)
        else:
            before = at_revision(_given(bank), base, Path(scratch) / "base", quick=quick)
        # Files git finds changed, when the sides are kept by parts (see diff.parts), and
        # symbolic links (what they point at may have changed where git does not look).
        changed = None
        if isinstance(before, Kept) and head_folder is None:
            listed = changed_files(_given(bank), base, head)
            changed = None if listed is None else listed | before.links
        if head is None:  # the working tree: the bank's own caches apply
            if isinstance(before, Kept) and changed is not None:
                after = parts.WorkingTree(_given(bank), before, changed)
            else:
                after = Snapshot.load(_given(bank), cache=None)
        elif head_folder is not None:
            after = Snapshot.load(head_folder)
        else:
            after = at_revision(_given(bank), head, Path(scratch) / "head", quick=quick)
        if isinstance(after, Kept) and changed is not None:
            changed |= after.links
        if isinstance(before, Kept) and not isinstance(after, Snapshot) and changed is not None:
            by_parts = parts.compare_by_parts(before, after, changed, base, head_name)
            if by_parts is not None:
                return by_parts
        return compare(_whole(before), _whole(after), base, head_name)


def _whole(side: Snapshot | Kept | parts.WorkingTree) -> Snapshot:
    if isinstance(side, Snapshot):
        return side
    if isinstance(side, Kept):
        return side.snapshot()
    return Snapshot(side.whole(), side.findings, side.ranks)


def _given(bank: Path | None) -> Path:
    if bank is None:
        raise ValueError("diff_of: a revision needs the bank root (see needs_bank)")
    return bank
