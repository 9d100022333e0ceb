"""JO201: a journey's parent is exactly one level up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.rules.base import Rule, RuleOptions, journeys_at

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, RecordKey
    from journeyops_cli.bank.replace import Change
    from journeyops_cli.models.journey import Journey

EXPECTED_PARENT = {"mid": "top", "detailed": "mid"}


class Options(RuleOptions):
    require_parent: bool = False
    """Report mid and detailed journeys that have no parent at all."""


class ParentLevel(Rule):
    """A journey's parent must be exactly one level up: a mid journey's parent is a top
    journey, a detailed journey's parent a mid journey, and a top journey has no parent.

    Journeys exist on levels (JourneyOps principle 4): the top journey is the shared big
    picture, mid journeys show seamlessness across services, detailed journeys serve
    product development. A detailed journey hung directly under a top journey skips the
    level where services are joined up, and the site's level tree and coverage stop
    making sense. With `require_parent: true` a mid or detailed journey without a parent
    is reported too.

    Failing (`daycare-application` is a detailed journey):

        kind: Journey
        id: apply-for-daycare-online
        level: detailed
        parent: daycare-application

    Fixed (the parent is the mid journey):

        kind: Journey
        id: apply-for-daycare-online
        level: detailed
        parent: early-education-path
    """

    code = "JO201"
    name = "level.parent-level"
    groups = ("levels", "structure")
    Options = Options

    def affected(self, change: Change, found: list[Finding]) -> set[RecordKey]:
        return change.children()  # a journey's findings depend on its parent too

    def check(self, bank: Bank) -> Iterator[Finding]:
        return self.judge(bank, bank.journeys())

    def check_at(self, bank: Bank, keys: set[RecordKey]) -> Iterator[Finding]:
        return self.judge(bank, journeys_at(bank, keys))

    def judge(self, bank: Bank, journeys: list[Journey]) -> Iterator[Finding]:
        for journey in journeys:
            if journey.level == "top":
                if journey.parent:
                    yield self.at(
                        journey, ("parent",),
                        f"top journey '{journey.id}' has a parent ('{journey.parent}')",
                        "top journeys are the top of the tree: remove `parent`, or change `level`",
                    )
                continue
            expected = EXPECTED_PARENT[journey.level]
            if not journey.parent:
                if self.options.require_parent:  # type: ignore[attr-defined]
                    yield self.at(
                        journey, ("level",),
                        f"{journey.level} journey '{journey.id}' has no parent",
                        f"add `parent:` naming a {expected} journey",
                        target="key",
                    )
                continue
            parent = bank.parent(journey)
            if parent is None or parent.level == expected:
                continue
            yield self.at(
                journey, ("parent",),
                f"{journey.level} journey '{journey.id}' has a {parent.level} parent "
                f"'{parent.id}'; its parent must be a {expected} journey",
                f"name a {expected} journey as `parent`, or change `level`",
            )
