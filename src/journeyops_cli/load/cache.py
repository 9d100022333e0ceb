"""The load cache in `.journeyops_cache/` at the bank root: what each file held last time.

An unchanged file is neither parsed nor validated again. A file counts as unchanged when
its (size, mtime_ns, inode) are those stored with its result; when they differ, or when
the file was written so soon before it was cached that a later write could hide behind
the same timestamp ("racy"), its bytes are hashed and compared instead.

The cache is keyed by the tool's version and code, the pydantic version and the whole
bank configuration: any change there starts it afresh. It is safe to delete at any time,
and an unreadable, corrupt or foreign cache is ignored silently and rebuilt. Every shard
is written to a temporary file and renamed into place, so a reader never sees half of one.

Shards are pickles, so each carries an HMAC made with a secret kept outside the bank
(`$XDG_CACHE_HOME/journeyops/cache-secret`): a cache planted in a repository (a pull
request adding `.journeyops_cache/`) is never unpickled, only ignored.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

from journeyops_cli.load.files import FileResult

CACHE_DIR = ".journeyops_cache"
SHARDS = 16
MAGIC = b"JOCACHE1"
# A file written less than this long before it was read may change again within the same
# mtime tick: its entry is checked by content next time.
RACY_NS = 2_000_000_000

# (size, mtime_ns, inode), digest, racy, result
Entry = tuple[tuple[int, int, int] | None, bytes | None, bool, FileResult]


def _secret() -> bytes | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "journeyops", "cache-secret")
    try:
        with open(path, "rb") as handle:
            secret = handle.read()
        if len(secret) >= 32:
            return secret
    except OSError:
        pass
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        os.replace(tmp, path)
        with open(path, "rb") as handle:
            secret = handle.read()
        return secret if len(secret) >= 32 else None
    except OSError:
        return None


def _code_fingerprint() -> str:
    """Version, and the size and mtime of every module a file's result depends on (the
    loader, the models, the loader's own rule codes): an editable install changes its code
    without changing its version."""
    import pydantic

    from journeyops_cli import __version__

    package = Path(__file__).resolve().parent.parent
    parts = [__version__, pydantic.VERSION, sys.version]
    modules = ["findings.py", "rules/source.py", "rules/registry.py"]
    for folder in ("load", "models"):
        modules += sorted(f"{folder}/{n}" for n in os.listdir(package / folder) if n.endswith(".py"))
    for module in modules:
        try:
            stat = os.stat(package / module)
        except OSError:
            continue
        parts.append(f"{module}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def cache_key(config: Any) -> str:
    """What every cached result depends on besides the file itself."""
    try:
        text = config.model_dump_json()
    except Exception:  # noqa: BLE001 - an odd config only costs the cache
        text = repr(config) + str(time.time_ns())
    return _code_fingerprint() + ":" + hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


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
        cache = cls(root / CACHE_DIR, cache_key(config), _secret())
        if cache.secret is not None:
            for shard in range(SHARDS):
                cache.entries.update(cache._read(shard))
        return cache

    # --- reading ------------------------------------------------------------------------

    def _path(self, shard: int) -> Path:
        return self.folder / f"load-{shard:02d}.bin"

    def _read(self, shard: int) -> dict[str, Entry]:
        """The entries of one shard; {} when missing, foreign, stale or damaged."""
        try:
            blob = self._path(shard).read_bytes()
            if not blob.startswith(MAGIC) or self.secret is None:
                return {}
            mac, payload = blob[len(MAGIC) : len(MAGIC) + 32], blob[len(MAGIC) + 32 :]
            expected = hmac.new(self.secret, payload, hashlib.sha256).digest()
            if not hmac.compare_digest(mac, expected):
                return {}
            key, entries = pickle.loads(payload)
            if key != self.key or not isinstance(entries, dict):
                return {}
            return entries
        except Exception:  # noqa: BLE001 - any damage means: no cache
            return {}

    def fresh(self, root: Path, rel: str) -> FileResult | None:
        """The cached result when the file's stat is the one stored and not racy."""
        entry = self.entries.get(rel)
        if entry is None or entry[2] or entry[0] is None:
            return None
        try:
            stat = os.stat(root / rel)
        except OSError:
            return None
        if (stat.st_size, stat.st_mtime_ns, stat.st_ino) != entry[0]:
            return None
        return entry[3]

    def digest(self, rel: str) -> bytes | None:
        """The content hash stored for `rel`, to compare when its stat changed."""
        entry = self.entries.get(rel)
        return entry[1] if entry is not None else None

    def revalidate(self, root: Path, rel: str) -> FileResult:
        """The same bytes as cached, under a new stat: keep the result, store the stat."""
        stored, digest, _racy, result = self.entries[rel]
        try:
            stat = os.stat(root / rel)
            key: tuple[int, int, int] | None = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
        except OSError:
            key = None
        self.store(rel, key, digest, result)
        return result

    # --- writing ------------------------------------------------------------------------

    def store(
        self,
        rel: str,
        stat: tuple[int, int, int] | None,
        digest: bytes | None,
        result: FileResult,
    ) -> None:
        racy = stat is None or stat[1] >= self.started_ns - RACY_NS
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
        """Write the changed shards atomically; a bank that cannot be written to simply
        goes without a cache."""
        if not self.dirty or self.secret is None:
            return
        try:
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Made by journeyops; safe to delete.\n*\n", encoding="utf-8")
        except OSError:
            return
        by_shard: dict[int, dict[str, Entry]] = {shard: {} for shard in self.dirty}
        for rel, entry in self.entries.items():
            shard = _shard(rel)
            if shard in by_shard:
                by_shard[shard][rel] = entry
        for shard, entries in by_shard.items():
            payload = pickle.dumps((self.key, entries), protocol=pickle.HIGHEST_PROTOCOL)
            mac = hmac.new(self.secret, payload, hashlib.sha256).digest()
            _write_atomic(self._path(shard), MAGIC + mac + payload)
        self.dirty.clear()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
