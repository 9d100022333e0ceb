"""Prove each external-client helper in tests/tools works on known-good and known-bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.tools import (
    REPO_ROOT,
    check_jsonschema,
    mermaid_parse,
    run_axe,
    sarif_findings,
    sarif_validate,
    vnu_check,
)

GOOD_HTML = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Journeys</title></head>
<body>
<main>
<h1>Journeys</h1>
<p>All good.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot">
</main>
</body>
</html>
"""

# Image without alt: axe "image-alt" (critical).  Also invalid for vnu.
BAD_A11Y_HTML = GOOD_HTML.replace(' alt="A dot"', "")

# Invalid HTML: no <title>, stray end tag, unclosed element.
BAD_VNU_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"></head>
<body><p>Hi<div></span></body></html>
"""

GOOD_SARIF = {
    "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
    "version": "2.1.0",
    "runs": [
        {
            "tool": {
                "driver": {
                    "name": "journeyops",
                    "version": "0.0.0",
                    "informationUri": "https://example.invalid/journeyops",
                    "rules": [
                        {
                            "id": "JO001",
                            "shortDescription": {"text": "Missing field."},
                            "fullDescription": {"text": "A journey is missing a required field."},
                            "helpUri": "https://example.invalid/rules/JO001",
                        }
                    ],
                }
            },
            "results": [
                {
                    "ruleId": "JO001",
                    "ruleIndex": 0,
                    "level": "error",
                    "message": {"text": "Journey 'x' is missing 'steps'."},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": "journeys/x.yaml"},
                                "region": {"startLine": 3, "startColumn": 1, "endLine": 3,
                                           "endColumn": 6},
                            }
                        }
                    ],
                }
            ],
        }
    ],
}

# Schema errors: driver without name, bad level, empty message.
BAD_SARIF = {
    "version": "2.1.0",
    "runs": [
        {
            "tool": {"driver": {}},
            "results": [
                {
                    "level": "fatal",
                    "message": {},
                }
            ],
        }
    ],
}

GOOD_JOURNEY = """journey
  title Sign up
  section Discover
    Find the site: 5: Visitor
    Read pricing: 3: Visitor
  section Join
    Create account: 2: Visitor, Support
"""

BAD_JOURNEY = """journey
  title Sign up
  section Discover
    Find the site: five: Visitor
  ]]] not mermaid
"""


# ------------------------------------------------------------------ SARIF
def test_sarif_validate_accepts_valid_file(tmp_path: Path) -> None:
    f = tmp_path / "good run.sarif"  # a space in the path on purpose
    f.write_text(json.dumps(GOOD_SARIF, indent=2), encoding="utf-8")
    assert sarif_validate(f) == []
    # The file is complete enough that the multitool has no advisories either.
    assert sarif_findings(f) == []


def test_sarif_validate_reports_schema_and_rule_errors(tmp_path: Path) -> None:
    f = tmp_path / "bad.sarif"
    f.write_text(json.dumps(BAD_SARIF, indent=2), encoding="utf-8")
    errors = sarif_validate(f)
    text = "\n".join(errors)
    assert errors, "the multitool accepted an invalid SARIF file"
    assert all(" error " in e for e in errors), errors
    assert "error JSON1002" in text and "'name' is missing" in text
    assert "error JSON1019" in text  # "fatal" is no level


def test_sarif_validate_reports_spec_rule_errors(tmp_path: Path) -> None:
    # Schema-valid, but breaks SARIF spec rules (only checked once the schema passes).
    doc = json.loads(json.dumps(GOOD_SARIF))
    loc = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    loc["artifactLocation"]["uri"] = "C:\\bad path\\x.yaml"
    f = tmp_path / "rules.sarif"
    f.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    errors = sarif_validate(f)
    assert len(errors) == 1 and "error SARIF1002" in errors[0], errors  # not a valid URI


def test_sarif_validate_reports_json_syntax_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.sarif"
    f.write_text('{"version": "2.1.0", runs', encoding="utf-8")
    errors = sarif_validate(f)
    assert any("error JSON0001" in e for e in errors), errors


# ------------------------------------------------------------------ check-jsonschema
def test_check_jsonschema(tmp_path: Path) -> None:
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["id"],
        "properties": {"id": {"type": "string", "pattern": "^[a-z-]+$"}},
    }), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text("id: sign-up\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: 42\n", encoding="utf-8")

    rc, out = check_jsonschema(schema, [good])
    assert rc == 0, out
    rc, out = check_jsonschema(schema, [good, bad])
    assert rc == 1, out
    assert "bad.yaml" in out and "good.yaml" not in out.split("Schema validation errors")[-1]


# ------------------------------------------------------------------ vnu
def test_vnu_accepts_valid_html(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(GOOD_HTML, encoding="utf-8")
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")  # skipped: not HTML
    assert vnu_check(tmp_path) == []


def test_vnu_reports_invalid_html(tmp_path: Path) -> None:
    good = tmp_path / "index.html"
    good.write_text(GOOD_HTML, encoding="utf-8")
    bad = tmp_path / "bad page.html"
    bad.write_text(BAD_VNU_HTML, encoding="utf-8")
    errors = vnu_check([good, bad])
    text = "\n".join(errors)
    assert errors
    assert all("bad%20page.html" in e for e in errors), errors
    assert "Stray end tag “span”" in text  # UTF-8 quotes survive
    assert "title" in text


# ------------------------------------------------------------------ browser
@pytest.mark.browser
def test_page_records_dialogs_and_errors(page, tmp_path: Path) -> None:
    f = tmp_path / "alert.html"
    f.write_text(
        GOOD_HTML.replace(
            "</body>",
            "<script>alert('hello'); console.error('boom'); "
            "setTimeout(() => { throw new Error('kaput'); }, 0);</script></body>",
        ),
        encoding="utf-8",
    )
    page.goto(f.as_uri())
    page.wait_for_timeout(100)
    assert page.journeyops_dialogs == [{"type": "alert", "message": "hello"}]
    errors = "\n".join(page.journeyops_errors)
    assert "console.error: boom" in errors
    assert "pageerror: " in errors and "kaput" in errors


@pytest.mark.browser
def test_page_clean_page_records_nothing(page, tmp_path: Path) -> None:
    f = tmp_path / "index.html"
    f.write_text(GOOD_HTML, encoding="utf-8")
    page.goto(f.as_uri())
    assert page.title() == "Journeys"
    assert page.journeyops_errors == []
    assert page.journeyops_dialogs == []


@pytest.mark.browser
def test_axe_passes_accessible_page(page, tmp_path: Path) -> None:
    f = tmp_path / "index.html"
    f.write_text(GOOD_HTML, encoding="utf-8")
    page.goto(f.as_uri())
    assert run_axe(page) == []


@pytest.mark.browser
def test_axe_flags_image_without_alt(page, tmp_path: Path) -> None:
    f = tmp_path / "index.html"
    f.write_text(BAD_A11Y_HTML, encoding="utf-8")
    page.goto(f.as_uri())
    violations = run_axe(page)
    assert [v["id"] for v in violations] == ["image-alt"], violations
    assert violations[0]["impact"] == "critical"
    assert violations[0]["nodes"][0]["target"] == ["img"]
    # Running twice does not re-inject or change the answer.
    assert [v["id"] for v in run_axe(page)] == ["image-alt"]


@pytest.mark.browser
def test_axe_works_under_a_strict_csp(page, tmp_path: Path) -> None:
    f = tmp_path / "index.html"
    f.write_text(
        BAD_A11Y_HTML.replace(
            "<title>",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "img-src data:\"><title>",
        ),
        encoding="utf-8",
    )
    page.goto(f.as_uri())
    assert [v["id"] for v in run_axe(page)] == ["image-alt"]


@pytest.mark.browser
def test_mermaid_parse_journey(chromium_browser, page) -> None:
    assert mermaid_parse(chromium_browser, GOOD_JOURNEY) is None
    err = mermaid_parse(chromium_browser, BAD_JOURNEY)
    assert isinstance(err, str) and "Parse error on line 5" in err, err
    # A Page works too, and does not navigate the caller's page.
    page.goto("data:text/html,<title>mine</title>")
    assert mermaid_parse(page, GOOD_JOURNEY) is None
    err = mermaid_parse(page, "journey\n  title x\n  section s\n    Task without score\n")
    assert err and "Parse error on line 4" in err, err
    # Not a diagram at all.
    assert "No diagram type detected" in (mermaid_parse(page, "") or "")
    assert page.title() == "mine"


def test_repo_root_is_the_project() -> None:
    assert (REPO_ROOT / "tests" / "tools" / "__init__.py").is_file()
    assert (REPO_ROOT / ".ci" / "install-tools").is_file()


def test_missing_tool_skips_locally_and_fails_in_ci(monkeypatch, tmp_path: Path) -> None:
    import tests.tools as tools

    monkeypatch.setattr(tools, "VNU_JAR", tmp_path / "no-such" / "vnu.jar")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Nu HTML Checker"):
        tools.vnu_check(tmp_path)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        tools.vnu_check(tmp_path)


def test_need_finds_a_program_and_fails_in_ci_without_it(monkeypatch) -> None:
    import tests.tools as tools

    assert Path(tools.need("git")).name == "git"
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no-such-tool-xyz not found on PATH -- CI=true"):
        tools.need("no-such-tool-xyz")


def test_any_skip_fails_under_ci(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_skips=(
        "import pytest\n"
        "def test_skips():\n    pytest.skip('no frobnicator')\n"
        "@pytest.mark.skipif(True, reason='not on this platform')\n"
        "def test_marked():\n    pass\n"
    ))
    arguments = ("-p", "tests.conftest", "-p", "no:cacheprovider", "-n", "0", "-rfEs")
    monkeypatch.setenv("CI", "true")
    in_ci = pytester.runpytest_inprocess(*arguments)
    in_ci.assert_outcomes(failed=1, errors=1)
    in_ci.stdout.fnmatch_lines([
        "FAILED test_skips.py::test_skips - skipped under CI=true, which must run every test: "
        "Skipped: no frobnicator",
        "ERROR test_skips.py::test_marked - skipped under CI=true, which must run every test: "
        "Skipped: not on this platform",
    ])
    monkeypatch.delenv("CI")
    pytester.runpytest_inprocess(*arguments).assert_outcomes(skipped=2)
