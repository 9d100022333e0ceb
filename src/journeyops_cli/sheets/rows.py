"""Rows of a data export, CSV or XLSX, as text with their place: the encoding (UTF-8, UTF-8
with BOM, cp1252) and the delimiter (`,`, `;` from Finnish Excel, tab, `|`) are found and
reported, and each row knows how to name itself (`FILE:7` or `FILE:Sheet!C7`)."""

from __future__ import annotations

import csv
import io
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from pathlib import Path
from typing import Any, overload

from journeyops_cli.sheets import SheetError
from journeyops_cli.sheets.layout import column_letter
from journeyops_cli.speed.executor import gc_paused

DELIMITERS = ",;\t|"


@dataclass(slots=True)
class Rows:
    """A header and the rows under it. `notes` says what was guessed (encoding, delimiter)."""

    shown: str
    header: list[str]
    rows: Sequence[list[Any]]
    """A list, or for a large CSV its `CsvRows`."""
    sheet: str | None = None
    first_row: int = 2
    notes: list[str] = field(default_factory=list)

    def where(self, index: int, column: int | None = None) -> str:
        """The place of row `index` (0-based in `rows`), and of one of its cells."""
        line = self.first_row + index
        if self.sheet is None:
            return f"{self.shown}:{line}"
        return f"{self.shown}:{self.sheet}!{column_letter((column or 0) + 1)}{line}"


def decode(data: bytes, shown: str, encoding: str | None) -> tuple[str, str]:
    """(text, the encoding used)."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as error:
            raise SheetError(shown, f"cannot be read as {encoding}: {error}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return str(memoryview(data)[3:], "utf-8", "strict"), "utf-8-sig"  # no copy of the bytes
        except UnicodeDecodeError as error:
            raise SheetError(shown, f"starts as UTF-8 (a byte order mark) but is not: {error}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def sniff(text: str) -> str:
    """The delimiter of the first lines: the one that splits them into the most equal,
    more-than-one columns (quoted fields are respected)."""
    sample = "\n".join(first_lines(text, 20))
    best, best_score = ",", -1
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:  # e.g. a field over the reader's limit: the read names its line
            continue
        if not widths or widths[0] < 2:
            continue
        score = sum(1 for w in widths if w == widths[0]) * 100 + widths[0]
        if score > best_score:
            best, best_score = delimiter, score
    return best


def first_lines(text: str, count: int, size: int = 65_536) -> list[str]:
    """`text.splitlines()[:count]`, without splitting the whole of a large text (`size`:
    the first piece looked at)."""
    while size < len(text):
        lines = text[:size].splitlines()
        if len(lines) > count:  # a line break follows the last line wanted
            return lines[:count]
        size *= 4
    return text.splitlines()[:count]


def read_csv(path: Path, shown: str, encoding: str | None = None, delimiter: str | None = None) -> Rows:
    if delimiter and (len(delimiter) != 1 or delimiter in '"\r\n'):
        raise SheetError(shown, f"cannot be read with the delimiter {delimiter!r}: a delimiter is one character, "
                                "not a quote or a line break (e.g. ';' or ',')")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SheetError(shown, f"cannot be read: {error.strerror}") from None
    text, used = decode(data, shown, encoding)
    chosen = delimiter or sniff(text)
    quoted = CsvRows.quoted_fields(text, chosen)
    # A large text that fits: its first record is the header, the rows are parsed later.
    start = 0 if quoted is None else CsvRows.record_end(text, 0, quoted)
    reader = csv.reader(io.StringIO(text if quoted is None else text[:start], newline=""), delimiter=chosen)
    rows: Sequence[list[Any]]
    try:
        header = next(reader, None)
        if quoted is not None:
            rows = CsvRows(text, start, chosen, shown, quoted)
        else:
            with gc_paused():  # many small lists and texts, no cycles
                rows = list(reader)
    except csv.Error as error:
        raise SheetError(f"{shown}:{reader.line_num}", f"not valid CSV: {error}") from None
    if header is None:
        raise SheetError(shown, "the file is empty")
    names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
    notes = [f"read as {used}, {names[chosen]}-separated"] if chosen in names else []
    if used == "cp1252":
        notes = [f"not UTF-8: read as cp1252 (Windows), {names.get(chosen, chosen)}-separated"]
    return Rows(shown, [h.strip() for h in header], rows, notes=notes)


# A CSV text this long is parsed a part at a time, where its rows are used (`CsvRows`).
LAZY_MIN_CHARS = 2_000_000
PART_CHARS = 65_536
# At most this many parts are kept parsed (the rows of a slice are used while it is
# planned, then no more): parts kept for the whole import were 50,000 rows' lists and
# texts in each process, the memory new ones took ever more of (31,000 page faults in
# this process, 0.06 s in the kernel; 18,000 and 0.04 s without them).
PARTS_KEPT = 32
# A carriage return not that of a CRLF (one search: half the time of counting both in 14 MB).
_LONE_CR = re.compile("\r(?!\n)")
# Finding the quoted fields costs about 0.5 µs a field (this process), parsing the whole
# text about 14 ns a character: a text with every cell quoted (1.2 million quotes in 14.8
# MB) took 0.38 s to find them, against 0.20 s to parse it whole; one text in 20 quoted as
# Excel does (20,000 quotes in 13.7 MB) 0.012 s. More than a quote in this many characters:
# read whole.
QUOTES_AT_MOST = 50


class CsvRows(Sequence[list[str]]):
    """The rows of a large CSV text, parsed a part at a time when first used: an import's
    forked workers (`sheets/feedback.py`) each parse the rows they plan, and this process
    only finds the parts. A part is cut after a line break outside quoted fields (where
    `quoted_fields` vouches for them), so it parses as those rows alone, and the rows
    before it are the line breaks outside quoted fields before it. The rows are those
    `csv.reader` gives for the whole text (a hypothesis test), though a part is split at
    its line ends and delimiters where it can (`_split`); a row the reader refuses (a field
    over its size limit) is a SheetError naming its line, raised where the row's part is
    parsed."""

    def __init__(self, text: str, start: int, delimiter: str, shown: str,
                 quoted: Sequence[tuple[int, int]] = ()) -> None:
        """The rows of `text` from `start` (the start of a record), its quoted fields
        `quoted` (`quoted_fields`)."""
        self._text, self._delimiter, self._shown = text, delimiter, shown
        self._quoted, self._firsts = quoted, [begin for begin, _ in quoted]
        # Each part's (start, end) in the text, its first row and its first line's number
        # (and, last in `_lines`, the number of the line after the last part).
        self._parts: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._lines: list[int] = []
        self._parsed: dict[int, list[list[str]]] = {}
        # The line breaks inside the quoted fields before each one (few, where any).
        inside = [0, *accumulate(text.count("\n", begin, end) for begin, end in quoted)]
        firsts = self._firsts
        at, rows, lines = start, 0, text.count("\n", 0, start) + 1
        while at < len(text):
            end = self.record_end(text, min(at + PART_CHARS, len(text)) - 1, quoted, firsts)
            breaks = text.count("\n", at, end)
            self._parts.append((at, end))
            self._starts.append(rows)
            self._lines.append(lines)
            # The quoted fields of the part lie wholly in it.
            held = inside[bisect_left(firsts, end)] - inside[bisect_left(firsts, at)]
            rows += breaks - held + (0 if text.endswith("\n", at, end) else 1)
            lines += breaks
            at = end
        self._lines.append(lines)
        self._length = rows

    @staticmethod
    def quoted_fields(text: str, delimiter: str) -> list[tuple[int, int]] | None:
        """For a text that is large, has a line break, and every carriage return that of a
        CRLF: the (start, end) of each run of it between two quotes, in order; None when it
        does not fit. Each quote must be one of a field quoted as RFC 4180 says: a run
        starts a field (after the delimiter, a line break or at the start) or follows
        another run (`""` in a quoted field), and ends the field (before the delimiter,
        a line break or the end) or is followed by another. Then a line break is a
        record's end exactly when it is in no run, as for `csv.reader` (which takes a quote
        elsewhere, `ab"c`, as a letter: such a text does not fit, it is read whole). A text
        with more than a quote in QUOTES_AT_MOST characters does not fit either."""
        if len(text) < LAZY_MIN_CHARS or "\n" not in text or _LONE_CR.search(text) is not None:
            return None
        quotes = text.count('"')
        if not quotes:
            return []
        if quotes * QUOTES_AT_MOST > len(text):
            return None  # quicker read whole (see QUOTES_AT_MOST)
        if quotes % 2:  # a quote left alone
            return None
        # Each quote and the next one: a run (`str.find`, half the time of a regex's
        # search), checked where it is found.
        runs: list[tuple[int, int]] = []
        find, size, starts, ends = text.find, len(text), (delimiter, "\n"), (delimiter, "\r", "\n")
        after, at = -1, find('"')  # the end of the run before, the start of this one
        while at >= 0:
            if at and at != after and text[at - 1] not in starts:
                return None
            after = find('"', at + 1) + 1
            runs.append((at, after))
            at = find('"', after)
            if after < size and after != at and text[after] not in ends:
                return None
        return runs

    @staticmethod
    def record_end(text: str, at: int, quoted: Sequence[tuple[int, int]], firsts: Sequence[int] | None = None) -> int:
        """Where the record the place `at` is in ends (after the first line break from
        `at` that is in no quoted field), or the text's end (`firsts`: where each quoted
        field starts, when known)."""
        if firsts is None:
            firsts = [begin for begin, _ in quoted]
        while True:
            cut = text.find("\n", at)
            if cut < 0:
                return len(text)
            run = bisect_right(firsts, cut) - 1
            if run < 0 or quoted[run][1] <= cut:
                return cut + 1
            at = quoted[run][1]

    def __len__(self) -> int:
        return self._length

    def _part(self, number: int) -> list[list[str]]:
        found = self._parsed.get(number)
        if found is None:
            start, end = self._parts[number]
            with gc_paused():  # many small lists and texts, no cycles
                # A part no longer than the size limit has no field over it.
                found = self._split(number) if end - start <= csv.field_size_limit() else self._read(number)
            self._parsed[number] = found
            if len(self._parsed) > PARTS_KEPT:  # the part parsed longest ago goes
                del self._parsed[next(iter(self._parsed))]
        return found

    def _read(self, number: int) -> list[list[str]]:
        """The rows of a part as `csv.reader` gives them; a field over its size limit is a
        SheetError naming its line."""
        start, end = self._parts[number]
        reader = csv.reader(io.StringIO(self._text[start:end], newline=""), delimiter=self._delimiter)
        try:
            return list(reader)
        except csv.Error as error:
            line = self._lines[number] + reader.line_num - 1
            raise SheetError(f"{self._shown}:{line}", f"not valid CSV: {error}") from None

    def _split(self, number: int) -> list[list[str]]:
        """The rows of a part no longer than the field size limit: what `_read` gives,
        quicker. A record holding no quote is its line split at the delimiter (a CRLF or a
        LF ends it; not `\\x1c`, `\\x85` or `\\u2028`, which `str.splitlines` takes for
        line ends); the records holding a quote (a quoted field may span lines) are parsed
        by one `csv.reader` over them all and put in their places, so a text with some
        quotes is quick too. 100,000 rows (13.8 MB, `;`, CRLF), parsed with the collector
        paused as the import does: 0.055 CPU s against 0.091 s with `csv.reader` (a state
        machine run for each character, where `str.split` searches); with one text in 20
        quoted as Excel does, 0.063 s against 0.091 s. The reader raises nothing here: its
        other errors come of a lone carriage return (`quoted_fields` refuses it) or of its
        strict mode."""
        start, end = self._parts[number]
        text = self._text
        records = self._holding_quotes(start, end)
        ends = "\r\n" if text.find("\r", start, end) >= 0 else "\n"  # a carriage return is one of a CRLF
        lines: list[str] = []
        places: list[int] = []  # where each record holding a quote goes in `lines`
        at = start
        for first, after in records:
            lines += text[at:first].split(ends)
            places.append(len(lines) - 1)  # after a line end: "" there
            lines[-1] = '"'  # a place holder, not "" (an empty line)
            at = after
        lines += text[at:end].split(ends)
        if ends == "\r\n":
            # A line ending in a line feed alone would be in the next line: the CRLFs split
            # at must be all the line feeds outside the records holding a quote.
            feeds = self._lines[number + 1] - self._lines[number]
            if len(lines) - len(records) - 1 != feeds - sum(text.count("\n", a, b) for a, b in records):
                return self._read(number)  # both kinds of line end: rare, read as before
        if not lines[-1]:
            lines.pop()  # after the last line end
        rows = list(map(str.split, lines, repeat(self._delimiter)))
        if "" in lines:  # an empty line is the row []
            rows = [row if line else [] for row, line in zip(rows, lines, strict=True)]
        quoted = "".join(text[a:b] for a, b in records)
        for place, row in zip(places, csv.reader(io.StringIO(quoted, newline=""), delimiter=self._delimiter),
                              strict=True):
            rows[place] = row
        return rows

    def _holding_quotes(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where each record from `start` to `end` (a part) that holds a quote starts and ends."""
        text, quoted, firsts = self._text, self._quoted, self._firsts
        records: list[tuple[int, int]] = []
        after = start
        for begin in firsts[bisect_left(firsts, start):bisect_left(firsts, end)]:
            if begin >= after:  # not in the record before
                first = text.rfind("\n", after, begin) + 1 or after
                after = self.record_end(text, begin, quoted, firsts)
                records.append((first, after))
        return records

    @overload
    def __getitem__(self, index: int) -> list[str]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[str]]: ...

    def __getitem__(self, index: int | slice) -> list[str] | list[list[str]]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            out: list[list[str]] = []
            number = bisect_right(self._starts, start) - 1
            while start < stop:
                part, first = self._part(number), self._starts[number]
                out += part[start - first : stop - first]
                start = first + len(part)
                number += 1
            return out
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        number = bisect_right(self._starts, index) - 1
        return self._part(number)[index - self._starts[number]]

    def __iter__(self) -> Iterator[list[str]]:
        for number in range(len(self._parts)):
            yield from self._part(number)


def read_xlsx(path: Path, shown: str) -> Rows:
    """The first sheet of a workbook (values only: a formula gives its saved value)."""
    from journeyops_cli.sheets.read import check_archive

    check_archive(path, shown)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise SheetError(shown, f"cannot be read as a workbook: {type(error).__name__}: {error}") from None
    ws = wb.worksheets[0]
    values = ws.iter_rows(values_only=True)
    header = next(values, None)
    if header is None:
        raise SheetError(f"{shown}:{ws.title}!A1", "the sheet is empty")
    rows = [list(row) for row in values]
    wb.close()
    return Rows(shown, ["" if h is None else str(h).strip() for h in header], rows, sheet=ws.title)


def read_rows(path: Path, shown: str, encoding: str | None = None, delimiter: str | None = None) -> Rows:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path, shown)
    return read_csv(path, shown, encoding, delimiter)


def cells(rows: Rows, start: int = 0, end: int | None = None) -> Iterator[tuple[int, list[Any]]]:
    """(index, row) for each row that is not empty (of the rows from `start` to `end`)."""
    return ((index, rows.rows[index]) for index in filled(rows, start, end))


def filled(rows: Rows, start: int = 0, end: int | None = None, every: Sequence[list[Any]] | None = None) -> list[int]:
    """The index of each row that is not empty (of the rows from `start` to `end`;
    `every`: those rows, when the caller has them)."""
    if every is None:
        every = rows.rows[start:end]
    # any(row): a value that is not falsy, so neither None nor "" (quick for text); each
    # row in one pass of C, and only a row it finds empty looked at again (0, False)
    found = list(map(any, every))
    if all(found):
        return list(range(start, start + len(every)))
    return [index for index, row, full in zip(range(start, start + len(every)), every, found, strict=True)
            if full or any(v not in (None, "") for v in row)]
