"""Helpers for the core tests: real banks on disk and real CLI runs."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from tests import runner

CORE_BANK = Path(__file__).resolve().parent / "bank"
CONFIG = "name: Test bank\nlanguages: [fi, en]\n"


def make_bank(root: Path, files: dict[str, str | bytes], config: str = CONFIG) -> Path:
    """Write a bank: `journeyops.yaml` plus the given files (text is dedented)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "journeyops.yaml").write_text(config, encoding="utf-8")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            process: bool = False) -> subprocess.CompletedProcess[str]:
    """Run `journeyops ARGS` as a user would, without colour (see tests/runner.py)."""
    return runner.run_cli(*args, cwd=cwd, env=env, process=process)
