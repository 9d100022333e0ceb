"""docs/everyday.md cannot drift: every command of its code blocks runs on a copy of the
example bank (a block's commands in order on one copy, as a reader would type them) and
succeeds, and the commands of the English and the Finnish half are the same forms."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from tests.cli.conftest import EXAMPLE
from tests.runner import run_cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "everyday.md"


def blocks(text: str | None = None) -> list[list[list[str]]]:
    """Each `sh` block of the page (or of `text`) as its commands (argument lists, without
    `journeyops`)."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", DOC.read_text("utf-8") if text is None else text, re.S):
        commands = [shlex.split(re.sub(r"\s+# .*", "", line)) for line in block.splitlines() if line.strip()]
        assert all(command[0] == "journeyops" for command in commands), block
        found.append([command[1:] for command in commands])
    return found


def forms(text: str) -> set[tuple[str, ...]]:
    """The commands of `text` by name and options (what stays when the ids are translated)."""
    return {(command[0], *sorted(arg for arg in command if arg.startswith("-")))
            for block in blocks(text) for command in block}


def test_the_finnish_half_shows_the_forms_of_the_english_half() -> None:
    english, _, finnish = DOC.read_text("utf-8").partition("# Arjen komennot")
    assert finnish, "docs/everyday.md has no Finnish half"
    assert forms(finnish) <= forms(english)
    assert {form[0] for form in forms(finnish)} == {"list", "rename", "link"}


@pytest.mark.parametrize("number", range(len(blocks())))
def test_every_command_of_a_block_runs(tmp_path: Path, number: int) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    for command in blocks()[number]:
        result = run_cli(*command, cwd=bank)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        assert result.stderr == "", (command, result.stderr)
