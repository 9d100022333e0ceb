"""`journeyops fmt` through the CLI: canonical order, comments kept, --check and --diff."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.runner import run_cli

HERE = Path(__file__).parent

UNORDERED = """\
# yaml-language-server: $schema=../schemas/theme.schema.json
# Header comment.
---
title: Housing   # the title
# The owner, above its key.
owner: ~
id: housing
kind: Theme
description:
    'Long   description that should never be wrapped, however far it goes past eighty characters on the line'
"""
ORDERED = """\
# yaml-language-server: $schema=../schemas/theme.schema.json
# Header comment.
---
kind: Theme
id: housing
title: Housing   # the title
description: 'Long   description that should never be wrapped, however far it goes past eighty characters on the line'
# The owner, above its key.
owner: ~
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)


def test_fmt_check_diff_write_and_idempotence(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(HERE / "banks" / "small", bank)
    (bank / "themes").mkdir()
    path = bank / "themes" / "housing.yaml"
    path.write_text(UNORDERED)
    result = run("fmt", "--check", cwd=bank)
    assert result.returncode == 1
    assert result.stdout == (
        "would reformat themes/housing.yaml\n0 file(s) would be reformatted, 3 already formatted\n"
        .replace("0 file(s)", "1 file(s)")
    )
    assert path.read_text() == UNORDERED
    result = run("fmt", "--diff", "themes", cwd=bank)
    assert result.returncode == 0
    assert result.stdout.startswith("--- a/themes/housing.yaml\n+++ b/themes/housing.yaml\n")
    assert path.read_text() == UNORDERED
    result = run("fmt", cwd=bank)
    assert result.returncode == 0
    assert result.stdout == "reformatted themes/housing.yaml\n1 file(s) reformatted, 3 already formatted\n"
    assert path.read_text() == ORDERED
    result = run("fmt", "--check", cwd=bank)
    assert result.returncode == 0
    assert result.stdout == "0 file(s) would be reformatted, 4 already formatted\n"


def test_fmt_never_formats_a_file_with_errors(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(HERE / "banks" / "small", bank)
    path = bank / "insights" / "broken.yaml"
    path.write_text("id: x\nkind: Insight\ntitle: [unclosed\n")
    result = run("fmt", "insights/broken.yaml", cwd=bank)
    assert result.returncode == 1
    assert result.stderr.startswith("journeyops: error: insights/broken.yaml:4:1: YAML syntax error")
    assert result.stderr.endswith("; fix the file first, it was not changed\n")
    assert result.stdout == "0 file(s) reformatted, 0 already formatted, 1 could not be formatted\n"
    assert path.read_text() == "id: x\nkind: Insight\ntitle: [unclosed\n"


def test_fmt_keeps_crlf_bom_and_multidocument_files(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(HERE / "banks" / "small", bank)
    crlf = (bank / "insights" / "crlf.yaml").read_bytes()
    many = (bank / "insights" / "many.yaml").read_bytes()
    result = run("fmt", cwd=bank)
    assert result.returncode == 0, result.stderr
    assert (bank / "insights" / "crlf.yaml").read_bytes() == crlf
    assert (bank / "insights" / "many.yaml").read_bytes() == many
