"""A small bank with findings of several rules, shared by the engine and format tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from tests.rules.test_cases import write_bank
from tests.runner import run_cli

JOURNEY = """\
kind: Journey
id: daycare
title: Daycare application
level: mid
status: active
steps:
  - id: send
    title: Send the application
    pain_points: [The form loses its data]
"""
INSIGHT = """\
kind: Insight
id: lonely
title: Nobody links me
type: feedback
source: Feedback
date: 2025-03-01
summary: Write to matti@example.com
"""


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path, {"journeys/daycare.yaml": JOURNEY, "insights/lonely.yaml": INSIGHT})


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)
