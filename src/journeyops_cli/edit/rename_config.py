"""What a rename changes in `journeyops.yaml`: the `lint.per_path_ignores` key that names
a renamed file, and the import profiles' steps (`import.NAME.steps`, the step references
of `values: {step: …}`) and customer groups (`values: {customer_group: …}`).

Each returns what it changed as (where, old, new); the edits go into the rename's
changeset, checked like every other edit (only the named values change).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.edit import EditError
from journeyops_cli.edit.changeset import Changeset
from journeyops_cli.edit.fields import Edit, SetValue
from journeyops_cli.edit.nodes import documents
from journeyops_cli.edit.nodes import field as node_field
from journeyops_cli.edit.verify import data_of
from journeyops_cli.models.config import CONFIG_FILE
from journeyops_cli.models.config_import import STEP_SEPARATORS

Changed = list[tuple[str, str, str]]
StepMap = Callable[[str], "str | None"]
"""The new reference of a step reference the rename touches, else None."""


def rename_ignores(bank: Bank, changes: Changeset, old_path: str, new_path: str) -> Changed:
    """The `lint.per_path_ignores` key that names the renamed file, renamed with it."""
    if old_path not in bank.config.lint.per_path_ignores:
        return []
    limits = bank.config.limits

    def edit(text: str) -> str:
        nodes = documents(text, CONFIG_FILE)
        lint = node_field(nodes[0], "lint") if nodes else None
        ignores = node_field(lint[1], "per_path_ignores") if lint else None  # type: ignore[arg-type]
        key = node_field(ignores[1], old_path) if ignores else None  # type: ignore[arg-type]
        if key is None:
            raise EditError(f"{CONFIG_FILE}: cannot find lint.per_path_ignores.{old_path}; not changed")
        start, end = key[0].start_mark.index, key[0].end_mark.index
        quote = text[start] if text[start] in "'\"" else ""
        new = text[:start] + f"{quote}{new_path}{quote}" + text[end:]
        data = data_of(text, limits)
        if data is None:
            raise EditError(f"{CONFIG_FILE}: cannot be read as YAML; not changed")
        table = data[0]["lint"]["per_path_ignores"]
        data[0]["lint"]["per_path_ignores"] = {(new_path if k == old_path else k): v for k, v in table.items()}
        if data_of(new, limits) != data:  # the config is checked as config by the caller's validate
            raise EditError(f"{CONFIG_FILE}: the edit would change more than intended; refused, the file is unchanged")
        return new

    changes.edit_text(CONFIG_FILE, edit, f"lint.per_path_ignores {old_path} -> {new_path}")
    return [("lint.per_path_ignores", old_path, new_path)]


def _cell(value: str, step: StepMap) -> str:
    """A step cell with each reference the rename touches replaced (separators kept)."""
    parts = re.split(f"({STEP_SEPARATORS.pattern})", value)
    for index in range(0, len(parts), 2):  # references between the separators
        ref = parts[index].strip()
        new = step(ref) if ref else None
        if new:
            parts[index] = parts[index].replace(ref, new)
    return "".join(parts)


def rename_in_imports(bank: Bank, changes: Changeset, step: StepMap,
                      group: tuple[str, str] | None = None) -> Changed:
    """The import profiles' step references that `step` maps, and with `group` (old, new)
    the customer group a profile's `values` map to."""
    edits: list[Edit] = []
    changed: Changed = []

    def swap(path: tuple[Any, ...], old: str, new: str) -> None:
        if new != old:
            edits.append(SetValue(path, new))
            changed.append((".".join(map(str, path)), old, new))

    for name, profile in bank.config.import_profiles.items():
        for index, ref in enumerate(profile.steps):
            swap(("import", name, "steps", index), ref, step(ref) or ref)
        for text, cell in profile.values.get("step", {}).items():
            swap(("import", name, "values", "step", text), cell, _cell(cell, step))
        for text, value in profile.values.get("customer_group", {}).items():
            if group is not None and value == group[0]:
                swap(("import", name, "values", "customer_group", text), value, group[1])
    changes.edit_document(CONFIG_FILE, 0, edits, "import profiles", records=False)
    return changed
