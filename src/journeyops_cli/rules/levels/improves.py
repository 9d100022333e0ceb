"""JO209-JO211: as-is and to-be journeys (`state`, `improves`) name each other sensibly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.bank import key_of
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.models.journey import Journey
from journeyops_cli.rules.base import Rule, journeys_at

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, RecordKey
    from journeyops_cli.bank.replace import Change


class ImprovesOnCurrent(Rule):
    """Only a target journey improves another: `improves` on a current journey.

    A journey is `state: current` (as-is, the default) or `state: target` (to-be). A target
    journey names the current journey it improves, and its map then draws both emotion
    curves and lists the differences. On a current journey `improves` means nothing: most
    often `state: target` was forgotten, and the journey is counted as a picture of today.

    Failing (no `state`: the journey is a current one):

        kind: Journey
        id: daycare-application-online
        level: detailed
        improves: daycare-application

    Fixed:

        kind: Journey
        id: daycare-application-online
        level: detailed
        state: target
        improves: daycare-application
    """

    code = "JO209"
    name = "level.improves-current"
    groups = ("levels", "structure")
    per_record = True

    def check(self, bank: Bank) -> Iterator[Finding]:
        for journey in bank.journeys():
            if journey.improves and journey.state == "current":
                yield self.at(
                    journey, ("improves",),
                    f"current journey '{journey.id}' names `improves: {journey.improves}`; "
                    "only a target journey improves another",
                    "add `state: target` if the journey is the to-be one, else remove `improves`",
                    target="key",
                )


class _ImprovedRule(Rule):
    """A rule on a target journey and the journey it improves."""

    def affected(self, change: Change, found: list[Finding]) -> set[RecordKey]:
        # A target journey's findings depend on the journey it improves too.
        return {key_of(target) for improved in change.changed_ids(Journey)
                for target in change.after.improved_by.get(improved, ())}

    def check(self, bank: Bank) -> Iterator[Finding]:
        return self.judge(bank, bank.journeys())

    def check_at(self, bank: Bank, keys: set[RecordKey]) -> Iterator[Finding]:
        return self.judge(bank, journeys_at(bank, keys))

    def judge(self, bank: Bank, journeys: list[Journey]) -> Iterator[Finding]:
        for journey in journeys:
            if journey.state != "target" or not journey.improves:
                continue
            improved = bank.get(Journey, journey.improves)
            if improved is not None:
                yield from self.pair(journey, improved)

    def pair(self, target: Journey, improved: Journey) -> Iterator[Finding]:
        """What is wrong with one target journey and the journey it improves (each rule
        below says it)."""
        raise NotImplementedError


class ImprovesTarget(_ImprovedRule):
    """A target journey improves a current journey, not another target journey or itself.

    The to-be map compares the target with the journey as customers live it today: both
    emotion curves on one chart, the steps added and removed, the pain points gone. A
    target that improves another target compares two plans, and the comparison says
    nothing about today. Name the current journey; a later plan can improve the same one.

    Failing (`daycare-application-online` is itself a target journey):

        kind: Journey
        id: daycare-application-online
        level: detailed
        state: target
        improves: daycare-application
        ---
        kind: Journey
        id: daycare-application-2030
        level: detailed
        state: target
        improves: daycare-application-online

    Fixed:

        kind: Journey
        id: daycare-application-2030
        level: detailed
        state: target
        improves: daycare-application
    """

    code = "JO210"
    name = "level.improves-target"
    groups = ("levels", "structure")

    def pair(self, target: Journey, improved: Journey) -> Iterator[Finding]:
        if improved.id == target.id:
            yield self.at(
                target, ("improves",),
                f"target journey '{target.id}' names itself in `improves`",
                "name the current journey this one improves",
            )
        elif improved.state == "target":
            yield self.at(
                target, ("improves",),
                f"target journey '{target.id}' improves '{improved.id}', which is a target journey too",
                f"name the current journey that '{improved.id}' improves"
                + (f" (`improves: {improved.improves}`)" if improved.improves else ""),
            )


class ImprovesLevel(_ImprovedRule):
    """A target journey improves a current journey on its own level.

    The as-is and to-be curves are drawn step by step, matched by step id; a detailed
    to-be journey set against a mid journey's steps compares services with screens, and
    the differences (steps added and removed) become noise. Describe the to-be journey on
    the level of the journey it improves, or let it improve the journey of its level.

    Failing (`early-education-path` is a mid journey):

        kind: Journey
        id: early-education-path-2030
        level: detailed
        state: target
        improves: early-education-path

    Fixed:

        kind: Journey
        id: early-education-path-2030
        level: mid
        state: target
        improves: early-education-path
    """

    code = "JO211"
    name = "level.improves-level"
    groups = ("levels", "structure")
    severity = Severity.WARNING

    def pair(self, target: Journey, improved: Journey) -> Iterator[Finding]:
        if improved.level != target.level:
            yield self.at(
                target, ("improves",),
                f"{target.level} journey '{target.id}' improves the {improved.level} journey '{improved.id}'",
                f"make the target a {improved.level} journey (`level: {improved.level}`), "
                f"or let it improve a {target.level} journey",
            )
