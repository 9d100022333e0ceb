"""Property: on generated records with comments, a link edit leaves every line it did not
mean to change byte-identical, and fmt is idempotent and keeps the data."""

from __future__ import annotations

import difflib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeyops_cli.edit.formatter import format_file
from journeyops_cli.edit.surgery import add_item, remove_item
from journeyops_cli.edit.textfile import decode
from journeyops_cli.edit.verify import check_edit, data_of
from journeyops_cli.models.config import LimitsConfig

LIMITS = LimitsConfig()
comments = st.text(alphabet="abc äö#:-'\" ", max_size=12).map(lambda s: "# " + s.strip())
words = st.sampled_from(["Find", "no", "2024", "'quoted'", '"a: b"', "~", "yes", "Päivä"])
FIELDS = ["title", "type", "source", "date", "summary", "kind", "id", "severity"]
VALUES = {
    "kind": "Insight", "id": "gen", "type": "feedback", "source": "Web", "date": "2024-01-01",
    "severity": "high",
}


@st.composite
def records(draw: st.DrawFn) -> tuple[str, bool]:
    order = draw(st.permutations(FIELDS))
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append("# yaml-language-server: $schema=../schemas/insight.schema.json")
    for name in order:
        if draw(st.booleans()):
            lines.append(draw(comments))
        value = VALUES.get(name) or draw(words)
        if value == "~":
            value = "'~'"
        if value in ("no", "yes", "2024"):
            value = f'"{value}"'
        tail = f"  {draw(comments)}" if draw(st.booleans()) else ""
        lines.append(f"{name}: {value}{tail}")
    style = draw(st.sampled_from(["flow", "block", "none", "offset0"]))
    if style == "flow":
        lines.append("steps: [j#a]  # flow")
    elif style == "block":
        lines += ["steps:", "  # before", "  - j#a  # one"]
    elif style == "offset0":
        lines += ["steps:", "- j#a"]
    if draw(st.booleans()):
        lines.append(draw(comments))
    crlf = draw(st.booleans())
    return ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n"), crlf


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), st.booleans())
def test_link_edit_changes_only_the_list(generated: tuple[str, bool], second_doc: bool) -> None:
    text, crlf = generated
    newline = "\r\n" if crlf else "\n"
    neighbour = f"---{newline}kind: Insight{newline}id: other  # keep{newline}"
    full = text + neighbour if second_doc else text
    data = data_of(full, LIMITS)
    assert data is not None
    new = add_item(full, 0, "steps", "j#b", newline, "gen.yaml")
    expected = [dict(d) for d in data]
    expected[0]["steps"] = [*data[0].get("steps", []), "j#b"]
    assert data_of(new, LIMITS) == expected
    diff = [
        line for line in difflib.ndiff(full.splitlines(keepends=True), new.splitlines(keepends=True))
        if line[:1] in "+-"
    ]
    allowed = ("- steps: [j#a]", "+ steps:\n", "+ steps:\r\n")
    assert all("j#b" in line or line.startswith(allowed) for line in diff), diff
    assert sum(1 for line in diff if line.startswith("+")) <= 2
    if second_doc:
        assert new.endswith(neighbour)
    # and back again
    back = remove_item(new, 0, "steps", "j#b", newline, "gen.yaml")
    if "steps" in data[0]:
        assert back == full


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_fmt_is_idempotent_and_keeps_data(generated: tuple[str, bool]) -> None:
    text, _ = generated
    text = text.replace("summary:", "summary:")
    source = decode(text.encode(), "gen.yaml")
    once = format_file(source, "gen.yaml", LIMITS)
    assert data_of(once.after, LIMITS) == data_of(text, LIMITS)
    twice = format_file(decode(once.after.encode(), "gen.yaml"), "gen.yaml", LIMITS)
    assert twice.after == once.after
    lines = [line for line in once.after.splitlines() if not line.startswith((" ", "#", "-"))]
    keys = [line.split(":")[0] for line in lines]
    canonical = ["kind", "id", "title", "type", "source", "date", "summary", "severity", "steps"]
    assert keys == [k for k in canonical if k in keys]


def test_check_edit_refuses_a_change_outside_the_record() -> None:
    old = "kind: Theme\nid: a\ntitle: A\n---\nkind: Theme\nid: b\ntitle: B\n"
    new = old
    check_edit(old, new, data_of(old, LIMITS) or [], (0, 2), "x.yaml", LIMITS)
    import pytest

    from journeyops_cli.edit import EditError

    with pytest.raises(EditError) as caught:
        check_edit(old, new.replace("id: b", "id:  b"), data_of(old, LIMITS) or [], (0, 2), "x.yaml", LIMITS)
    assert caught.value.message == (
        "x.yaml: the edit would change more than intended; refused, the file is unchanged"
    )
