"""Every command over every bank of the bad-input corpus: exit code 0, 1 or 2, no
traceback, no signal, and no file changed by a command that only reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.hostile.harness import BANKS, materialise, run, tree_digest

EXPECTED = Path(__file__).resolve().parent / "expected"

READ_ONLY = [
    ["validate"],
    ["validate", "--format", "json"],
    ["validate", "--format", "github"],
    ["validate", "--format", "sarif"],
    ["validate", "--statistics"],
    ["prioritise"],
    ["prioritise", "--format", "csv"],
    ["prioritise", "--format", "json"],
    ["prioritise", "--format", "md"],
    ["render", "service-journey"],
    ["render", "service-journey", "--format", "html"],
    ["render", "hostile"],
    ["render", "hostile", "--format", "html"],
    ["fmt", "--check"],
    ["fmt", "--diff"],
    ["new", "team", "--title", "New team", "--no-input", "--dry-run"],
]


def assert_survived(result, bank: str) -> None:
    where = f"journeyops {' '.join(result.args)} on {bank}"
    assert result.returncode in (0, 1, 2), f"{where}: exit {result.returncode}\n{result.output}"
    assert "Traceback" not in result.output, f"{where}:\n{result.output}"


@pytest.mark.parametrize("bank", BANKS)
def test_read_only_commands_survive_and_change_nothing(tmp_path: Path, bank: str) -> None:
    root = materialise(bank, tmp_path)
    before = tree_digest(root)
    for args in READ_ONLY:
        result = run(args, root)
        assert_survived(result, bank)
        assert tree_digest(root) == before, f"journeyops {' '.join(args)} changed files in {bank}"
    site = tmp_path / "site-out"
    result = run(["site", "build", "--out", str(site)], root)
    assert_survived(result, bank)
    assert tree_digest(root) == before


@pytest.mark.parametrize("bank", BANKS)
def test_validate_findings_are_exactly_the_expected_ones(tmp_path: Path, bank: str) -> None:
    root = materialise(bank, tmp_path)
    result = run(["validate", "--format", "json"], root)
    assert_survived(result, bank)
    found = [
        [f["path"], f["code"], f["line"], f["column"], f["severity"], f["message"]]
        for f in json.loads(result.stdout)["findings"]
    ]
    expected_file = EXPECTED / f"{bank}.json"
    if not expected_file.exists():
        EXPECTED.mkdir(exist_ok=True)
        expected_file.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n")
        pytest.fail(f"wrote {expected_file}: review it")
    assert found == json.loads(expected_file.read_text())


@pytest.mark.parametrize("bank", BANKS)
def test_editing_commands_survive(tmp_path: Path, bank: str) -> None:
    root = materialise(bank, tmp_path)
    for args in (
        ["fmt"],
        ["link", "hostile-insight", "service-journey#findability"],
        ["unlink", "hostile-insight", "hostile#pipe"],
        ["new", "team", "--title", "Brand new team", "--no-input"],
    ):
        assert_survived(run(args, root), bank)
    # Whatever the edits did, the bank still reads with exit code 0, 1 or 2.
    assert_survived(run(["validate"], root), bank)
