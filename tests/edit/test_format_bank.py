"""`edit/format_bank`: which files `fmt` takes, and one outcome per file (in-process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyops_cli.edit.format_bank import format_files, within
from journeyops_cli.models.config import LimitsConfig

UNORDERED = "title: Housing\nid: housing\nkind: Theme\n"
ORDERED = "kind: Theme\nid: housing\ntitle: Housing\n"
FILES = ["a.yaml", "themes/b.yaml", "themes-old/c.yaml"]


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (None, FILES),
        (["."], FILES),
        (["themes"], ["themes/b.yaml"]),
        (["themes/"], ["themes/b.yaml"]),
        (["a.yaml", "themes-old"], ["a.yaml", "themes-old/c.yaml"]),
    ],
)
def test_within_takes_files_and_folders_not_name_prefixes(wanted: list[str] | None, expected: list[str]) -> None:
    assert within(FILES, wanted) == expected


def _bank(tmp_path: Path) -> list[str]:
    (tmp_path / "ordered.yaml").write_text(ORDERED)
    (tmp_path / "unordered.yaml").write_text(UNORDERED)
    (tmp_path / "broken.yaml").write_text("kind: Theme\nid: [x\n")
    return ["broken.yaml", "ordered.yaml", "unordered.yaml"]


def test_check_and_diff_write_nothing_and_say_what_would_change(tmp_path: Path) -> None:
    files = _bank(tmp_path)
    checked = [(f.path, f.outcome) for f in format_files(tmp_path, files, LimitsConfig(), "bank/", "check")]
    assert checked == [("broken.yaml", "refused"), ("ordered.yaml", "unchanged"), ("unordered.yaml", "would reformat")]
    diffed = list(format_files(tmp_path, files, LimitsConfig(), "bank/", "diff"))
    assert diffed[2].detail.startswith("--- a/unordered.yaml\n+++ b/unordered.yaml\n")
    assert (tmp_path / "unordered.yaml").read_text() == UNORDERED


def test_write_formats_and_a_refused_file_does_not_stop_the_others(tmp_path: Path) -> None:
    files = _bank(tmp_path)
    done = list(format_files(tmp_path, files, LimitsConfig(), "bank/", "write"))
    assert [(f.shown, f.outcome) for f in done] == [
        ("bank/broken.yaml", "refused"),
        ("bank/ordered.yaml", "unchanged"),
        ("bank/unordered.yaml", "reformatted"),
    ]
    assert done[0].detail.startswith("bank/broken.yaml")
    assert (tmp_path / "unordered.yaml").read_text() == ORDERED
    assert (tmp_path / "broken.yaml").read_text() == "kind: Theme\nid: [x\n"
