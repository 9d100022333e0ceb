"""The CI snippets in docs/management.md are valid for the CI systems they are for."""

from __future__ import annotations

import re
from pathlib import Path

from tests.tools import check_builtin_schema

DOC = Path(__file__).resolve().parents[2] / "docs" / "management.md"


def test_the_gitlab_job_is_valid_gitlab_ci(tmp_path: Path) -> None:
    blocks = re.findall(r"^```yaml\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.DOTALL | re.MULTILINE)
    gitlab = [block for block in blocks if "CI_MERGE_REQUEST_IID" in block]
    assert len(gitlab) == 1
    path = tmp_path / ".gitlab-ci.yml"
    path.write_text(gitlab[0], encoding="utf-8")
    code, output = check_builtin_schema("vendor.gitlab-ci", [path])
    assert code == 0, output
    assert 'journeyops diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" HEAD --format md' in gitlab[0]
