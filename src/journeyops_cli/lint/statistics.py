"""Counts of findings per rule, for `validate --statistics`."""

from __future__ import annotations

from collections import Counter
from typing import Any

from journeyops_cli.findings import Finding


def statistics(findings: list[Finding]) -> list[dict[str, Any]]:
    """One row per (code, severity): count, code, name, severity; most frequent first."""
    counts = Counter((f.code, f.name or "", f.severity) for f in findings)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0], -kv[0][2]))
    return [
        {"code": code, "name": name, "severity": severity.label, "count": count}
        for (code, name, severity), count in rows
    ]


def render_text(rows: list[dict[str, Any]]) -> str:
    """The statistics as aligned text lines (empty when there is nothing to count)."""
    if not rows:
        return ""
    width = max(len(str(r["count"])) for r in rows)
    name_width = max(len(r["name"]) for r in rows)
    lines = [
        f"{r['count']:>{width}}  {r['code']}  {r['name']:<{name_width}}  {r['severity']}".rstrip()
        for r in rows
    ]
    return "\n".join(lines) + "\n"


def add_statistics(output_format: str, rendered: str, findings: list[Finding]) -> str:
    """A reporter's output with the statistics added: in text, after the findings and
    before the summary line; in json, as a `statistics` list. Other formats are kept."""
    rows = statistics(findings)
    if output_format == "json":
        import json

        document = json.loads(rendered)
        document["statistics"] = rows
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output_format == "text":
        body, _, summary = rendered.rstrip("\n").rpartition("\n")
        table = render_text(rows)
        if not table:
            return rendered
        return (body + "\n" if body else "") + "Statistics:\n" + table + "\n" + summary + "\n"
    return rendered
