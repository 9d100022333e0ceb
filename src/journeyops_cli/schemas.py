"""JSON Schemas generated from the models: one per kind, one for any record, one for the
config. Editors use them through `# yaml-language-server: $schema=…` lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Union

from pydantic import BaseModel, Field, TypeAdapter

from journeyops_cli.models import KIND_SLUGS, KINDS
from journeyops_cli.models.base import pick_text
from journeyops_cli.models.config import BankConfig
from journeyops_cli.models.lanes import Lanes, values_model

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(kind: str) -> str:
    """`Journey` -> `journey.schema.json`; also `record` and `config`."""
    return f"{KIND_SLUGS.get(kind, kind)}.schema.json"


def _finish(schema: dict[str, Any], title: str, name: str) -> dict[str, Any]:
    _close_pattern_maps(schema)
    return {"$schema": DIALECT, "$id": name, **schema, "title": title}


def _close_pattern_maps(node: Any) -> None:
    """Per-language text maps allow only language-code keys, as the models do; pydantic
    writes the key pattern as patternProperties without closing the map."""
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _close_pattern_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_pattern_maps(value)


def _model_schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(mode="validation")


def _with_lanes(schema: dict[str, Any], lanes: Lanes, language: str) -> dict[str, Any]:
    """`schema` (of a journey, or of any record) with the bank's own `lanes` as properties
    of a step, each titled in `language`: the schema the bank's own files follow."""
    step = schema.get("$defs", {}).get("Step")
    if step is None or not lanes:
        return schema
    values = values_model(lanes).model_json_schema(mode="validation")
    for lane_id, lane in lanes.items():
        value = values["properties"][lane_id]
        value["title"] = pick_text(lane.title, language, [])
        if lane.description is not None:
            value["description"] = pick_text(lane.description, language, [])
        step["properties"][lane_id] = value
    return schema


def generate(lanes: Lanes | None = None, language: str = "en") -> dict[str, str]:
    """Every schema file name with its exact text; with `lanes` (a bank's `lanes:`), a
    step of the journey and record schemas may hold them (titled in `language`)."""
    lanes = lanes or {}
    files: dict[str, dict[str, Any]] = {}
    for kind, model in KINDS.items():
        name = schema_file_name(kind)
        files[name] = _finish(_with_lanes(_model_schema(model), lanes, language), kind, name)
    any_kind = Union[tuple(KINDS.values())]  # type: ignore[valid-type]  # noqa: UP007
    # Newer pydantic types its argument as a TypeForm, which a built union is not.
    adapter: TypeAdapter[Any] = TypeAdapter(
        Annotated[any_kind, Field(discriminator="kind")]  # type: ignore[arg-type,unused-ignore]
    )
    any_record: dict[str, Any] = _with_lanes(adapter.json_schema(mode="validation"), lanes, language)
    files["record.schema.json"] = _finish(any_record, "Any journeyops record", "record.schema.json")
    files["config.schema.json"] = _finish(
        _model_schema(BankConfig), "journeyops.yaml", "config.schema.json"
    )
    return {name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in sorted(files.items())}


def write(folder: Path, lanes: Lanes | None = None, language: str = "en") -> list[str]:
    """Write every schema into `folder` (with a bank's `lanes`, see `generate`); return the
    names of files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in generate(lanes, language).items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def outdated(folder: Path, lanes: Lanes | None = None, language: str = "en") -> list[str]:
    """Names of schema files in `folder` that are missing or differ from the models."""
    stale = []
    for name, text in generate(lanes, language).items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
