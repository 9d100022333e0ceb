"""`journeyops rules` and docs/rules.md."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import run

from journeyops_cli.rules.docs import REGENERATE, markdown
from journeyops_cli.rules.registry import all_rules

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_docs_rules_md_is_generated_text() -> None:
    assert DOCS.read_text(encoding="utf-8") == markdown(), f"docs/rules.md is out of date: run `{REGENERATE}`"


def test_rules_lists_every_rule() -> None:
    done = run("rules")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "SUMMARY"]
    assert len(lines) == 1 + len(all_rules())
    assert any(line.startswith("JO402  journey.stale ") and line.endswith(
        "An active journey was not reviewed within the configured window (default 365 days), or was never reviewed.")
        for line in lines)


def test_rules_prints_one_rules_documentation_by_code_or_name() -> None:
    by_code = run("rules", "JO503").stdout
    assert by_code == run("rules", "privacy.identity-code").stdout
    assert by_code.startswith("JO503 privacy.identity-code\nseverity: error\ngroups: privacy\n\n")
    assert "  allow (default []): Values that are not personal" in by_code


def test_rules_unknown_and_markdown() -> None:
    done = run("rules", "journey.stael")
    assert (done.returncode, done.stderr) == (
        2, "journeyops: error: unknown rule 'journey.stael'; did you mean 'journey.stale'?\n"
    )
    assert run("rules", "--format", "markdown").stdout == markdown()
