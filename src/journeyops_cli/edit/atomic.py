"""Atomic writes: a temporary file in the same folder, flushed and fsynced, then moved over
the target in one step. On any failure the temporary file is removed and the target is left
exactly as it was; the failure becomes an EditError with a message a person can act on."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from journeyops_cli.edit import EditError


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (is the folder read-only?)"
    if error.errno == errno.EROFS:
        return "the file system is read-only"
    return error.strerror or str(error)


def _write_temp(path: Path, data: bytes, mode: int) -> str:
    """Write `data` to a new temporary file next to `path`; return its name."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
    except BaseException:
        _remove(temp)
        raise
    return temp


def _remove(temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


def replace_file(path: Path, data: bytes, shown: str) -> None:
    """Replace the existing file `path` with `data`, keeping its permission bits."""
    temp: str | None = None
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        temp = _write_temp(path, data, mode)
        os.replace(temp, path)
        temp = None
    except OSError as error:
        raise EditError(f"{shown}: cannot write: {_reason(error)}; the file is unchanged") from None
    finally:
        if temp is not None:
            _remove(temp)


def create_file(path: Path, data: bytes, shown: str) -> bool:
    """Create `path` with `data`, never overwriting: False if the file already exists.
    Missing parent folders are created."""
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = _write_temp(path, data, _umask_mode())
        try:
            os.link(temp, path)  # atomic and never overwrites
        except FileExistsError:
            return False
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
                raise
            if path.exists():  # file systems without hard links
                return False
            os.replace(temp, path)
            temp = None
        return True
    except OSError as error:
        raise EditError(f"{shown}: cannot write: {_reason(error)}") from None
    finally:
        if temp is not None:
            _remove(temp)
