"""Inline suppressions: on the line, on the line above, for the whole file, and unused."""

from __future__ import annotations

from pathlib import Path

from tests.rules.test_cases import write_bank

from journeyops_cli.lint.suppress import scan_lines
from journeyops_cli.load.files import marked_lines
from journeyops_cli.pipeline import Selection, validate

INSIGHT = """\
kind: Insight
id: lonely
title: Nobody links me  # journeyops: ignore[JO301]
type: feedback
source: Feedback
date: 2025-03-01
summary: Write to matti@example.com  # journeyops: ignore[privacy.email, JO502]
"""


def found(root: Path, select: list[str] | None = None) -> list[str]:
    result = validate(root, selection=Selection(select=select or []))
    return [f"{f.path}:{f.line}:{f.column} {f.code} {f.severity.label} {f.message}" for f in result.findings]


def test_line_suppression_and_unused_code(tmp_path: Path) -> None:
    write_bank(tmp_path, {"insights/i.yaml": INSIGHT})
    assert found(tmp_path) == [
        "insights/i.yaml:7:38 JO901 info unused suppression: no JO502 finding on this line",
    ]


def test_unused_is_not_reported_for_rules_that_did_not_run(tmp_path: Path) -> None:
    write_bank(tmp_path, {"insights/i.yaml": INSIGHT})
    assert found(tmp_path, ["JO301", "JO901"]) == []
    assert found(tmp_path, ["JO301"]) == []


def test_comment_alone_on_the_line_above(tmp_path: Path) -> None:
    text = INSIGHT.replace("  # journeyops: ignore[JO301]", "").replace(
        "title:", "# journeyops: ignore[insight.no-step]\ntitle:"
    )
    write_bank(tmp_path, {"insights/i.yaml": text})
    assert found(tmp_path, ["JO301", "JO901"]) == []


def test_bare_ignore_and_ignore_file(tmp_path: Path) -> None:
    # a.yaml: the bare ignore hides the e-mail; b.yaml: the file ignore hides JO301.
    write_bank(tmp_path, {
        "insights/a.yaml": INSIGHT.replace("# journeyops: ignore[privacy.email, JO502]", "# journeyops: ignore"),
        "insights/b.yaml": "# journeyops: ignore-file[evidence]\n" + INSIGHT.replace("lonely", "other").replace(
            "  # journeyops: ignore[JO301]", ""),
        "insights/c.yaml": "# journeyops: ignore-file[JO404]\n# journeyops: ignore[JO999]\n"
        + INSIGHT.replace("lonely", "third"),
    })
    assert found(tmp_path) == [
        "insights/b.yaml:8:38 JO901 info unused suppression: no JO502 finding on this line",
        "insights/c.yaml:1:1 JO901 info unused suppression: no JO404 finding in this file",
        "insights/c.yaml:2:1 JO901 info suppression names an unknown rule 'JO999'",
        "insights/c.yaml:9:38 JO901 info unused suppression: no JO502 finding on this line",
    ]


def test_scan_reads_only_comments() -> None:
    text = 'title: "not # journeyops: ignore"\nsummary: x #journeyops: ignore-file[JO301,JO302]\n'
    [suppression] = scan_lines("x.yaml", marked_lines(text))  # the one inside quotes is text, not a comment
    assert (suppression.line, suppression.column, suppression.whole_file) == (2, 12, True)
    assert suppression.codes == {"JO301", "JO302"}
