"""A bank diff as text, Markdown (a pull-request comment) or JSON."""

from __future__ import annotations

from collections.abc import Callable

from journeyops_cli import jsontext
from journeyops_cli.diff.compare import Diff
from journeyops_cli.findings import printable
from journeyops_cli.render.safety import md_cell

FORMATS = ("text", "md", "json")
COMMENT_LIMIT = 65_536  # GitHub's limit on a comment's length
FOLD_AFTER = 10  # Markdown lists longer than this are folded in <details>


def _rank(value: tuple[int, float] | None) -> str:
    return "–" if value is None else f"#{value[0]} ({value[1]:g})"


def sections(diff: Diff, code: Callable[[str], str], plain: Callable[[str], str]) -> list[tuple[str, list[str]]]:
    """(heading, items) of every part of the diff that has something; `code` writes an id
    or a path, `plain` any other text taken from the bank."""
    parts: list[tuple[str, list[str]]] = []
    records = []
    for c in diff.records:
        what = c.change if c.change != "renamed" else f"renamed from {code(c.renamed_from or '')}"
        fields = f": {', '.join(c.fields)}" if c.fields else ""
        records.append(f"{c.kind} {code(c.id)} {what}{fields} — {plain(c.title)} ({code(c.path)})")
    parts.append(("Records", records))
    steps = []
    for s in diff.steps:
        if s.fields == ("order",) and not s.step:
            steps.append(f"{code(s.journey)}: steps reordered")
            continue
        what = s.change if s.change != "renamed" else f"renamed from {code(s.renamed_from or '')}"
        fields = f": {', '.join(s.fields)}" if s.fields else ""
        steps.append(f"{code(s.journey + '#' + s.step)} {what}{fields} — {plain(s.title)}")
    parts.append(("Steps", steps))
    parts.append(("Links", [
        f"{link.kind} {code(link.id)} {link.field}: {'+' if link.change == 'added' else '−'} {code(link.target)}"
        for link in diff.links
    ]))
    parts.append(("Left pointing at a removed step", [
        f"{o.kind} {code(o.id)} still names {code(o.step)} ({code(o.path)})" for o in diff.orphans
    ]))
    parts.append(("Findings introduced", [
        f"{code(f'{f.path}:{f.line}')}: {f.code} [{f.severity}] {plain(f.message)}"
        for f in diff.findings if f.change == "introduced"
    ]))
    parts.append(("Findings fixed", [
        f"{code(f.path)}: {f.code} [{f.severity}] {plain(f.message)}" for f in diff.findings if f.change == "fixed"
    ]))
    parts.append(("Backlog", [
        f"{code(r.id)} {_rank(r.before)} → {_rank(r.after)} — {plain(r.title)}" for r in diff.ranks
    ]))
    parts.append(("Metrics", [
        f"{code(m.id)} {m.before} → {m.after} target — {plain(m.title)}" for m in diff.metrics
    ]))
    return [(heading, items) for heading, items in parts if items]


def _code_span(text: str) -> str:
    """`text` as a Markdown code span: literal on GitHub, whatever it holds."""
    text = text.replace("\n", " ").replace("\r", " ")
    longest = 0
    current = 0
    for char in text:
        current = current + 1 if char == "`" else 0
        longest = max(longest, current)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def summary(diff: Diff) -> str:
    """One line: how many of each kind of change."""
    introduced = sum(1 for f in diff.findings if f.change == "introduced")
    counts = [
        (len(diff.records), "record changed", "records changed"),
        (len(diff.steps), "step changed", "steps changed"),
        (len(diff.links), "link changed", "links changed"),
        (introduced, "finding introduced", "findings introduced"),
        (len(diff.findings) - introduced, "finding fixed", "findings fixed"),
    ]
    parts = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
    return ", ".join(parts) if parts else "no change in meaning"


def as_text(diff: Diff) -> str:
    lines = [f"{diff.base} → {diff.head}: {summary(diff)}"]
    for heading, items in sections(diff, str, str):
        lines += ["", f"{heading}:"] + [f"  {printable(item)}" for item in items]
    return "\n".join(lines) + "\n"


def as_markdown(diff: Diff, limit: int = COMMENT_LIMIT) -> str:
    """The diff as a pull-request comment: at most `limit` characters, long lists folded
    and, where still too long, cut with a count of what was left out."""
    parts = sections(diff, _code_span, md_cell)
    cap = max((len(items) for _heading, items in parts), default=0)
    while True:
        text = _markdown(diff, parts, cap)
        if len(text) <= limit or cap <= 1:
            return text if len(text) <= limit else text[: limit - 40].rsplit("\n", 1)[0] + "\n\n…(cut to fit)\n"
        cap = max(1, cap // 2)


def _markdown(diff: Diff, parts: list[tuple[str, list[str]]], cap: int) -> str:
    out = [f"### journeyops diff {_code_span(diff.base)} → {_code_span(diff.head)}", "", summary(diff), ""]
    for heading, items in parts:
        shown = items[:cap]
        lines = [f"- {item}" for item in shown]
        if len(items) > cap:
            lines.append(f"- …and {len(items) - cap} more (`journeyops diff` shows all)")
        if len(items) > FOLD_AFTER:
            out += [f"<details><summary>{heading} ({len(items)})</summary>", "", *lines, "", "</details>", ""]
        else:
            out += [f"#### {heading}", "", *lines, ""]
    return "\n".join(out)


def as_json(diff: Diff) -> str:
    return jsontext.dumps(diff.to_dict())


def render(diff: Diff, output_format: str) -> str:
    if output_format == "json":
        return as_json(diff)
    if output_format == "md":
        return as_markdown(diff)
    return as_text(diff)
