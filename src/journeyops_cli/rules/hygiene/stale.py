"""JO402: a journey not reviewed within the configured window is stale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules import base
from journeyops_cli.rules.base import Rule, RuleOptions

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.models import Journey


class Options(RuleOptions):
    days: Annotated[int, Field(gt=0)] = 365
    """A journey not reviewed within this many days is stale (`lint.stale_after_days`
    sets the same)."""
    today: dt.date | None = None
    """The date to measure from (default: today); for reproducible runs."""


class StaleJourney(Rule):
    """An active journey was not reviewed within the configured window (default 365 days),
    or was never reviewed.

    Journeys are continuous tools, not project deliverables (principle 1): the services,
    channels and customers change, and a journey nobody has checked against reality for a
    year misleads everyone who reads it. Set `reviewed:` when the owner has gone through
    the journey. Draft and retired journeys are not checked.

    Failing (with the default window, in 2025 or later):

        kind: Journey
        id: daycare-application
        status: active
        reviewed: 2023-09-01

    Fixed: review the journey and update the date:

        reviewed: 2025-02-14
    """

    code = "JO402"
    name = "journey.stale"
    groups = ("hygiene", "living")
    severity = Severity.WARNING
    Options = Options

    def check(self, bank: Bank) -> Iterator[Finding]:
        options: Options = self.options  # type: ignore[assignment]
        today = options.today or base.today()
        for journey in bank.journeys():
            age = review_age(journey, today)
            if age is None or age <= options.days:
                continue
            if age == NEVER:
                yield self.at(
                    journey, ("status",),
                    f"active journey '{journey.id}' has never been reviewed",
                    "add `reviewed: YYYY-MM-DD` when the owner has checked the journey against reality",
                    target="key",
                )
                continue
            yield self.at(
                journey, ("reviewed",),
                f"journey '{journey.id}' was last reviewed {journey.reviewed} ({age} days ago, "
                f"more than {options.days})",
                "review the journey with its owner and update `reviewed:`",
            )

    def stale(self, journey: Journey) -> bool:
        """Whether this rule, with its options, finds `journey` stale."""
        options: Options = self.options  # type: ignore[assignment]
        age = review_age(journey, options.today or base.today())
        return age is not None and age > options.days


NEVER = 1 << 62  # the age of a journey that was never reviewed


def review_age(journey: Journey, today: dt.date) -> int | None:
    """Days since an active journey was reviewed (NEVER when it never was); None for
    draft and retired journeys, which are not checked."""
    if journey.status != "active":
        return None
    if journey.reviewed is None:
        return NEVER
    return (today - journey.reviewed).days
