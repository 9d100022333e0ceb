"""New records in bulk (`edit/records.py`): the text `records_yaml` writes for any record an
import can produce reads back through the bank's own read path as exactly the model that
`invalid` validated, so an import checks new files by validation and a line by line check
of their text (`structure_problem`) instead of reading each one back; a text that check
accepts parses as the structure that was written. An existing file is still read back
whole."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from journeyops_cli.edit.changeset import Changeset
from journeyops_cli.edit.fields import Written, append_documents, read_back, record_yaml, records_yaml
from journeyops_cli.edit.lines import NOT_WRITTEN, count_problem, structure_problem
from journeyops_cli.edit.quoting import is_bare_item, item_or_texts, text_scalar
from journeyops_cli.edit.records import invalid
from journeyops_cli.load.files import FileResult, load_text
from journeyops_cli.models import Insight
from journeyops_cli.models.base import SLUG_PATTERN, STEP_REF_PATTERN
from journeyops_cli.models.config import LimitsConfig

LIMITS = LimitsConfig()
# Texts people type, and what YAML would read as something else if it were written plain.
TRICKY = ["yes", "no", "NO", "on", "null", "~", "true", "1e3", "0x1F", "2026-11-15", "12", "-1", ".5", "- item",
          "# not a comment", "@user", "`x`", "a: b", "a #b", "key:", "why?", "'quoted'", '"double"', "[a, b]",
          "{a: b}", "*alias", "&anchor", "!tag", "%YAML", "---", "...", "|", ">", "a\nb", " lead", "trail ",
          "tab\there", "\ufeffbom", "line\u2028sep", "nel\x85", "x" * 1000, "ä" * 200, "Päätös: 3 viikkoa"]
texts = st.one_of(st.text(), st.sampled_from(TRICKY), st.lists(st.sampled_from(TRICKY), max_size=4).map(" ".join))
slugs = st.from_regex(SLUG_PATTERN[:-1] + r"\Z", fullmatch=True)
step_refs = st.from_regex(STEP_REF_PATTERN[:-1] + r"\Z", fullmatch=True)
language_texts = st.dictionaries(st.sampled_from(["fi", "sv", "en"]), texts, min_size=1)


def insights(valid: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Insight data as an import makes it (None or [] is a key left out); with `valid`
    False, also values the model refuses."""
    wrong: st.SearchStrategy[Any] = st.sampled_from(["", "Not A Slug", "x#", None]) if not valid else st.nothing()
    return st.fixed_dictionaries({
        "kind": st.just("Insight"),
        "id": st.one_of(slugs, wrong.filter(lambda v: v is not None)),
        "title": st.one_of(texts.filter(bool), language_texts.filter(lambda d: all(d.values())), wrong),
        "type": st.one_of(st.sampled_from(["feedback", "survey", "research"]), wrong),
        "source": st.one_of(texts, wrong),
        "date": st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)),
        "summary": st.one_of(texts.filter(bool), wrong),
        "evidence": st.one_of(st.none(), texts),
        "severity": st.one_of(st.sampled_from(["low", "medium", "high", "critical", None]), wrong),
        "confidence": st.sampled_from(["low", "medium", "high", None]),
        "steps": st.lists(st.one_of(step_refs, wrong.filter(lambda v: v is not None)), max_size=3),
        "customer_groups": st.lists(slugs, max_size=2),
    })


def columns_of(records: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return {key: [record[key] for record in records] for key in records[0]}


def model_of(record: dict[str, Any]) -> Insight | None:
    """What the read path ends in for this data: its model, or None when it is refused."""
    try:
        return Insight.model_validate({k: read_back(v) for k, v in record.items() if v is not None and v != []})
    except ValidationError:
        return None


def lines_of(written: Written) -> int:
    """The lines of the file of these records (each record's, and `---` between two)."""
    return sum(written.lines) + len(written.texts) - 1


def read_path(text: str) -> FileResult:
    result = FileResult("insights/new.yaml")
    load_text(text, "insights/new.yaml", LIMITS, result)
    return result


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(insights(valid=True), min_size=1, max_size=6))
def test_written_records_read_back_as_the_validated_models(records: list[dict[str, Any]]) -> None:
    columns = columns_of(records)
    assert invalid(Insight, columns, len(records)) == {}
    written = records_yaml(columns)
    assert written.texts == [record_yaml({key: record[key] for key in columns}) for record in records]
    text = append_documents("", written.texts, "\n")
    result = read_path(text)
    assert [f.message for f in result.findings] == []
    assert [r.model_dump() for r in result.records] == [model_of(record).model_dump() for record in records]  # type: ignore[union-attr]
    assert structure_problem(text, lines_of(written)) is None


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(insights(valid=False), min_size=1, max_size=6))
def test_invalid_refuses_exactly_the_records_the_read_path_refuses(records: list[dict[str, Any]]) -> None:
    columns = columns_of(records)
    refused = {index for index, record in enumerate(records) if model_of(record) is None}
    assert set(invalid(Insight, columns, len(records))) == refused
    written = records_yaml(columns)
    text = append_documents("", written.texts, "\n")
    assert {r.source_document for r in read_path(text).records} == set(range(len(records))) - refused
    assert structure_problem(text, lines_of(written)) is None


def test_invalid_names_the_field_and_the_reason() -> None:
    record = {"kind": "Insight", "id": "a-1", "title": "", "type": "feedback", "source": "s",
              "date": dt.date(2026, 11, 15), "summary": "x"}
    assert invalid(Insight, columns_of([record]), 1) == {0: "title: String should have at least 1 character"}
    assert invalid(Insight, columns_of([{**record, "title": "t", "mood": "x"}]), 1) == {
        0: "mood: not a field of Insight"}
    del record["summary"]
    assert invalid(Insight, columns_of([{**record, "title": "t"}]), 1) == {0: "summary: Field required"}


def test_structure_problem_checks_each_line_and_counts_them() -> None:
    one = records_yaml({"kind": ["Insight"], "id": ["a"], "steps": [["j#s", "j#t"]],
                        "title": [{"fi": "Otsikko, pitkä", "en": "a: b"}], "date": [dt.date(2026, 11, 15)]})
    assert one.texts == ['kind: Insight\nid: a\nsteps:\n  - j#s\n  - j#t\ntitle: {fi: "Otsikko, pitkä", en: "a: b"}\n'
                         "date: 2026-11-15\n"] and one.lines == [7]
    assert structure_problem(one.texts[0], 7) is None
    # A value that broke out of its line (what a wrong quoting decision would do) makes a
    # line more than was written:
    assert structure_problem("kind: Insight\nid: a\ntitle: x\nsummary: y\n", 3) == (1, "4 lines, not the 3 written")
    # A line that is none the import writes, where it is:
    assert structure_problem("kind: Insight\ntitle: [a\n", 2) == (2, NOT_WRITTEN)
    assert NOT_WRITTEN == "not a line the import writes (`---`, a key and one value, or a list item)"
    for wrong in ["title: a: b\n", "title: a #b\n", "title: 'a'\n", "title: \"a\nb\"\n", "title: |\n",
                  "title: &a x\n", "title: *a\n", "title: !x y\n", "title: -x\n", "title: x\r\n", "title: x\x85y\n",
                  "title: x\u2028y\n", "title: {fi: a, b}\n", "title: {fi: [a]}\n", "steps:\n  - a: b\n",
                  "steps:\n- a\n", "---x\n", "... \n", "title: x", " title: x\n", "title:  x\n",
                  "title: \"\\x41\"\n", "title: \"\x00\"\n", "? a\n"]:
        assert structure_problem("kind: Insight\n" + wrong, wrong.count("\n") + 1) == (2, NOT_WRITTEN), wrong
    # A list item or a value in a mapping that starts as an id and goes on as a text:
    text = 'steps:\n  - abc def\n  - a#b\n  - {fi: ab c, en: "x, y", sv: a#b, n: 12, d: 2026-01-02}\ntitle: {}\n'
    assert structure_problem(text, 5) is None


def test_structure_problem_refuses_a_broken_flow_mapping_in_linear_time() -> None:
    """Each value in a mapping may be read as an id or a text: without holding a value to
    the first reading that ends where it must, refusing this line would retry 2**26 ways."""
    line = "title: {" + ", ".join(f"{chr(97 + i % 26)}: abc" for i in range(26)) + "}x\n"
    start = time.perf_counter()
    assert structure_problem(line, 1) == (1, NOT_WRITTEN)
    assert time.perf_counter() - start < 1


# What a slip in the writer could put into a text (a character the YAML reader takes for
# structure or a line break).
_SLIPS = [*":#-?,[]{}'\"\\|>&*!%@` \t\r\n\x85\u2028\u2029\ufeff", ": ", " #", "\n---\n", "\n...\n", "\n  - ", "\nx: "]


def shape(node: yaml.Node) -> Any:
    """A parsed node's structure: its collections and their sizes, not the texts."""
    if isinstance(node, yaml.MappingNode):
        return "map", [(shape(k), shape(v)) for k, v in node.value]
    if isinstance(node, yaml.SequenceNode):
        return "seq", [shape(item) for item in node.value]
    return "scalar"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(insights(valid=True), min_size=1, max_size=3), st.data())
def test_a_text_the_line_check_accepts_parses_as_the_structure_written(records: list[dict[str, Any]],
                                                                        data: st.DataObject) -> None:
    """A corrupted text (characters put in or taken out anywhere) is refused by the line
    check, or libyaml parses it as the same documents, collections and scalars as the
    text that was written: what the parse of the whole file would have checked."""
    written = records_yaml(columns_of(records))
    text = append_documents("", written.texts, "\n")
    expected = [shape(doc) for doc in yaml.compose_all(text, Loader=yaml.CSafeLoader)]
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text = text[:at] + data.draw(st.sampled_from(_SLIPS)) + text[at:]
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 4)):]
    if structure_problem(text, lines_of(written)) is None:
        assert [shape(doc) for doc in yaml.compose_all(text, Loader=yaml.CSafeLoader)] == expected


def test_new_files_are_checked_by_their_lines_and_existing_ones_read_back(tmp_path: Path) -> None:
    (tmp_path / "insights").mkdir()
    (tmp_path / "insights" / "old.yaml").write_text("# kept\nkind: Insight\nid: old\n", encoding="utf-8")
    changes = Changeset(tmp_path, LIMITS)
    good = records_yaml({"kind": ["Insight"] * 2, "id": ["a", "b"], "title": ["t", "u"]})
    changes.add("insights/new.yaml", good.texts, "new", good.lines)
    changes.add("insights/new.yaml", [], "nothing", [])
    changes.add("insights/new.yaml", good.texts[:1], "again", good.lines[:1])
    changes.add("insights/bad.yaml", ["kind: Insight\nid: b\ntitle: x\nsummary: y\n"], "new", [3])
    # A record of 0 lines: one records_yaml could not vouch for; its file is read back.
    changes.add("insights/worse.yaml", ["kind: Insight\nid: b\n", "title: x: y\n"], "new", [2, 0])
    changes.add("insights/old.yaml", good.texts, "new", good.lines)
    assert changes.files["insights/new.yaml"].lines == 11  # 3 records of 3 lines, 2 `---`
    assert changes.files["insights/old.yaml"].lines is None  # existing: read back whole
    assert changes.files["insights/worse.yaml"].lines is None
    errors = changes.file_errors(workers=1)
    assert errors[0] == "insights/bad.yaml:1:1: 4 lines, not the 3 written"
    assert errors[1].startswith("insights/worse.yaml:4:")
    assert all(not e.startswith("insights/new.yaml") for e in errors)
    assert any(e.startswith("insights/old.yaml:") for e in errors)  # both records lack fields
    assert changes.files["insights/old.yaml"].text.startswith("# kept\nkind: Insight\nid: old\n---\n")


def test_a_new_file_the_loader_would_not_read_is_refused(tmp_path: Path) -> None:
    changes = Changeset(tmp_path, LimitsConfig(max_file_bytes=100))
    big = records_yaml({"kind": ["Insight"], "id": ["a"], "summary": ["ä" * 60]})
    changes.add("insights/big.yaml", big.texts, "new", big.lines)
    changes.add_encoded("insights/big-too.yaml", [text.encode() for text in big.texts], "new", big.lines)
    assert changes.file_errors(workers=1) == [
        "insights/big.yaml:1:1: file is 150 bytes, more than the limit of 100",
        "insights/big-too.yaml:1:1: file is 150 bytes, more than the limit of 100"]


def test_records_added_as_utf8_are_checked_and_written_as_the_same_records_as_text(tmp_path: Path) -> None:
    """`add_encoded` (an import's records, UTF-8 made in its workers): a new file is
    checked by its lines and written byte for byte as `add` writes the same records as
    text; its text is there when read; to an existing file they are added as text."""
    (tmp_path / "insights").mkdir()
    (tmp_path / "insights" / "old.yaml").write_text("# kept\nkind: Insight\nid: old\n", encoding="utf-8")
    good = records_yaml({"kind": ["Insight"] * 2, "id": ["a", "b"], "title": ["Päätös", "u"]})
    encoded = [text.encode() for text in good.texts]
    written = []
    for name, add in (("text", Changeset.add), ("utf8", Changeset.add_encoded)):
        root = tmp_path / name
        (root / "insights").mkdir(parents=True)
        (root / "insights" / "old.yaml").write_text("# kept\nkind: Insight\nid: old\n", encoding="utf-8")
        changes = Changeset(root, LIMITS)
        records = good.texts if add is Changeset.add else encoded
        add(changes, "insights/new.yaml", records, "new", good.lines)  # type: ignore[arg-type, operator]
        add(changes, "insights/new.yaml", records[:1], "again", good.lines[:1])  # type: ignore[arg-type, operator]
        add(changes, "insights/old.yaml", records, "new", good.lines)  # type: ignore[arg-type, operator]
        assert changes.files["insights/new.yaml"].lines == 11 and changes.files["insights/old.yaml"].lines is None
        assert not [error for error in changes.file_errors(workers=1) if error.startswith("insights/new.yaml")]
        changes.write()
        written.append({path.name: path.read_bytes() for path in sorted((root / "insights").iterdir())})
    assert written[0] == written[1] and "Päätös".encode() in written[1]["new.yaml"]
    changes = Changeset(tmp_path, LIMITS)
    changes.add_encoded("insights/new.yaml", encoded, "new", good.lines)
    assert changes.files["insights/new.yaml"].data is not None
    assert changes.files["insights/new.yaml"].text == "---\n".join(good.texts)  # decoded where it is read
    # A record with a line more than it says: the count finds it in the UTF-8 as in text.
    changes.add_encoded("insights/bad.yaml", [b"kind: Insight\nid: b\ntitle: x\nsummary: y\n"], "new", [3])
    assert changes.file_errors(workers=1) == ["insights/bad.yaml:1:1: 4 lines, not the 3 written"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(texts, slugs, step_refs, st.sampled_from(
    ["y", "n", "no", "a\nb", "a#b", "a\n", "YES", "nUll", "Off", "a\u2003", "\u2003a", "a ?", "ſ", "Kiitos!"])),
    max_size=12))
def test_a_column_of_texts_is_written_as_each_text_alone(column: list[str]) -> None:
    """`item_or_texts` (a column at once, the runs of texts written as they are in one
    pass) writes each text as `is_bare_item` and `text_scalar` write it alone."""
    alone = [text if is_bare_item(text) else text_scalar(text) for text in column]
    assert item_or_texts(column) == alone
    assert item_or_texts([t for t in column if is_bare_item(t)]) == [t for t in column if is_bare_item(t)]


latin1_texts = st.text(alphabet=st.characters(max_codepoint=0xFF), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(texts, slugs, step_refs, latin1_texts, st.sampled_from(
    ["y", "n", "no", "a#b", "YES", "nUll", "Off", "a ?", "Kiitos!", "Päätös tuli. Kiitos!", "ab\xa0", "\xa0ab",
     "ab\xd7", "ab\x85", "ab_c", "_ab", "1ab", "a: b", "a #b", "ab\t", "Ö", "Öljy", "ÿes"])), max_size=80))
def test_a_column_of_latin1_texts_at_once_is_written_as_each_text_alone(column: list[str]) -> None:
    """For many Latin-1 texts `item_or_texts` looks at them all at once (`_unsure`, byte
    tables): each text is written as `is_bare_item` and `text_scalar` write it alone, and
    a text it leaves out of `alone` is one `_SURE_LINES` takes (so its line needs no check)."""
    from journeyops_cli.edit import quoting
    from journeyops_cli.edit.quoting import _SURE_LINES

    old = quoting.AT_ONCE_MIN
    quoting.AT_ONCE_MIN = 1
    try:
        alone: list[int] = []
        written = item_or_texts(column, alone)
    finally:
        quoting.AT_ONCE_MIN = old
    assert written == [text if is_bare_item(text) else text_scalar(text) for text in column]
    for at, text in enumerate(column):
        if at not in alone:
            assert _SURE_LINES.fullmatch(text + "\n") is not None, text


def test_every_latin1_character_in_every_place_is_sure_only_where_the_matcher_says() -> None:
    """`_unsure`'s byte tables against `_SURE_LINES`, for every Latin-1 character as a
    text's first, middle and last character."""
    from journeyops_cli.edit.quoting import _SURE_LINES, _unsure

    column = [text for c in map(chr, range(1, 256)) if c != "\n"
              for text in (f"{c}abcdef", f"abc{c}def", f"abcdef{c}", c * 7)]
    unsure = set(_unsure(column, "\n".join(column) + "\n") or ())
    sure = {at for at, text in enumerate(column) if _SURE_LINES.fullmatch(text + "\n") is not None}
    # The same, not only a part of it, but for step references (`abc#def`: the matcher's
    # other alternative), which are looked at alone.
    assert set(range(len(column))) - unsure <= sure
    assert {column[at] for at in sure & unsure} == {"abc#def"}
    assert _unsure(["abcdefg", "ab\u2026cdefg"], "abcdefg\nab\u2026cdefg\n") is None  # not Latin-1: the matcher


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(texts, slugs, step_refs), st.from_regex(r"[a-z_]+\Z", fullmatch=True))
def test_a_text_written_as_sure_is_a_line_the_check_accepts(text: str, key: str) -> None:
    """What lets `records_yaml` check only the lines it did not write as sure: a text that
    `_SURE_LINES` matches (written as it is) makes, after any key, a line that
    `structure_problem` accepts."""
    from journeyops_cli.edit.quoting import _SURE_LINES

    if "\n" not in text and _SURE_LINES.fullmatch(text + "\n") is not None:
        assert structure_problem(f"{key}: {text}\n", 1) is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(insights(valid=False), min_size=1, max_size=6), st.integers(0, 5))
def test_records_written_are_lines_of_the_check_however_they_are_joined(records: list[dict[str, Any]],
                                                                       cut: int) -> None:
    """Each record's text is lines of the check, so any files the records are split
    into (joined with `---` lines) are too, with the lines counted: the count is all a
    new file of them needs."""
    written = records_yaml(columns_of(records))
    assert 0 not in written.lines
    for part, each in ((written.texts[:cut], written.lines[:cut]), (written.texts[cut:], written.lines[cut:])):
        text = append_documents("", part, "\n")
        lines = sum(each) + max(0, len(part) - 1)
        assert structure_problem(text, lines) is None
        assert count_problem(text, lines) is None


def test_a_line_the_check_refuses_makes_its_records_read_back(monkeypatch: Any, tmp_path: Path) -> None:
    """Should the writer make a line the check refuses (a fault of its own), its records
    get 0 lines and their file is read back whole, which names the line."""
    from journeyops_cli.edit import fields

    monkeypatch.setattr(fields, "_line", lambda key, value: (f"{key}: [{value}\n", 1))
    written = records_yaml({"kind": ["Insight"] * 2, "id": ["a", "b"], "date": [dt.date(2026, 1, 2)] * 2})
    assert written.lines == [0, 0]
    changes = Changeset(tmp_path, LIMITS)
    changes.add("insights/new.yaml", written.texts, "new", written.lines)
    assert changes.files["insights/new.yaml"].lines is None
    assert changes.file_errors(workers=1)[0].startswith("insights/new.yaml:")


def test_count_problem_counts_the_lines() -> None:
    assert count_problem("a: b\n---\nc: d\n", 3) is None
    assert count_problem("a: b\nc: d\n", 1) == (1, "2 lines, not the 1 written")
    assert count_problem("a: b\nc: d", 1) == (2, "the last line has no line break")


def _append_one_by_one(text: str, records: list[str], newline: str) -> str:
    """`append_documents` as it was written before it joined the records in one call."""
    parts = [text]
    if text and not text.endswith("\n"):
        parts.append(newline)
    for i, record in enumerate(records):
        if i or text.strip():
            parts.append("---" + newline)
        parts.append(record.replace("\n", newline) if newline != "\n" else record)
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["", "\n", "  \n", "kind: Insight\nid: a\n", "id: a", "# c\r\nid: a\r\n"]),
       st.lists(st.sampled_from(["id: b\n", "id: c\nsteps:\n  - j#s\n", ""]), max_size=4),
       st.sampled_from(["\n", "\r\n"]))
def test_documents_are_appended_as_one_by_one(text: str, records: list[str], newline: str) -> None:
    assert append_documents(text, records, newline) == _append_one_by_one(text, records, newline)


def test_the_plain_body_class_leading_with_latin1_is_the_same_set_of_characters() -> None:
    """`BODY_CHARACTERS` lists the ASCII letters and digits and Latin-1's letters first
    (the matcher finds them in a table), and is still the class `[\\w{_LETTERS}]`: the same
    characters, every code point."""
    import re

    from journeyops_cli.edit.quoting import _LETTERS, BODY_CHARACTERS

    every = "".join(map(chr, range(0x110000)))
    assert re.findall(f"[{BODY_CHARACTERS}]", every) == re.findall(rf"[\w{_LETTERS}]", every)
    assert len(re.findall(f"[^{BODY_CHARACTERS}]", every)) > 100  # not everything: controls, marks, spaces
