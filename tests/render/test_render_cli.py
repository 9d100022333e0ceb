"""`journeyops render` as a user runs it: real subprocesses on the fixture bank."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests.render.helpers import BANK, GOLDEN, run_cli


def test_markdown_to_stdout_by_default() -> None:
    result = run_cli("render", "daycare-application", "--bank", str(BANK))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (GOLDEN / "daycare-application.fi.md").read_text(encoding="utf-8")
    assert result.stderr == ""


def test_bank_found_from_the_current_folder_and_lang_option() -> None:
    result = run_cli("render", "daycare-application", "--lang", "en", cwd=BANK / "journeys")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (GOLDEN / "daycare-application.en.md").read_text(encoding="utf-8")


def test_html_to_a_file_atomically(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    result = run_cli("render", "daycare-application", "--bank", str(BANK), "--format", "html",
                     "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"wrote {out}\n"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"fi\">")
    assert "Content-Security-Policy" in page
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


def test_unknown_journey_names_the_nearest_id() -> None:
    result = run_cli("render", "daycare-aplication", "--bank", str(BANK))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "journeyops: error: no journey with id 'daycare-aplication' in the bank; "
        "did you mean 'daycare-application'?\n"
    )
    far = run_cli("render", "zzz", "--bank", str(BANK))
    assert (far.returncode, far.stderr) == (1, "journeyops: error: no journey with id 'zzz' in the bank\n")


def test_unknown_journey_mentions_unreadable_files(tmp_path: Path) -> None:
    shutil.copytree(BANK, tmp_path / "bank")
    (tmp_path / "bank" / "journeys" / "broken.yaml").write_text("kind: Journey\nid: [\n", encoding="utf-8")
    result = run_cli("render", "broken", "--bank", str(tmp_path / "bank"))
    assert result.returncode == 1
    assert result.stderr == (
        "journeyops: note: 1 file(s) could not be read completely; run `journeyops validate`\n"
        "journeyops: error: no journey with id 'broken' in the bank\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "journeyops: error: --format pdf: use one of md, html\n"),
        (["--lang", "de"], "journeyops: error: --lang de: the bank's languages are fi, en\n"),
        (["--out", "/no/such/folder/x.md"],
         "journeyops: error: --out /no/such/folder/x.md: cannot write: no such folder\n"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run_cli("render", "daycare-application", "--bank", str(BANK), *args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message)


def test_read_only_folder_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journeyops_cli.render import write

    out = tmp_path / "map.md"
    out.write_text("old", encoding="utf-8")
    tmp_path.chmod(0o555)
    if os.geteuid() == 0:  # root writes into a read-only folder: refuse as the kernel would
        def refused(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(write.tempfile, "mkstemp", refused)
    try:
        result = run_cli("render", "daycare-application", "--bank", str(BANK), "--out", str(out))
    finally:
        tmp_path.chmod(0o755)
    assert result.returncode == 2
    assert result.stderr == f"journeyops: error: --out {out}: cannot write: Permission denied\n"
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.md"]


def test_failed_write_leaves_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journeyops_cli.render import write

    out = tmp_path / "map.md"
    out.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        write.write_atomic(out, "new")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.md"]


def test_html_links_point_at_the_site_or_are_plain_text() -> None:
    plain = run_cli("render", "daycare-application", "--bank", str(BANK), "--format", "html")
    assert plain.returncode == 0, plain.stderr
    assert "<a href=" not in plain.stdout.replace('<a href="#map"', "").replace(
        '<a href="https://example.org/', "")  # only the skip link and evidence links
    site = run_cli("render", "daycare-application", "--bank", str(BANK), "--format", "html",
                   "--site-url", "https://journeys.example.fi/bank/")
    assert site.returncode == 0, site.stderr
    journey = "https://journeys.example.fi/bank/fi/journeys/service-journey.html"
    assert f'<a href="{journey}">' in site.stdout
    assert 'href="https://journeys.example.fi/bank/fi/insights/sign-in-drops.html"' in site.stdout


def test_site_url_must_be_a_web_address() -> None:
    result = run_cli("render", "daycare-application", "--bank", str(BANK), "--format", "html",
                     "--site-url", "javascript:alert(1)")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "journeyops: error: --site-url javascript:alert(1): give an http:// or https:// address\n")
