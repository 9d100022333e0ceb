"""The place stage (`place.py`): each file with findings is read and composed once,
shared between processes or not, and the places memo (`speed/places.py`) gives the
positions a fresh read gives, only for the content it read."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.perf.test_cache import bank  # noqa: F401 - the fixture

from journeyops_cli import place as place_stage
from journeyops_cli.load.positions import Locator
from journeyops_cli.pipeline import Selection, load_bank, load_config
from journeyops_cli.rules.engine import lint
from journeyops_cli.speed.places import Places

Row = tuple[str, str, int, int, str]


def run(root: Path, workers: int = 1, cache: bool = True) -> list[Row]:
    loaded = load_bank(root, load_config(root), cache=cache, workers=workers)
    found = lint(loaded.bank, loaded.findings, loaded.files, Selection(), workers=workers)
    assert all(f.placed for f in found)
    return sorted((f.code, f.path, f.line, f.column, f.message) for f in found)


def cold(root: Path) -> list[Row]:
    return run(root, cache=False)


def test_unchanged_files_are_placed_from_the_memo(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    first = run(bank)
    assert first == cold(bank)
    stored = Places.open(bank).stored
    by_rules = {row[1] for row in first if row[0] >= "JO100"}  # the loader places its own
    assert len(by_rules) > 5 and by_rules <= set(stored)

    def no_read(self: Locator, *args: object) -> tuple[int, int]:
        raise AssertionError("an unchanged file was read again")

    monkeypatch.setattr(Locator, "locate", no_read)
    assert run(bank) == first


def test_each_file_is_read_once_however_many_findings(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    read: list[str] = []
    real = place_stage.read_places

    def counting(root: Path, rel: str, keys: list) -> tuple:  # type: ignore[type-arg]
        read.append(rel)
        return real(root, rel, keys)

    monkeypatch.setattr(place_stage, "read_places", counting)
    rows = cold(bank)
    files = {row[1] for row in rows if row[0] >= "JO100"}
    assert len(rows) > len(files) > 5  # some files have several findings
    assert len(read) == len(set(read))
    assert files <= set(read)


def test_shared_between_processes_the_places_are_the_same(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setattr(place_stage, "PARALLEL_MIN_FILES", 2)
    assert run(bank, workers=2, cache=False) == cold(bank)
    assert run(bank, workers=2) == cold(bank)


def placed_once(root: Path) -> tuple[list[Row], str, Path]:
    """After a run that fills the memo: the cold findings, and a file with a JO302."""
    run(root)
    rows = cold(root)
    path = next(row[1] for row in rows if row[0] == "JO302")
    return rows, path, root / path


def test_an_edit_that_moves_the_findings_places_them_again(bank: Path) -> None:  # noqa: F811
    rows, path, target = placed_once(bank)
    target.write_text("# a new first line\n# and a second\n" + target.read_text("utf-8"), "utf-8")
    moved = run(bank)
    assert moved == cold(bank)
    before = [row for row in rows if row[1] == path]
    after = [row for row in moved if row[1] == path]
    assert [row[2] + 2 for row in before] == [row[2] for row in after]


def test_a_file_changed_while_the_run_reads_it_is_not_memorised(bank: Path) -> None:  # noqa: F811
    _, path, target = placed_once(bank)
    target.write_text("# edited\n" + target.read_text("utf-8"), "utf-8")
    loaded = load_bank(bank, load_config(bank), cache=True)
    # Written again after loading, before the place stage reads it.
    target.write_text("# edited twice\n# really\n" + target.read_text("utf-8"), "utf-8")
    found = lint(loaded.bank, loaded.findings, loaded.files, Selection(), workers=1)
    assert any(f.path == path for f in found)
    assert path not in Places.open(bank).stored
