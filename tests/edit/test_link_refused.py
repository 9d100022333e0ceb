"""`link` to or from a record whose file failed to load says so, and why (file:line:col),
instead of "no insight"; nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.runner import run_cli as run

HERE = Path(__file__).parent
TYPES = "research, interview, usability-test, survey, feedback, analytics, observation, service-data"


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(HERE / "banks" / "small", target)
    return target


def snapshot(bank: Path) -> dict[str, bytes]:
    return {p.relative_to(bank).as_posix(): p.read_bytes() for p in bank.rglob("*.yaml")}


def test_source_in_a_file_that_failed_its_schema(bank: Path) -> None:
    path = bank / "insights" / "many.yaml"
    path.write_bytes(path.read_bytes().replace(b"type: feedback", b"type: feedbak"))
    before = snapshot(bank)
    result = run("link", "first", "service#apply", cwd=bank)
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: error: insight 'first' is in insights/many.yaml, which failed to load: "
        f"insights/many.yaml:7:7: 'feedbak' is not allowed for 'type'; use one of: {TYPES}; "
        "fix the file first\n"
    )
    assert snapshot(bank) == before


def test_source_in_a_file_that_is_not_yaml(bank: Path) -> None:
    (bank / "insights" / "broken.yaml").write_text("kind: Insight\nid: third\ntitle: [unclosed\n")
    before = snapshot(bank)
    result = run("link", "third", "service#apply", cwd=bank)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "journeyops: error: no insight, metric or opportunity with id 'third' (insights/broken.yaml failed "
        "to load and may hold it: insights/broken.yaml:"
    )
    assert "YAML syntax error" in result.stderr and result.stderr.endswith(")\n")
    assert snapshot(bank) == before
    (bank / "insights" / "broken-too.yaml").write_text("kind: Insight\nid: fourth\ntitle: 'unclosed\n")
    result = run("link", "third", "service#apply", cwd=bank)
    assert result.stderr.endswith(", and 1 more file(s) failed to load)\n")


def test_target_step_of_a_journey_that_failed_to_load(bank: Path) -> None:
    path = bank / "journeys" / "top" / "service.yaml"
    path.write_text(path.read_text().replace("level: top", "level: toppest"))
    before = snapshot(bank)
    result = run("link", "second", "service#apply", cwd=bank)
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: error: journey 'service' is in journeys/top/service.yaml, which failed to load: "
        "journeys/top/service.yaml:4:8: 'toppest' is not allowed for 'level'; use one of: top, mid, "
        "detailed; fix the file first\n"
    )
    assert snapshot(bank) == before


def test_a_missing_record_with_no_failed_file_is_still_named_with_the_nearest(bank: Path) -> None:
    result = run("link", "secnod", "service#apply", cwd=bank)
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: error: no insight, metric or opportunity with id 'secnod'; did you mean 'second'?\n"
    )
