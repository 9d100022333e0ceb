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


KEPT_SNAPSHOTS = 6  # revisions whose snapshot is kept in .journeyops_cache/


def at_revision(bank: Path, revision: str, scratch: Path) -> Snapshot:
    """The bank as it was at `revision`. A commit never changes, so its snapshot (records,
    findings, ranking) is kept in `.journeyops_cache/snapshot-COMMIT.bin` and a later diff
    against the same commit reads that instead of unpacking and checking it again."""
    from journeyops_cli.bank import Bank
    from journeyops_cli.pipeline import cache_enabled
    from journeyops_cli.revisions import repository_root, resolve
    from journeyops_cli.speed import store

    repo = repository_root(bank)
    commit = resolve(repo, revision) if repo is not None else None
    secret = store.secret() if cache_enabled() and commit is not None else None
    path = bank / store.CACHE_DIR / f"snapshot-{commit}.bin"
    key = store.key("snapshot", commit)
    if secret is not None:
        kept = store.load(path, secret, key)
        if kept is not None:
            config, records, findings, ranks = kept
            return Snapshot(Bank.build(bank, config, records), findings, ranks)
    snapshot = Snapshot.load(bank_at(bank, revision, scratch))
    if secret is not None:
        records = list(snapshot.bank.records())
        store.dump(path, secret, key, (snapshot.bank.config, records, snapshot.findings, snapshot.ranks))
        older = sorted((bank / store.CACHE_DIR).glob("snapshot-*.bin"), key=lambda p: p.stat().st_mtime)
        for stale in older[:-KEPT_SNAPSHOTS]:
            stale.unlink(missing_ok=True)
    return snapshot


def diff_of(base: str, head: str | None, bank: Path | None) -> Diff:
    """The meaning of the change from `base` to `head` (None: the working tree of `bank`).
    `bank` is the bank root; it must be given when `needs_bank(base, head)`."""
    base_folder = folder_of(base)
    head_folder = folder_of(head) if head is not None else None
    with tempfile.TemporaryDirectory(prefix="journeyops-diff-") as scratch:
        if base_folder is not None:
            before = Snapshot.load(base_folder)
        else:
            before = at_revision(_given(bank), base, Path(scratch) / "base")
        if head is None:  # the working tree: the bank's own caches apply
            after = Snapshot.load(_given(bank), cache=None)
        elif head_folder is not None:
            after = Snapshot.load(head_folder)
        else:
            after = at_revision(_given(bank), head, Path(scratch) / "head")
        return compare(before, after, base, head if head is not None else WORKING_TREE)


def _given(bank: Path | None) -> Path:
    if bank is None:
        raise ValueError("diff_of: a revision needs the bank root (see needs_bank)")
    return bank
