"""What `link` writes is what `fmt` would write: a list `link` adds goes where `fmt` puts
it (the record's canonical key order, before the comments above the next key), in the list
style `fmt` keeps. Link (and unlink), then `fmt --check`, on files written in several styles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.runner import run_cli as run

HERE = Path(__file__).parent

OPPORTUNITY = """\
kind: Opportunity
id: faster
title: Faster decisions
problem: Decisions take weeks
status: idea
steps:
  - service#wait
# What it should move.
metrics: [wait-days]
"""
METRIC = """\
kind: Metric
id: wait-days
title: Days waited
unit: days
"""

HEAD = """\
kind: Insight
id: a
title: A
type: feedback
source: S
date: 2024-01-02
"""
PLAIN = HEAD + "summary: S\n"
# name -> (file text, source id, target); every text is already what `fmt` writes.
CASES = {
    "key after the new list, with a comment above it": (HEAD + """\
summary: >-
  Folded text
  over two lines.
# The tags.
tags: [x, y]  # trailing
""", "a", "service#find"),
    "flow list": ("""\
kind: Insight
id: a
title: A
type: survey
source: "Survey: web"
date: 2024-01-02
summary: 'Single quotes'
steps: [service#find]
customer_groups: []
""", "a", "service#apply"),
    "block list with comments": ("""\
# yaml-language-server: $schema=../schemas/insight.schema.json
kind: Insight
id: a
title: A   # a comment that stays
type: feedback
source: S
date: 2024-01-02
summary: |
  Literal
  text.
steps:
  # the first step
  - service#find  # found
# after the list
tags:
  - a
""", "a", "service#wait"),
    "empty flow list": (PLAIN + "steps: []\ntags: [t]\n", "a", "service#find"),
    "second of two documents": ("---\n" + PLAIN + """\
---
# The second one.
kind: Insight
id: b
title: B
type: feedback
source: S
date: 2024-01-02
summary: S
severity: high
tags: [families]
""", "b", "service#find"),
    "opportunity: an insight between steps and metrics": (OPPORTUNITY, "faster", "a"),
}
SECOND_INSIGHT = """\
kind: Insight
id: a
title: Evidence
type: feedback
source: S
date: 2024-01-02
summary: S
steps: [service#wait]
"""


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(HERE / "banks" / "small", target)
    (target / "metrics").mkdir()
    (target / "metrics" / "wait-days.yaml").write_text(METRIC)
    return target


@pytest.mark.parametrize("case", list(CASES))
def test_link_then_fmt_check_is_clean(bank: Path, case: str) -> None:
    text, source, target = CASES[case]
    folder = "opportunities" if text.startswith("kind: Opportunity") else "insights"
    (bank / folder).mkdir(exist_ok=True)
    path = bank / folder / "record.yaml"
    path.write_text(text)
    if folder == "opportunities":
        (bank / "insights" / "evidence.yaml").write_text(SECOND_INSIGHT)
    assert run("fmt", "--check", cwd=bank).returncode == 0  # fmt-clean to begin with
    linked = run("link", source, target, cwd=bank)
    assert linked.returncode == 0, linked.stdout + linked.stderr
    assert linked.stdout.endswith(f"linked {source} -> {target}\n")
    checked = run("fmt", "--check", cwd=bank)
    assert checked.returncode == 0, path.read_text()
    assert run("validate", "--fail-on", "error", cwd=bank).returncode == 0
    assert run("unlink", source, target, cwd=bank).returncode == 0
    assert run("fmt", "--check", cwd=bank).returncode == 0, path.read_text()


def test_a_new_list_goes_before_the_comment_of_the_next_key(bank: Path) -> None:
    path = bank / "insights" / "record.yaml"
    path.write_text(CASES["key after the new list, with a comment above it"][0])
    assert run("link", "a", "service#find", cwd=bank).returncode == 0
    assert path.read_text().endswith(
        "  over two lines.\nsteps:\n  - service#find\n# The tags.\ntags: [x, y]  # trailing\n"
    )
