"""`journeyops link` / `unlink` through the CLI, on real files: only the intended lines change."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.runner import run_cli

HERE = Path(__file__).parent
EXAMPLE = HERE.parents[1] / "examples" / "helsinki"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(HERE / "banks" / "small", target)
    return target


def changed_lines(before: bytes, after: bytes) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(
            before.decode().splitlines(keepends=True), after.decode().splitlines(keepends=True), n=0
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_link_in_multidocument_file_touches_only_that_record(bank: Path) -> None:
    path = bank / "insights" / "many.yaml"
    before = path.read_bytes()
    result = run("link", "second", "service#apply", "service#wait", cwd=bank)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "insights/many.yaml: linked second -> service#apply\n"
        "insights/many.yaml: linked second -> service#wait\n"
    )
    after = path.read_bytes()
    assert changed_lines(before, after) == ["+  - service#apply\n", "+  - service#wait\n"]
    # The first document is byte-for-byte the same.
    assert after.split(b"---\n")[1] == before.split(b"---\n")[1]
    result = run("link", "first", "service#apply", cwd=bank)
    assert changed_lines(after, path.read_bytes()) == [
        "-steps: [service#find]\n",
        "+steps: [service#find, service#apply]\n",
    ]
    assert run("validate", "-q", cwd=bank).returncode == 0


def test_linking_twice_is_a_no_op(bank: Path) -> None:
    path = bank / "insights" / "many.yaml"
    before = path.read_bytes()
    result = run("link", "first", "service#find", cwd=bank)
    assert result.returncode == 0
    assert result.stdout == "insights/many.yaml: already linked first -> service#find\n"
    assert path.read_bytes() == before


def test_unresolved_target_is_refused_with_nearest_id(bank: Path) -> None:
    before = (bank / "insights" / "many.yaml").read_bytes()
    result = run("link", "first", "service#aply", cwd=bank)
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: error: no step 'service#aply' in the bank; did you mean 'service#apply'?\n"
    )
    result = run("link", "frist", "service#apply", cwd=bank)
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: error: no insight, metric or opportunity with id 'frist'; did you mean 'first'?\n"
    )
    result = run("link", "first", "service", cwd=bank)
    assert result.stderr == (
        "journeyops: error: insight 'first' links to journey steps; "
        "write the target as journey-id#step-id, not 'service'\n"
    )
    assert (bank / "insights" / "many.yaml").read_bytes() == before


def test_crlf_bom_tilde_quotes_and_long_lines_are_kept(bank: Path) -> None:
    path = bank / "insights" / "crlf.yaml"
    before = path.read_bytes()
    result = run("link", "crlf-bom", "service#wait", cwd=bank)
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    assert after == before + b"steps:\r\n  - service#wait\r\n"
    assert after.startswith(b"\xef\xbb\xbf")
    result = run("unlink", "crlf-bom", "service#wait", cwd=bank)
    assert result.stdout == "insights/crlf.yaml: unlinked crlf-bom -> service#wait\n"
    assert path.read_bytes() == before + b"steps: []\r\n"


def test_unlink_block_list_and_not_linked(bank: Path) -> None:
    path = bank / "insights" / "many.yaml"
    run("link", "second", "service#wait", cwd=bank)
    result = run("unlink", "second", "service#find", "service#apply", cwd=bank)
    assert result.stdout == (
        "insights/many.yaml: unlinked second -> service#find\n"
        "insights/many.yaml: not linked second -> service#apply\n"
    )
    text = path.read_text()
    assert "  - service#find  # first step\n" not in text
    assert "steps:\n  - service#wait\ntags: []\n" in text


def test_unparsable_file_is_never_rewritten(bank: Path) -> None:
    path = bank / "insights" / "many.yaml"
    broken = path.read_bytes().replace(b"type: feedback", b"type: feedbak")
    path.write_bytes(broken)
    # The broken record is not loaded; the other record of the same file is.
    result = run("link", "second", "service#apply", cwd=bank)
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: error: insights/many.yaml:7:7: 'feedbak' is not allowed for 'type'; use one of: "
        "research, interview, usability-test, survey, feedback, analytics, observation, "
        "service-data; fix the file first, it was not changed\n"
    )
    assert path.read_bytes() == broken


def _example_sources() -> list[tuple[str, str, str]]:
    """(file, record id, kind) of every insight, metric and opportunity in the example bank."""
    if not (EXAMPLE / "journeyops.yaml").is_file():
        return []
    from journeyops_cli.pipeline import load_bank

    bank = load_bank(EXAMPLE).bank
    found = []
    for model_records in (bank.insights(), bank.metrics(), bank.opportunities()):
        for record in model_records:
            found.append((record.source_path, record.id, record.kind.lower()))
    return found


def test_every_example_file_edit_changes_only_its_lines(tmp_path: Path) -> None:
    sources = _example_sources()
    assert {kind for _, _, kind in sources} == {"insight", "metric", "opportunity"}
    bank = tmp_path / "helsinki"
    shutil.copytree(EXAMPLE, bank)
    from journeyops_cli.pipeline import load_bank

    loaded = load_bank(bank).bank
    step = loaded.step_refs()[-1]
    by_file: dict[str, tuple[str, str]] = {}
    for rel, record_id, kind in sources:
        by_file.setdefault(rel, (record_id, kind))  # one edit per file
    for rel, (record_id, kind) in by_file.items():
        record = loaded.get_kind(kind.capitalize(), record_id)
        assert record is not None
        if step in record.steps:
            continue
        before = (bank / rel).read_bytes()
        result = run("link", record_id, step, "--kind", kind, cwd=bank)
        assert result.returncode == 0, result.stderr
        diff = changed_lines(before, (bank / rel).read_bytes())
        added = [line for line in diff if line.startswith("+")]
        removed = [line for line in diff if line.startswith("-")]
        # Either one item line added, or a flow list / a new `steps:` key changed in place.
        assert len(added) in (1, 2) and len(removed) <= 1, (rel, diff)
        assert all(step in line or line.strip() in ("+steps:",) for line in added), (rel, diff)
        if removed:
            assert added[0].replace(", " + step, "") == "+" + removed[0][1:], (rel, diff)
    assert run("validate", "-q", "--fail-on", "error", cwd=bank).returncode == 0
