"""Atomic writes: a failure at any point leaves the original byte-for-byte, no temp file."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from journeyops_cli.edit import EditError
from journeyops_cli.edit.atomic import create_file, replace_file
from journeyops_cli.edit.link import find_source, link
from journeyops_cli.pipeline import load_bank

HERE = Path(__file__).parent


def test_replace_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"old\n")
    os.chmod(path, 0o640)
    replace_file(path, b"new\n", "a.yaml")
    assert path.read_bytes() == b"new\n"
    assert (path.stat().st_mode & 0o777) == 0o640
    assert os.listdir(tmp_path) == ["a.yaml"]


@pytest.mark.parametrize(
    ("where", "error", "message"),
    [
        ("fsync", OSError(errno.ENOSPC, "No space left on device"),
         "a.yaml: cannot write: the disk is full; the file is unchanged"),
        ("replace", PermissionError(errno.EACCES, "Permission denied"),
         "a.yaml: cannot write: permission denied (is the folder read-only?); the file is unchanged"),
        ("mkstemp", OSError(errno.EROFS, "Read-only file system"),
         "a.yaml: cannot write: the file system is read-only; the file is unchanged"),
    ],
)
def test_failure_leaves_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, error: OSError, message: str
) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"original\n")

    def boom(*args: object, **kwargs: object) -> None:
        raise error

    target = {"fsync": (os, "fsync"), "replace": (os, "replace"), "mkstemp": (__import__("tempfile"), "mkstemp")}
    monkeypatch.setattr(*target[where], boom)
    with pytest.raises(EditError) as caught:
        replace_file(path, b"new content\n", "a.yaml")
    assert caught.value.message == message
    assert path.read_bytes() == b"original\n"
    assert os.listdir(tmp_path) == ["a.yaml"]


def test_exception_mid_write_in_a_link_leaves_the_record_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank_root = tmp_path / "bank"
    shutil.copytree(HERE / "banks" / "small", bank_root)
    path = bank_root / "insights" / "many.yaml"
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> None:
            self.handle.write(data[: len(data) // 2])  # type: ignore[attr-defined]
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))
    bank = load_bank(bank_root).bank
    with pytest.raises(EditError) as caught:
        link(bank, find_source(bank, "second", None), ["service#apply"])
    assert caught.value.message == "insights/many.yaml: cannot write: the disk is full; the file is unchanged"
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == ["crlf.yaml", "many.yaml"]


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.yaml"
    assert create_file(path, b"first\n", "new.yaml") is True
    assert create_file(path, b"second\n", "new.yaml") is False
    assert path.read_bytes() == b"first\n"
    assert os.listdir(path.parent) == ["new.yaml"]
