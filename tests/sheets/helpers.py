"""Shared by the spreadsheet tests: a copy of the example bank, the CLI in-process, and a
fingerprint of every file so a test can say "nothing changed" byte for byte."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from typer.testing import CliRunner

from journeyops_cli.cli.app import app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"


def copy_bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(EXAMPLE, target)
    return target


def fingerprint(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".journeyops_cache" not in p.parts  # the load cache, not the bank
    }


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def refused(bank: Path, path: Path, code: int = 1) -> str:
    """The stderr of importing the workbook `path`, which must be refused with `code` and
    change no file."""
    before = fingerprint(bank)
    exit_code, stdout, stderr = cli("import", str(path), "--bank", str(bank))
    assert (exit_code, stdout) == (code, ""), stderr
    assert fingerprint(bank) == before
    return stderr


def imports_again_unchanged(bank: Path, path: Path) -> None:
    """Importing the workbook `path` once more changes no file."""
    before = fingerprint(bank)
    assert cli("import", str(path), "--bank", str(bank))[:2] == (0, "nothing to change\n")
    assert fingerprint(bank) == before
