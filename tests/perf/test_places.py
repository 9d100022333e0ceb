"""The places memo (load/places.py) gives the positions a fresh scan gives, and only for
the content it scanned."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.perf.test_cache import bank  # noqa: F401 - the fixture

from journeyops_cli.load.places import Places
from journeyops_cli.load.positions import Locator
from journeyops_cli.pipeline import Selection, load_bank, load_config
from journeyops_cli.rules.engine import lint

Row = tuple[str, str, int, int, str]


def run(root: Path, workers: int = 1) -> tuple[list[Row], Places | None]:
    loaded = load_bank(root, load_config(root), cache=True)
    found = lint(loaded.bank, loaded.findings, loaded.files, Selection(), workers=workers)
    if loaded.bank.places is not None:
        loaded.bank.places.save(loaded.bank.digests)
    return sorted((f.code, f.path, f.line, f.column, f.message) for f in found), loaded.bank.places


def cold(root: Path) -> list[Row]:
    loaded = load_bank(root, load_config(root), cache=False)
    assert loaded.bank.places is None
    found = lint(loaded.bank, loaded.findings, loaded.files, Selection(), workers=1)
    return sorted((f.code, f.path, f.line, f.column, f.message) for f in found)


def test_unchanged_files_are_placed_from_the_memo(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    first, places = run(bank)
    assert first == cold(bank)
    assert places is not None and places.added == [] and places.stored  # saved
    assert (bank / ".journeyops_cache" / "places.bin").is_file()

    def no_scan(self: Locator, *args: object) -> tuple[int, int]:
        raise AssertionError("an unchanged file was scanned again")

    monkeypatch.setattr(Locator, "locate", no_scan)
    assert run(bank)[0] == first


def test_forked_rule_workers_send_their_places_back(bank: Path) -> None:  # noqa: F811
    first, _ = run(bank, workers=2)
    assert first == cold(bank)
    loaded = load_bank(bank, load_config(bank), cache=True)
    assert loaded.bank.places is not None
    placed = {path for path in loaded.bank.places.stored}
    by_rules = {row[1] for row in first if row[0] >= "JO100"}  # the loader places its own
    assert len(by_rules) > 5 and by_rules <= placed


def placed_once(root: Path) -> tuple[list[Row], str, Path]:
    """After a run that fills the memo: the cold findings, and a file with a JO302."""
    run(root)
    rows = cold(root)
    path = next(row[1] for row in rows if row[0] == "JO302")
    return rows, path, root / path


def test_an_edit_that_moves_the_findings_places_them_again(bank: Path) -> None:  # noqa: F811
    rows, path, target = placed_once(bank)
    target.write_text("# a new first line\n# and a second\n" + target.read_text("utf-8"), "utf-8")
    moved = run(bank)[0]
    assert moved == cold(bank)
    before = [row for row in rows if row[1] == path]
    after = [row for row in moved if row[1] == path]
    assert [row[2] + 2 for row in before] == [row[2] for row in after]


def test_a_file_changed_while_the_run_reads_it_is_not_memorised(bank: Path) -> None:  # noqa: F811
    _, path, target = placed_once(bank)
    target.write_text("# edited\n" + target.read_text("utf-8"), "utf-8")
    loaded = load_bank(bank, load_config(bank), cache=True)
    # Written again after loading, before the rules place their findings.
    target.write_text("# edited twice\n# really\n" + target.read_text("utf-8"), "utf-8")
    lint(loaded.bank, loaded.findings, loaded.files, Selection(), workers=1)
    places = loaded.bank.places
    assert places is not None
    assert all(item[0] != path for item in places.added)
    places.save(loaded.bank.digests)
    assert path not in Places.open(bank).stored
