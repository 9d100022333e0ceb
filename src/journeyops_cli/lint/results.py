"""The last answer of a command on a bank, so that a run on an unchanged bank answers at once.

`.journeyops_cache/result.bin` holds the findings of the last `validate` (after
severities, per-path ignores and inline suppressions), `prioritise.bin` the last ranking
printed, each under a key made of everything the answer depends on: the tool's code, the
configuration, the command's options (for validate, the rules chosen on the command
line), today's date (rules such as JO402 count days), what discovery found, and the path,
size, mtime, ctime and inode of every file. Any change makes another key, and the run goes the long way,
where the load cache still spares the unchanged files.

Nothing is stored when a file was written in the two seconds before the run, since a
later write could then hide behind the same timestamps; ctime cannot be set back by
tools the way mtime can. The blob is signed like the load cache (`speed/store.py`).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journeyops_cli.findings import Finding
from journeyops_cli.models.config import CONFIG_FILE
from journeyops_cli.speed import store

if TYPE_CHECKING:
    from journeyops_cli.load.files import Discovery

RESULT_FILE = "result.bin"


@dataclass(slots=True)
class Stored:
    """A run's findings (sorted, for the whole bank) and how many records it checked."""

    findings: list[Finding]
    records: int


class ResultCache:
    """The stored result of one bank for one key. Use `ResultCache.open`."""

    def __init__(self, path: Path, key: str, racy: bool, stats: dict[str, store.FileStat]) -> None:
        self.path = path
        self.key = key
        self.racy = racy
        # Every file's stat, for the load cache to reuse instead of asking again.
        self.stats = stats
        self.secret = store.secret()

    @classmethod
    def open(
        cls, root: Path, config: Any, found: Discovery, request: str, name: str = RESULT_FILE
    ) -> ResultCache:
        """The cache entry `name` for this bank's files as they are now, and `request`
        (what else the answer depends on: the command's options)."""
        from journeyops_cli.rules.base import today

        started = time.time_ns()
        digest = store.Key().add(config, request, today().isoformat(), found.findings)
        racy = False
        stats: dict[str, store.FileStat] = {}
        prefix = str(root) + os.sep
        lines = []
        for rel in [CONFIG_FILE, *found.files]:
            try:
                stat = os.stat(prefix + rel)
            except OSError:
                racy = True  # gone or unreadable: the long way reports it, nothing is kept
                lines.append(f"{rel}\0-")
                continue
            key = stats[rel] = store.stat_key(stat)
            racy = racy or store.is_racy(key, started)
            lines.append(f"{rel}\0{key}")
        digest.add("\n".join(lines))  # one part: 30,000 files cost one hash update
        return cls(root / store.CACHE_DIR / name, digest.hexdigest(), racy, stats)

    def get(self) -> Any:
        """The stored answer for this key, or None."""
        return store.load(self.path, self.secret, self.key)

    def put(self, answer: Any) -> None:
        """Keep this run's answer, unless a file changed too recently to trust its stat."""
        if not self.racy:
            store.dump(self.path, self.secret, self.key, answer)
