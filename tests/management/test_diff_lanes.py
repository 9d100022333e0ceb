"""`journeyops diff` sees a change of a step's values of the bank's own lanes (the journey
keeps them, not the step, so comparing the steps' fields alone missed them)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.management.test_diff import diff

BLUEPRINT = Path(__file__).resolve().parents[1] / "banks" / "blueprint"


def test_a_changed_lane_value_is_a_changed_step(tmp_path: Path) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    for root in (before, after):
        shutil.copytree(BLUEPRINT, root, ignore=shutil.ignore_patterns(".journeyops_cache", "site"))
    path = after / "journeys/parking-permit.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("waiting_days: 2.5", "waiting_days: 4")
        .replace("    channel_owner: city\n", ""),
        encoding="utf-8",
    )
    code, out = diff(str(before), str(after), "--format", "json")
    assert code == 0, out
    steps = [(s["step"], s["change"], s["fields"]) for s in json.loads(out)["steps"]]
    assert steps == [("find-information", "changed", ["channel_owner"]), ("apply", "changed", ["waiting_days"])]
