"""Load many files at once: unchanged files come from the cache, the rest are read in
worker processes when there are enough of them to pay for the workers.

Results are in the order of `files`, and a file's result does not depend on which process
read it, so a parallel run and a single-process run give identical findings.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from journeyops_cli.load.files import FileResult, digest_of, load_bytes, read_bytes
from journeyops_cli.load.signed import FileStat, stat_key
from journeyops_cli.models.config import LimitsConfig

if TYPE_CHECKING:
    from journeyops_cli.load.cache import LoadCache

T = TypeVar("T")
R = TypeVar("R")

# Fewer files than this are read in this process: starting workers costs more.
PARALLEL_MIN_FILES = 1500
# Each worker takes files in chunks of about this many (small enough to balance the load).
CHUNK_FILES = 400


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


# Set in the parent before forking; the workers inherit it.
_JOB: tuple[Path, LimitsConfig, dict[str, bytes]] | None = None


def _load_chunk(files: list[str]) -> list[tuple[str, Loaded | None]]:
    assert _JOB is not None
    root, limits, known = _JOB
    return [(rel, load_one(root, rel, limits, known.get(rel))) for rel in files]


def _load_shared(
    root: Path, todo: list[str], limits: LimitsConfig, known: dict[str, bytes], count: int
) -> list[tuple[str, Loaded | None]]:
    """Load `todo` in this process and `count - 1` forked workers at once.

    Every chunk is offered to the workers, last first, while this process works through
    the chunks from the front, taking each one the workers have not started yet (a
    pending future can be cancelled): the work balances itself, and this process, which
    needs every result anyway, never waits idle while results cross over as pickles.
    """
    global _JOB
    size = max(1, min(CHUNK_FILES, -(-len(todo) // (count * 8))))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    _JOB = (root, limits, known)
    try:
        parts = from_both_ends(count, chunks, _load_chunk, _load_chunk)
    finally:
        _JOB = None
    return [item for part in parts for item in part]


def from_both_ends(count: int, items: list[T], here: Callable[[T], R], there: Callable[[T], R]) -> list[R]:
    """`here(item)` in this process or `there(item)` in one of `count - 1` forked workers,
    for every item. The workers take the items last first while this process goes through
    them from the front, taking each one no worker has started (a pending future can be
    cancelled): the work balances itself whatever each item costs. The results come in no
    particular order. `there` reads what it needs from module state set before the call."""
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=count - 1, mp_context=context) as pool:
        futures = [pool.submit(there, item) for item in reversed(items)][::-1]
        results = [here(item) for item, future in zip(items, futures) if future.cancel()]
        results += [future.result() for future in futures if not future.cancelled()]
    return results


def workers_available() -> int:
    """How many processes may load files: the CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


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

    count = workers if workers is not None else workers_available()
    use_pool = (
        count > 1
        and len(todo) >= (PARALLEL_MIN_FILES if workers is None else 2)
        and "fork" in multiprocessing.get_all_start_methods()
    )
    if use_pool:
        loaded = _load_shared(root, todo, limits, known, count)
    else:
        loaded = [(rel, load_one(root, rel, limits, known.get(rel))) for rel in todo]

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
