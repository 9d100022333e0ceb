"""Prioritisation: scoring models behind one interface, and the ranked backlog.

`rank(bank, Request(...))` returns a `Ranking` (data only); `output` turns it into a table,
CSV, JSON or Markdown and `explain` into the explanation of one score.
"""

from __future__ import annotations

from journeyops_cli.score.base import Context, Factor, Missing, Score, ScoringModel
from journeyops_cli.score.rank import (
    DEFAULT_EXCLUDED,
    Ranked,
    Ranking,
    Request,
    ScoreError,
    model_for,
    rank,
)

__all__ = [
    "DEFAULT_EXCLUDED",
    "Context",
    "Factor",
    "Missing",
    "Ranked",
    "Ranking",
    "Request",
    "Score",
    "ScoreError",
    "ScoringModel",
    "model_for",
    "rank",
]
