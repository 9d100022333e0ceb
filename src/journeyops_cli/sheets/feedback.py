"""`import insights`: the rows of a feedback or survey export become insights.

A profile (from `import:` in journeyops.yaml, or made on the command line) says which column
holds what. Each row gets a stable id from its content (or from an id column), so a
re-import adds only new rows. Personal data is found with the privacy rules' own detectors
(and their `allow` lists): the row is refused, or the data masked, as the profile says.
Rows go into multi-document files, one per month or per source, appended when the file
exists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import accumulate, compress, pairwise, repeat
from operator import add, itemgetter
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.edit.fields import Distinct, Written, distinct_columns, records_yaml
from journeyops_cli.edit.records import invalid
from journeyops_cli.models import Insight
from journeyops_cli.models.config_import import STEP_SEPARATORS, ImportProfile
from journeyops_cli.rules.privacy.scan import ANY_HINT, PersonalDataRule, may_hold
from journeyops_cli.sheets.layout import CHOICES
from journeyops_cli.sheets.rows import Rows, filled
from journeyops_cli.sheets.values import parse_date
from journeyops_cli.slug import all_slugs, is_slug, slugify
from journeyops_cli.speed.executor import gc_paused

MAX_RECORDS_PER_FILE = 2000  # keeps each file far below the loader's size limit
_SENTENCE_END = re.compile(r"[.!?]\s")


@dataclass(slots=True)
class Planned:
    """New insights by file, and what the rows had to say."""

    files: dict[str, list[bytes]] = field(default_factory=dict)
    """Bank-relative path -> the YAML of its new records in UTF-8, in pieces to be joined
    with `---` lines (`Changeset.add_encoded` takes them as it takes a list of records;
    how the records are cut in pieces depends on how the rows were sliced: `joined`)."""
    lines: dict[str, list[int]] = field(default_factory=dict)
    """Bank-relative path -> the lines of each piece (`Changeset.add_encoded`; 0s when a
    record of it is not one `records_yaml` vouched for)."""
    counts: dict[str, int] = field(default_factory=dict)
    """Bank-relative path -> how many new records its text holds."""
    ids: list[str] = field(default_factory=list)
    skipped: int = 0
    """Rows already in the bank (same id)."""
    masked: int = 0
    problems: list[str] = field(default_factory=list)

    def joined(self) -> Planned:
        """The same plan with each file's pieces joined: what any slicing of the rows plans."""
        return replace(self, files={path: [b"---\n".join(pieces)] for path, pieces in self.files.items()},
                       lines={path: [sum(lines) + len(lines) - 1 if 0 not in lines else 0]
                              for path, lines in self.lines.items()})


class _Privacy:
    """The active privacy rules of the bank: their detectors, masks and allow lists. Each
    rule's own pre-filter (`hint`: an `@`, or three digits) decides whether it looks at a
    text at all, as in the rules."""

    def __init__(self, bank: Bank) -> None:
        from journeyops_cli.pipeline import Selection
        from journeyops_cli.rules.engine import active_rules

        self.rules = [r for r in active_rules(bank, Selection()) if isinstance(r, PersonalDataRule)]
        self._scans = [(None if r.hint is None else r.hint.search, r) for r in self.rules]
        self._hint = ANY_HINT.search

    def hits(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, what, mask) of each personal datum in `text`."""
        if self._hint(text) is None:
            return []  # no `@` and no three digits: no detector can match (as in the rules)
        found = []
        for hint, rule in self._scans:
            if hint is None or hint(text) is not None:
                found += [(start, end, rule.what, rule.mask) for start, end in rule.spans(text)]
        return sorted(found) if len(found) > 1 else found

    def mask(self, text: str, hits: list[tuple[int, int, str, str]] | None = None) -> tuple[str, int]:
        """`text` with each personal datum masked (`hits`: its `hits`, when known), and how
        many they were."""
        hits = self.hits(text) if hits is None else hits
        for start, end, _, mask in reversed(hits):
            text = text[:start] + mask + text[end:]
        return text, len(hits)


def stable_ids(prefix: str, dates: list[dt.date], sources: list[str], summaries: list[str],
               given: list[str | None]) -> list[str]:
    """The id of each row (the same row gives the same id in every run): from an id column
    where there is one, else from the row's date, source and summary (one hash a row)."""
    # Each day's start of the hashed text, and of the id.
    days = {date: (f"{date.isoformat()}\x1f", f"{prefix}-{date.isoformat().replace('-', '')}-") for date in set(dates)}
    sha1 = hashlib.sha1
    if not any(given):  # no id column (the usual case): one comprehension, no branch a row
        heads = {date: head for date, (head, _) in days.items()}
        starts = {date: start for date, (_, start) in days.items()}
        return [start + sha1(f"{head}{source}\x1f{summary}".encode()).hexdigest()[:10] for start, head, source, summary
                in zip(map(starts.__getitem__, dates), map(heads.__getitem__, dates), sources, summaries, strict=True)]
    out, separator = [], "\x1f"
    for date, source, summary, name in zip(dates, sources, summaries, given, strict=True):
        if name:
            out.append(f"{prefix}-{slugify(name)}"[:64].rstrip("-"))
            continue
        day, start = days[date]
        out.append(start + sha1(f"{day}{source}{separator}{summary}".encode()).hexdigest()[:10])
    return out


TITLE_MOST = 80


def titles_from(summaries: list[str], stripped: bool = False) -> list[str]:
    """The title of each summary: its first sentence, at most TITLE_MOST characters (one
    shortened ends with "…"; `stripped`: the summaries are, no white space at either end).
    A sentence's end is looked for only where a title can end (a longer first sentence is
    cut there anyway), and each title is made in a comprehension, not a call a summary
    (a test holds it to `_SENTENCE_END`'s first match in the whole text)."""
    search, end = _SENTENCE_END.search, TITLE_MOST + 1
    firsts = [text if (found := search(text, 0, end)) is None else text[:found.start() + 1]
              for text in (summaries if stripped else map(str.strip, summaries))]
    return [first if len(first) <= TITLE_MOST else first[:TITLE_MOST - 1].rstrip() + "…" for first in firsts]


def plan_insights(bank: Bank, rows: Rows, profile: ImportProfile, name: str, default_source: str,
                  workers: int | None = None, slice_rows: int | None = None) -> Planned:
    """The new insights of `rows`; each problem is `FILE:7: message`. `workers` and
    `slice_rows`: see `_plan_rows` (they change how fast, not what)."""
    out = Planned()
    prefix = profile.prefix or slugify(name)[:24].rstrip("-") or "import"
    columns: dict[str, int] = {}
    for key, header in profile.columns.items():
        if header not in rows.header:
            out.problems.append(f"{rows.where(-1, 0)}: no column '{header}' (for {key}); "
                                f"the columns are {', '.join(rows.header)}")
        else:
            columns[key] = rows.header.index(header)
    for needed in ("date", "summary"):
        if needed not in profile.columns:
            out.problems.append(f"{rows.shown}: say which column holds the {needed} (--map {needed}=COLUMN)")
    if out.problems:
        return out
    for ref in profile.steps:
        if bank.step(ref) is None:
            out.problems.append(f"--link-step {ref}: no such step in the bank")
    mapper = _Mapper(bank, rows, columns, profile, prefix, default_source)
    # Many small records and texts, no cycles. Frozen at the end, as the bank is when it
    # is loaded: else the first allocation after it collects the young generation, whose
    # count went on while the collector waited, walking every object made here for no
    # garbage (100,000 rows: 7.6 ms in this process, after its workers are done).
    with gc_paused(freeze=True):
        _plan_rows(rows, profile, prefix, mapper, out, workers, slice_rows)
    return out


# Rows at least this many are planned in slices shared with forked workers (`speed/executor.py`):
# about SLICES_PER_PROCESS slices a process, smaller ones as the work runs out
# (`graded_spans`), none smaller than SLICE_LEAST rows (a slice costs about 0.5 ms beside
# its rows; 1,000 rows take 5 ms) nor larger than SLICE_MOST.
PARALLEL_MIN_ROWS = 20_000
SLICES_PER_PROCESS = 8
SLICE_LEAST = 1_000
SLICE_MOST = 10_000
WARM_ROWS = 50
SHARED_A_ROW = 1_000
SHARED_MOST = 64 << 20


def graded_spans(total: int, processes: int, least: int = SLICE_LEAST) -> list[tuple[int, int]]:
    """The (start, end) of the slices of `total` rows for this process, which takes them
    from the front, and `processes - 1` workers, which take them from the back (the
    executor): where they meet, at about `total / processes`, the slices are small, so
    that all end about together. A slice is half the rows its takers have left to take
    on their side, shared among them (guided self-scheduling), but at least `least` and
    at most a process's share over SLICES_PER_PROCESS, and SLICE_MOST (a worker's result
    of 25,000 rows, 9 MB, took it 0.04 s to pickle; four of 6,250 rows 0.01 s). 100,000
    rows on 2 CPUs: 6,250 rows a slice, then 3,125, 1,562, 1,000 and what is left, at
    either side. With uniform slices one process ended up to a slice (0.035 s) before
    the other."""
    middle = round(total / processes)
    most = max(least, min(SLICE_MOST, -(-total // (processes * SLICES_PER_PROCESS))))
    front: list[int] = []  # sizes from the front, then from the back
    back: list[int] = []
    for sizes, rows, takers in ((front, middle, 1), (back, total - middle, processes - 1)):
        while rows > 0:
            size = min(rows, most, max(least, rows // (2 * takers)))
            sizes.append(size)
            rows -= size
    ends = list(accumulate(front + back[::-1], initial=0))
    return list(pairwise(ends))


def _plan_rows(rows: Rows, profile: ImportProfile, prefix: str, mapper: _Mapper, out: Planned,
               workers: int | None = None, slice_rows: int | None = None) -> None:
    """The rows in contiguous slices, each planned on its own (`_Mapper.part`: columns,
    privacy, ids, the YAML text of the rows new to the bank), by this process and forked
    workers when there are many rows (`workers=1`: all here; `slice_rows`: the size of a
    slice); then, in row order, the rows seen twice left out, the files filled and the
    problems gathered. Slices and workers change nothing in the result: the sequential run
    of one slice is the reference (a test holds them equal)."""
    from journeyops_cli.speed.executor import cpus, executor_for

    total = len(rows.rows)
    processes = (workers or cpus()) if total >= PARALLEL_MIN_ROWS else 1
    if slice_rows is not None:
        spans = [(start, min(total, start + slice_rows)) for start in range(0, total, max(1, slice_rows))]
    else:
        spans = graded_spans(total, processes) if processes > 1 else [(0, total)]
    runner = executor_for(len(spans), workers)
    if runner.workers > 1:
        # A few rows planned before the workers fork, so that what a plan makes once (the
        # model's validators of each column) is made here once, not in every process
        # (5 ms in each); the result is thrown away.
        mapper.part((0, min(total, WARM_ROWS)))
    # A worker's slices come back through shared memory (`Forked.map`), as much as a row
    # may need (a slice of 6,250 rows: 2.3 MB).
    parts = runner.map(mapper.part, spans, shared=min(SHARED_MOST, SHARED_A_ROW * total))
    seen: set[str] = set()
    counts: dict[str, int] = {}
    bad: dict[int, str] = {}
    folder = profile.folder.strip("/")
    files: dict[tuple[str, int], _File] = {}  # (bucket, file number) -> its records so far
    whys: list[str] = []
    for number, part in enumerate(parts):
        out.skipped += part.skipped
        bad.update(part.bad)
        if seen.isdisjoint(part.ids):  # a slice's rows have distinct ids already
            kept = None
            out.ids += part.ids
            out.masked += sum(part.masked.values())
        else:  # the same row twice in one file: the first one kept
            new = [n for n, record_id in enumerate(part.ids) if record_id not in seen]
            kept = set(new)
            out.ids += map(part.ids.__getitem__, new)
            out.masked += sum(count for n, count in part.masked.items() if n in kept)
        seen.update(part.ids)
        whys += [f"{rows.where(row)}: {why}" for n, (row, why) in sorted(part.invalid.items())
                 if kept is None or n in kept]
        # Each bucket's records in row order, in files of MAX_RECORDS_PER_FILE: whole runs
        # of a slice's text at a time (a slice's bucket is one text, cut where a file ends).
        for bucket, chunk in part.chunks.items():
            if kept is not None:
                chunk = chunk.only(kept)
            done, at = counts.get(bucket, 0), 0
            counts[bucket] = done + len(chunk.numbers)
            while at < len(chunk.numbers):
                file = files.get((bucket, done // MAX_RECORDS_PER_FILE))
                if file is None:
                    file = files[bucket, done // MAX_RECORDS_PER_FILE] = _File((number, chunk.numbers[at]))
                take = min(MAX_RECORDS_PER_FILE - done % MAX_RECORDS_PER_FILE, len(chunk.numbers) - at)
                file.add(chunk, at, at + take)
                done, at = done + take, at + take
    out.problems += [bad[row] for row in sorted(bad)] + whys
    if out.problems:
        out.ids = []
        return
    # The files in the order of their first records.
    for (bucket, number), file in sorted(files.items(), key=lambda item: item[1].first):
        path = f"{folder}/{prefix}-{bucket}{f'-{number + 1}' if number else ''}.yaml"
        out.files[path] = file.pieces
        out.lines[path] = file.lines if file.vouched else [0] * len(file.lines)
        out.counts[path] = file.count


@dataclass(slots=True)
class _Chunk:
    """The records of one file bucket in a planned slice, in row order: their record
    numbers in the slice, and their YAML in UTF-8 joined with `---` lines, where each
    record starts in it (and where one more would: `starts[-1]` is its length and a
    separator's), and the lines before each (`lines[-1]`: all of them, the separators
    included); `vouched`: every record's lines were checked (`records_yaml`). UTF-8,
    made in the slice's process: what the file is written as, so this process does not
    encode the whole import's text at the end (0.019 s at 100,000 rows), and a worker's
    result pickles and loads as a copy, not a transcoding."""

    numbers: array[int]
    text: bytes
    starts: array[int]
    lines: array[int]
    vouched: bool

    @classmethod
    def of(cls, numbers: Sequence[int], texts: list[str], lines: list[int]) -> _Chunk:
        return cls._made(numbers, list(map(str.encode, map(texts.__getitem__, numbers))),
                         list(map(lines.__getitem__, numbers)))

    @classmethod
    def _made(cls, numbers: Sequence[int], records: list[bytes], counts: list[int]) -> _Chunk:
        # Arrays, not lists: a worker's few large objects pickle, and go, at once. (`add`
        # with a repeat: a bound method of an int is a slower call.)
        starts = accumulate(map(add, map(len, records), repeat(4)), initial=0)
        return cls(array("q", numbers), b"---\n".join(records), array("q", starts),
                   array("q", accumulate(map(add, counts, repeat(1)), initial=0)), 0 not in counts)

    def piece(self, start: int, end: int) -> bytes:
        """The records from `start` to `end` (all of them: no copy)."""
        if start == 0 and end == len(self.numbers):
            return self.text
        return self.text[self.starts[start]:self.starts[end] - 4]

    def only(self, kept: set[int]) -> _Chunk:
        """The chunk of the records whose numbers are in `kept`."""
        at = [n for n, number in enumerate(self.numbers) if number in kept]
        records = [self.text[self.starts[n]:self.starts[n + 1] - 4] for n in at]
        lines = [self.lines[n + 1] - self.lines[n] - 1 for n in at]
        chunk = _Chunk._made(array("q", map(self.numbers.__getitem__, at)), records, lines)
        chunk.vouched = self.vouched
        return chunk


@dataclass(slots=True)
class _File:
    """A new file's records so far: where its first record is (slice, record number), its
    pieces (`_Chunk.piece`), the lines of each, and how many records."""

    first: tuple[int, int]
    pieces: list[bytes] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    count: int = 0
    vouched: bool = True

    def add(self, chunk: _Chunk, start: int, end: int) -> None:
        self.pieces.append(chunk.piece(start, end))
        self.lines.append(chunk.lines[end] - chunk.lines[start] - 1)  # the separator after the last one left out
        self.count += end - start
        self.vouched = self.vouched and chunk.vouched


@dataclass(slots=True)
class _Part:
    """A slice of the rows planned (`_Mapper.part`): the problems of its rows by row index,
    how many are in the bank already, and, for each row new to the bank (the first of
    the rows in the slice that share an id), in row order: its row index, id and personal
    data masked (by record number, where any was); its row index and why the model
    refuses it (by record number, where it does); and those records' YAML text by file
    bucket (`chunks`: one text a bucket, so that few and large texts, not one a row, come
    back from a worker and are merged)."""

    bad: dict[int, str]
    skipped: int
    ids: list[str]
    chunks: dict[str, _Chunk]
    masked: dict[int, int]
    invalid: dict[int, tuple[int, str]]


_ORDER = ("kind", "id", "title", "type", "source", "date", "summary", "evidence", "severity", "confidence",
          "steps", "customer_groups")


@dataclass(slots=True)
class _Table:
    """The rows as columns of insight data (`values[key][at]` for the row
    `index[at]`), what the privacy rules masked in each, the first problem of each row
    that has one, and the distinct values of some columns."""

    index: list[int]
    values: dict[str, list[Any]]
    ids: list[str | None]
    masked: list[int]
    bad: dict[int, str]
    distinct: Distinct
    """`distinct_values` of the columns whose values the table made from a few distinct
    ones (a default, a date, step or group cell): a key a row and key -> value, without
    a pass over the rows' values (`records_yaml` and `invalid` take them as they are)."""


class _Mapper:
    """The rows into columns of insight data, with what every row shares worked out once:
    the columns, the value maps, the steps and customer groups that exist, the privacy
    rules; a value met again (a date, a step cell, a source) is worked out once."""

    def __init__(self, bank: Bank, rows: Rows, columns: dict[str, int], profile: ImportProfile, prefix: str,
                 default_source: str) -> None:
        self.bank, self.rows, self.columns, self.profile, self.prefix = bank, rows, columns, profile, prefix
        self.known = set(bank.ids("Insight"))
        self.default_source = profile.source or default_source
        self.privacy = _Privacy(bank)
        self.groups = set(bank.ids("CustomerGroup"))
        self.values: dict[str, dict[str, str]] = {k: v for k, v in profile.values.items() if v}
        self.defaults = (("type", profile.type), ("severity", profile.severity),
                         ("confidence", profile.confidence))

    def part(self, span: tuple[int, int]) -> _Part:
        """The rows `span` (start, end) planned: their columns and problems (`table`), ids,
        and the YAML text of the rows new to the bank, validated with the model."""
        table = self.table(*span)
        bad = {table.index[at]: why for at, why in table.bad.items()}
        count = len(table.index)
        dates, sources = table.values["date"], table.values["source"]
        every = not table.bad  # every row is good: its columns as they are, no copies
        good: Sequence[int] = range(count) if every else [at for at in range(count) if at not in table.bad]
        columns_of_good: list[list[Any]] = [column if every else [*map(column.__getitem__, good)] for column in (
            dates, sources, table.values["summary"], table.ids)]
        made = stable_ids(self.prefix, *columns_of_good)
        by_month = self.profile.group == "month"
        # The bucket of each distinct date or source, worked out once.
        buckets = ({date: date.isoformat()[:7] for date in set(dates) if date is not None} if by_month
                   else {source: slugify(source)[:32] for source in set(sources)})
        of_row = dates if by_month else sources
        known = self.known
        keep: Sequence[int]
        skipped = 0
        if every and len(distinct_ids := set(made)) == count and known.isdisjoint(distinct_ids) and all_slugs(made):
            keep = good  # all new, each once, all valid (the usual case): no loop a row
            table.values["id"] = made
        else:
            seen: set[str] = set()
            keep = []
            ids: list[str] = table.values["id"]
            for at, record_id in zip(good, made, strict=True):
                ids[at] = record_id
                if record_id in known:
                    skipped += 1
                elif not is_slug(record_id):  # never kept, so never one of the rows seen
                    bad[table.index[at]] = f"{self.rows.where(table.index[at])}: the id '{record_id}' is not valid"
                elif record_id not in seen:
                    seen.add(record_id)
                    keep.append(at)
        distinct: Distinct
        if len(keep) == count:
            columns = {key: table.values[key] for key in _ORDER}
            rows, masked = table.index, table.masked
            # The distinct values the table knows already, the others worked out.
            distinct = {**distinct_columns({k: v for k, v in columns.items() if k not in table.distinct}),
                        **table.distinct}
        else:
            columns = {key: list(map(table.values[key].__getitem__, keep)) for key in _ORDER}
            rows, masked = list(map(table.index.__getitem__, keep)), list(map(table.masked.__getitem__, keep))
            distinct = distinct_columns(columns)
        whys = invalid(Insight, columns, len(keep), distinct)
        # A row's problem means nothing is written: no text is made then. A record the model
        # refuses is not one: it may be the twin of a row in an earlier slice, left out when
        # the slices are merged (its refusal with it), and the others are written.
        written = Written([""] * len(keep), [0] * len(keep)) if bad else records_yaml(columns, distinct)
        groups: dict[str, list[int]] = {}  # the records of each file bucket, in row order
        for number, bucket in enumerate(map(buckets.__getitem__, map(of_row.__getitem__, keep))):
            groups.setdefault(bucket, []).append(number)
        chunks = {bucket: _Chunk.of(numbers, written.texts, written.lines) for bucket, numbers in groups.items()}
        return _Part(bad, skipped, columns["id"], chunks, dict(compress(enumerate(masked), masked)),
                     {n: (rows[n], why) for n, why in whys.items()})

    def table(self, start: int, end: int) -> _Table:
        """The rows from `start` to `end` (the empty ones left out) as columns; a value met
        again (a date, a step cell, a group) is worked out once, and a column is checked
        row by row only when one of its distinct values is wrong."""
        every = self.rows.rows[start:end]  # parsed once (a large CSV keeps few parts parsed)
        index = filled(self.rows, start, end, every)
        selected = every if len(index) == len(every) else [every[at - start] for at in index]
        self.shortest = min(map(len, selected), default=0)
        bad: dict[int, str] = {}
        count = len(index)
        get = partial(self._column, selected)
        values: dict[str, list[Any]] = {"kind": ["Insight"] * count, "id": [""] * count}
        distinct: dict[str, tuple[Sequence[Any], dict[Any, Any]]] = {"kind": (values["kind"], {"Insight": "Insight"})}
        # The checks in the order a row is read: a row's first problem is reported.
        raw_dates = self._cells(selected, self.columns["date"])
        parsed = {cell: parse_date(cell) for cell in dict.fromkeys(raw_dates)}
        dates = {cell: date for cell, (date, _) in parsed.items()}
        values["date"] = [*map(dates.__getitem__, raw_dates)]
        distinct["date"] = raw_dates, dates
        if any(date is None for date, _ in parsed.values()):
            for at, cell in enumerate(raw_dates):
                date, why = parsed[cell]
                if date is None:
                    self._problem(bad, at, index, "date", why or "not a date")
        summaries = values["summary"] = get("summary")
        if not all(summaries):
            for at, summary in enumerate(summaries):
                if not summary:
                    self._problem(bad, at, index, "summary", "empty")
        given = get("title")
        if any(given):
            made = iter(titles_from([s for t, s in zip(given, summaries, strict=True) if not t]))
            values["title"] = [t or next(made) for t in given]
        else:
            # `_column` strips a summary; a mapped one (`values:`) may not be.
            values["title"] = titles_from(summaries, "summary" not in self.values)
        for key, default in self.defaults:
            column = values[key] = get(key, default, True)
            if key not in self.columns:
                distinct[key] = column, {default: default}
            choices = CHOICES[key]
            wrong = {value for value in set(column) if value is not None and value not in choices}
            for at, value in enumerate(column) if wrong else ():
                if value in wrong:
                    self._problem(bad, at, index, key, f"'{value}' is not a {key}; use {', '.join(choices)} "
                                  "(or map it under values:)")
        values["source"] = get("source", self.default_source, True)
        values["evidence"] = get("link", None)
        if "link" not in self.columns:
            distinct["evidence"] = values["evidence"], {None: None}
        step_cells = get("step", "", True)
        steps = {cell: self._steps(cell) for cell in dict.fromkeys(step_cells)}  # one list a cell: written once
        step_column = values["steps"] = [*map(steps.__getitem__, step_cells)]
        distinct["steps"] = step_cells, steps
        if any(type(found) is str for found in steps.values()):
            for at, found in enumerate(step_column):
                if type(found) is str:
                    self._problem(bad, at, index, "step", found)
        group_cells = get("customer_group", "", True)
        lists: dict[str, list[str]] = {"": []}  # one list a group: written once
        lists.update((group, [group]) for group in set(group_cells) if group in self.groups)
        if lists.keys() >= set(group_cells):
            values["customer_groups"] = [*map(lists.__getitem__, group_cells)]
            distinct["customer_groups"] = group_cells, {cell: lists[cell] for cell in dict.fromkeys(group_cells)}
        else:
            groups = values["customer_groups"] = []
            for at, group in enumerate(group_cells):
                if group not in lists:
                    self._problem(bad, at, index, "customer_group", f"no customer group '{group}' in the bank")
                    groups.append([])
                    continue
                groups.append(lists[group])
        masked = self._privacy(values, index, bad, any(given))
        ids: list[str | None] = [value or None for value in get("id")] if "id" in self.columns else [None] * count
        return _Table(index, values, ids, masked, bad, distinct)

    def _privacy(self, values: dict[str, list[Any]], index: list[int], bad: dict[int, str],
                 titles_given: bool = True) -> list[int]:
        """Personal data in the summary, title and source of each row masked, or the row
        refused, as the profile says; the number masked in each row. The title is looked
        at only where it is not the start of a summary already scanned (a title made from
        its summary is, unless the summary was masked or starts with white space). Each
        distinct text is looked at once, and the privacy rules run only on the texts their
        signs or digit counts allow (`may_hold`)."""
        masked = [0] * len(index)
        refuse = self.profile.privacy == "refuse"
        for key in ("summary", "title", "source"):
            column = values[key]
            look: Sequence[int]
            if key == "title":
                summaries = values["summary"]
                if titles_given:
                    look = [at for at, title in enumerate(column) if at not in bad and (
                        masked[at] or not summaries[at].startswith(title.rstrip("…")))]
                elif "summary" in self.values:  # made from the summary: its start, unless that starts with a space
                    look = [at for at, (count, summary) in enumerate(zip(masked, summaries, strict=True))
                            if (count or summary[:1].isspace()) and at not in bad]
                else:  # and a summary the profile does not map is stripped (`_column`): where it was masked
                    look = [at for at in (at for at, count in enumerate(masked) if count) if at not in bad]
            else:
                look = [at for at in range(len(column)) if at not in bad] if bad else range(len(column))
            texts = list(dict.fromkeys(map(column.__getitem__, look)))  # each text once
            hits = {text: found for text in map(texts.__getitem__, may_hold(self.privacy.rules, texts))
                    if (found := self.privacy.hits(text))}
            if not hits:
                continue
            for at in [at for at in look if column[at] in hits]:
                found = hits[column[at]]
                if refuse:
                    what = ", ".join(sorted({h[2] for h in found}))
                    bad.setdefault(at, f"{self.rows.where(index[at])}: personal data ({what}) in the {key}; "
                                   "anonymise the row, or import with --privacy mask")
                    continue
                column[at], count = self.privacy.mask(column[at], found)
                masked[at] += count
        return masked

    def _steps(self, cell: str) -> list[str] | str:
        """The steps of a step cell (after the profile's own), or why not."""
        steps = list(self.profile.steps)
        for ref in STEP_SEPARATORS.split(cell) if cell else ():
            ref = ref.strip()
            if ref and self.bank.step(ref) is None:
                return f"no step '{ref}' in the bank"
            if ref and ref not in steps:
                steps.append(ref)
        return steps

    def _problem(self, bad: dict[int, str], at: int, index: list[int], key: str, message: str) -> None:
        if at not in bad:
            where = self.rows.where(index[at], self.columns.get(key))
            bad[at] = f"{where}: column '{self.profile.columns[key]}': {message}"  # type: ignore[index]

    def _cells(self, selected: Sequence[list[Any]], column: int) -> list[Any]:
        """The cells of a column (a CSV's rows may be short: "" there, as in a workbook's
        empty cell, None)."""
        if self.shortest > column:
            return list(map(itemgetter(column), selected))
        missing = "" if self.rows.sheet is None else None
        return [row[column] if column < len(row) else missing for row in selected]

    def _column(self, selected: Sequence[list[Any]], key: str, default: Any = "", few: bool = False) -> list[Any]:
        """The text of a column in each row: stripped, a workbook's date as 2026-11-15,
        mapped by the profile's `values:`, `default` where that is empty (every row where
        the profile has no such column). `few`: a column of few distinct cells (a source,
        a choice, a step or a group), each worked out once."""
        column = self.columns.get(key)
        if column is None:
            return [default] * len(selected)
        found = self._cells(selected, column)
        mapped = self.values.get(key)
        if few and self.rows.sheet is None:  # a CSV's cells are texts (a workbook's 1 and True are equal keys)
            each = {cell: mapped.get(text, text) if mapped else text
                    for cell in set(found) for text in (cell.strip(),)}
            if default != "":
                each = {cell: text or default for cell, text in each.items()}
            return list(map(each.__getitem__, found))
        if self.rows.sheet is None:  # CSV: text only
            texts = list(map(str.strip, found))
        else:
            texts = [value.strip() if type(value) is str else _text(value) for value in found]
        if mapped:
            texts = [mapped.get(text, text) for text in texts]
        return texts if default == "" else [text or default for text in texts]


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else str(value).strip()
