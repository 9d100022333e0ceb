"""Writing the site: into a temporary folder next to the output folder, swapped in whole.

A failed build never leaves a half-written site: pages go into `.OUT.journeyops-new` as
they are rendered, and `commit()` swaps that folder in for the old one. A page the
previous build wrote from the same inputs is hard-linked from it (the manifest records
each page's fingerprint and size); the manifest holds no time and no absolute path, so a
rebuild gives the same bytes as a build from nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import posixpath
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISLNK
from typing import Any

from journeyops_cli.site.errors import SiteError
from journeyops_cli.site.fingerprint import FORMAT
from journeyops_cli.site.links import UnsafeId

MARKER = ".journeyops-site"
MANIFEST = ".journeyops-manifest.json"
MARKER_TEXT = "This folder is written by `journeyops site build` and replaced on every build.\n"

Progress = Callable[[str, int, int], None]
"""Called as `progress(stage, done, total)` while pages are rendered and written."""

Written = list[tuple[str, "tuple[str, int] | None"]]
"""Paths a process wrote, each with its page's fingerprint and size (None: not a page)."""


def check_out_folder(root: Path, out: Path) -> None:
    """Refuse an output folder that would replace the bank or a folder we did not build."""
    if out == root or root.is_relative_to(out):
        raise SiteError(f"--out {out}: the site cannot replace the bank's own folder")
    if out.exists() and not out.is_dir():
        raise SiteError(f"--out {out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SiteError(
            f"--out {out}: the folder is not empty and was not built by journeyops "
            f"(no {MARKER} file); choose an empty or new folder"
        )


# A path of ASCII names that each start with a letter, digit or `_` is plain: none can be
# empty, `.` or `..`, hold a backslash or a NUL, or start the path with `/` (the site's
# own paths, checked ids: `fi/insights/asuntohaku-analytiikka.html`). Anything else is
# checked part by part.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*")


def plain(rel: str) -> list[str]:
    """The parts of `rel`, asserting that it is a plain relative POSIX path."""
    parts = rel.split("/")
    if _PLAIN_PATH.fullmatch(rel):
        return parts
    if (
        rel != posixpath.normpath(rel)
        or rel.startswith("/")
        or any(p in ("", ".", "..") or "\\" in p or "\x00" in p for p in parts)
    ):
        raise UnsafeId(f"output path {rel!r} is not a plain relative path")
    return parts


def inside(out: Path, rel: str) -> Path:
    """`out / rel`, asserting that it stays inside `out` whatever `rel` holds."""
    target = out.joinpath(*plain(rel))
    if not target.resolve().is_relative_to(out.resolve()):
        raise UnsafeId(f"output path {rel!r} leaves the output folder")
    return target


class SiteWriter:
    """Writes the site into a temporary folder next to `out` as pages are rendered and
    swaps it in at `commit()`; on any error the temporary folder is removed and `out`
    is left as it was.

    A page whose fingerprint is the one the previous build recorded (in `MANIFEST`) and
    whose file is still there with its recorded size is linked from the previous site
    instead of being rendered again; so is a page `reuse()` is asked for (the build knows
    its inputs are unchanged: the same `world` and findings, so its context need not even
    be built). The manifest holds no time and no absolute path: a rebuild gives the same
    bytes as a build from nothing.
    """

    def __init__(self, out: Path, previous: Manifest | None = None) -> None:
        self.out = out
        self.temp = out.parent / f".{out.name}.journeyops-new"
        self.old = out.parent / f".{out.name}.journeyops-old"
        self.count = 0
        self._dirs: set[str] = set()
        self._written: set[str] = set()
        self._temp = os.fspath(self.temp)
        self._out = os.fspath(out)
        self._pages: dict[str, tuple[str, int]] = {}
        self.previous = previous if previous is not None else read_manifest(out)
        self._previous = self.previous.pages
        self.world = ""
        self.findings: dict[str, str] = {}
        self.backlog = False
        self.notes: list[str] = []

    def __enter__(self) -> SiteWriter:
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            for leftover in (self.temp, self.old):
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover)
            self.temp.mkdir()
        except OSError as error:
            raise self._error(error) from None
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _tb: Any) -> None:
        if kind is None:
            return
        shutil.rmtree(self.temp, ignore_errors=True)
        if self.old.exists() and not self.out.exists():
            os.replace(self.old, self.out)
        if isinstance(error, OSError):
            raise self._error(error) from None

    def _error(self, error: OSError) -> SiteError:
        return SiteError(f"cannot write the site to {self.out}: {error.strerror or error}")

    def _target(self, rel: str) -> str:
        """Where `rel` goes in the temporary folder (a plain relative path, checked)."""
        plain(rel)
        folder, _, _ = rel.rpartition("/")
        if folder and folder not in self._dirs:
            (self.temp / folder).mkdir(parents=True, exist_ok=True)
            self._dirs.add(folder)
        target = f"{self._temp}/{rel}"
        if rel in self._written:  # the same path twice (duplicate ids): the last one wins
            # (FileNotFoundError: a link from the previous site that failed)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
        else:
            self._written.add(rel)
            self.count += 1
        return target

    def written(self, paths: list[str]) -> Written:
        """What this process wrote at `paths` (for `merge` in the process that commits)."""
        return [(rel, self._pages.get(rel)) for rel in paths]

    def merge(self, written: Written) -> None:
        """Take in what a forked worker wrote (its `written()`); what this process wrote
        itself changes nothing."""
        for rel, page in written:
            if page is not None:
                self._pages[rel] = page
            if rel not in self._written:
                self._written.add(rel)
                self.count += 1

    def put(self, rel: str, data: bytes) -> None:
        write_file(self._target(rel), data)

    def reuse(self, rel: str) -> bool:
        """Link the page `rel` from the previous site as it is (its inputs are known to be
        unchanged); False when the previous site does not have it whole."""
        known = self._previous.get(rel)
        return known is not None and self._link_previous(rel, known, self._target(rel))

    def _link_previous(self, rel: str, known: tuple[str, int], target: str) -> bool:
        """Hard-link `rel` from the previous site to `target` when it is there whole (the
        size recorded, not a symbolic link); False when it is not."""
        try:
            source = f"{self._out}/{rel}"
            stat = os.lstat(source)
            if stat.st_size != known[1] or S_ISLNK(stat.st_mode):
                return False
            os.link(source, target)
        except OSError:
            return False
        self._pages[rel] = known
        return True

    def page(self, rel: str, fingerprint: str, render: Callable[[], str]) -> None:
        """The page `rel`: linked from the previous site when its fingerprint is unchanged,
        else rendered by `render()` and written."""
        target = self._target(rel)
        known = self._previous.get(rel)
        if known is not None and known[0] == fingerprint and self._link_previous(rel, known, target):
            return
        data = render().encode()
        write_file(target, data)
        self._pages[rel] = (fingerprint, len(data))

    def commit(self, progress: Progress | None = None) -> None:
        """Write the manifest and swap the new site in."""
        manifest = {
            "format": FORMAT, "world": self.world, "findings": self.findings,
            "backlog": self.backlog, "notes": self.notes,
            "pages": {rel: list(v) for rel, v in sorted(self._pages.items())},
        }
        text = json.dumps(manifest, sort_keys=True, separators=(",", ":")) + "\n"
        self.put(MANIFEST, text.encode())
        if progress:
            progress("write", self.count, self.count)
        if self.out.exists():
            os.replace(self.out, self.old)
        os.replace(self.temp, self.out)
        shutil.rmtree(self.old, ignore_errors=True)


def write_file(path: str, data: bytes) -> None:
    """Write a new file (`open` and `write` without the layers of `Path.write_bytes`)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


@dataclass(slots=True)
class Manifest:
    """What the previous build recorded: each page's fingerprint and size, the digest of
    everything the site shows but validation's findings (`world`), a digest of the
    findings of each file that had any, whether it had a backlog page and its notes."""

    pages: dict[str, tuple[str, int]] = field(default_factory=dict)
    world: str = ""
    findings: dict[str, str] = field(default_factory=dict)
    backlog: bool | None = None
    """Whether that site had a backlog page."""
    notes: list[str] = field(default_factory=list)
    """What that build noted (a page left out, and why)."""


def read_manifest(out: Path) -> Manifest:
    """The previous build's manifest in `out` (an empty one when unreadable)."""
    try:
        manifest = json.loads((out / MANIFEST).read_text("utf-8"))
        if manifest.get("format") != FORMAT or not (out / MARKER).is_file():
            return Manifest()
        return Manifest(
            pages={str(rel): (str(v[0]), int(v[1])) for rel, v in manifest["pages"].items()},
            world=str(manifest["world"]),
            findings={str(k): str(v) for k, v in manifest["findings"].items()},
            backlog=manifest["backlog"] if isinstance(manifest["backlog"], bool) else None,
            notes=[str(note) for note in manifest["notes"]],
        )
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return Manifest()
