"""A rename done on the data (not on the files): what the bank must hold after
`journeyops rename`, written from the record kinds' fields one by one (not from the
models' REFERENCES, which the rename itself uses)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from journeyops_cli.pipeline import load_bank

Records = dict[tuple[str, str], dict[str, Any]]

# Where each kind is named: (kind of the record that names it, field; "steps.*.metrics"
# for a journey step's metrics).
NAMED_IN: dict[str, list[tuple[str, str]]] = {
    "Theme": [("Journey", "theme")],
    "Team": [("Journey", "team"), ("Theme", "team"), ("Opportunity", "team")],
    "Journey": [("Journey", "parent"), ("Journey", "improves")],
    "CustomerGroup": [("Journey", "customer_groups"), ("Insight", "customer_groups")],
    "LifeEvent": [("Journey", "life_events")],
    "Metric": [("Journey", "steps.*.metrics"), ("Opportunity", "metrics")],
    "Insight": [("Opportunity", "insights")],
    "Opportunity": [],
}
STEP_LINKS = ("Insight", "Metric", "Opportunity")


def records_of(root: Path) -> Records:
    """Every record of the bank at `root` as plain data, by (kind, id); the load must be clean."""
    loaded = load_bank(root, cache=False)
    errors = [f for f in loaded.findings if f.severity.label == "error"]
    assert errors == [], errors
    return {(r.kind, r.id): r.model_dump(mode="json", exclude_unset=True) for r in loaded.bank.records()}


def _swap(value: Any, old: str, new: str) -> Any:
    if isinstance(value, list):
        return [new if item == old else item for item in value]
    return new if value == old else value


def renamed_step(records: Records, ref: str, new_step: str) -> Records:
    journey_id, _, step_id = ref.partition("#")
    out = copy.deepcopy(records)
    for step in out[("Journey", journey_id)]["steps"]:
        if step["id"] == step_id:
            step["id"] = new_step
    new_ref = f"{journey_id}#{new_step}"
    for (kind, _), data in out.items():
        if kind in STEP_LINKS and "steps" in data:
            data["steps"] = _swap(data["steps"], ref, new_ref)
        if kind == "Journey" and data.get("parent") == journey_id:
            for step in data["steps"]:
                if step.get("parent_step") == step_id:
                    step["parent_step"] = new_step
    return out


def renamed_record(records: Records, kind: str, old: str, new: str) -> Records:
    out: Records = {}
    for (other_kind, other_id), data in copy.deepcopy(records).items():
        if (other_kind, other_id) == (kind, old):
            data["id"] = new
            other_id = new
        for named_kind, name in NAMED_IN[kind]:
            if other_kind != named_kind:
                continue
            if name == "steps.*.metrics":
                for step in data["steps"]:
                    if "metrics" in step:
                        step["metrics"] = _swap(step["metrics"], old, new)
            elif name in data:
                data[name] = _swap(data[name], old, new)
        if kind == "Journey" and other_kind in STEP_LINKS and "steps" in data:
            data["steps"] = [f"{new}#{ref.partition('#')[2]}" if ref.partition("#")[0] == old else ref
                             for ref in data["steps"]]
        out[(other_kind, other_id)] = data
    return out
