"""`verify.failing_in_new_file`: what `validate` would fail on in a file not yet written —
the bank's rules (those that look at the whole bank and those that look at one record),
with the bank's own config."""

from __future__ import annotations

import shutil
from pathlib import Path

from journeyops_cli.edit.verify import failing_in_new_file
from journeyops_cli.pipeline import load_bank

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"
MID = """\
kind: Journey
id: trial
title: Trial
level: mid
parent: service-journey
description: Call 040 123 4567 to ask.
status: draft
reviewed: 2026-11-01
steps:
  - id: find
    title: Find
    parent_step: findability
"""


def codes(bank_root: Path, text: str) -> list[str]:
    bank = load_bank(bank_root, cache=False).bank
    return sorted(item.code for item in failing_in_new_file(bank, "journeys/mid/trial.yaml", text))


def test_rules_of_the_bank_and_of_one_record_both_run(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "bank")
    assert codes(tmp_path / "bank", MID) == ["JO208", "JO502"]  # no theme; a phone number
    fixed = MID.replace("Call 040 123 4567 to ask.", "Ask.").replace("level: mid\n", "level: mid\ntheme: asuminen\n")
    assert codes(tmp_path / "bank", fixed) == []


def test_the_banks_config_decides(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    config = bank / "journeyops.yaml"
    config.write_text(config.read_text().replace(
        "  stale_after_days: 365\n",
        "  stale_after_days: 365\n  ignore: [privacy.phone]\n  severity: {JO208: warning}\n",
    ))
    assert codes(bank, MID) == []
