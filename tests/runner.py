"""One way for tests to run the `journeyops` command: `run_cli`.

By default the command runs in this process through typer's CliRunner, with the working
folder and the environment it would have as a child process (both restored afterwards),
so a test pays for the command's work and not for starting Python and importing the
package again (about half a second each on a busy machine). What the caller sees is the
same as from a subprocess: exit code, stdout and stderr as text.

`process=True` runs the real console entry point in a subprocess; use it where the
process itself is what is tested (the entry point, `python -m`, exit status seen by a
shell, a terminal, signals).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Variables that would change the output format or colour behind a test's back.
_UNSET = ("GITHUB_ACTIONS", "FORCE_COLOR")


def cli_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment a command runs with: ours without CI output switches, no colour,
    plus `env`."""
    full = {k: v for k, v in os.environ.items() if k not in _UNSET}
    full["NO_COLOR"] = "1"
    full.update(env or {})
    return full


@contextmanager
def _as_a_process(cwd: Path | None, env: dict[str, str]) -> Iterator[None]:
    """Run the body with this working folder and exactly this environment."""
    old_cwd = os.getcwd()
    old_env = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(env)
        if cwd is not None:
            os.chdir(cwd)
        yield
    finally:
        os.chdir(old_cwd)
        os.environ.clear()
        os.environ.update(old_env)


def run_cli(*args: str | os.PathLike[str], cwd: Path | None = None,
            env: Mapping[str, str] | None = None, input: str | None = None,
            process: bool = False, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `journeyops ARGS` as a user would, without colour; see the module docstring."""
    argv = [os.fspath(arg) for arg in args]
    full_env = cli_env(env)
    if process:
        return subprocess.run(
            [sys.executable, "-m", "journeyops_cli", *argv],
            cwd=cwd, env=full_env, input=input, capture_output=True, text=True,
            encoding="utf-8", errors="replace", timeout=timeout,
            stdin=None if input is not None else subprocess.DEVNULL,
        )
    result = _invoke(argv, cwd, full_env, input)
    return subprocess.CompletedProcess(["journeyops", *argv], result.exit_code,
                                       result.stdout, result.stderr)


def run_cli_bytes(*args: str | os.PathLike[str], cwd: Path | None = None,
                  env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """`run_cli` in process, with stdout and stderr as the bytes the command wrote."""
    argv = [os.fspath(arg) for arg in args]
    result = _invoke(argv, cwd, cli_env(env), None)
    return subprocess.CompletedProcess(["journeyops", *argv], result.exit_code,
                                       result.stdout_bytes, result.stderr_bytes)


def _invoke(argv: list[str], cwd: Path | None, env: dict[str, str], input: str | None) -> Any:
    from typer.testing import CliRunner

    from journeyops_cli.cli.app import app

    with _as_a_process(cwd, env):
        return CliRunner().invoke(app, argv, input=input, catch_exceptions=False,
                                  prog_name="journeyops")
