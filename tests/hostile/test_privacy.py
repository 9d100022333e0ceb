"""Personal data found in insights never reaches a message, a CI log, a report or the site."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.harness import materialise, run

SECRETS = ("maija.meikalainen@example.com", "150580-4329", "50 987 6543", "987 6543")


def assert_no_secret(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked into {where}"


def test_personal_data_is_masked_everywhere(tmp_path: Path) -> None:
    root = materialise("privacy", tmp_path)
    for args in (
        ["validate"],
        ["validate", "--format", "json"],
        ["validate", "--format", "github"],
        ["validate", "--format", "sarif"],
        ["validate", "--statistics"],
        ["prioritise", "--format", "json"],
    ):
        result = run(args, root)
        assert result.returncode in (0, 1), result.output
        assert_no_secret(result.output, "journeyops " + " ".join(args))
    result = run(["validate", "--format", "json"], root)
    assert "***@***" in result.stdout
    out = tmp_path / "site"
    result = run(["site", "build", "--out", str(out)], root)
    assert result.returncode in (0, 1), result.output
    assert_no_secret(result.output, "site build output")
    pages = [page for page in out.rglob("*") if page.is_file()]
    assert sum(page.suffix == ".html" for page in pages) >= 5
    for page in pages:
        assert_no_secret(page.read_text(encoding="utf-8", errors="replace"), str(page))
