"""Load many files at once: unchanged files come from the cache, the rest are read in
worker processes when there are enough of them to pay for the workers.

Results are in the order of `files`, and a file's result does not depend on which process
read it, so a parallel run and a single-process run give identical findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journeyops_cli.load.files import FileResult, digest_of, load_bytes, read_bytes
from journeyops_cli.models.config import LimitsConfig
from journeyops_cli.speed.executor import cpus as workers_available  # noqa: F401 - site/build.py's name
from journeyops_cli.speed.executor import executor_for
from journeyops_cli.speed.store import FileStat, stat_key

if TYPE_CHECKING:
    from journeyops_cli.load.cache import LoadCache

# Fewer files than this are read in this process: starting workers costs more.
PARALLEL_MIN_FILES = 1500


@dataclass(slots=True)
class Loaded:
    """One file's result and what the cache keys it on."""

    result: FileResult
    stat: FileStat | None
    digest: bytes | None  # blake2b of the bytes


def load_one(root: Path, rel: str, limits: LimitsConfig, known: bytes | None = None) -> Loaded | None:
    """Read and load one file. With `known` (the digest the cache holds), an unchanged
    file is not parsed: None is returned and the cached result stands."""
    data, findings, stat = read_bytes(root, rel, limits)
    key = stat_key(stat) if stat is not None else None
    digest = digest_of(data) if data is not None else None
    if known is not None and digest == known:
        return None
    result = load_bytes(rel, data, findings, limits)
    result.digest = digest
    return Loaded(result, key, digest)


def load_files(
    root: Path,
    files: list[str],
    limits: LimitsConfig,
    cache: LoadCache | None = None,
    workers: int | None = None,
    stats: dict[str, FileStat] | None = None,
) -> list[FileResult]:
    """The result of every file in `files`, in that order.

    `workers`: None picks by the number of files and CPUs; 1 forces a single process.
    `stats`: stat keys of files already asked for (saves asking again).
    """
    results: dict[str, FileResult] = {}
    todo: list[str] = []
    known: dict[str, bytes] = {}
    for rel in files:
        if cache is not None:
            hit = cache.fresh(root, rel, stats.get(rel) if stats else None)
            if hit is not None:
                results[rel] = hit
                continue
            digest = cache.digest(rel)
            if digest is not None:
                known[rel] = digest
        todo.append(rel)

    runner = executor_for(len(todo), workers, PARALLEL_MIN_FILES)
    # In chunks of files: this process and the workers share them (`Forked.map`).
    loaded = runner.map(lambda rel: (rel, load_one(root, rel, limits, known.get(rel))), todo, chunks=True)

    for rel, item in loaded:
        if item is None:  # same bytes as cached: only the stat changed
            assert cache is not None
            results[rel] = cache.revalidate(root, rel)
            continue
        results[rel] = item.result
        if cache is not None:
            cache.store(rel, item.stat, item.digest, item.result)
    if cache is not None:
        cache.keep_only(files)
    return [results[rel] for rel in files]
