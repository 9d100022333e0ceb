"""`journeyops link SOURCE... --to TARGET`: many sources at once, written all or nothing;
the old form `link SOURCE TARGET...` is unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.edit.test_link import changed_lines
from tests.edit.test_link_refused import snapshot as files
from tests.runner import run_cli

HERE = Path(__file__).parent


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(HERE / "banks" / "small", target)
    return target


def test_many_sources_in_two_files_one_write(bank: Path) -> None:
    before = files(bank)
    result = run_cli("link", "first", "second", "crlf-bom", "--to", "service#apply", "--to", "service#wait",
                     cwd=bank)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "insights/many.yaml: linked first -> service#apply\n"
        "insights/many.yaml: linked first -> service#wait\n"
        "insights/many.yaml: linked second -> service#apply\n"
        "insights/many.yaml: linked second -> service#wait\n"
        "insights/crlf.yaml: linked crlf-bom -> service#apply\n"
        "insights/crlf.yaml: linked crlf-bom -> service#wait\n"
    )
    after = files(bank)
    assert changed_lines(before["insights/many.yaml"], after["insights/many.yaml"]) == [
        "-steps: [service#find]\n",
        "+steps: [service#find, service#apply, service#wait]\n",
        "+  - service#apply\n",
        "+  - service#wait\n",
    ]
    assert after["insights/crlf.yaml"] == before["insights/crlf.yaml"] + \
        b"steps:\r\n  - service#apply\r\n  - service#wait\r\n"
    assert run_cli("validate", "-q", cwd=bank).returncode == 0
    again = run_cli("unlink", "first", "second", "--to", "service#wait", cwd=bank)
    assert again.stdout == ("insights/many.yaml: unlinked first -> service#wait\n"
                            "insights/many.yaml: unlinked second -> service#wait\n")


def test_one_missing_target_or_source_writes_nothing(bank: Path) -> None:
    before = files(bank)
    result = run_cli("link", "first", "second", "--to", "service#apply", "--to", "service#wiat", cwd=bank)
    assert (result.returncode, result.stderr) == (
        1, "journeyops: error: no step 'service#wiat' in the bank; did you mean 'service#wait'?\n")
    result = run_cli("link", "first", "secnd", "--to", "service#apply", cwd=bank)
    assert (result.returncode, result.stderr) == (
        1, "journeyops: error: no insight, metric or opportunity with id 'secnd'; did you mean 'second'?\n")
    assert files(bank) == before


def test_a_source_without_targets_is_a_usage_error(bank: Path) -> None:
    result = run_cli("link", "first", cwd=bank)
    assert (result.returncode, result.stderr) == (
        2, "journeyops: error: first: name the targets after it (journey-id#step-id), or give them with --to\n")
    result = run_cli("unlink", "first", cwd=bank, env={"JOURNEYOPS_LANG": "fi"})
    assert (result.returncode, result.stderr) == (
        2, "journeyops: error: first: anna kohteet sen jälkeen (polku#vaihe) tai valitsimella --to\n")


def test_a_failed_write_of_the_second_file_leaves_the_first_as_it_was(bank: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from journeyops_cli.edit import atomic

    before = files(bank)
    real = atomic.os.replace

    def failing(src: str, dst: str | Path) -> None:
        if str(dst).endswith("crlf.yaml"):
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", failing)
    result = run_cli("link", "first", "crlf-bom", "--to", "service#apply", cwd=bank)
    assert (result.returncode, result.stderr) == (
        1, "journeyops: error: insights/crlf.yaml: cannot write: the disk is full; nothing was written\n")
    monkeypatch.undo()
    assert files(bank) == before


def test_what_happened_in_the_readers_language(bank: Path) -> None:
    fi = {"JOURNEYOPS_LANG": "fi"}
    said = [run_cli(command, "first", "--to", "service#apply", cwd=bank, env=fi).stdout
            for command in ("link", "link", "unlink", "unlink")]
    assert said == [
        "insights/many.yaml: linkitetty first -> service#apply\n",
        "insights/many.yaml: oli jo linkitetty first -> service#apply\n",
        "insights/many.yaml: linkki poistettu first -> service#apply\n",
        "insights/many.yaml: ei ollut linkitetty first -> service#apply\n",
    ]
