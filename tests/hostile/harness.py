"""Materialise the bad-input corpus and run commands over it."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.runner import run_cli

CORPUS = Path(__file__).resolve().parent / "corpus"
BANKS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def materialise(name: str, target: Path) -> Path:
    """Copy a corpus bank; the path-tricks bank also gets its symbolic links here (they
    are made at test time so that no tool walking the repository meets a loop)."""
    root = target / name
    shutil.copytree(CORPUS / name, root)
    if name == "path-tricks":
        os.symlink("loop.yaml", root / "loop.yaml")
        os.symlink("..", root / "journeys" / "up")
        outside = target / "outside.yaml"
        outside.write_text("kind: Team\nid: outside\ntitle: Outside the bank\n")
        os.symlink(outside, root / "vocabulary" / "outside.yaml")
    return root


def tree_digest(root: Path) -> dict[str, str]:
    """Every file's bytes and mode, without following links (to detect any change)."""
    digest: dict[str, str] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        # The cache is the tool's own, git-ignored and safe to delete: not the user's files.
        dirs[:] = [d for d in dirs if d != ".journeyops_cache"]
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                digest[rel] = "link:" + os.readlink(path)
            else:
                data = path.read_bytes()
                digest[rel] = f"{oct(path.stat().st_mode)}:{hashlib.sha256(data).hexdigest()}"
    return digest


@dataclass
class Run:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run(args: list[str], cwd: Path, process: bool = False) -> Run:
    proc = run_cli(*args, cwd=cwd, process=process)
    return Run(tuple(args), proc.returncode, proc.stdout, proc.stderr)
