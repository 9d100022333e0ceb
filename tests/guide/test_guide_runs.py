"""The playbook's commands run: every chapter's code blocks, in order, from an empty folder
(the first chapter starts the bank with `journeyops init`), as a reader would follow them."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.guide.blocks import KINDS, blocks, chapters, commands, git_env, run_block

LANGUAGES = ("fi", "sv", "en")


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_block_of_the_guide_runs(language: str, tmp_path: Path) -> None:
    env = git_env(tmp_path)
    cwd = tmp_path / "work"
    cwd.mkdir()
    found = blocks(language)
    assert any(b.kind == "console" for b in found)
    first = next(b for b in found if b.kind == "console")
    assert commands(first)[0].argv[:2] == ["journeyops", "init"], "the guide starts a bank first"
    for block in found:
        cwd = run_block(block, cwd, env)
    # Where the reader ends: a bank that validates cleanly and has a site.
    from tests.runner import run_cli

    result = run_cli("validate", cwd=cwd, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (cwd / "site" / language / "guide" / "index.html").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_blocks_are_of_known_kinds_and_console_blocks_hold_commands(language: str) -> None:
    for block in blocks(language):
        assert block.kind in KINDS, f"{block.where}: ```{block.kind}"
        if block.kind == "console":
            assert commands(block), f"{block.where}: a console block without `$ ` lines"
        if block.kind == "csv":
            assert block.path, f"{block.where}: a csv block names the file it is saved as"


def test_every_language_has_the_same_chapters() -> None:
    names = {language: [p.name for p in chapters(language)] for language in LANGUAGES}
    assert names["fi"] == names["sv"] == names["en"]
    assert len(names["en"]) >= 8
