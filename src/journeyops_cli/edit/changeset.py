"""A set of edits to several files of a bank, checked as a whole before any is written.

Imports change many records at once. Each record edit goes through `fields.apply_edits`
(checked on its own); then the whole bank is validated with the changes in place, in a
scratch copy, and a change that brings a new error is refused with that error. Only
then are the files written, all or nothing (`atomic.write_files`); nothing is written
when anything is refused or a write fails.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from journeyops_cli.edit.atomic import FileWrite, write_files
from journeyops_cli.edit.fields import Edit, append_documents, apply_edits
from journeyops_cli.edit.textfile import TextFile, read
from journeyops_cli.models.base import Record
from journeyops_cli.models.config import CONFIG_FILE, LimitsConfig

if TYPE_CHECKING:
    from journeyops_cli.pipeline import Loaded


@dataclass(slots=True)
class FileChange:
    """The new text of one file, and what changed in it (one line per record change)."""

    path: str
    original: TextFile | None
    """None for a new file."""
    _text: str
    """Its text (`text`)."""
    what: list[str] = field(default_factory=list)
    lines: int | None = None
    """For a new file of records written by `records_yaml` (which checked each distinct
    line it wrote) and validated with their model (`edit/records.py`): the lines its text
    must have. Such a file is checked by that count instead of being read back (None:
    read it back)."""
    moved_to: str | None = None
    """The file's new path when it is renamed (`Changeset.move`)."""
    data: list[bytes] | None = None
    """A new file's content as UTF-8 in pieces joined with `---` lines, where its records
    came so (`Changeset.add_encoded`): checked and written as they are, never joined
    (`parts`), and its text decoded only where it is read."""

    @property
    def text(self) -> str:
        if self.data is not None and not self._text:
            self._text = b"---\n".join(self.data).decode("utf-8")
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text, self.data = value, None

    def encoded(self) -> bytes:
        """The file's new content, as it is written (in the original's encoding and line
        endings, if there is one)."""
        if self.data is not None:
            return b"---\n".join(self.data)
        return self.original.encode(self._text) if self.original else self._text.encode("utf-8")

    def parts(self) -> tuple[bytes, ...]:
        """`encoded` in the parts it is written in, one after another (a new file's pieces
        and the `---` lines between them: 31 MB not copied once more to be joined)."""
        if self.data is None:
            return (self.encoded(),)
        parts = [b"---\n"] * (2 * len(self.data) - 1)
        parts[::2] = self.data
        return tuple(parts)


@dataclass(slots=True)
class Changeset:
    """Planned changes to the files of the bank at `root`."""

    root: Path
    limits: LimitsConfig
    files: dict[str, FileChange] = field(default_factory=dict)

    def _file(self, path: str) -> FileChange:
        if path not in self.files:
            full = self.root / path
            if full.exists():
                original = read(full, path)
                self.files[path] = FileChange(path, original, original.text)
            else:
                self.files[path] = FileChange(path, None, "")
        return self.files[path]

    def edit(self, record: Record, edits: list[Edit], what: str) -> None:
        """Make `edits` to `record` (checked now; written by `write`)."""
        self.edit_document(record.source_path, record.source_document, edits, what)

    def edit_document(self, path: str, document: int, edits: list[Edit], what: str, records: bool = True) -> None:
        """Make `edits` to document `document` of the file `path` (a record; with `records`
        False, the config's one document, checked as config by `new_errors`), checked now;
        written by `write`."""
        if not edits:
            return
        change = self._file(path)
        newline = change.original.newline if change.original else "\n"
        change.text = apply_edits(change.text, document, edits, newline, path, self.limits, records)
        change.what.append(what)

    def edit_text(self, path: str, edit: Callable[[str], str], what: str) -> None:
        """Change the text of the existing file `path` (not a record file: the config) with
        `edit`, which checks its own result."""
        change = self._file(path)
        change.text = edit(change.text)
        change.what.append(what)

    def move(self, path: str, new_path: str, what: str) -> None:
        """Rename the existing file `path` to `new_path` (with any edits made to it), in the
        same all-or-nothing write; the new path must not exist then."""
        change = self._file(path)
        if change.original is None:
            raise ValueError(f"{path}: only an existing file can be moved")
        change.moved_to = new_path
        change.what.append(what)

    def add(self, path: str, records: list[str], what: str, lines: list[int] | None = None) -> None:
        """Add records (the YAML text of one mapping each, or of several joined with `---`
        lines, as `import insights` gives a file's) to the file `path`, new or existing.
        `lines`: the records were written by `records_yaml` (each text this many lines, its
        lines checked there) and validated with their model (`edit/records.py`), so a new
        file is checked by its count of lines alone (an existing one is always read back,
        and so is a file with a record of 0 lines: one `records_yaml` could not vouch for)."""
        change = self._file(path)
        fresh = change.original is None and (not change.text or change.lines is not None)
        if not fresh or lines is None or 0 in lines:
            change.lines = None
        elif records:  # and a `---` line between two records
            change.lines = (change.lines or 0) + sum(lines) + len(records) - (1 if not change.text else 0)
        newline = change.original.newline if change.original else "\n"
        change.text = append_documents(change.text, records, newline)
        change.what.append(what)

    def add_encoded(self, path: str, records: list[bytes], what: str, lines: list[int] | None = None) -> None:
        """`add` for records given as UTF-8 (LF line endings), as an import of many rows
        makes them in its workers: to a new file that holds nothing else, records that
        `lines` vouches for are kept as they are, checked and written without a text made
        of them (an import of 100,000 rows: 0.019 s of encoding 31 MB less); to any other
        file they are added as text."""
        change = self._file(path)
        if change.original is not None or change._text or lines is None or 0 in lines or not records:
            self.add(path, [record.decode("utf-8") for record in records], what, lines)
            return
        before = change.data or []
        # A `---` line between two records, the last before and the first of these too.
        change.lines = (change.lines or 0) + sum(lines) + len(records) - (0 if before else 1)
        change.data = [*before, *records]
        change.what.append(what)

    def file_errors(self, workers: int | None = None) -> list[str]:
        """Errors the read path finds in the changed files, each read back on its own
        (`path:line:col: message`). Many large files (an import of 100,000 rows) are read
        back by the one executor (`speed/executor.py`: this process and forked workers at
        once; `workers=1` reads them here), with the cyclic garbage collector paused; the
        result does not depend on which process read a file."""
        from journeyops_cli.edit.lines import count_problem
        from journeyops_cli.edit.verify import errors_in
        from journeyops_cli.load.files import too_large
        from journeyops_cli.speed.executor import executor_for, gc_paused

        changed = self.changed
        # Counting the lines (`lines`) costs next to nothing beside a read back.
        large = sum(len(c.text) for c in changed if c.lines is None) >= PARALLEL_MIN_CHARS
        runner = executor_for(len(changed) if large else 1, workers)

        def errors(change: FileChange) -> list[str]:
            if change.data is not None:  # its pieces and the `---` lines between them
                size = sum(map(len, change.data)) + 4 * (len(change.data) - 1)
            else:  # a character is at most 4 bytes of UTF-8: a text that short needs no encoding to know
                size = len(change.text) * 4 if change.original is None else -1
                if size > self.limits.max_file_bytes or size < 0:
                    size = len(change.encoded())
            if size > self.limits.max_file_bytes:  # the loader would not read it
                return [f"{change.path}:1:1: {too_large(size, self.limits.max_file_bytes)}"]
            if change.lines is not None:
                problem = count_problem(change.parts() if change.data is not None else change.text, change.lines)
                return [] if problem is None else [f"{change.path}:{problem[0]}:1: {problem[1]}"]
            return [f"{change.path}:{error}" for error in errors_in(change.text, change.path, self.limits)]

        with gc_paused():
            return [error for found in runner.map(errors, changed) for error in found]

    @property
    def changed(self) -> list[FileChange]:
        return [c for c in self.files.values()
                if c.original is None or c.moved_to is not None or c.text != c.original.text]

    def new_errors(self) -> list[str]:
        """Errors `validate` reports for the bank with these changes and not without them,
        as `path:line:col: CODE message`."""
        from journeyops_cli.findings import Severity
        from journeyops_cli.pipeline import validate

        # A moved file's errors are known by its old path (an error it had stays old).
        was = {c.moved_to: c.path for c in self.changed if c.moved_to is not None}

        def errors(root: Path) -> dict[tuple[str, str, str], str]:
            result = validate(root)
            return {
                (was.get(f.path, f.path), f.code, f.message): f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"
                for f in result.findings
                if f.severity >= Severity.ERROR
            }

        with _no_cache():
            before = errors(self.root)
            with tempfile.TemporaryDirectory(prefix="journeyops-import-") as scratch:
                copy = Path(scratch) / "bank"
                self._copy_with_changes(copy)
                after = errors(copy)
        return [message for key, message in sorted(after.items()) if key not in before]

    def new_errors_judged(self, loaded: Loaded) -> list[str] | None:
        """What `new_errors` gives, judged from `loaded` (this bank as it is now, loaded
        with its findings) at the cost of what the change touches: the rules that report
        errors run once on the whole bank and then again only where the change reaches
        (`rules/incremental`, as the studio judges a save), with no second load and no
        scratch copy. None when the change edits journeyops.yaml (the rules' plan itself
        may change): then `new_errors` must judge it."""
        from journeyops_cli.bank.replace import replaced
        from journeyops_cli.findings import Finding, Severity
        from journeyops_cli.load.files import FileResult, digest_of, load_bytes
        from journeyops_cli.rules.engine import Selection, plan
        from journeyops_cli.rules.incremental import lint_all, lint_change

        changed = self.changed
        if any(c.path == CONFIG_FILE for c in changed):
            return None
        bank = loaded.bank
        whole = plan(bank.config, Selection(), self.root)
        chosen = whole.only({rule.code for rule in whole.rules if rule.effective_severity >= Severity.ERROR})
        before = lint_all(bank, loaded.findings, loaded.files, chosen)
        new: dict[str, FileResult | None] = {}
        texts: dict[str, bytes] = {}
        for c in changed:
            data = c.encoded()
            target = c.moved_to or c.path
            if c.moved_to is not None:
                new[c.path] = None
            result = new[target] = load_bytes(target, data, [], self.limits)
            if bank.digests:
                result.digest = digest_of(data)
            texts[target] = data
        change = replaced(bank, new)
        after_loaded = [item for item in loaded.findings if item.path not in new]
        after_loaded += [item for result in new.values() if result is not None for item in result.findings]
        files = sorted((set(loaded.files) - set(new)) | {path for path, result in new.items() if result is not None})
        after = lint_change(before, change, after_loaded, files, texts)
        was = {c.moved_to: c.path for c in changed if c.moved_to is not None}

        def key(item: Finding) -> tuple[str, str, str]:
            return (was.get(item.path, item.path), item.code, item.message)

        old = {key(item) for item in before.findings if item.severity >= Severity.ERROR}
        found = {key(item): f"{item.path}:{item.line}:{item.column}: {item.code} {item.message}"
                 for item in after.findings if item.severity >= Severity.ERROR}
        return [message for k, message in sorted(found.items()) if k not in old]

    def _copy_with_changes(self, copy: Path) -> None:
        from journeyops_cli.load.files import discover
        from journeyops_cli.pipeline import load_config

        config = load_config(self.root)
        found = discover(self.root, config.exclude, config.site.out)
        copy.mkdir()
        moved = {c.path for c in self.changed if c.moved_to is not None}
        for rel in [CONFIG_FILE, *found.files]:
            if rel in moved:
                continue
            target = copy / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.root / rel, target)
        for change in self.changed:
            target = copy / (change.moved_to or change.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(change.encoded())

    def write(self) -> None:
        """Write every changed file, all or nothing (`atomic.write_files`: new files are
        never overwritten, a moved file is created under its new name and removed under
        its old one; a failure leaves every file as it was)."""
        writes: list[FileWrite] = []
        for c in self.changed:
            if c.original is None:
                writes.append(FileWrite(self.root / c.path, c.parts(), c.path, create=True))
            elif c.moved_to is not None:
                writes.append(FileWrite(self.root / c.moved_to, c.encoded(), c.moved_to, create=True))
                writes.append(FileWrite(self.root / c.path, b"", c.path, remove=True))
            else:
                writes.append(FileWrite(self.root / c.path, c.encoded(), c.path))
        write_files(writes)


# Changed text at least this long is read back with every CPU (forking costs ~50 ms).
PARALLEL_MIN_CHARS = 2_000_000


@contextmanager
def _no_cache() -> Iterator[None]:
    """Checks must not leave a cache in the bank (an import changes no file it does not edit)."""
    from journeyops_cli.pipeline import NO_CACHE_ENV

    old = os.environ.get(NO_CACHE_ENV)
    os.environ[NO_CACHE_ENV] = "1"
    try:
        yield
    finally:
        if old is None:
            del os.environ[NO_CACHE_ENV]
        else:
            os.environ[NO_CACHE_ENV] = old
