"""The place stage: rules say where a finding is as a logical location (file, document,
key path; `findings.Where`); this stage, run once after the rules, gives every such
finding its line and column.

Findings are grouped by file and each file is read and composed once, however many
findings it has (`load/positions.Locator`, libyaml's own marks: the same cost whatever
the file's style). Files are shared between processes by the executor given, and with
the memo (`speed/places.py`) a file whose content was placed before is not read at all.
The result does not depend on either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from journeyops_cli.findings import HERE_LINE, SEE_LINE, Finding, Where
from journeyops_cli.load.files import digest_of
from journeyops_cli.load.positions import Locator

if TYPE_CHECKING:
    from journeyops_cli.speed.executor import Executor
    from journeyops_cli.speed.places import Key, Place, Places

# A file with findings is worth a worker only in numbers.
PARALLEL_MIN_FILES = 200


def key_of(where: Where) -> Key:
    return (where.document, where.path, where.target, where.text)


def locate_in(text: str, keys: Sequence[Key]) -> dict[Key, Place]:
    """The (line, column) of every key in one file's text."""
    locator = Locator(text)
    return {key: locator.locate(*key) for key in keys}


def read_places(
    root: Path, rel: str, keys: Sequence[Key], data: bytes | None = None
) -> tuple[dict[Key, Place], bytes | None]:
    """The places of `keys` in the file `rel` (or in `data`, its bytes when given), and
    the digest of the bytes they were found in (None when it cannot be read: every key
    is then at 1:1)."""
    if data is None:
        try:
            data = (root / rel).read_bytes()
        except OSError:
            return {key: (1, 1) for key in keys}, None
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    return locate_in(text, keys), digest_of(data)


def place(
    root: Path,
    findings: list[Finding],
    digests: dict[str, bytes] | None = None,
    memo: Places | None = None,
    executor: Executor | None = None,
    texts: Mapping[str, bytes] | None = None,
) -> list[Finding]:
    """`findings` with every logical location turned into line and column, in the same
    order. `digests`: each file's loaded content (the memo holds places only for the
    content that was loaded); `texts`: the bytes of files not written yet, by path."""
    wanted: dict[str, set[Key]] = {}
    for item in findings:
        if item.where is not None:
            wanted.setdefault(item.path, set()).add(key_of(item.where))
        if item.see is not None:
            wanted.setdefault(item.see[0], set()).add(key_of(item.see[1]))
    if not wanted:
        return findings
    found: dict[str, dict[Key, Place]] = {}
    todo: list[tuple[str, list[Key]]] = []
    for rel in sorted(wanted):
        keys = wanted[rel]
        digest = digests.get(rel) if digests is not None else None
        known = memo.known(rel, digest, keys) if memo is not None and digest is not None else None
        if known is not None:
            found[rel] = known
        else:
            todo.append((rel, sorted(keys, key=repr)))
    if todo:
        if executor is None:
            from journeyops_cli.speed.executor import executor_for

            executor = executor_for(len(todo), minimum=PARALLEL_MIN_FILES)
        given = texts or {}
        results = executor.map(
            lambda job: read_places(root, *job, given[job[0]]) if job[0] in given else read_places(root, *job),
            todo,
            chunks=True,
        )
        for (rel, _), (places, digest) in zip(todo, results, strict=True):
            found[rel] = places
            if memo is not None and digests is not None and digest is not None and digests.get(rel) == digest:
                memo.put(rel, digest, places)
    return [_placed(item, found) for item in findings]


def _placed(item: Finding, found: dict[str, dict[Key, Place]]) -> Finding:
    if item.where is None and item.see is None:
        return item
    line, column = item.line, item.column
    if item.where is not None:
        line, column = found[item.path][key_of(item.where)]
    message = item.message.replace(HERE_LINE, str(line))
    if item.see is not None:
        see_line = found[item.see[0]][key_of(item.see[1])][0]
        message = message.replace(SEE_LINE, str(see_line))
    return item.replace(line=line, column=column, message=message, where=None, see=None)
