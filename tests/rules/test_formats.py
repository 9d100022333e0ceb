"""Every output format reports the same findings; SARIF is valid 2.1.0; statistics."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from tests.rules.conftest import run
from tests.tools import NODE_MODULES, require_tool, sarif_validate

SCHEMA = NODE_MODULES / "@microsoft" / "sarif-multitool-linux" / "sarif-2.1.0.json"
TEXT_LINE = re.compile(r"^(\S+?):(\d+):(\d+): (JO\d{3}) ")
GITHUB_LINE = re.compile(r"^::\w+ file=([^,]+),line=(\d+),col=(\d+),title=(JO\d{3})")


def _output(bank: Path, fmt: str) -> str:
    done = run("validate", "--format", fmt, "--fail-on", "info", cwd=bank)
    assert done.returncode == 1, done.stderr
    return done.stdout


def test_same_findings_in_every_format(bank: Path) -> None:
    text = {
        (m[4], m[1], int(m[2]), int(m[3]))
        for line in _output(bank, "text").splitlines() if (m := TEXT_LINE.match(line))
    }
    github = {
        (m[4], unquote(m[1]), int(m[2]), int(m[3]))
        for line in _output(bank, "github").splitlines() if (m := GITHUB_LINE.match(line))
    }
    data = json.loads(_output(bank, "json"))
    as_json = {(f["code"], f["path"], f["line"], f["column"]) for f in data["findings"]}
    sarif = json.loads(_output(bank, "sarif"))
    as_sarif = {
        (
            r["ruleId"],
            unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]),
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in sarif["runs"][0]["results"]
    }
    assert len(text) == len(data["findings"]) == 6
    assert text == github == as_json == as_sarif


def test_sarif_is_valid_deterministic_and_describes_rules(bank: Path, tmp_path: Path) -> None:
    first = _output(bank, "sarif")
    assert _output(bank, "sarif") == first
    document = json.loads(first)
    driver = document["runs"][0]["tool"]["driver"]
    assert (driver["name"], document["version"]) == ("journeyops", "2.1.0")
    ids = [rule["id"] for rule in driver["rules"]]
    stale = driver["rules"][ids.index("JO402")]
    assert stale["name"] == "journey.stale"
    assert stale["defaultConfiguration"]["level"] == "warning"
    assert stale["help"]["text"].startswith("An active journey was not reviewed")
    for result in document["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    email = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "JO501")
    assert "matti" not in email["message"]["text"]

    path = tmp_path / "out.sarif"
    path.write_text(first, encoding="utf-8")
    require_tool(SCHEMA.is_file(), f"SARIF 2.1.0 schema not found at {SCHEMA}")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    assert sarif_validate(path) == []


def test_statistics_in_text_and_json(bank: Path) -> None:
    done = run("validate", "--statistics", cwd=bank)
    assert done.returncode == 1
    assert done.stdout.endswith(
        "Statistics:\n"
        "1  JO208  level.no-theme         error\n"
        "1  JO301  insight.no-step        warning\n"
        "1  JO302  step.unevidenced-pain  warning\n"
        "1  JO401  journey.owner-team     warning\n"
        "1  JO402  journey.stale          warning\n"
        "1  JO501  privacy.email          error\n"
        "\n"
        "✗ 2 errors, 4 warnings in 2 files (2 files, 2 records checked)\n"
    )
    data = json.loads(run("validate", "--statistics", "-f", "json", cwd=bank).stdout)
    assert data["statistics"][0] == {"code": "JO208", "name": "level.no-theme", "severity": "error", "count": 1}
    assert sum(row["count"] for row in data["statistics"]) == len(data["findings"])


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_privacy_value_never_in_any_output(bank: Path, fmt: str) -> None:
    assert "matti@" not in _output(bank, fmt)
