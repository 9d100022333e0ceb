"""`journeyops show STEP` shows the step's values of the bank's own lanes (the journey
keeps them, not the step, so the step's fields alone left them out)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.runner import run_cli

BLUEPRINT = Path(__file__).resolve().parents[1] / "banks" / "blueprint"


def test_show_a_step_with_its_lane_values(tmp_path: Path) -> None:
    root = tmp_path / "blueprint"
    shutil.copytree(BLUEPRINT, root, ignore=shutil.ignore_patterns(".journeyops_cache", "site"))
    text = run_cli("show", "parking-permit#apply", "--lang", "en", cwd=root).stdout.splitlines()
    assert text[5:10] == [
        "field\tfrontstage\tThe online form; The confirmation message",
        "field\tbackstage\tA handler checks the vehicle details",
        "field\tsupport_processes\tVehicle register check",
        "field\twaiting_days\t2.5",
        "field\tchannel_owner\tpartner",
    ]
    shown = json.loads(run_cli("show", "parking-permit#apply", "--format", "json", cwd=root).stdout)
    assert list(shown["fields"])[-5:] == ["frontstage", "backstage", "support_processes", "waiting_days",
                                          "channel_owner"]
    assert shown["fields"]["waiting_days"] == 2.5
