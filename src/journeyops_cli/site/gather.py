"""Gather and check what the site is built from before anything is written: the config,
the output folder, the bank and the personal data validation reports (refused or masked).
Also the ranked backlog, which the site shows when the bank's scoring config allows."""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.lint.withheld import Withheld, withheld
from journeyops_cli.load.files import discover
from journeyops_cli.pipeline import (
    Checked,
    Loaded,
    Selection,
    cache_enabled,
    load_bank,
    load_checked,
    load_config,
    validate_answers,
)
from journeyops_cli.rules.engine import Plan, plan
from journeyops_cli.site.errors import SiteError
from journeyops_cli.site.pages import BacklogRow
from journeyops_cli.site.write import check_out_folder


@dataclass(slots=True)
class Source:
    """The bank as loaded (validation runs on it) and as the site shows it."""

    root: Path
    out: Path
    loaded: Loaded
    personal: Withheld
    bank: Bank
    """The bank with the personal data validation reports masked."""
    redacted: int
    """How many records had personal data masked."""
    checked: Checked
    """The bank loaded for validation's lint, and that lint when judged already."""
    chosen: Plan


def gather(root: Path, out: Path | None) -> Source:
    """Read the config, check the output folder (default: the config's `site.out`), load
    the bank and mask (or refuse, by config) the personal data validation reports."""
    started_ns = time.time_ns()
    root = root.resolve()
    config = load_config(root)
    # The rules are planned before any file is read: an unknown rule in `lint:` is a
    # RuleError now, not an error in the rules' process after the bank has loaded.
    chosen = plan(config, Selection(), root)
    out = (out if out is not None else root / config.site.out).resolve()
    check_out_folder(root, out)
    found = discover(root, config.exclude, config.site.out)
    if cache_enabled():
        # Judged from validate's last whole run when few files changed since.
        stats = validate_answers(root, config, found).stats
        checked = load_checked(root, config, found, chosen, Selection(), stats, started_ns)
    else:
        checked = Checked(load_bank(root, config, found=found), None, lambda _linted: None)
    loaded = checked.loaded
    personal = withheld(loaded.bank, loaded.files, Selection())
    bank, redacted = apply_privacy(loaded.bank, personal)
    return Source(root, out, loaded, personal, bank, redacted, checked, chosen)


def apply_privacy(bank: Bank, personal: Withheld) -> tuple[Bank, int]:
    """The bank with the personal data validation reports masked, or a SiteError with
    those findings when the config says `privacy: refuse`. Returns the bank and how many
    records changed."""
    if personal.findings and bank.config.site.privacy == "refuse":
        files = len({item.path for item in personal.findings})
        raise SiteError(
            f"personal data in {files} file(s); the site is not built (site.privacy is refuse)",
            personal.findings,
        )
    return personal.bank(bank)


def ranked_backlog(bank: Bank, notes: list[str]) -> list[BacklogRow] | None:
    """The ranked backlog from `journeyops_cli.score` when this journeyops has it; a note
    (and no backlog page) when it does not or the bank's scoring config is unusable."""
    try:
        score = importlib.import_module("journeyops_cli.score")
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("journeyops_cli"):
            notes.append("the backlog page is left out: this journeyops has no scoring (journeyops_cli.score)")
            return None
        raise
    try:
        ranking = score.rank(bank, score.Request())
    except score.ScoreError as error:
        notes.append(f"the backlog page is left out: {error.message}")
        return None
    explain = importlib.import_module("journeyops_cli.score.explain")
    return [
        BacklogRow(row.rank, row.opportunity.id, f"{row.score.total:.1f}", total=row.score.total,
                   driver=row.score.driver, parts=score_parts(row.score),
                   explanation=explain.explanation(row.score))
        for row in ranking.rows
    ]


def score_parts(score: Any) -> tuple[tuple[str, float], ...]:
    """What a score is made of, for its explanation in words: each factor's points (additive
    models) largest first, or each numeric input (multiplicative models) in model order."""
    factors = score.factors
    if factors and all(f.contribution is not None for f in factors):
        ranked = sorted((f for f in factors if f.contribution > 0), key=lambda f: -f.contribution)
        return tuple((f.name, round(f.contribution, 1)) for f in ranked)
    return tuple((f.name, float(f.raw)) for f in factors if isinstance(f.raw, int | float))
