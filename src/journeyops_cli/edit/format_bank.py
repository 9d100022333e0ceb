"""`fmt` over a bank: which record files to format, and formatting each in turn.

Each file gets one outcome; a file that cannot be formatted is refused (and left as it
was) without stopping the others.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from journeyops_cli.edit import EditError
from journeyops_cli.edit.atomic import replace_file
from journeyops_cli.edit.formatter import format_file
from journeyops_cli.edit.textfile import read
from journeyops_cli.models.config import LimitsConfig

Mode = Literal["write", "check", "diff"]
Outcome = Literal["reformatted", "would reformat", "unchanged", "refused"]


@dataclass(frozen=True, slots=True)
class FileFormat:
    """What formatting did (or would do) to one file. `detail` is the unified diff in
    `diff` mode, or why the file was refused."""

    path: str
    shown: str
    outcome: Outcome
    detail: str = ""


def within(files: list[str], wanted: list[str] | None) -> list[str]:
    """The bank's files that are, or lie in, one of `wanted` (bank-relative; "." is the
    whole bank); all of them when nothing is wanted."""
    if not wanted:
        return files
    if "." in wanted:
        return files
    folders = tuple(w.rstrip("/") + "/" for w in wanted)
    return [f for f in files if f in wanted or f.startswith(folders)]


def format_files(root: Path, files: list[str], limits: LimitsConfig, prefix: str, mode: Mode) -> Iterator[FileFormat]:
    """Format each file in turn: write it (`write`), or only say it would change
    (`check`), or give the diff (`diff`). `prefix` makes a path as the user sees it."""
    for rel in files:
        shown = prefix + rel
        try:
            source = read(root / rel, shown)
            result = format_file(source, shown, limits)
            if not result.changed:
                yield FileFormat(rel, shown, "unchanged")
            elif mode == "write":
                replace_file(root / rel, source.encode(result.after), shown)
                yield FileFormat(rel, shown, "reformatted")
            elif mode == "diff":
                diff = difflib.unified_diff(
                    result.before.splitlines(keepends=True),
                    result.after.splitlines(keepends=True),
                    f"a/{rel}",
                    f"b/{rel}",
                )
                yield FileFormat(rel, shown, "would reformat", "".join(diff))
            else:
                yield FileFormat(rel, shown, "would reformat")
        except EditError as error:
            yield FileFormat(rel, shown, "refused", error.message)
