"""The load cache in `.journeyops_cache/` at the bank root: what each file held last time.

An unchanged file is neither parsed nor validated again. A file counts as unchanged when
its (size, mtime_ns, inode) are those stored with its result; when they differ, or when
the file was written so soon before it was cached that a later write could hide behind
the same timestamp ("racy"), its bytes are hashed and compared instead.

The cache is keyed by the tool's version and code, the pydantic version and the whole
bank configuration: any change there starts it afresh. It is safe to delete at any time,
and an unreadable, corrupt or foreign cache is ignored silently and rebuilt. Every shard
is signed and written atomically (`speed/store.py`): a cache planted in a repository is
never unpickled.
"""

from __future__ import annotations

import os
import time
import zlib
from pathlib import Path
from typing import Any

from journeyops_cli.load.files import FileResult
from journeyops_cli.speed import store
from journeyops_cli.speed.store import CACHE_DIR, FileStat, is_racy, stat_key

SHARDS = 16

# stat key, digest, racy, result
Entry = tuple[FileStat | None, bytes | None, bool, FileResult]


def _modules() -> list[str]:
    """The code a file's result depends on: the loader, the models and the loader's own
    rule codes."""
    package = store.PACKAGE
    modules = ["findings.py", "rules/source.py", "rules/registry.py"]
    for folder in ("load", "models"):
        modules += sorted(f"{folder}/{n}" for n in os.listdir(package / folder) if n.endswith(".py"))
    return modules


def cache_key(config: Any) -> str:
    """What every cached result depends on besides the file itself (`store.key`)."""
    return store.key(config, modules=_modules())


def _shard(rel: str) -> int:
    return zlib.crc32(rel.encode("utf-8")) % SHARDS


class LoadCache:
    """Cached per-file results of one bank. Use `LoadCache.open(root, config)`."""

    def __init__(self, folder: Path, key: str, secret: bytes | None) -> None:
        self.folder = folder
        self.key = key
        self.secret = secret
        self.entries: dict[str, Entry] = {}
        self.dirty: set[int] = set()
        self.started_ns = time.time_ns()

    @classmethod
    def open(cls, root: Path, config: Any) -> LoadCache:
        cache = cls(root / CACHE_DIR, cache_key(config), store.secret())
        if cache.secret is not None:
            for shard in range(SHARDS):
                cache.entries.update(cache._read(shard))
        return cache

    # --- reading ------------------------------------------------------------------------

    def _path(self, shard: int) -> Path:
        return self.folder / f"load-{shard:02d}.bin"

    def _read(self, shard: int) -> dict[str, Entry]:
        """The entries of one shard; {} when missing, foreign, stale or damaged."""
        entries = store.load(self._path(shard), self.secret, self.key)
        return entries if isinstance(entries, dict) else {}

    def fresh(self, root: Path, rel: str, known: FileStat | None = None) -> FileResult | None:
        """The cached result when the file's stat (`known`, or asked now) is the one
        stored and not racy."""
        entry = self.entries.get(rel)
        if entry is None or entry[2] or entry[0] is None:
            return None
        if known is None:
            try:
                stat = os.stat(f"{root}{os.sep}{rel}")
            except OSError:
                return None
            known = stat_key(stat)
        return entry[3] if known == entry[0] else None

    def digest(self, rel: str) -> bytes | None:
        """The content hash stored for `rel`, to compare when its stat changed."""
        entry = self.entries.get(rel)
        return entry[1] if entry is not None else None

    def revalidate(self, root: Path, rel: str) -> FileResult:
        """The same bytes as cached, under a new stat: keep the result, store the stat."""
        _stored, digest, _racy, result = self.entries[rel]
        try:
            stat = os.stat(root / rel)
            key: FileStat | None = stat_key(stat)
        except OSError:
            key = None
        self.store(rel, key, digest, result)
        return result

    # --- writing ------------------------------------------------------------------------

    def store(
        self,
        rel: str,
        stat: FileStat | None,
        digest: bytes | None,
        result: FileResult,
    ) -> None:
        racy = stat is None or is_racy(stat, self.started_ns)
        entry = (stat, digest, racy, result)
        old = self.entries.get(rel)
        if old is not None and old[0] == stat and old[1] == digest and old[2] == racy:
            return
        self.entries[rel] = entry
        self.dirty.add(_shard(rel))

    def keep_only(self, files: list[str]) -> None:
        """Forget files that are gone (deleted, renamed, now excluded)."""
        wanted = set(files)
        for rel in [rel for rel in self.entries if rel not in wanted]:
            del self.entries[rel]
            self.dirty.add(_shard(rel))

    def save(self) -> None:
        """Write the changed shards; a bank that cannot be written to simply goes without
        a cache."""
        if not self.dirty or self.secret is None:
            return
        by_shard: dict[int, dict[str, Entry]] = {shard: {} for shard in self.dirty}
        for rel, entry in self.entries.items():
            shard = _shard(rel)
            if shard in by_shard:
                by_shard[shard][rel] = entry
        for shard, entries in by_shard.items():
            store.dump(self._path(shard), self.secret, self.key, entries)
        self.dirty.clear()
