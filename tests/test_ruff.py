"""`ruff check` (rule set in pyproject.toml) is clean on the parts of the tree that have
been brought to it; the list grows until it is the whole of `src tests benchmarks`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.tools import need

ROOT = Path(__file__).resolve().parents[1]
CLEAN = [
    "src/journeyops_cli/cli",
    "src/journeyops_cli/errors.py",
    "src/journeyops_cli/lint",
    "src/journeyops_cli/load/codes.py",
    "src/journeyops_cli/rules/registry.py",
    "src/journeyops_cli/rules/source.py",
    "tests/test_architecture.py",
    "tests/test_ruff.py",
    "tests/core/test_error_handler.py",
    "tests/edit/test_format_bank.py",
    "tests/core/test_cli_apps.py",
    "tests/management/test_diff_sides.py",
    "tests/rules/test_registry.py",
    "src/journeyops_cli/diff/sides.py",
    "src/journeyops_cli/owners.py",
    "src/journeyops_cli/edit/format_bank.py",
    "src/journeyops_cli/score/answer.py",
    "src/journeyops_cli/site/build.py",
    "src/journeyops_cli/site/errors.py",
    "src/journeyops_cli/site/gather.py",
    "src/journeyops_cli/site/plan.py",
    "src/journeyops_cli/site/jobs.py",
    "src/journeyops_cli/site/processes.py",
    "src/journeyops_cli/site/write.py",
    "src/journeyops_cli/site/history.py",
    "src/journeyops_cli/render/catalogue.py",
    "src/journeyops_cli/render/i18n.py",
    "tests/site/test_site_personal_data.py",
    "tests/render/test_catalogue.py",
    "tests/rules/test_privacy_hints.py",
    "tests/conftest.py",
    "tests/runner.py",
    "tests/tools",
    "tests/rules/test_cases.py",
    "tests/rules/test_doc_examples.py",
    "src/journeyops_cli/sheets",
    "src/journeyops_cli/edit/fields.py",
    "src/journeyops_cli/edit/changeset.py",
    "src/journeyops_cli/models/config_import.py",
    "tests/sheets",
    "benchmarks/feedback_import.py",
    "src/journeyops_cli/studio",
    "tests/studio",
    "benchmarks/studio_save.py",
]


def test_ruff_is_clean_where_the_tree_has_been_brought_to_it() -> None:
    done = subprocess.run([need("ruff"), "check", "--no-cache", *CLEAN], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
