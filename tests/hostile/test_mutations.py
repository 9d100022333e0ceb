"""Property tests: random YAML text and random byte mutations of the example bank never
crash a command: no exception escapes, the exit code is 0, 1 or 2, and each run ends
within a generous bound (hypothesis' deadline)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.hostile.harness import run
from typer.testing import CliRunner

from journeyops_cli.cli.app import app

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "helsinki"
FILES = sorted(p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*.yaml"))
runner = CliRunner()


@pytest.fixture(scope="module")
def scratch() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="journeyops-mutations-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def invoke(args: list[str]) -> int:
    result = runner.invoke(app, args, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback is a bug
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    return result.exit_code


mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 40)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.just(0)),
)


def mutate(data: bytes, edits: list[tuple]) -> bytes:
    buffer = bytearray(data)
    for kind, where, what in edits:
        at = where % (len(buffer) + 1)
        if kind == "flip" and buffer:
            buffer[at % len(buffer)] ^= what
        elif kind == "insert":
            buffer[at:at] = what
        elif kind == "delete":
            del buffer[at : at + what]
        elif kind == "truncate":
            del buffer[at:]
    return bytes(buffer)


@pytest.mark.slow
@settings(max_examples=40, deadline=10_000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FILES), st.lists(mutation, min_size=1, max_size=4))
def test_byte_mutations_of_the_example_bank(scratch: Path, name: str, edits: list[tuple]) -> None:
    bank = scratch / "bank"
    if bank.exists():
        shutil.rmtree(bank)
    shutil.copytree(EXAMPLE, bank, ignore=shutil.ignore_patterns(".journeyops_cache", "site"))
    target = bank / name
    target.write_bytes(mutate(target.read_bytes(), edits))
    invoke(["validate", "--bank", str(bank), "--no-cache"])
    invoke(["validate", "--bank", str(bank), "--format", "sarif"])
    invoke(["prioritise", "--bank", str(bank), "--format", "json"])
    invoke(["render", "daycare-journey", "--bank", str(bank)])


yaml_ish = st.text(
    alphabet=st.sampled_from(list("kind: Journey\nid-[]{},&*!|>'\"#%@`~?\t -0123456789abcxyzäö\\")),
    max_size=300,
)


@pytest.mark.slow
@settings(max_examples=60, deadline=10_000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(yaml_ish)
def test_random_yaml_text_as_a_record(scratch: Path, text: str) -> None:
    bank = scratch / "random"
    bank.mkdir(exist_ok=True)
    (bank / "journeyops.yaml").write_text("name: Random\n")
    (bank / "record.yaml").write_text("kind: Journey\nid: j\n" + text, encoding="utf-8")
    invoke(["validate", "--bank", str(bank), "--no-cache", "--format", "json"])
    invoke(["fmt", "--check", "--bank", str(bank)])


def test_a_damaged_bank_through_real_processes(tmp_path: Path) -> None:
    """The same, in real processes, so a signal (a crash in C code) would show as a
    negative exit code."""
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank, ignore=shutil.ignore_patterns(".journeyops_cache", "site"))
    for index, name in enumerate(FILES[:12]):
        path = bank / name
        data = path.read_bytes()
        path.write_bytes(mutate(data, [("flip", index * 37, 0x5A), ("insert", index * 91, b"[{&*\t")]))
    for args in (["validate"], ["prioritise"], ["render", "daycare-journey"], ["fmt", "--check"]):
        result = run(args, bank, process=True)
        assert result.returncode in (0, 1, 2), result.output
        assert "Traceback" not in result.output
