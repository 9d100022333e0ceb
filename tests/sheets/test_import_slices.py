"""A large import is planned in slices of rows shared with forked workers: the ids, files,
texts, counts and problems are exactly those of the sequential run of one slice (the
reference), whatever the slices and wherever a row or its twin falls."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeyops_cli.edit.changeset import Changeset
from journeyops_cli.models.config_import import ImportProfile
from journeyops_cli.pipeline import load_bank
from journeyops_cli.sheets import feedback
from journeyops_cli.sheets.feedback import Planned, plan_insights
from journeyops_cli.sheets.rows import read_rows

HEADER = "Päivämäärä;Kanava;Palaute;Polun vaihe;Vakavuus;Asiakasryhmä\n"
GROUPS = ["", "newcomers", "families-with-children", "newcomers"]
STEPS = ["", "daycare-application#sign-in", "daycare-application#attach-documents"]


def feedback_csv(path: Path, rows: int, problems: bool = False) -> Path:
    lines, made = [HEADER], []
    for i in range(rows):
        text = f"Palaute {i % 23}. Lisää tekstiä {i % 7}"
        if i % 11 == 0:
            text += " Soita 040 123 4567."
        if i % 17 == 0:
            lines.append("\n")  # an empty row
        date = f"{1 + i % 28}.{1 + i % 5}.2026"
        if problems and i % 29 == 3:
            date = "32.1.2026"
        severity = ["matala", "korkea", "nope" if problems and i % 31 == 5 else "keskitaso"][i % 3]
        made.append(f"{date};{'Verkko' if i % 3 else 'Chat'};{text};{STEPS[i % 3]};{severity};{GROUPS[i % 4]}\n")
        lines.append(made[i - 97] if i % 13 == 0 and i >= 97 else made[i])  # the same row again, further on
    path.write_text("".join(lines), encoding="utf-8")
    return path


def plans(bank: Path, csv: Path, profile: ImportProfile) -> list[Planned]:
    loaded = load_bank(bank, cache=False).bank
    rows = read_rows(csv, str(csv))
    # Each plan with its files' pieces joined (how the records are cut in pieces depends
    # on the slices; the files do not).
    reference = plan_insights(loaded, rows, profile, "palaute", "palaute", workers=1).joined()
    assert reference == plan_insights(loaded, rows, profile, "palaute", "palaute", workers=1,
                                      slice_rows=len(rows.rows)).joined()
    return [reference] + [plan_insights(loaded, rows, profile, "palaute", "palaute", workers=workers,
                                        slice_rows=size).joined()
                          for workers in (1, 2) for size in (1, 7, 50, 333)]


@pytest.fixture
def profile(bank: Path) -> ImportProfile:
    return load_bank(bank, cache=False).bank.config.import_profiles["palaute"]


def test_slices_and_workers_plan_what_one_slice_plans(bank: Path, tmp_path: Path, profile: ImportProfile,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows seen twice in different slices, rows already in the bank (a re-import of the
    first half), masked phone numbers, empty rows and files split in parts."""
    monkeypatch.setattr(feedback, "MAX_RECORDS_PER_FILE", 9)
    first = feedback_csv(tmp_path / "first.csv", 300)
    reference, *others = plans(bank, first, profile)
    assert not reference.problems and reference.masked and reference.skipped == 0
    assert len(reference.ids) < 300  # the rows seen again are left out
    assert any(path.endswith("-2.yaml") for path in reference.files)
    assert all(other == reference for other in others)
    changes = Changeset(bank, load_bank(bank, cache=False).bank.config.limits)
    for file, records in reference.files.items():
        changes.add_encoded(file, records, "new", reference.lines[file])
    assert changes.file_errors() == []
    changes.write()
    again = feedback_csv(tmp_path / "again.csv", 600)
    reference, *others = plans(bank, again, profile)
    assert reference.skipped and reference.ids and not reference.problems
    assert all(other == reference for other in others)


def test_slices_and_workers_report_the_same_problems(bank: Path, tmp_path: Path, profile: ImportProfile) -> None:
    refuse = profile.model_copy(update={"privacy": "refuse"})
    reference, *others = plans(bank, feedback_csv(tmp_path / "bad.csv", 400, problems=True), refuse)
    assert reference.files == {} and reference.ids == []
    kinds = {problem.split(": ", 1)[1].split(":")[0] for problem in reference.problems}
    assert {"column 'Päivämäärä'", "column 'Vakavuus'"} <= kinds
    assert any("personal data (phone number) in the summary" in problem for problem in reference.problems)
    assert all(other == reference for other in others)


def test_each_file_holds_its_rows_in_row_order_and_files_come_as_their_first_rows(
        bank: Path, tmp_path: Path, profile: ImportProfile, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feedback, "MAX_RECORDS_PER_FILE", 2)
    months = [3, 3, 1, 3, 3, 1, 3]
    csv = tmp_path / "order.csv"
    csv.write_text(HEADER + "".join(f"{n + 1}.{month}.2026;Verkko;Palaute {n}.;;matala;\n"
                                    for n, month in enumerate(months)), encoding="utf-8")
    for planned in plans(bank, csv, profile):
        files = {path.rsplit("/", 1)[1]: [int(text.split("Palaute ")[1].split(".")[0])
                                          for text in b"---\n".join(texts).decode().split("---\n")]
                 for path, texts in planned.files.items()}
        assert planned.counts == {path: len(found) for path, found in zip(planned.files, files.values(), strict=True)}
        assert list(files.items()) == [("palaute-2026-03.yaml", [0, 1]), ("palaute-2026-01.yaml", [2, 5]),
                                       ("palaute-2026-03-2.yaml", [3, 4]), ("palaute-2026-03-3.yaml", [6])]


def test_accelerated_and_one_process_imports_write_the_same_bytes(tmp_path: Path, profile: ImportProfile,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The files an import writes, byte for byte, whether its rows were planned by this
    process alone or in slices shared with a forked worker (files split in parts, rows
    seen twice, masked phone numbers)."""
    from tests.sheets.helpers import copy_bank

    monkeypatch.setattr(feedback, "MAX_RECORDS_PER_FILE", 40)
    csv = feedback_csv(tmp_path / "palaute.csv", 900)
    written = []
    for name, workers, size in (("one", 1, None), ("forked", 2, 61)):
        (tmp_path / name).mkdir()
        bank = copy_bank(tmp_path / name)
        loaded = load_bank(bank, cache=False).bank
        planned = plan_insights(loaded, read_rows(csv, str(csv)), profile, "palaute", "palaute",
                                workers=workers, slice_rows=size)
        assert not planned.problems and planned.masked
        changes = Changeset(bank, loaded.config.limits)
        for file, records in planned.files.items():
            changes.add_encoded(file, records, "new", planned.lines[file])
        assert changes.file_errors() == []
        changes.write()
        written.append({path.relative_to(bank): path.read_bytes() for path in sorted((bank / "insights").rglob("*"))})
    assert len(written[0]) > 5 and written[0] == written[1]


def refuse_links_ending(monkeypatch: pytest.MonkeyPatch, ending: str) -> None:
    """The model, as the import asks it, refusing any record whose link ends with `ending`
    as well (a stand-in: the columns an import checks itself leave the model nothing to
    refuse today)."""
    from journeyops_cli.edit.records import invalid

    def refusing(model: Any, columns: Any, count: int, distinct: Any = None) -> dict[int, str]:
        found = invalid(model, columns, count, distinct)
        found.update((n, "evidence: not a link we take") for n, link in enumerate(columns["evidence"])
                     if link and link.endswith(ending) and n not in found)
        return found

    monkeypatch.setattr(feedback, "invalid", refusing)


def linked_csv(tmp_path: Path, profile: ImportProfile, rows: list[str]) -> tuple[Path, ImportProfile]:
    """A CSV of `rows` with a link column, and the profile that maps it."""
    csv = tmp_path / "twins.csv"
    csv.write_text(HEADER.rstrip("\n") + ";Linkki\n" + "".join(rows), encoding="utf-8")
    return csv, profile.model_copy(update={"columns": {**profile.columns, "link": "Linkki"}})


@pytest.mark.parametrize("refused", [False, True], ids=["linked-otherwise", "refused-by-the-model"])
def test_a_twin_in_a_later_slice_leaves_the_first_rows_text_and_the_slices_others(
        bank: Path, tmp_path: Path, profile: ImportProfile, monkeypatch: pytest.MonkeyPatch, refused: bool) -> None:
    """A row seen again in a later slice (the same date, source and summary, so the same
    id), the copy with another link, or one the model refuses: the copy is left out (its
    refusal with it), the first row kept, and the later slice's other records are cut out
    of its text whole, as in the sequential run of one slice (a slice with a refused record
    made no text, and its other records came out empty)."""
    if refused:
        refuse_links_ending(monkeypatch, "/twin")
    rows = [f"{1 + n % 28}.3.2026;Verkko;Palaute {n}.;;matala;;https://example.org/{n}\n" for n in range(30)]
    rows[25] = "2.3.2026;Verkko;Palaute 1.;;matala;;https://example.org/twin\n"  # the twin of row 1
    reference, *others = plans(bank, *linked_csv(tmp_path, profile, rows))
    assert not reference.problems and len(reference.ids) == 29
    text = b"---\n".join(next(iter(reference.files.values()))).decode()
    assert text.count("kind: Insight\n") == 29 and "/twin" not in text
    assert "example.org/1\"\n" in text and "example.org/29\"\n" in text
    assert all(other == reference for other in others)
    if refused:  # the twin alone, after its first: refused where it is first
        rows[1] = rows[25]
        reference, *others = plans(bank, *linked_csv(tmp_path, profile, rows))
        assert reference.files == {} and [p.split(": ", 1)[1] for p in reference.problems] == [
            "evidence: not a link we take"]
        assert all(other == reference for other in others)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.integers(0, 5), st.booleans(), st.booleans()), min_size=1, max_size=30),
       size=st.integers(1, 12), firsts_too=st.booleans())
def test_twins_anywhere_some_refused_by_the_model_plan_as_one_slice(
        bank: Path, tmp_path: Path, profile: ImportProfile, monkeypatch: pytest.MonkeyPatch,
        rows: list[tuple[int, bool, bool]], size: int, firsts_too: bool) -> None:
    """Rows with twins anywhere (the same date, source and summary: the same id), each row
    or twin one the model refuses or not (a stand-in model, as above), one file part every
    3 records: slices of any size plan what one slice plans (every slice boundary, twins
    on both sides of it, a refused first row or a refused twin; `firsts_too` False: only
    twins refused, so that nothing else stops the import)."""
    refuse_links_ending(monkeypatch, "/refused")
    monkeypatch.setattr(feedback, "MAX_RECORDS_PER_FILE", 3)
    marked, seen = [], set()
    for text, other, refused in rows:
        marked.append((text, other, refused and (firsts_too or text in seen)))
        seen.add(text)
    rows = marked
    csv, linked = linked_csv(tmp_path, profile, [
        f"{1 + text}.{1 + text % 2}.2026;Verkko;Palaute {text}.;;{'korkea' if other else 'matala'};;"
        f"https://example.org/{n}{'/refused' if refused else ''}\n" for n, (text, other, refused) in enumerate(rows)])
    loaded = load_bank(bank, cache=False).bank
    table = read_rows(csv, str(csv))
    reference = plan_insights(loaded, table, linked, "palaute", "palaute", workers=1).joined()
    assert reference == plan_insights(loaded, table, linked, "palaute", "palaute", workers=1, slice_rows=size).joined()
    firsts: dict[int, bool] = {}
    for text, _, refused in rows:
        firsts.setdefault(text, refused)
    assert bool(reference.problems) == any(firsts.values())
    assert len(reference.ids) == (0 if reference.problems else len(firsts))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 400_000), st.integers(2, 8))
def test_graded_slices_cover_the_rows_once_small_where_the_takers_meet(total: int, processes: int) -> None:
    """The slices of a parallel plan (`graded_spans`) cover every row once, in order, none
    larger than SLICE_MOST; from this process's side they never grow toward the middle,
    where each process's last ones are small."""
    spans = feedback.graded_spans(total, processes)
    assert spans[0][0] == 0 and spans[-1][1] == total
    assert all(start < end for start, end in spans) and all(a[1] == b[0] for a, b in pairwise(spans))
    sizes = [end - start for start, end in spans]
    assert max(sizes) <= max(feedback.SLICE_MOST, feedback.SLICE_LEAST)
    front = [size for (start, _), size in zip(spans, sizes, strict=True) if start < round(total / processes)]
    assert front == sorted(front, reverse=True)
    if total >= 100_000 and processes == 2:
        assert sizes[len(sizes) // 2 - 1] <= feedback.SLICE_LEAST and sizes[len(sizes) // 2] <= feedback.SLICE_LEAST
