"""Property: moving (or removing) a step keeps every comment with its step.

Journeys come from `benchmarks/generate.py` (each file in its own style: 2 or 4 spaces,
indented or flush lists, block and flow values, own-line and trailing comments), with
more comments added around each step: one right above its `- `, one after its last value
(indented inside the step), and sometimes a blank line before it. Every comment is made
unique, so the expected text says exactly where each one must be: a step's block (its
comment above, its lines, its comment after) moves whole, and the blank lines between
steps stay where they were.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest
from benchmarks.generate import generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeyops_cli.edit import EditError
from journeyops_cli.edit.fields import MoveItem, RemoveItem, apply_edits
from journeyops_cli.edit.verify import data_of, errors_in
from journeyops_cli.models.config import LimitsConfig

LIMITS = LimitsConfig()
SEEDS = range(1, 31)
COMMENT = re.compile(r"(^\s*#|\s#) [^\n]*")


@pytest.fixture(scope="module")
def journey_files(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], list[str]]:
    """The journey files of a small generated bank per seed (made when first asked for)."""
    made: dict[int, list[str]] = {}

    def files(seed: int) -> list[str]:
        if seed not in made:
            out = tmp_path_factory.mktemp(f"bank-{seed}")
            generate(4, out, seed=seed)
            made[seed] = [p.read_text("utf-8") for p in sorted((out / "journeys").rglob("*.yaml"))]
        return made[seed]

    return files


def unique_comments(text: str) -> str:
    counter = iter(range(1, 1_000_000))
    return COMMENT.sub(lambda m: f"{m.group(1)} c{next(counter)}", text)


def split_steps(text: str) -> tuple[str, list[str], int]:
    """(the lines before the steps, each step's lines, the column of the steps' `- `);
    `steps` is the journey's last key in generated files."""
    lines = text.splitlines(keepends=True)
    at = lines.index("steps:\n") + 1
    dash = len(lines[at]) - len(lines[at].lstrip(" "))
    starts = [n for n in range(at, len(lines)) if lines[n].startswith(" " * dash + "- ")]
    assert starts[0] == at
    chunks = ["".join(lines[a:b]) for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    assert not any(re.match(r"[a-z_]+:", line) for line in lines[at:])  # no key after the steps
    return "".join(lines[:at]), chunks, dash


@st.composite
def journeys(draw: st.DrawFn, files: Callable[[int], list[str]]) -> tuple[str, list[str], list[str], str, bool]:
    """(head, gap before each step, each step's block, the file as written, line break at the end)."""
    text = unique_comments(draw(st.sampled_from(files(draw(st.sampled_from(SEEDS))))))
    head, chunks, dash = split_steps(text)
    pad = " " * dash
    gaps: list[str] = []
    blocks: list[str] = []
    for number, chunk in enumerate(chunks):
        gaps.append("\n" if number and draw(st.booleans()) else "")
        lead = f"{pad}# above step {number}\n" if draw(st.booleans()) else ""
        trail = f"{pad}  # inside step {number}, after its last value\n" if draw(st.booleans()) else ""
        blocks.append(lead + chunk + trail)
    ends_with_newline = draw(st.booleans())
    written = head + "".join(g + b for g, b in zip(gaps, blocks, strict=True))
    return head, gaps, blocks, written if ends_with_newline else written[:-1], ends_with_newline


def _check(new: str, expected: str, moved_ids: list[str]) -> None:
    assert new == expected
    data = data_of(new, LIMITS)
    assert data is not None and [step["id"] for step in data[0]["steps"]] == moved_ids
    assert errors_in(new, "j.yaml", LIMITS) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_moved_step_keeps_its_comments(journey_files: Callable[[int], list[str]], data: st.DataObject) -> None:
    head, gaps, blocks, text, newline_at_end = data.draw(journeys(journey_files))
    count = len(blocks)
    i = data.draw(st.integers(0, count - 1))
    j = data.draw(st.integers(0, count - 1))
    order = list(range(count))
    order.insert(j, order.pop(i))
    expected = head + "".join(gaps[slot] + blocks[index] for slot, index in enumerate(order))
    old = data_of(text, LIMITS)
    assert old is not None
    ids = [step["id"] for step in old[0]["steps"]]

    new = apply_edits(text, 0, [MoveItem(("steps",), i, j)], "\n", "j.yaml", LIMITS)

    _check(new, expected if newline_at_end else expected[:-1], [ids[k] for k in order])
    back = apply_edits(new, 0, [MoveItem(("steps",), j, i)], "\n", "j.yaml", LIMITS)
    assert back == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_removed_step_takes_its_own_comments_and_no_other(journey_files: Callable[[int], list[str]],
                                                             data: st.DataObject) -> None:
    head, gaps, blocks, text, newline_at_end = data.draw(journeys(journey_files))
    i = data.draw(st.integers(0, len(blocks) - 1))
    old = data_of(text, LIMITS)
    assert old is not None
    ids = [step["id"] for step in old[0]["steps"]]
    expected = head + "".join(gaps[k] + (blocks[k] if k != i else "") for k in range(len(blocks)))
    if not newline_at_end and i != len(blocks) - 1:
        expected = expected[:-1]

    new = apply_edits(text, 0, [RemoveItem(("steps",), i)], "\n", "j.yaml", LIMITS)

    assert new == expected
    data_now = data_of(new, LIMITS)
    assert data_now is not None and [s["id"] for s in data_now[0]["steps"]] == ids[:i] + ids[i + 1:]


def test_what_the_comments_around_a_list_belong_to() -> None:
    """A comment a blank line away from every item belongs to none; one above the next key
    (at the record's column) stays with that key."""
    text = (
        "kind: Insight\nid: x\ntitle: X\ntype: feedback\nsource: Web\ndate: 2026-01-01\nsummary: S\n"
        "steps:  # the steps\n"
        "  # the list as a whole\n"
        "\n"
        "  # above a\n"
        "  - j#a  # a\n"
        "  - j#b\n"
        "  # above c\n"
        "  - j#c\n"
        "# above severity\n"
        "severity: high\n"
    )
    new = apply_edits(text, 0, [MoveItem(("steps",), 0, 2)], "\n", "x.yaml", LIMITS)
    assert new == text.replace(
        "  # above a\n  - j#a  # a\n  - j#b\n  # above c\n  - j#c\n",
        "  - j#b\n  # above c\n  - j#c\n  # above a\n  - j#a  # a\n",
    )
    flow = text.replace(
        "steps:  # the steps\n  # the list as a whole\n\n  # above a\n  - j#a  # a\n  - j#b\n  # above c\n  - j#c\n",
        "steps: [j#a, j#b,  j#c]  # flow\n")
    assert apply_edits(flow, 0, [MoveItem(("steps",), 2, 0)], "\n", "x.yaml", LIMITS) == flow.replace(
        "[j#a, j#b,  j#c]", "[j#c, j#a,  j#b]")
    with pytest.raises(EditError) as refused:
        apply_edits(text, 0, [MoveItem(("steps",), 0, 3)], "\n", "x.yaml", LIMITS)
    assert refused.value.message == "x.yaml: field 'steps' has no item 4; not changed"


def test_blank_lines_after_a_block_scalar_stay_between_the_steps_unless_they_are_its_text() -> None:
    head = "kind: Journey\nid: j\ntitle: J\nlevel: top\nsteps:\n"
    folded = "  - id: a\n    title: >-\n      A\n"
    kept = "  - id: a\n    title: |+\n      A\n\n"
    b = "  - id: b\n    title: B\n"
    assert apply_edits(head + folded + "\n" + b, 0, [MoveItem(("steps",), 0, 1)], "\n", "j.yaml", LIMITS) == (
        head + b + "\n" + folded)
    assert apply_edits(head + kept + b, 0, [MoveItem(("steps",), 0, 1)], "\n", "j.yaml", LIMITS) == head + b + kept


@settings(max_examples=150, deadline=None)
@given(old=st.lists(st.sampled_from("abcd"), min_size=1, max_size=5),
       new=st.lists(st.sampled_from("abcde"), max_size=5), flow=st.booleans())
def test_list_edits_turn_any_list_into_any_other_keeping_what_stays(old: list[str], new: list[str],
                                                                     flow: bool) -> None:
    """`list_edits` (the studio's step fields, the workbook import): any list into any
    other; an item that stays keeps its comment."""
    from journeyops_cli.edit.fields import list_edits

    head = "kind: Journey\nid: j\ntitle: J\nlevel: top\nsteps:\n  - id: s\n    title: S\n    touchpoints:"
    if flow:
        text = head + " [" + ", ".join(old) + "]\n"
    else:
        text = head + "\n" + "".join(f"      - {item}  # {item}\n" for item in old)
    edits = list_edits(("steps", 0, "touchpoints"), list(old), list(new))
    result = apply_edits(text, 0, edits, "\n", "j.yaml", LIMITS)
    data = data_of(result, LIMITS)
    assert data is not None and data[0]["steps"][0]["touchpoints"] == new
    if not flow:
        items = [line for line in result.splitlines() if line.startswith("      - ")]
        with_own_comment = [line for line in items if "#" in line and line.split()[1] == line.split()[-1]]
        assert len(with_own_comment) >= sum((Counter(old) & Counter(new)).values())
    if old == new:
        assert edits == []
