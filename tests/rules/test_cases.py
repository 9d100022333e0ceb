"""Rule cases as data: every `cases/*.yaml` file holds small bank fragments, each with the
exact findings (`path:line:col CODE`) that `pipeline.validate` must report for it.

A case file:

    rule: JO201                 # the rule(s) selected; `select:` in a case overrides
    cases:
      - name: mid-under-top-passes
        config: {languages: [fi, en]}   # merged into the minimal journeyops.yaml
        files: {journeys/a.yaml: "..."}
        expect: []              # or ["journeys/a.yaml:5:9 JO201", ...]

A file's text is written as UTF-8; `{latin-1: TEXT}` writes it in Latin-1 and
`{link: TARGET}` makes a symbolic link.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from journeyops_cli.findings import Finding
from journeyops_cli.pipeline import BankError, Selection, validate

CASES = Path(__file__).parent / "cases"


def load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in document["cases"]:
            select = case.get("select", document.get("select", [document["rule"]]))
            params.append(pytest.param(case, select, id=f"{path.stem}-{case['name']}"))
    return params


def write_bank(root: Path, files: dict[str, Any], config: dict[str, Any] | None = None) -> Path:
    settings: dict[str, Any] = {"name": "Case bank"}
    settings.update(config or {})
    (root / "journeyops.yaml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, dict) and "link" in text:
            target.symlink_to(text["link"])
        elif isinstance(text, dict):
            target.write_bytes(text["latin-1"].encode("latin-1"))
        else:
            target.write_text(text, encoding="utf-8")
    return root


def findings_of(root: Path, select: list[str] | None) -> list[Finding]:
    """What `validate` finds with these rules selected (all by default); a bank whose
    configuration is refused gives the configuration's findings."""
    try:
        return validate(root, selection=Selection(select=list(select or []))).findings
    except BankError as error:
        return error.findings


@pytest.mark.parametrize(("case", "select"), load_cases())
def test_rule_case(tmp_path: Path, case: dict[str, Any], select: list[str]) -> None:
    root = write_bank(tmp_path, case["files"], case.get("config"))
    found = findings_of(root, select)
    got = [f"{f.path}:{f.line}:{f.column} {f.code}" for f in found]
    assert got == case["expect"], "\n".join(
        f"{f.path}:{f.line}:{f.column} {f.code} {f.message}" for f in found
    )
    for text in case.get("messages", []):
        assert text in [f.message for f in found]
    for secret in case.get("never_shown", []):
        assert all(secret not in f"{f.message} {f.hint}" for f in found)
