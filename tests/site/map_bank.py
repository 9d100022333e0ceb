"""The example bank as the map tests see it: in Finnish, Swedish and English, with one
8-step journey (the longest a printed map must fit on one A4 landscape page)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"
LONG = "daycare-fees-long"


def make_bank(target: Path) -> Path:
    """A copy of the example bank at `target` with languages fi, sv, en and `LONG`: the
    daycare fee journey with its four steps twice (8 steps)."""
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("site", ".journeyops_cache"))
    config = target / "journeyops.yaml"
    config.write_text(config.read_text("utf-8").replace("languages: [fi, en]", "languages: [fi, sv, en]"), "utf-8")
    text = (target / "journeys/detailed/daycare-fees.yaml").read_text("utf-8")
    head, steps = text.split("steps:\n", 1)
    again = re.sub(r"^  - id: ([a-z-]+)$", r"  - id: \1-again", steps, flags=re.M)
    head = head.replace("id: daycare-fees", f"id: {LONG}")
    (target / f"journeys/detailed/{LONG}.yaml").write_text(head + "steps:\n" + steps + again, "utf-8")
    return target
