"""The ids of a bank by kind, and its step references: what a shell completes.

Read through the pipeline's stored answers (`pipeline.answer_once`): while no file changed
since the last time, the ids come from `.journeyops_cache/ids.bin` after a stat of each
file, without parsing anything; otherwise the bank is loaded once (unchanged files from the
load cache) and the answer kept for next time.
"""

from __future__ import annotations

from pathlib import Path

from journeyops_cli.pipeline import Loaded, answer_once, load_config

STEPS = "step"
"""The key of the step references (`journey-id#step-id`) in `known_ids`."""


def _ids(loaded: Loaded) -> dict[str, list[str]]:
    bank = loaded.bank
    found = {kind: sorted(table) for kind, table in bank.by_kind.items()}
    found[STEPS] = sorted(bank.step_refs())
    return found


def known_ids(root: Path) -> dict[str, list[str]]:
    """Every id by kind (`Journey`, …) and every step reference (`STEPS`), sorted."""
    return answer_once(root, load_config(root), "ids", "ids", _ids)
