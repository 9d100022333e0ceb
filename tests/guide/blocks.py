"""The code blocks of the playbook (`docs/guide/<language>/*.md`), read the way the site
reads them (markdown-it), and a runner that does what a reader following the guide does.

Kinds of block, by their info string:

- ```console: `$ ` lines are commands (a line ending in `\\` goes on); any other line is
  output the command before it must print (a line of it, spaces trimmed).
- ```yaml PATH / ```csv PATH: a file the reader saves at PATH (relative to the current
  folder): the runner writes it; a YAML file is then checked with `journeyops validate PATH`.
- ```yaml (no path): a fragment (of `journeyops.yaml`, of a record): it must parse.
- ```text: shown as it is (a folder layout, a cadence); nothing to run.

Commands run in order, all chapters of a language in one folder: `journeyops …` in this
process (`tests/runner.run_cli`), `git …` as a process, `cd DIR` changes the folder. Every
command must succeed (exit 0); the guide shows no other program.
"""

from __future__ import annotations

import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.runner import run_cli

from journeyops_cli.load.yaml_read import parse
from journeyops_cli.resources import guide_dir

KINDS = ("console", "yaml", "csv", "text")
PROGRAMS = ("journeyops", "git", "cd")


@dataclass(frozen=True, slots=True)
class Block:
    chapter: str
    line: int
    """1-based line of the opening fence in the chapter's file."""
    kind: str
    path: str | None
    text: str

    @property
    def where(self) -> str:
        return f"docs/guide/{self.chapter}:{self.line}"


@dataclass(frozen=True, slots=True)
class Command:
    argv: list[str]
    expected: list[str]
    """Lines its output must hold."""


def chapters(language: str) -> list[Path]:
    return sorted((guide_dir() / language).glob("*.md"))


def blocks(language: str) -> list[Block]:
    """Every fenced block of the language's chapters, in reading order."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    found: list[Block] = []
    for path in chapters(language):
        for token in md.parse(path.read_text("utf-8")):
            if token.type not in ("fence", "code_block"):
                continue
            kind, _, rest = token.info.strip().partition(" ")
            line = (token.map[0] + 1) if token.map else 0
            found.append(Block(f"{language}/{path.name}", line, kind, rest.strip() or None, token.content))
    return found


def commands(block: Block) -> list[Command]:
    """The commands of a console block, each with the output lines shown after it."""
    found: list[Command] = []
    pending = ""
    for raw in block.text.splitlines():
        line = raw.rstrip()
        if pending:
            pending += " " + line.removesuffix("\\").strip()
            if not line.endswith("\\"):
                found.append(Command(_words(pending), []))
                pending = ""
            continue
        if line.startswith("$ "):
            command = line[2:]
            if command.endswith("\\"):
                pending = command.removesuffix("\\").strip()
            else:
                found.append(Command(_words(command), []))
        elif line.strip():
            assert found, f"{block.where}: output before any command: {line!r}"
            found[-1].expected.append(line.strip())
    assert not pending, f"{block.where}: a command ends in `\\`"
    return found


def _words(command: str) -> list[str]:
    """A command line's words as a shell splits them; a word starting with `#` starts a
    comment (as in a shell: `journey#step` is one word)."""
    words = shlex.split(command)
    cut = next((i for i, word in enumerate(words) if word.startswith("#")), len(words))
    return words[:cut]


def git_env(home: Path) -> dict[str, str]:
    """Git as a reader has it set up: a name, an e-mail address, `main` as the first branch."""
    config = home / "gitconfig"
    config.write_text("[user]\n\tname = Aino Esimerkki\n\temail = aino@example.org\n"
                      "[init]\n\tdefaultBranch = main\n", "utf-8")
    return {"GIT_CONFIG_GLOBAL": str(config), "GIT_CONFIG_NOSYSTEM": "1", "JOURNEYOPS_NO_CACHE": "1"}


def run_block(block: Block, cwd: Path, env: dict[str, str]) -> Path:
    """Do what the block asks; returns the folder the reader is in afterwards."""
    if block.kind == "text":
        return cwd
    if block.kind in ("yaml", "csv") and block.path:
        target = (cwd / block.path).resolve()
        assert target.is_relative_to(cwd.resolve()), block.where
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.text, "utf-8")
        if block.kind == "yaml":
            result = run_cli("validate", block.path, cwd=cwd, env=env)
            assert result.returncode == 0, f"{block.where}: {block.path}\n{result.stdout}{result.stderr}"
        return cwd
    if block.kind == "yaml":
        parsed = parse(block.text)
        assert not parsed.problems, f"{block.where}: {parsed.problems}"
        assert parsed.documents, f"{block.where}: an empty YAML block"
        return cwd
    assert block.kind == "console", f"{block.where}: a ```{block.kind} block (use one of {KINDS})"
    for command in commands(block):
        program, *args = command.argv
        assert program in PROGRAMS, f"{block.where}: the guide runs only {PROGRAMS}, not {program!r}"
        if program == "cd":
            cwd = (cwd / args[0]).resolve()
            continue
        if program == "journeyops":
            result = run_cli(*args, cwd=cwd, env=env)
            output, code = result.stdout + result.stderr, result.returncode
        else:
            done = subprocess.run(command.argv, cwd=cwd, env={**_path_env(), **env}, capture_output=True,
                                  text=True, timeout=60)
            output, code = done.stdout + done.stderr, done.returncode
        shown = " ".join(shlex.quote(a) for a in command.argv)
        assert code == 0, f"{block.where}: `{shown}` exited {code}\n{output}"
        lines = {line.strip() for line in output.splitlines()}
        for expected in command.expected:
            assert expected in lines, f"{block.where}: `{shown}` did not print {expected!r}\n{output}"
    return cwd


def _path_env() -> dict[str, str]:
    import os

    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
