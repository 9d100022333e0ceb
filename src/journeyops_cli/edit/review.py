"""`journeyops review`: record that a journey was reviewed against reality.

The journey gets one more entry in `reviews:` (date, reviewer, note) and `reviewed:` is
set to that date, both through the edit path (`edit/fields.py`): the rest of the file,
comments included, stays as it is.
"""

from __future__ import annotations

import datetime as dt

from journeyops_cli.edit.fields import AppendItem, Edit, SetValue
from journeyops_cli.models import Journey


def review_edits(journey: Journey, when: dt.date, reviewer: str, note: str | None) -> list[Edit]:
    """The edits that record a review of `journey`."""
    entry: dict[str, object] = {"date": when, "reviewer": reviewer}
    if note:
        entry["note"] = note
    return [SetValue(("reviewed",), when), AppendItem(("reviews",), entry)]


def describe(journey: Journey, when: dt.date, reviewer: str) -> str:
    return f"journey '{journey.id}': reviewed {when.isoformat()} by {reviewer}"
