"""A small bank for the tests of the interactive `new`, made through the CLI."""

from __future__ import annotations

from pathlib import Path

from tests.runner import run_cli


def ok(*args: str, cwd: Path) -> None:
    result = run_cli(*args, cwd=cwd)
    assert result.returncode == 0, (args, result.stdout, result.stderr)


def make_bank(tmp_path: Path, languages: str = "fi,en", scoring: str = "", lint: str = "") -> Path:
    """A bank with the four-phase top journey, a theme, a team, two customer groups, a
    mid journey and a one-step detailed journey; `scoring` is added to its config and
    `lint` to the config's `lint:` (indented lines)."""
    ok("init", "bank", "--languages", languages, cwd=tmp_path)
    root = tmp_path / "bank"
    config = root / "journeyops.yaml"
    if scoring:
        config.write_text(config.read_text("utf-8") + scoring, encoding="utf-8")
    if lint:
        config.write_text(config.read_text("utf-8").replace("lint:\n", "lint:\n" + lint, 1), encoding="utf-8")
    for args in (
        ("theme", "--title", "Varhaiskasvatus"),
        ("team", "--title", "Asiakaskokemus"),
        ("customer-group", "--title", "Lapsiperheet"),
        ("customer-group", "--title", "Maahan muuttaneet"),
        ("journey", "--title", "Päiväkotiin hakeminen", "--level", "mid", "--parent", "service-journey",
         "--theme", "varhaiskasvatus", "--steps", "Etsi,Hae", "--step-parents", "findability,transaction"),
        ("journey", "--title", "Hakemuksen lähettäminen", "--id", "laheta", "--level", "detailed",
         "--parent", "paivakotiin-hakeminen", "--steps", "Lähetä", "--step-parents", "hae"),
    ):
        ok("new", *args, "--no-input", cwd=root)
    return root
