"""The import's fast paths give what the plain ones give: the first lines of a large CSV
(for the delimiter), and record text that the read path reads back as exactly the data
(for arbitrary strings)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeyops_cli.edit.fields import read_back, record_yaml
from journeyops_cli.edit.quoting import flow_item, yaml_scalar
from journeyops_cli.edit.verify import data_of
from journeyops_cli.models.config import LimitsConfig
from journeyops_cli.sheets import SheetError
from journeyops_cli.sheets.rows import first_lines

LIMITS = LimitsConfig()
BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x1c", "\u2028", "\x85"]
lines_text = st.lists(
    st.tuples(st.text(alphabet="ab;,\"", max_size=9), st.sampled_from(BREAKS)), max_size=40
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=300, deadline=None)
@given(lines_text, st.integers(1, 25), st.integers(1, 40))
def test_first_lines_are_those_of_the_whole_text(text: str, count: int, size: int) -> None:
    assert first_lines(text, count, size) == text.splitlines()[:count]


def test_first_lines_of_a_crlf_cut_in_two() -> None:
    text = "a\r\nb\r\nc\r\n"
    for size in range(1, len(text) + 1):
        assert first_lines(text, 2, size) == ["a", "b"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1), st.text(min_size=1), st.lists(st.text(min_size=1), max_size=3))
def test_record_text_reads_back_as_its_data(title: str, summary: str, steps: list[str]) -> None:
    data = {"kind": "Insight", "id": "x-1", "title": title, "date": dt.date(2026, 11, 15),
            "summary": summary, "evidence": None, "steps": steps}
    text = record_yaml(data)
    expected = {k: read_back(v) for k, v in data.items() if v not in (None, [])}
    assert data_of(text, LIMITS) == [expected]


@pytest.mark.parametrize("text", ["\x85", "a\u2028b", "a\u2029", "x\x7f", "\x9f", "\ufeffa", "\uffff", "ä\x85ö"])
def test_line_breaks_and_characters_yaml_refuses_are_escaped(text: str) -> None:
    """NEL, LS and PS are line breaks to a YAML reader (a quoted value folded them into a
    space), and DEL, C1 controls, BOM and non-characters are refused in a file: all
    are written as escapes."""
    written = yaml_scalar(text)
    assert written.startswith('"') and "\\u" in written
    assert data_of(f"summary: {written}\n", LIMITS) == [{"summary": text}]
    assert data_of(f"steps:\n  - {flow_item(text)}\n", LIMITS) == [{"steps": [text]}]


def test_files_read_back_in_forked_workers_give_the_same_errors(bank: Path, tmp_path: Path) -> None:
    """The read-back check of many new files gives the same errors, in the same order,
    whether the files are read in this process or in forked workers."""
    from journeyops_cli.edit.changeset import Changeset
    from journeyops_cli.pipeline import load_bank
    from journeyops_cli.sheets.feedback import plan_insights
    from journeyops_cli.sheets.rows import read_rows

    path = tmp_path / "palaute.csv"
    rows = ["Päivämäärä;Kanava;Palaute"] + [f"{d}.{m}.2026;Verkko;Palaute {d} {m}" for m in range(1, 13)
                                            for d in range(1, 8)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    loaded = load_bank(bank, cache=False).bank
    profile = loaded.config.import_profiles["palaute"].model_copy(
        update={"columns": {"date": "Päivämäärä", "source": "Kanava", "summary": "Palaute"}})
    planned = plan_insights(loaded, read_rows(path, str(path)), profile, "palaute", "palaute")
    assert not planned.problems and len(planned.files) == 12
    changes = Changeset(bank, loaded.config.limits)
    for file, records in planned.files.items():
        changes.add_encoded(file, records, "new")
    assert changes.file_errors(workers=1) == changes.file_errors(workers=2) == []
    changes.add("insights/broken-a.yaml", ["kind: Insight\nid: broken-a\ntitle: [\n"], "new")
    changes.add("insights/broken-b.yaml", ["kind: Insight\nid: Broken B\ntitle: x\n"], "new")
    here = changes.file_errors(workers=1)
    assert sorted({error.split(":")[0] for error in here}) == ["insights/broken-a.yaml", "insights/broken-b.yaml"]
    assert here[0].startswith("insights/broken-a.yaml:") and here[-1].startswith("insights/broken-b.yaml:")
    assert changes.file_errors(workers=2) == here


def test_ids_stay_what_earlier_imports_gave() -> None:
    """A re-import must find the rows an earlier version imported: the id recipe (the date,
    source and summary hashed, or a slug of an id column) never changes."""
    from journeyops_cli.sheets.feedback import stable_ids

    day = dt.date(2026, 11, 15)
    assert stable_ids("palaute", [day, day], ["Verkko", "Verkko"], ["Hakemus katkesi.", "x"], [None, "Rivi 7"]) == [
        "palaute-20261115-a269a7e868", "palaute-rivi-7"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.from_regex(r"[a-z0-9][a-z0-9-]{0,70}\Z", fullmatch=True), st.text(max_size=8),
                          st.sampled_from(["a\nb", "a\n", "", "-a", "A", "a" * 64, "a" * 65])), max_size=8))
def test_all_slugs_is_each_one_a_slug(values: list[str]) -> None:
    """The import's one pass over its ids says what `is_slug` says of each."""
    from journeyops_cli.slug import all_slugs, is_slug

    assert all_slugs(values) == all(map(is_slug, values))


# Characters `str.splitlines` takes for line ends and `csv.reader` does not: \x0b \x1c \x85 \u2028.
csv_lines = st.lists(st.tuples(st.lists(st.text(alphabet="ab ;,\x00ä\x0b\x1c\x85\u2028", max_size=5), max_size=7),
                               st.sampled_from(["\n", "\r\n"])), max_size=30)
# Cells of a CSV with quotes: well quoted (a delimiter, quote or line break in a quoted
# field, a quote doubled) or not (a quote in an unquoted cell, text after a closing quote,
# a quote left open).
quoted_cells = st.one_of(
    st.text(alphabet="ab ;,\x00ä\x0b\x1c\x85\u2028", max_size=5),
    st.text(alphabet='ab;"\n\r', max_size=5).map(lambda cell: '"' + cell.replace('"', '""') + '"'),
    st.text(alphabet='ab;"\n\r ', max_size=5),
)
quoted_lines = st.lists(st.tuples(st.lists(quoted_cells, max_size=4), st.sampled_from(["\n", "\r\n"])), max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.one_of(csv_lines, quoted_lines), st.booleans(), st.integers(1, 40), st.data(),
       st.sampled_from(["h1;h2\n", '"h;1";"h\n2"\r\n']))
def test_rows_parsed_a_part_at_a_time_are_the_csv_readers(lines: list[tuple[list[str], str]], last_break: bool,
                                                          part: int, data: st.DataObject, header: str) -> None:
    """A large CSV is parsed a part at a time where its rows are used (`CsvRows`), when it
    has no quotes or its quotes are those of well quoted fields (`quoted_fields`, which
    says None of any other): its rows, any slice of them and each row are what
    `csv.reader` gives for the whole text, and so is the header (`record_end`)."""
    import csv
    import io

    from journeyops_cli.sheets import rows as rows_module
    from journeyops_cli.sheets.rows import CsvRows

    text = header + "".join(";".join(cells) + end for cells, end in lines)
    if not last_break:
        text = text.rstrip("\r\n")
    old = rows_module.LAZY_MIN_CHARS, rows_module.QUOTES_AT_MOST
    rows_module.LAZY_MIN_CHARS, rows_module.QUOTES_AT_MOST = 1, 0  # any text, any number of quotes
    try:
        quoted = CsvRows.quoted_fields(text, ";")
    finally:
        rows_module.LAZY_MIN_CHARS, rows_module.QUOTES_AT_MOST = old
    if quoted is None:
        # Only a text csv.reader would read otherwise than RFC 4180 says, or with a lone
        # carriage return, or without a line break, is refused (read whole).
        fields = re.fullmatch(r'(?:(?:"(?:[^"]|"")*"|[^";\r\n]*)(?:;(?:"(?:[^"]|"")*"|[^";\r\n]*))*(?:\r\n|\n|\Z))*',
                              text)
        assert fields is None or text.count("\r") != text.count("\r\n") or "\n" not in text, text
        return
    expected_all = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    start = CsvRows.record_end(text, 0, quoted)
    assert list(csv.reader(io.StringIO(text[:start], newline=""), delimiter=";")) == expected_all[:1]
    expected = expected_all[1:]
    old = rows_module.PART_CHARS
    rows_module.PART_CHARS = part
    try:
        found = CsvRows(text, start, ";", "f.csv", quoted)
    finally:
        rows_module.PART_CHARS = old
    assert len(found) == len(expected) and list(found) == expected
    start = data.draw(st.integers(-3, len(expected) + 2))
    stop = data.draw(st.integers(-3, len(expected) + 2))
    assert found[start:stop] == expected[start:stop]
    assert [found[i] for i in range(-len(expected), len(expected))] == expected[-len(expected):] + expected


@pytest.mark.parametrize(("body", "read"), [
    ("a;b\nc;d\n\n;;\ne\x85;\u2028f", False),
    ("a;b\r\nc;d\r\n\r\n;;\r\ne\x1c;\x0bf\r\n", False),
    ('a;"b\nc"\r\n"d""";e\r\n\r\nf;g\r\n"h"\r\n', False),  # Excel: a line feed in a quoted cell
    ('"a"\n"b;c"\n\nd\n', False),
    ("a;b\r\nc;d\ne;f\r\n", True),
    ("a;b\r\nc;d\n", True),
    ('a;b\n"c";d\r\n', True),
])
def test_a_part_is_split_unless_its_line_ends_are_of_both_kinds(body: str, read: bool,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A part is split at its line ends and delimiters (its records holding a quote read
    by one `csv.reader`) whether its lines end in CRLF or LF, so both styles of file are
    quick; a part with both kinds of line end outside quoted fields is read by
    `csv.reader` whole. Either way its rows are the reader's."""
    import csv
    import io

    from journeyops_cli.sheets import rows as rows_module
    from journeyops_cli.sheets.rows import CsvRows

    monkeypatch.setattr(rows_module, "LAZY_MIN_CHARS", 1)
    monkeypatch.setattr(rows_module, "QUOTES_AT_MOST", 0)
    text = "h;i\n" + body
    quoted = CsvRows.quoted_fields(text, ";")
    assert quoted is not None
    rows = CsvRows(text, CsvRows.record_end(text, 0, quoted), ";", "f.csv", quoted)
    whole: list[int] = []
    reader = CsvRows._read
    monkeypatch.setattr(CsvRows, "_read", lambda self, number: whole.append(number) or reader(self, number))
    assert list(rows) == list(csv.reader(io.StringIO(body, newline=""), delimiter=";"))
    assert whole == ([0] if read else [])


def test_a_large_csv_read_a_part_at_a_time_imports_as_read_whole(bank: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether the rows are parsed when read or a part at a time where they are planned
    (in forked workers too), the import plans the same; a row the reader refuses is named
    by its line either way."""
    import csv

    from tests.sheets.test_import_slices import feedback_csv

    from journeyops_cli.pipeline import load_bank
    from journeyops_cli.sheets import rows as rows_module
    from journeyops_cli.sheets.feedback import plan_insights
    from journeyops_cli.sheets.rows import CsvRows, read_rows

    path = feedback_csv(tmp_path / "palaute.csv", 700)
    # Excel's quotes: a text holding the delimiter, a quote or a line break (every 9th row).
    quoted = tmp_path / "quoted.csv"
    table = list(csv.reader(path.read_text(encoding="utf-8").splitlines(keepends=True), delimiter=";"))
    for n, row in enumerate(table[1:]):
        if n % 9 == 0 and row:
            row[2] = row[2].replace("Palaute ", 'Palaute; "lainaus"\nrivi ', 1)
    with quoted.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\n").writerows(table)
    loaded = load_bank(bank, cache=False).bank
    profile = loaded.config.import_profiles["palaute"]
    for csv_file in (path, quoted):
        whole = read_rows(csv_file, str(csv_file))
        assert type(whole.rows) is list
        reference = plan_insights(loaded, whole, profile, "palaute", "palaute", workers=1).joined()
        assert not reference.problems and len(reference.ids) > 400
        monkeypatch.setattr(rows_module, "LAZY_MIN_CHARS", 1)
        monkeypatch.setattr(rows_module, "PART_CHARS", 500)
        for workers in (1, 2):
            parts = read_rows(csv_file, str(csv_file))
            assert isinstance(parts.rows, CsvRows) and parts.header == whole.header
            assert plan_insights(loaded, parts, profile, "palaute", "palaute", workers=workers,
                                 slice_rows=97).joined() == reference
        monkeypatch.setattr(rows_module, "LAZY_MIN_CHARS", 10**9)
    assert '"Palaute; ""lainaus""\nrivi' in quoted.read_text(encoding="utf-8")
    # A text with a quote in fewer than QUOTES_AT_MOST characters is quicker read whole.
    every = tmp_path / "every.csv"
    with every.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL).writerows(table)
    monkeypatch.setattr(rows_module, "LAZY_MIN_CHARS", 1)
    assert type(read_rows(every, str(every)).rows) is list and isinstance(read_rows(quoted, str(quoted)).rows, CsvRows)
    assert any('Palaute; "lainaus"\nrivi' in text or 'Palaute; \\"lainaus\\"\\nrivi' in text
               for text in (b"---".join(texts).decode() for texts in reference.files.values()))
    monkeypatch.setattr(rows_module, "LAZY_MIN_CHARS", 1)
    big = tmp_path / "big.csv"
    big.write_text("a;b\nx;y\n" + "z;" + "w" * (csv.field_size_limit() + 1) + "\n", encoding="utf-8")
    with pytest.raises(SheetError) as eager:
        monkeypatch.setattr(rows_module, "LAZY_MIN_CHARS", 10**9)
        read_rows(big, "big.csv")
    monkeypatch.setattr(rows_module, "LAZY_MIN_CHARS", 1)
    lazy = read_rows(big, "big.csv")
    with pytest.raises(SheetError) as late:
        list(lazy.rows)
    assert str(late.value) == str(eager.value) and str(eager.value).startswith("big.csv:3: not valid CSV: field larger")
    # With quoted fields over two lines before it, in several parts: its physical line.
    big.write_text("a;b\n" + "".join(f'x{n};"kaksi\nriviä {n}"\n' for n in range(40)) + "z;"
                   + "w" * (csv.field_size_limit() + 1) + "\n", encoding="utf-8")
    lazy = read_rows(big, "big.csv")
    assert isinstance(lazy.rows, CsvRows) and lazy.rows[5] == ["x5", "kaksi\nriviä 5"]
    with pytest.raises(SheetError) as late:
        list(lazy.rows)
    assert str(late.value).startswith("big.csv:82: not valid CSV: field larger")
    # Where a forked worker parses that row, its error comes back as it is.
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:650]) + "z;" + "w" * (csv.field_size_limit() + 1) + "\n" + "".join(lines[650:]),
                    encoding="utf-8")
    with pytest.raises(SheetError) as forked:
        plan_insights(loaded, read_rows(path, str(path)), profile, "palaute", "palaute", workers=2, slice_rows=97)
    assert str(forked.value).startswith(f"{path}:651: not valid CSV: field larger")
    import pickle

    again = pickle.loads(pickle.dumps(forked.value))
    assert (type(again), str(again), again.where) == (SheetError, str(forked.value), forked.value.where)


def test_a_file_with_a_utf8_mark_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    """It was a traceback."""
    from journeyops_cli.sheets.rows import read_rows

    path = tmp_path / "bad.csv"
    path.write_bytes(b"\xef\xbb\xbfa;b\n\xe4;x\n")
    with pytest.raises(SheetError) as error:
        read_rows(path, "bad.csv")
    assert str(error.value) == ("bad.csv: starts as UTF-8 (a byte order mark) but is not: 'utf-8' codec can't "
                                "decode byte 0xe4 in position 4: invalid continuation byte")


@pytest.mark.parametrize("mapped", [False, True], ids=["profile-columns", "every-column-mapped"])
def test_the_distinct_values_a_table_knows_are_those_of_its_columns(bank: Path, tmp_path: Path, mapped: bool) -> None:
    """The import's table hands `records_yaml` and `invalid` the distinct values of the
    columns it made from a few distinct ones (defaults, dates, steps, groups) without a
    pass over the rows; they give what `distinct_values` of each column gives."""
    from tests.sheets.test_import_slices import feedback_csv

    from journeyops_cli.edit.fields import distinct_columns, records_yaml
    from journeyops_cli.edit.records import invalid
    from journeyops_cli.models import Insight
    from journeyops_cli.pipeline import load_bank
    from journeyops_cli.sheets import feedback
    from journeyops_cli.sheets.rows import read_rows

    loaded = load_bank(bank, cache=False).bank
    profile = loaded.config.import_profiles["palaute"]
    if mapped:  # a type, source and link column too: their values from the rows
        profile = profile.model_copy(update={"columns": {**profile.columns, "type": "Vakavuus", "link": "Kanava"},
                                             "values": {**profile.values, "type": {"matala": "feedback",
                                                        "keskitaso": "feedback", "korkea": "survey"}}})
    path = feedback_csv(tmp_path / "palaute.csv", 300)
    rows = read_rows(path, str(path))
    columns = {key: rows.header.index(header) for key, header in profile.columns.items()}
    mapper = feedback._Mapper(loaded, rows, columns, profile, "palaute", "palaute")
    table = mapper.table(0, len(rows.rows))
    assert not table.bad and {"kind", "date", "steps", "customer_groups"} <= table.distinct.keys()
    assert ("evidence" in table.distinct) is not mapped
    table.values["id"] = [f"palaute-{n}" for n in range(len(table.index))]
    data = {key: table.values[key] for key in feedback._ORDER}
    for key, (keys, distinct) in table.distinct.items():
        assert all(map(lambda value, k: distinct[k] is value or distinct[k] == value, data[key], keys)), key
    known = {**distinct_columns(data), **table.distinct}
    assert records_yaml(data, known) == records_yaml(data)
    assert invalid(Insight, data, len(table.index), known) == invalid(Insight, data, len(table.index))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="ab .!?\n\t\u2003…", max_size=120), max_size=6), st.booleans())
def test_a_title_is_the_first_sentence_of_its_summary_at_most_80_characters(summaries: list[str],
                                                                          stripped: bool) -> None:
    """`titles_from` looks for a sentence's end only where a title can end: it gives what
    the first match of `_SENTENCE_END` in the whole (stripped) text gives."""
    from journeyops_cli.sheets.feedback import _SENTENCE_END, titles_from

    def title(text: str) -> str:
        text = text.strip()
        end = _SENTENCE_END.search(text)
        first = text if end is None else text[:end.start() + 1]
        return first if len(first) <= 80 else first[:79].rstrip() + "…"

    if stripped:
        summaries = [summary.strip() for summary in summaries]
    assert titles_from(summaries, stripped) == list(map(title, summaries))
    # A first sentence of 79, 80 and 81 characters: whole, whole, cut.
    edges = [f"{'a' * length}. Kiitos!" for length in (78, 79, 80)]
    assert titles_from(edges) == ["a" * 78 + ".", "a" * 79 + ".", "a" * 79 + "…"] == list(map(title, edges))
