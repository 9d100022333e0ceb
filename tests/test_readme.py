"""The README leads with what a user runs, and its commands stay true: the first block
installs and checks the example bank, the user's commands run, and the developers' test
command is what CI (`.ci/run`) runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.runner import run_cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```sh\n(.*?)^```$", README, re.DOTALL | re.MULTILINE)


def commands(block: str) -> list[list[str]]:
    """Each `journeyops …` command of a block, without its comment, as arguments."""
    found = []
    for line in block.splitlines():
        for part in line.split("#", 1)[0].split("&&"):
            words = shlex.split(part)
            if words[:1] == ["journeyops"]:
                found.append(words[1:])
    return found


def test_the_first_block_installs_and_checks_the_example_bank() -> None:
    assert BLOCKS[0] == "pip install . && journeyops validate --bank examples/helsinki\n"
    result = run_cli(*commands(BLOCKS[0])[0], "--no-cache", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_users_commands_come_before_the_developers() -> None:
    users = README.index("## Try it on the example bank")
    own = README.index("## Start your own bank")
    developers = README.index("## For developers")
    assert users < own < developers < README.index("## What it does")
    test_block = "bash .ci/install-tools && pip install -e '.[test]' && python -m pytest\n"
    assert BLOCKS.index(test_block) > 0 and README.index(test_block) > developers
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/install-tools\n" in ci and "pip install -q -e '.[test]'\n" in ci
    assert "exec python -m pytest " in ci


def test_the_users_commands_are_real(tmp_path: Path) -> None:
    tried = commands(BLOCKS[1]) + commands(BLOCKS[2])
    assert [args[:2] for args in tried] == [["site", "serve"], ["studio", "--bank"], ["init", "my-bank"]]
    for args in tried[:2]:  # they serve until stopped: their options are what is checked
        options = [word for word in args if word.startswith("--")]
        help_text = run_cli(*[word for word in args if not word.startswith(("-", "/", "examples"))], "--help").stdout
        assert all(option in help_text for option in options), (args, help_text)
    result = run_cli(*tried[2], "--no-git", cwd=tmp_path, env={"JOURNEYOPS_LANG": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "\nSeuraavaksi:\n" in result.stdout  # a Finnish bank is told its next steps in Finnish
