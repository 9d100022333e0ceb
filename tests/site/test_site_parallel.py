"""Pages shared out between forked processes give the same bytes as one process, and a
failure in a forked process fails the build cleanly (the old site stays whole)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from journeyops_cli.site import processes as site_processes
from journeyops_cli.site import write as site_write
from journeyops_cli.site.build import SiteError, build_site
from journeyops_cli.site.write import MANIFEST


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def processes(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    """Share pages out between `count` processes, however few pages there are."""
    monkeypatch.setattr(site_processes, "MIN_SHARE", 1)
    monkeypatch.setattr(site_processes.RulesInBackground, "parallel", property(lambda self: count))


def test_forked_processes_give_the_bytes_of_one(bank_copy: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    processes(monkeypatch, 1)
    build_site(bank_copy, tmp_path / "one")
    processes(monkeypatch, 3)
    shared = build_site(bank_copy, tmp_path / "three")
    assert tree(tmp_path / "three") == tree(tmp_path / "one")
    assert shared.files == len(tree(tmp_path / "one"))
    # A rebuild after an edit, shared out, reuses pages and still equals a fresh build.
    path = bank_copy / "insights/insights.yaml"
    path.write_text(path.read_text("utf-8").replace("Five of six testers", "Five out of six"), "utf-8")
    build_site(bank_copy, tmp_path / "three")
    processes(monkeypatch, 1)
    build_site(bank_copy, tmp_path / "fresh")
    assert tree(tmp_path / "three") == tree(tmp_path / "fresh")
    assert "Five out of six" in (tmp_path / "three/en/insights/liitteet-hukassa.html").read_text("utf-8")


def test_a_failure_in_a_forked_process_fails_the_build(bank_copy: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build_site(bank_copy, out)
    (out / MANIFEST).unlink()
    before = tree(out)
    parent = os.getpid()
    real = site_write.write_file

    def full_in_children(path: str, data: bytes) -> None:
        if os.getpid() != parent:
            raise OSError(28, "No space left on device")
        real(path, data)

    processes(monkeypatch, 2)
    monkeypatch.setattr(site_write, "write_file", full_in_children)
    with pytest.raises(SiteError) as error:
        build_site(bank_copy, out)
    assert error.value.message == f"cannot write the site to {out}: No space left on device"
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank", "out"]
