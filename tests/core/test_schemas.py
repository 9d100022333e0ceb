"""The JSON Schemas in schemas/ are generated from the models, and agree with validate."""

from __future__ import annotations

import json
from pathlib import Path

from tests.core.helpers import CORE_BANK, make_bank, run_cli
from tests.tools import check_jsonschema

from journeyops_cli import schemas
from journeyops_cli.models import KIND_SLUGS

REPO = Path(__file__).resolve().parents[2]


def test_schemas_folder_is_up_to_date() -> None:
    result = run_cli("schema", "--out", str(REPO / "schemas"), "--check")
    assert result.returncode == 0, (
        result.stdout + "\nschemas/ is out of date: run `journeyops schema --out schemas`"
    )


def test_check_reports_a_stale_schema(tmp_path: Path) -> None:
    schemas.write(tmp_path)
    (tmp_path / "team.schema.json").write_text("{}\n")
    result = run_cli("schema", "--out", str(tmp_path), "--check")
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path / 'team.schema.json'}: out of date\n"


def test_one_schema_per_kind_and_any_record() -> None:
    names = set(schemas.generate())
    assert names == {f"{slug}.schema.json" for slug in KIND_SLUGS.values()} | {
        "record.schema.json", "config.schema.json"
    }
    journey = json.loads(schemas.generate()["journey.schema.json"])
    assert journey["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert journey["properties"]["level"]["description"].startswith("`top` (the shared big picture)")
    assert journey["additionalProperties"] is False


def test_print_one_schema_and_unknown_kind() -> None:
    result = run_cli("schema", "team")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "Team"
    result = run_cli("schema", "teams")
    assert result.returncode == 2
    assert result.stderr.startswith("journeyops: error: unknown kind 'teams'; choose one of: config,")


INVALID = {
    "unknown-field.yaml": "kind: Team\nid: t\ntitle: T\ntitel: x\n",
    "bad-enum.yaml": "kind: Journey\nid: j\ntitle: J\nlevel: middle\nsteps: [{id: s, title: S}]\n",
    "bad-emotion.yaml": "kind: Journey\nid: j\ntitle: J\nlevel: top\nsteps: [{id: s, title: S, emotion: 3}]\n",
    "bad-slug.yaml": "kind: Team\nid: Bad_Id\ntitle: T\n",
    "missing.yaml": "kind: Theme\nid: t\n",
    "number-title.yaml": "kind: Team\nid: t\ntitle: 12\n",
    "bad-language.yaml": "kind: Team\nid: t\ntitle: {Finnish: x}\n",
}


def test_check_jsonschema_agrees_on_valid_files() -> None:
    files = sorted((CORE_BANK / "journeys").glob("*.yaml"))
    code, output = check_jsonschema(REPO / "schemas" / "record.schema.json", files)
    assert code == 0, output


def test_check_jsonschema_agrees_on_invalid_files(tmp_path: Path) -> None:
    root = make_bank(tmp_path, INVALID)
    files = [root / name for name in sorted(INVALID)]
    code, output = check_jsonschema(REPO / "schemas" / "record.schema.json", files)
    assert code == 1, output
    result = run_cli("validate", "--select", "schema", cwd=root)
    assert result.returncode == 1
    for name in INVALID:
        # Both tools reject every one of the files.
        assert str(root / name) in output, (name, output)
        assert f"{name}:" in result.stdout, name
