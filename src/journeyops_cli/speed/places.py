"""Where earlier runs placed findings in a file, kept per file content in
`.journeyops_cache/places.bin`.

Placing a finding (its line and column) means reading and composing its file again. A
file whose bytes are the ones a place was found in (same digest) has the same places, so
a warm run reads them back instead. Places are stored only when the text they were
found in is the text that was loaded (a file written while a run reads it is placed
again next time); a file that changed or is gone drops its places when the memo is
saved. Signed like every cache blob (`speed/store.py`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from journeyops_cli.speed import store

FILE = "places.bin"
# (document index in the file, path inside the document, "key" or "value", text inside)
Key = tuple[int, tuple[Any, ...], str, "str | None"]
Place = tuple[int, int]


class Places:
    """Places by file and content digest. Use `Places.open(root)`."""

    def __init__(self, path: Path, secret: bytes | None, stored: dict[str, tuple[bytes, dict[Key, Place]]]) -> None:
        self.path = path
        self.secret = secret
        self.stored = stored
        self.changed = False

    @staticmethod
    def key() -> str:
        return store.key(modules=["speed/places.py", "place.py", "load/positions.py", "load/yaml_read.py"])

    @classmethod
    def open(cls, root: Path) -> Places:
        path = root / store.CACHE_DIR / FILE
        secret = store.secret()
        stored = store.load(path, secret, cls.key()) if secret is not None else None
        return cls(path, secret, stored if isinstance(stored, dict) else {})

    def known(self, rel: str, digest: bytes, keys: set[Key]) -> dict[Key, Place] | None:
        """The places of every key in `keys`, when all are known for this content."""
        entry = self.stored.get(rel)
        if entry is None or entry[0] != digest:
            return None
        places = entry[1]
        if not keys <= places.keys():
            return None
        return places

    def put(self, rel: str, digest: bytes, places: dict[Key, Place]) -> None:
        entry = self.stored.get(rel)
        if entry is None or entry[0] != digest:
            entry = self.stored[rel] = (digest, {})
        entry[1].update(places)
        self.changed = True

    def save(self, digests: dict[str, bytes]) -> None:
        """Write the places of files whose content is still `digests` (the loaded bank's),
        when any were found or dropped in this run."""
        kept = {rel: entry for rel, entry in self.stored.items() if digests.get(rel) == entry[0]}
        if not self.changed and len(kept) == len(self.stored):
            return
        self.stored = kept
        self.changed = False
        store.dump(self.path, self.secret, self.key(), kept)
