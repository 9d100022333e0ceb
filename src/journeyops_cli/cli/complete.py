"""Shell completion of kinds, ids and step references (typer's `autocompletion=`).

A completion never fails: outside a bank, or with a bank that cannot be read, it offers
nothing. The ids come from `browse.ids.known_ids` (a stored answer while no file changed),
so a tab press does not validate the bank.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from journeyops_cli.errors import JourneyopsError

Completer = Callable[[typer.Context, str], list[str]]


def _ids(ctx: typer.Context) -> dict[str, list[str]]:
    from journeyops_cli.browse.ids import known_ids
    from journeyops_cli.cli.common import bank_root

    bank: Any = ctx.params.get("bank")
    try:
        return known_ids(bank_root(Path(bank) if bank else None))
    except (JourneyopsError, OSError):
        return {}


def complete_ids(*kinds: str) -> Completer:
    """Ids of records of `kinds` (every kind when none is named) that start with what is typed."""
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        known = _ids(ctx)
        wanted = kinds or tuple(k for k in known if k != "step")
        found = {i for kind in wanted for i in known.get(kind, []) if i.startswith(incomplete)}
        return sorted(found)

    return complete


def complete_steps(ctx: typer.Context, incomplete: str) -> list[str]:
    """Step references (`journey-id#step-id`) that start with what is typed."""
    from journeyops_cli.browse.ids import STEPS

    return [ref for ref in _ids(ctx).get(STEPS, []) if ref.startswith(incomplete)]


def complete_refs(*kinds: str) -> Completer:
    """Ids of `kinds` and, once a `#` is typed (or no id matches), step references."""
    ids = complete_ids(*kinds)

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        found = [] if "#" in incomplete else ids(ctx, incomplete)
        return found or complete_steps(ctx, incomplete)

    return complete


def complete_kinds(incomplete: str) -> list[str]:
    from journeyops_cli.browse.listing import KIND_NAMES

    return [name for name in KIND_NAMES if name.startswith(incomplete)]
