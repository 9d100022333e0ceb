"""Find a bank's YAML files and read each one into records and findings."""

from __future__ import annotations

import fnmatch
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.load import agreement
from journeyops_cli.load.codes import CODES
from journeyops_cli.load.messages import _did_you_mean, problems_from
from journeyops_cli.load.positions import Locator
from journeyops_cli.load.yaml_read import parse
from journeyops_cli.models import KINDS
from journeyops_cli.models.base import Record, Reference, references_in
from journeyops_cli.models.config import CONFIG_FILE, LimitsConfig
from journeyops_cli.models.journey import Journey
from journeyops_cli.models.lanes import Lanes, check_steps, split_steps, values_model

YAML_SUFFIXES = (".yaml", ".yml")
NO_LANES: Lanes = {}
SKIPPED_FOLDERS = {"node_modules", "__pycache__"}
TEMPLATES_FOLDER = "templates"
"""The bank's own templates for `new` (`scaffold/bank_templates.py`): not records."""
BOM = b"\xef\xbb\xbf"
SUPPRESSION_MARKER = b"journeyops:"


@dataclass(frozen=True, slots=True)
class Unloaded:
    """A record that is in a file but did not load (its own finding says why), as far as
    it could be read: references to it are not reported as dangling ("unknown, not
    missing"), and the references its raw data makes are still checked."""

    path: str
    document: int
    kind: str | None  # None: not a known kind, or not readable
    id: str | None
    references: tuple[Reference, ...] = ()

    def stand_in(self) -> Record:
        """A record without data, in this one's place (to place findings on it)."""
        record = Record.model_construct(kind=self.kind or "", id=self.id or "")
        record._path = self.path
        record._document = self.document
        return record


@dataclass(frozen=True, slots=True)
class Unread:
    """The kinds and ids (`kind: X`, `id: x`) that the part of a file which could not be
    parsed names: which records it may hold. None: nothing of it could be read, any
    record may be there."""

    kinds: frozenset[str] | None
    ids: frozenset[str] | None

    def may_hold(self, kind: str | None, record_id: str | None = None) -> bool:
        kinds, ids = self.kinds, self.ids
        return (kind is None or kinds is None or kind in kinds) and (
            record_id is None or ids is None or record_id in ids
        )


UNKNOWN = Unread(None, None)


@dataclass(slots=True)
class FileResult:
    """What one file held: its records, and what was wrong with it."""

    path: str
    records: list[Record] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # Records that are in the file but did not load (YAML, kind or schema problems).
    unloaded: list[Unloaded] = field(default_factory=list)
    # What the part of the file that could not be read names (None: all of it was read).
    unread: Unread | None = None
    # The lines that hold `journeyops:` (an inline suppression may be in them;
    # lint/suppress.py), as (1-based line number, line): the bank's files are not read
    # again after loading.
    comments: list[tuple[int, str]] = field(default_factory=list)
    # blake2b of the bytes loaded (None when they could not be read): what the load cache
    # and the places memo (speed/places.py) know the content by.
    digest: bytes | None = None


def digest_of(data: bytes) -> bytes:
    """The digest a file's content is known by in the caches."""
    return hashlib.blake2b(data, digest_size=16).digest()


def finding(
    code: str,
    path: str,
    line: int,
    column: int,
    message: str,
    hint: str | None = None,
    severity: Severity | None = None,
) -> Finding:
    """A finding of the loader: its severity (unless given) and name from `load/codes.py`."""
    known = CODES[code]
    return Finding(code, severity or known.severity, path, line, column, message, hint, known.name)


@dataclass(slots=True)
class Discovery:
    """The YAML files of a bank (bank-relative POSIX paths) and what could not be read."""

    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def discover(root: Path, exclude: list[str], site_out: str | None = None) -> Discovery:
    """Every `*.yaml`/`*.yml` file under `root`, sorted; hidden folders, the site output,
    the bank's own templates (`templates/`), excluded globs and folder symlinks are skipped;
    links leaving the bank are reported."""
    found = Discovery()
    root = root.resolve()
    base = str(root) + os.sep
    skip_dirs = {TEMPLATES_FOLDER, *([site_out.strip("/")] if site_out else [])}
    pending = [""]
    while pending:
        rel_dir = pending.pop()
        try:
            with os.scandir(base + rel_dir if rel_dir else root) as listing:
                entries = sorted(listing, key=_name)
        except OSError as error:
            found.findings.append(
                finding("JO008", rel_dir or ".", 1, 1, f"folder cannot be read: {error.strerror}")
            )
            continue
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if entry.name.startswith(".") or (exclude and _excluded(rel, exclude)):
                continue
            if entry.is_symlink():
                _symlink(root, rel, entry, found)
                continue
            if entry.is_dir(follow_symlinks=False):
                if entry.name in SKIPPED_FOLDERS or rel in skip_dirs:
                    continue
                pending.append(rel)
            elif entry.name.endswith(YAML_SUFFIXES) and rel != CONFIG_FILE:
                found.files.append(rel)
    found.files.sort()
    return found


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _excluded(rel: str, patterns: list[str]) -> bool:
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatchcase(rel, pattern) or rel.startswith(pattern + "/"):
            return True
    return False


def _symlink(root: Path, rel: str, entry: os.DirEntry[str], found: Discovery) -> None:
    try:
        target = Path(entry.path).resolve(strict=True)
    except (OSError, RuntimeError):
        found.findings.append(
            finding("JO008", rel, 1, 1, "symbolic link is broken or loops; skipped")
        )
        return
    if target.is_dir():
        found.findings.append(
            finding("JO008", rel, 1, 1, "folder links are not followed; skipped",
                    "move the folder into the bank or list it in `exclude`",
                    severity=Severity.INFO)
        )
        return
    if not entry.name.endswith(YAML_SUFFIXES):
        return
    if not target.is_relative_to(root):
        found.findings.append(
            finding("JO008", rel, 1, 1, "symbolic link leads outside the bank; skipped")
        )
        return
    found.files.append(rel)


def read_text(root: Path, rel: str, limits: LimitsConfig) -> tuple[str | None, list[Finding]]:
    """The file's text, or findings saying why it cannot be read as YAML text."""
    data, findings, _ = read_bytes(root, rel, limits)
    if data is None:
        return None, findings
    return decode_text(rel, data)


def too_large(size: int, limit: int) -> str:
    """What the loader says of a file over `limits.max_file_bytes` (it is not parsed)."""
    return f"file is {size:,} bytes, more than the limit of {limit:,}"


def read_bytes(
    root: Path, rel: str, limits: LimitsConfig
) -> tuple[bytes | None, list[Finding], os.stat_result | None]:
    """The file's bytes and its stat (the cache keys on it), or findings saying why it
    cannot be read."""
    path = f"{root}{os.sep}{rel}"
    limit = limits.max_file_bytes
    try:
        stat = os.stat(path)
        size = stat.st_size
        if size <= limit:
            with open(path, "rb") as handle:
                # Ask for what stat promised plus one byte (a buffer of the limit's size
                # would cost more than the read); a file that grew meanwhile is read on
                # up to the limit.
                data = handle.read(size + 1)
                if len(data) > size:
                    data += handle.read(limit + 1 - len(data))
            size = len(data)
        if size > limit:
            return None, [
                finding(
                    "JO009", rel, 1, 1, too_large(size, limit),
                    "split it into smaller files, or raise limits.max_file_bytes in journeyops.yaml",
                )
            ], stat
    except OSError as error:
        return None, [finding("JO002", rel, 1, 1, f"file cannot be read: {error.strerror}")], None
    return data, [], stat


def decode_text(rel: str, data: bytes) -> tuple[str | None, list[Finding]]:
    """The text of a file's bytes (UTF-8, a BOM warned about), or why it has none."""
    findings: list[Finding] = []
    if data.startswith(BOM):
        data = data[3:]
        findings.append(
            finding("JO004", rel, 1, 1, "file starts with a byte order mark (BOM)",
                    "save the file as UTF-8 without BOM")
        )
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [finding("JO002", rel, 1, 1, "file is UTF-16, not UTF-8",
                              "save the file as UTF-8")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            finding("JO002", rel, line, column,
                    f"file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
                    "save the file as UTF-8")
        ]
    return text, findings


def load_bytes(rel: str, data: bytes | None, findings: list[Finding], limits: LimitsConfig) -> FileResult:
    """Records and findings of a file already read by `read_bytes`."""
    result = FileResult(rel, findings=list(findings))
    if data is None:
        result.unread = UNKNOWN if findings else None
        return result
    text, decoded = decode_text(rel, data)
    result.findings.extend(decoded)
    if text is not None:
        if SUPPRESSION_MARKER in data:
            result.comments = marked_lines(text)
        load_text(text, rel, limits, result)
    else:  # not UTF-8: what it names can still be read, give or take a letter
        result.unread = named(data.decode("utf-8", "replace"))
    return result


def marked_lines(text: str) -> list[tuple[int, str]]:
    """(1-based number, line) of every line of `text` that holds `journeyops:`."""
    marker = SUPPRESSION_MARKER.decode()
    return [(number, line) for number, line in enumerate(text.splitlines(), start=1) if marker in line]


def load_text(text: str, rel: str, limits: LimitsConfig, result: FileResult) -> None:
    parsed = parse(text, max_depth=limits.max_depth, max_aliases=limits.max_aliases)
    for problem in parsed.problems:
        result.findings.append(
            finding(problem.code, rel, problem.line, problem.column, problem.message, problem.hint)
        )
    for failed in parsed.failed:
        _unloaded(result, failed.index, failed.kind, failed.id)
    if parsed.unread_from is not None:
        result.unread = named(text[parsed.unread_from:])
    if not parsed.problems and agreement.needs_check(text):
        for problem in agreement.disagreements(text):
            result.findings.append(
                finding(problem.code, rel, problem.line, problem.column, problem.message, problem.hint)
            )
    documents = [d for d in parsed.documents if d.data is not None]
    if not documents and not parsed.problems:
        result.findings.append(
            finding("JO010", rel, 1, 1, "file holds no records",
                    "add a record with `kind` and `id`, or delete the file")
        )
        return
    locator = Locator(text)
    for document in documents:
        data = document.data
        if not isinstance(data, dict):
            what = "a list" if isinstance(data, list) else f"a single value ({data!r})"
            result.findings.append(
                finding("JO011", rel, document.line, 1,
                        f"a record must be a mapping with `kind` and `id`, not {what}")
            )
            continue
        kind = data.get("kind")
        model = KINDS.get(kind) if isinstance(kind, str) else None
        if model is None:
            line, column = locator.locate(document.index, ("kind",), "value")
            if kind is None:
                message, hint = "record has no `kind`", "kinds: " + ", ".join(KINDS)
            else:
                message = f"unknown kind {kind!r}"
                hint = _did_you_mean(str(kind), list(KINDS)) or "kinds: " + ", ".join(KINDS)
            result.findings.append(finding("JO012", rel, line, column, message, hint))
            _unloaded(result, document.index, None, data.get("id"))
            continue
        lane_values = None
        lanes = limits.lanes if model is Journey else NO_LANES  # only a journey's steps hold lanes
        if lanes:
            data, lane_values = _lane_values(data, lanes, rel, document.index, locator, result)
        try:
            record = model.model_validate(data)
        except ValidationError as error:
            problems = problems_from(error, data, model, lanes)
            for schema_problem in problems:
                line, column = locator.locate(
                    document.index, schema_problem.path, schema_problem.target
                )
                result.findings.append(
                    finding("JO020", rel, line, column, schema_problem.message, schema_problem.hint)
                )
            # Its references are checked all the same, but for those the schema refuses.
            wrong = [p.path for p in problems if p.path]
            references = tuple(
                ref for ref in references_in(data, model.REFERENCES)
                if not any(ref[0][: len(path)] == path for path in wrong)
            )
            _unloaded(result, document.index, model.KIND, data.get("id"), references)
            continue
        record._path = rel
        record._document = document.index
        if lane_values is not None:
            record._lanes = lane_values  # type: ignore[attr-defined]
        result.records.append(record)


def _lane_values(
    data: dict[str, Any], lanes: Lanes, rel: str, index: int, locator: Locator, result: FileResult
) -> tuple[dict[str, Any], tuple[dict[str, Any], ...] | None]:
    """A journey's data without the values of the bank's own lanes, and those values of
    each step that fit their lanes (None when no step has any); a value that does not fit
    is a JO021 finding of `result` and is left out."""
    steps = data.get("steps")
    if type(steps) is not list or not any(type(step) is dict and not lanes.keys().isdisjoint(step) for step in steps):
        return data, None
    own_steps, written = split_steps(steps, lanes)
    values, errors = check_steps(written, lanes)
    for number, error in errors:
        for problem in problems_from(error, written[number], values_model(lanes)):
            line, column = locator.locate(index, ("steps", number, *problem.path), problem.target)
            result.findings.append(finding("JO021", rel, line, column, problem.message, problem.hint))
    return {**data, "steps": own_steps}, (tuple(values) if any(values) else None)


def _unloaded(
    result: FileResult, document: int, kind: Any, record_id: Any, references: tuple[Reference, ...] = ()
) -> None:
    """Note a record of the file that did not load, with what could be read of it."""
    kind = kind if isinstance(kind, str) and kind in KINDS else None
    record_id = record_id if isinstance(record_id, str) else None
    if kind is not None or record_id is not None or references:
        result.unloaded.append(Unloaded(result.path, document, kind, record_id, references))


# `kind: X` and `id: x` as keys of a block or flow mapping.
_NAMED = {
    key: re.compile(rf"""(?:^|[\s{{,]){key}[ \t]*:[ \t]*["']?({value})(?=["']?[ \t]*(?:[,}}#\r\n]|$))""", re.MULTILINE)
    for key, value in (("kind", "[A-Za-z]+"), ("id", "[a-z0-9][a-z0-9-]{0,63}"))
}


def named(text: str) -> Unread:
    """The kinds and ids that text which could not be parsed names: the records it may
    hold. Not a parser: only a way to know which references may point into it."""
    return Unread(frozenset(_NAMED["kind"].findall(text)), frozenset(_NAMED["id"].findall(text)))


def failed_to_load(files: list[str]) -> str:
    """What a finding that may follow from files failing to load adds to its message."""
    if not files:
        return ""
    others = len(files) - 1
    named = files[0] + (f" and {others} other file{'s' if others > 1 else ''}" if others else "")
    return f" (perhaps because {named} failed to load)"
