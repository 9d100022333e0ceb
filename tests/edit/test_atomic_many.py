"""A write of several files is all or nothing: a failure in either phase (writing the new
contents beside the targets, or replacing the targets) leaves every file byte-for-byte as
it was, no file created and no temporary file behind."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyops_cli.edit import EditError
from journeyops_cli.edit.atomic import PARALLEL_SYNCS, FileExists, FileWrite, write_files
from journeyops_cli.edit.changeset import Changeset
from journeyops_cli.models.config import LimitsConfig
from journeyops_cli.scaffold.init import plan
from journeyops_cli.scaffold.outcome import write_all

HERE = Path(__file__).parent


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under `root` (folders as None), with its bytes."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
    }


@pytest.fixture
def three(tmp_path: Path) -> list[FileWrite]:
    """Three existing files in three folders, and a new file in a new folder."""
    writes = []
    for n, folder in enumerate(["a", "b", "c"], 1):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / f"f{n}.yaml"
        path.write_bytes(f"old {n}\n".encode())
        os.chmod(path, 0o640)
        writes.append(FileWrite(path, f"new {n}\n".encode(), f"{folder}/f{n}.yaml"))
    writes.append(FileWrite(tmp_path / "d" / "e" / "f4.yaml", b"new 4\n", "d/e/f4.yaml", create=True))
    return writes


def fail_on_call(n: int, real: Callable[..., object], error: OSError) -> Callable[..., object]:
    """`real`, except that its `n`th call raises `error`."""
    calls = 0

    def patched(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == n:
            raise error
        return real(*args, **kwargs)

    return patched


def read_only(folder: str, real: Callable[..., object]) -> Callable[..., object]:
    """`tempfile.mkstemp`, except that it cannot make a file in a folder named `folder`
    (we run as root, for whom chmod does not make a folder read-only)."""

    def patched(*args: object, dir: str | Path, **kwargs: object) -> object:
        if Path(dir).name == folder:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(*args, dir=dir, **kwargs)

    return patched


def fail_for(target: Path, real: Callable[..., object], error: OSError) -> Callable[..., object]:
    """`real` (a function of a source and a target), except that it raises `error` for `target`."""

    def patched(source: object, to: object, *args: object, **kwargs: object) -> object:
        if Path(str(to)) == target:
            raise error
        return real(source, to, *args, **kwargs)

    return patched


def test_all_written_modes_kept_nothing_left_over(tmp_path: Path, three: list[FileWrite]) -> None:
    assert write_files(three) == [True, True, True, True]
    assert [w.path.read_bytes() for w in three] == [b"new 1\n", b"new 2\n", b"new 3\n", b"new 4\n"]
    assert [w.path.stat().st_mode & 0o777 for w in three[:3]] == [0o640] * 3
    assert sorted(snapshot(tmp_path)) == [
        "a", "a/f1.yaml", "b", "b/f2.yaml", "c", "c/f3.yaml", "d", "d/e", "d/e/f4.yaml"
    ]


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        # the disk fills up writing the third file's new content (phase 1)
        (lambda: (os, "fsync", fail_on_call(3, os.fsync, OSError(errno.ENOSPC, "No space left on device"))),
         "c/f3.yaml: cannot write: the disk is full; nothing was written"),
        # the third file's folder is read-only (phase 1)
        (lambda: (tempfile, "mkstemp", read_only("c", tempfile.mkstemp)),
         "c/f3.yaml: cannot write: permission denied (is the folder read-only?); nothing was written"),
        # replacing the third file fails after two were replaced (phase 2)
        (lambda: (os, "replace", fail_on_call(3, os.replace, PermissionError(errno.EACCES, "Permission denied"))),
         "c/f3.yaml: cannot write: permission denied (is the folder read-only?); nothing was written"),
        # the new file cannot be linked into place after three were replaced (phase 2)
        (lambda: (os, "link", fail_on_call(4, os.link, OSError(errno.ENOSPC, "No space left on device"))),
         "d/e/f4.yaml: cannot write: the disk is full; nothing was written"),
    ],
    ids=["disk-full-third", "read-only-third", "replace-third", "create-fourth"],
)
def test_a_failure_changes_nothing(
    tmp_path: Path, three: list[FileWrite], monkeypatch: pytest.MonkeyPatch,
    patch: Callable[[], tuple[object, str, Callable[..., object]]], message: str,
) -> None:
    before = snapshot(tmp_path)
    monkeypatch.setattr(*patch())
    with pytest.raises(EditError) as caught:
        write_files(three)
    monkeypatch.undo()
    assert caught.value.message == message
    assert snapshot(tmp_path) == before  # same bytes, no new folder, no temporary file
    assert [w.path.stat().st_mode & 0o777 for w in three[:3]] == [0o640] * 3


@pytest.mark.parametrize("failing", [(), (5,), (3, 17)], ids=["none", "one", "two"])
def test_many_files_synced_at_once_a_failure_named_in_write_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: tuple[int, ...]
) -> None:
    """From PARALLEL_SYNCS files the temporaries are synced from threads: every file is
    synced before any is placed, and the first failing file in the order of the writes
    (not of the threads) is the one named."""
    assert PARALLEL_SYNCS <= 20
    old = tmp_path / "old.yaml"
    old.write_bytes(b"old\n")
    writes = [FileWrite(tmp_path / f"new{n}.yaml", f"new {n}\n".encode(), f"new{n}.yaml", create=True)
              for n in range(20)] + [FileWrite(old, b"changed\n", "old.yaml")]
    synced: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        name = Path(os.readlink(f"/proc/self/fd/{fd}")).name  # .new5.yaml.XXXX.tmp
        if any(name.startswith(f".new{n}.yaml.") for n in failing):
            raise OSError(errno.ENOSPC, "No space left on device")
        assert not (tmp_path / "new0.yaml").exists()  # nothing placed before every sync
        real(fd)
        synced.append(name)

    monkeypatch.setattr(os, "fsync", fsync)
    before = snapshot(tmp_path)
    if not failing:
        assert write_files(writes) == [True] * 21
        assert len(synced) == 21
        assert (tmp_path / "new19.yaml").read_bytes() == b"new 19\n" and old.read_bytes() == b"changed\n"
        assert sorted(os.listdir(tmp_path)) == sorted([f"new{n}.yaml" for n in range(20)] + ["old.yaml"])
        return
    with pytest.raises(EditError) as caught:
        write_files(writes)
    assert caught.value.message == f"new{failing[0]}.yaml: cannot write: the disk is full; nothing was written"
    assert snapshot(tmp_path) == before


def test_an_existing_new_file_fails_the_whole_write(tmp_path: Path, three: list[FileWrite]) -> None:
    (tmp_path / "d" / "e").mkdir(parents=True)
    three[3].path.write_bytes(b"someone else's\n")
    before = snapshot(tmp_path)
    with pytest.raises(FileExists) as caught:
        write_files(three)
    assert caught.value.message == "d/e/f4.yaml already exists; nothing was written"
    assert snapshot(tmp_path) == before


def test_a_file_that_appears_meanwhile_undoes_the_replaced_ones(
    tmp_path: Path, three: list[FileWrite], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(tmp_path)
    real_link = os.link

    def racing(source: str, target: str) -> None:
        if Path(target) == three[3].path:  # another process creates it between the phases
            Path(target).write_bytes(b"theirs\n")
        real_link(source, target)

    monkeypatch.setattr(os, "link", racing)
    with pytest.raises(FileExists):
        write_files(three)
    monkeypatch.undo()
    assert snapshot(tmp_path) == {**before, "d": None, "d/e": None, "d/e/f4.yaml": b"theirs\n"}


def test_changeset_write_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "bank"
    shutil.copytree(HERE / "banks" / "small", root)
    changes = Changeset(root, LimitsConfig())
    record = "kind: Insight\nid: {}\ntype: feedback\nsummary: s\n"
    changes.add("insights/many.yaml", [record.format("added-1")], "insight added-1")
    changes.add("insights/crlf.yaml", [record.format("added-2")], "insight added-2")
    changes.add("insights/new/fresh.yaml", [record.format("added-3")], "insight added-3")
    before = snapshot(root)
    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "link", fail_for(root / "insights/new/fresh.yaml", os.link, full))
    monkeypatch.setattr(os, "replace", fail_for(root / "insights/new/fresh.yaml", os.replace, full))
    with pytest.raises(EditError) as caught:
        changes.write()
    monkeypatch.undo()
    assert caught.value.message == "insights/new/fresh.yaml: cannot write: the disk is full; nothing was written"
    assert snapshot(root) == before
    changes.write()
    assert b"id: added-1" in (root / "insights/many.yaml").read_bytes()
    assert (root / "insights/new/fresh.yaml").read_text(encoding="utf-8").startswith("kind: Insight\nid: added-3\n")


def test_init_creates_every_file_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "bank"
    files = plan("Bank", ["en"])
    assert len(files) > 5
    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "link", fail_for(folder / files[4].path, os.link, full))
    monkeypatch.setattr(os, "replace", fail_for(folder / files[4].path, os.replace, full))
    with pytest.raises(EditError) as caught:
        write_all(folder, files, dry_run=False)
    monkeypatch.undo()
    assert caught.value.message == f"{files[4].path}: cannot write: the disk is full; nothing was written"
    assert not folder.exists()
    outcomes = write_all(folder, files, dry_run=False)
    assert {o.outcome for o in outcomes} == {"create"}
    assert snapshot(folder) == {**snapshot(folder), **{f.path: f.content for f in files}}


def test_without_hard_links_the_originals_are_kept_as_copies(
    tmp_path: Path, three: list[FileWrite], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file system without hard links (os.link: EPERM) a failure still puts back the
    files already replaced, and nothing is left over."""
    before = snapshot(tmp_path)

    def no_links(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "replace", fail_on_call(3, os.replace, OSError(errno.EIO, "Input/output error")))
    with pytest.raises(EditError) as caught:
        write_files(three)
    monkeypatch.undo()
    assert caught.value.message == "c/f3.yaml: cannot write: Input/output error; nothing was written"
    assert snapshot(tmp_path) == before
