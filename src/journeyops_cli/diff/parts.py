"""`diff` file by file: only the records of the files that differ are compared.

A commit's snapshot is kept in `.journeyops_cache/` by its commit id, file by file: a
signed head (`snapshot-COMMIT.bin`: the config, each file's record ids and where its
records lie, the findings and the ranking) and the records of each file pickled on their
own (`snapshot-COMMIT.records`, each part checked against the digest the head vouches
for before it is unpickled). `git diff` names the files whose content differs; a file it
does not name holds the same records on both sides and is never unpickled. The working
tree's findings and ranking come from the answer caches (validate's stored result, and
the diff's own `diff.bin`) when no file changed since.

The whole-bank comparison (`compare` on two `Snapshot.load`s, as with
JOURNEYOPS_NO_CACHE) is the reference: this path gives the same diff, and falls back to
it where comparing by parts could differ (the configs differ, an id is taken twice, a
`.gitattributes` changed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from journeyops_cli.bank import Bank
from journeyops_cli.diff.compare import Diff, Snapshot, compare, findings_of, ranks_of
from journeyops_cli.findings import Finding
from journeyops_cli.models.base import Record
from journeyops_cli.models.config import BankConfig
from journeyops_cli.speed import store

KEPT_SNAPSHOTS = 6  # commits whose snapshot is kept in .journeyops_cache/
Ids = tuple[tuple[str, str], ...]  # (kind, id) of a file's records, in order


class Side(Protocol):
    """One side compared by parts."""

    @property
    def config(self) -> BankConfig: ...
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def ranks(self) -> dict[str, tuple[int, float]]: ...

    def files(self) -> list[str]: ...  # in the order the loader reads them
    def ids(self, path: str) -> Ids: ...
    def records(self, paths: list[str]) -> list[Record]: ...  # of `paths`, in their order
    def whole(self) -> Bank: ...


@dataclass(slots=True)
class Kept:
    """A commit's bank, file by file (see the module)."""

    root: Path
    config: BankConfig
    places: dict[str, tuple[Ids, store.Part]]
    links: frozenset[str]  # files that are symbolic links
    by_parts: bool  # False when an id is taken twice: only the whole bank compares right
    findings: list[Finding]
    ranks: dict[str, tuple[int, float]]
    blobs: Path
    _bank: Bank | None = field(default=None)

    def files(self) -> list[str]:
        return list(self.places)

    def ids(self, path: str) -> Ids:
        return self.places[path][0]

    def by_path(self, paths: list[str]) -> list[list[Record]]:
        """The records of each of `paths`."""
        parts = store.load_parts(self.blobs, [self.places[path][1] for path in paths])
        if parts is None:  # forget it: the next diff makes it again
            self.blobs.unlink(missing_ok=True)
            self.blobs.with_suffix(".bin").unlink(missing_ok=True)
            raise Damaged(self.blobs)
        return parts

    def records(self, paths: list[str]) -> list[Record]:
        return [record for part in self.by_path(paths) for record in part]

    def whole(self) -> Bank:
        if self._bank is None:
            self._bank = Bank.build(self.root, self.config, self.records(self.files()))
        return self._bank

    def snapshot(self) -> Snapshot:
        return Snapshot(self.whole(), self.findings, self.ranks)


class Damaged(Exception):
    """A kept snapshot's records file is missing or damaged: make the snapshot again."""


def _paths(bank: Path, commit: str) -> tuple[Path, Path]:
    folder = bank / store.CACHE_DIR
    return folder / f"snapshot-{commit}.bin", folder / f"snapshot-{commit}.records"


def kept(bank: Path, commit: str, secret: bytes) -> Kept | None:
    """The snapshot kept for `commit`, if any."""
    head, blobs = _paths(bank, commit)
    value = store.load(head, secret, store.key("snapshot", commit))
    if value is None:
        return None
    config, places, links, by_parts, findings, ranks = value
    return Kept(bank, config, places, links, by_parts, findings, ranks, blobs)


def keep(bank: Path, commit: str, root: Path, secret: bytes) -> Kept | Snapshot:
    """Load the unpacked commit at `root`, keep its snapshot by parts and return it (the
    whole snapshot when it cannot be kept)."""
    from journeyops_cli.pipeline import load_bank

    loaded = load_bank(root, cache=False)
    snapshot = Snapshot(loaded.bank, findings_of(loaded), ranks_of(loaded.bank))
    by_file: dict[str, list[Record]] = {path: [] for path in loaded.files}
    for record in loaded.bank.records():
        by_file.setdefault(record.source_path, []).append(record)
    head, blobs = _paths(bank, commit)
    places = store.dump_parts(blobs, list(by_file.values()))
    if places is None:
        return snapshot
    links = frozenset(path for path in by_file if (root / path).is_symlink())
    ids = [tuple((r.kind, r.id) for r in records) for records in by_file.values()]
    table = dict(zip(by_file, zip(ids, places, strict=True), strict=True))
    config = loaded.bank.config
    store.dump(head, secret, store.key("snapshot", commit),
               (config, table, links, not loaded.bank.duplicates, snapshot.findings, snapshot.ranks))
    older = sorted((bank / store.CACHE_DIR).glob("snapshot-*.bin"), key=lambda p: p.stat().st_mtime)
    for stale in older[:-KEPT_SNAPSHOTS]:
        stale.unlink(missing_ok=True)
        stale.with_suffix(".records").unlink(missing_ok=True)
    return Kept(bank, config, table, links, not loaded.bank.duplicates, snapshot.findings, snapshot.ranks,
                blobs, loaded.bank)


class WorkingTree:
    """The bank's files as they are now, beside a kept commit: a file git finds unchanged
    since that commit is read from the commit's snapshot, the others from disk."""

    def __init__(self, root: Path, base: Kept, changed: set[str]) -> None:
        from journeyops_cli.load.files import discover
        from journeyops_cli.pipeline import load_config

        self.root = root
        self.config = load_config(root)
        self.found = discover(root, self.config.exclude, self.config.site.out)
        self.base = base
        # What git names, and files the commit did not have (git does not name untracked ones).
        self.changed = changed | {path for path in self.found.files if path not in base.places}
        self._fresh: dict[str, list[Record]] | None = None
        self._answers: tuple[list[Finding], dict[str, tuple[int, float]]] | None = None
        self._bank: Bank | None = None

    def files(self) -> list[str]:
        return self.found.files

    def _read(self) -> dict[str, list[Record]]:
        """The records of the files that differ from the base, read from disk."""
        if self._fresh is None:
            from journeyops_cli.load.parallel import load_files

            todo = [path for path in self.found.files if path in self.changed]
            results = load_files(self.root, todo, self.config.limits, None, workers=1)
            self._fresh = {result.path: result.records for result in results}
        return self._fresh

    def ids(self, path: str) -> Ids:
        if path in self.changed:
            return tuple((r.kind, r.id) for r in self._read()[path])
        return self.base.ids(path)

    def records(self, paths: list[str]) -> list[Record]:
        fresh = self._read()
        same = [path for path in paths if path not in self.changed]
        kept = dict(zip(same, self.base.by_path(same), strict=True))
        return [record for path in paths for record in (fresh[path] if path in self.changed else kept[path])]

    def whole(self) -> Bank:
        if self._bank is None:
            from journeyops_cli.pipeline import load_bank

            self._bank = load_bank(self.root, self.config, found=self.found).bank
        return self._bank

    @property
    def findings(self) -> list[Finding]:
        return self._answer()[0]

    @property
    def ranks(self) -> dict[str, tuple[int, float]]:
        return self._answer()[1]

    def _answer(self) -> tuple[list[Finding], dict[str, tuple[int, float]]]:
        """The findings and ranking of the files as they are now. Kept in
        `.journeyops_cache/diff.bin` under a key of every file's stat (`lint.results`)
        while no file changes; when that misses, the findings come from validate's stored
        result if it matches, and findings made here are stored for validate as well."""
        if self._answers is None:
            from journeyops_cli.lint.results import ResultCache, Stored
            from journeyops_cli.pipeline import load_bank, validate_answers

            answers = ResultCache.open(self.root, self.config, self.found, "diff", "diff.bin")
            kept = answers.get()
            if kept is None:
                validated = validate_answers(self.root, self.config, self.found)
                stored = validated.get()
                loaded = load_bank(self.root, self.config, found=self.found, stats=answers.stats)
                self._bank = loaded.bank
                if isinstance(stored, Stored):
                    findings = stored.findings
                else:
                    findings = findings_of(loaded)
                    validated.put(Stored(findings, sum(len(table) for table in loaded.bank.by_kind.values())))
                kept = (findings, ranks_of(loaded.bank))
                answers.put(kept)
            self._answers = kept
        return self._answers


def _index_is_unique(side: Side) -> bool:
    """Whether no id is taken twice (per kind) among the side's records."""
    seen: set[tuple[str, str]] = set()
    count = 0
    for path in side.files():
        ids = side.ids(path)
        seen.update(ids)
        count += len(ids)
    return len(seen) == count


def compare_by_parts(base: Side, head: Side, changed: set[str], base_name: str, head_name: str) -> Diff | None:
    """`compare` on the records of the files in `changed` (and of files only one side
    has); None when comparing by parts could give another answer than the whole banks."""
    if base.config != head.config:
        return None
    if any(isinstance(side, Kept) and not side.by_parts for side in (base, head)):
        return None
    base_files, head_files = set(base.files()), set(head.files())
    differ = changed | (base_files ^ head_files)
    if not (_index_is_unique(base) and _index_is_unique(head)):
        return None

    def side_of(side: Side) -> Snapshot:
        paths = [path for path in side.files() if path in differ]
        part = Bank.build(Path("."), side.config, side.records(paths))
        return Snapshot(part, side.findings, side.ranks, side.whole, _Finder(side))

    return compare(side_of(base), side_of(head), base_name, head_name)


class _Finder:
    """Any one record of a side, by kind and id, reading only the file that holds it."""

    def __init__(self, side: Side) -> None:
        self.side = side
        self.where: dict[tuple[str, str], str] | None = None
        self.read: dict[str, list[Record]] = {}

    def __call__(self, kind: str, key: str) -> Record | None:
        if self.where is None:
            self.where = {item: path for path in self.side.files() for item in self.side.ids(path)}
        path = self.where.get((kind, key))
        if path is None:
            return None
        if path not in self.read:
            self.read[path] = self.side.records([path])
        return next((r for r in self.read[path] if r.kind == kind and r.id == key), None)
