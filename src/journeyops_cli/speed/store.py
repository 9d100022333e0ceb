"""The one store: pickles in `.journeyops_cache/` that only this user's journeyops will
read back, each under a key made by the one recipe (`Key`).

A key is the code (the tool's version, pydantic's and Python's, and the size and mtime
of the modules the stored value depends on: every module unless named), then every
part the value depends on, each as bytes followed by NUL: a pydantic model (the
config) by its JSON, text and bytes as they are, anything else by its `repr`.

Each blob carries an HMAC made with a secret kept outside the bank
(`$XDG_CACHE_HOME/journeyops/cache-secret`): a cache planted in a repository (a pull
request adding `.journeyops_cache/`) is never unpickled, only ignored. Blobs are written
to a temporary file and renamed into place, so a reader never sees half of one.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import os
import pickle
import secrets
import sys
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

CACHE_DIR = ".journeyops_cache"
MAGIC = b"JOCACHE1"
# A file written less than this long before it was read may change again within the same
# mtime tick: what was learned from it is checked again next time.
RACY_NS = 2_000_000_000
PACKAGE = Path(__file__).resolve().parent.parent

# What a cache keys a file on: (size, mtime_ns, ctime_ns, inode). The change time moves
# on every write and cannot be set back (`touch -d` and `cp -p` set only mtime).
FileStat = tuple[int, int, int, int]


def stat_key(stat: os.stat_result) -> FileStat:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def is_racy(key: FileStat, started_ns: int) -> bool:
    """True when the file was written so shortly before `started_ns` that a later write
    could leave the same timestamps."""
    return max(key[1], key[2]) >= started_ns - RACY_NS


@cache
def all_modules() -> tuple[str, ...]:
    """Every module of the package, relative to it."""
    modules = []
    for folder, _dirs, names in os.walk(PACKAGE):
        relative = os.path.relpath(folder, PACKAGE)
        modules += sorted(os.path.normpath(os.path.join(relative, n)) for n in names if n.endswith(".py"))
    return tuple(sorted(modules))


class Key:
    """The one recipe for a cache key (see the module): `Key(modules).add(*parts).hexdigest()`."""

    def __init__(self, modules: Sequence[str] | None = None) -> None:
        self._hash = hashlib.blake2b(digest_size=20)
        self.add(code_fingerprint(tuple(modules) if modules is not None else all_modules()))

    def add(self, *parts: object) -> Key:
        for part in parts:
            self._hash.update(_as_bytes(part) + b"\0")
        return self

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def key(*parts: object, modules: Sequence[str] | None = None) -> str:
    """A cache key for a value that depends on `parts` and the code of `modules`."""
    return Key(modules).add(*parts).hexdigest()


def _as_bytes(part: object) -> bytes:
    if isinstance(part, bytes):
        return part
    if isinstance(part, str):
        return part.encode("utf-8", "surrogatepass")
    dump = getattr(part, "model_dump_json", None)
    if callable(dump):
        return str(dump()).encode("utf-8", "surrogatepass")
    return repr(part).encode("utf-8", "surrogatepass")


@cache
def code_fingerprint(modules: tuple[str, ...]) -> str:
    """The tool's version, pydantic's and Python's, and the size and mtime of each module
    (paths relative to the package): an editable install changes its code without
    changing its version."""
    import pydantic

    from journeyops_cli import __version__

    parts = [__version__, pydantic.VERSION, sys.version]
    for module in modules:
        try:
            stat = os.stat(PACKAGE / module)
        except OSError:
            continue
        parts.append(f"{module}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def secret() -> bytes | None:
    """This user's cache secret, made on first use; None when it cannot be kept."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "journeyops", "cache-secret")
    try:
        with open(path, "rb") as handle:
            kept = handle.read()
        if len(kept) >= 32:
            return kept
    except OSError:
        pass
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        os.replace(tmp, path)
        with open(path, "rb") as handle:
            kept = handle.read()
        return kept if len(kept) >= 32 else None
    except OSError:
        return None


def load(path: Path, key_secret: bytes | None, key: Any) -> Any:
    """What `dump` stored at `path` under `key`; None when it is missing, foreign,
    stored under another key, or damaged."""
    try:
        blob = path.read_bytes()
        if key_secret is None or not blob.startswith(MAGIC):
            return None
        mac, payload = blob[len(MAGIC) : len(MAGIC) + 32], blob[len(MAGIC) + 32 :]
        if not hmac.compare_digest(mac, hmac.new(key_secret, payload, hashlib.sha256).digest()):
            return None
        # The key first, then the value (two pickles, each with its own memo): a blob
        # stored under another key is not unpickled.
        stream = io.BytesIO(payload)
        return pickle.load(stream) if pickle.load(stream) == key else None
    except Exception:  # noqa: BLE001 - any damage means: nothing cached
        return None


def dump(path: Path, key_secret: bytes | None, key: Any, value: Any) -> None:
    """Store `value` under `key` at `path`, signed and atomically; a folder that cannot be
    written to simply goes without a cache."""
    if key_secret is None:
        return
    try:
        path.parent.mkdir(exist_ok=True)
        ignore = path.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Made by journeyops; safe to delete.\n*\n", encoding="utf-8")
    except OSError:
        return
    payload = b"".join(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in (key, value))
    mac = hmac.new(key_secret, payload, hashlib.sha256).digest()
    _write_atomic(path, MAGIC + mac + payload)


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
            with contextlib.suppress(OSError):
                os.unlink(tmp)


# --- parts: many values in one file, each read alone ------------------------------------

# Where one part lies in a parts file and what its bytes hash to: (offset, length, digest).
Part = tuple[int, int, bytes]


def _hasher() -> Any:
    # SHA-256: CPUs hash it in hardware (twice blake2b's speed here), and a part can be
    # tens of MB (lint/last_run.py).
    return hashlib.sha256()


class _Hashed:
    """A file to write a pickle to, hashing what passes."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.hash = _hasher()

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        return int(self.handle.write(data))


def dump_parts(path: Path, values: list[Any]) -> list[Part] | None:
    """Pickle each of `values` one after another into `path` (atomically) and return where
    each lies, for a signed blob (`dump`) to hold: `load_part` unpickles a part only when
    its bytes hash to the digest that blob vouches for. None when it cannot be written.
    Each part is written as it is pickled, never held whole in memory."""
    places: list[Part] = []
    tmp = None
    try:
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            for value in values:
                offset = handle.tell()
                hashed = _Hashed(handle)
                pickle.Pickler(hashed, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
                places.append((offset, handle.tell() - offset, hashed.hash.digest()))
        os.replace(tmp, path)
        tmp = None
    except OSError:
        return None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return places


def load_parts(path: Path, parts: list[Part]) -> list[Any] | None:
    """The values `dump_parts` wrote at `parts` of `path`; None when the file is missing
    or short, or any part's bytes are not the ones its digest names. A part's bytes are
    hashed, then unpickled from the same open file (a cache written meanwhile replaces
    the file, not these bytes), never held whole in memory."""
    values = []
    try:
        with open(path, "rb") as handle:
            for offset, length, digest in parts:
                handle.seek(offset)
                hashed = _hasher()
                left = length
                while left > 0:
                    chunk = handle.read(min(left, 1 << 20))
                    if not chunk:
                        return None
                    hashed.update(chunk)
                    left -= len(chunk)
                if not hmac.compare_digest(hashed.digest(), digest):
                    return None
                handle.seek(offset)
                values.append(pickle.load(handle))
                if handle.tell() != offset + length:
                    return None
    except Exception:  # noqa: BLE001 - any damage means: nothing cached
        return None
    return values
