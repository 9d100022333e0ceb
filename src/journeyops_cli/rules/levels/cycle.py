"""JO203: parents form no cycle."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class ParentCycle(Rule):
    """Journeys' `parent` links form a cycle.

    The levels are a tree: each journey has at most one parent one level up. A cycle
    (a journey that is, through its parents, its own ancestor) has no top, so it cannot be
    drawn, rolled up or navigated. The finding shows the whole cycle, reported once at the
    `parent:` of the first journey of the cycle in id order.

    Failing:

        # journeys/a.yaml
        kind: Journey
        id: a
        parent: b
        # journeys/b.yaml
        kind: Journey
        id: b
        parent: a

    Fixed: remove `parent` from the journey that is really the upper one.
    """

    code = "JO203"
    name = "level.cycle"
    groups = ("levels", "structure")

    def check(self, bank: Bank) -> Iterator[Finding]:
        journeys = {j.id: j for j in bank.journeys()}
        state: dict[str, int] = {}  # 1 on the current path, 2 done
        for start in sorted(journeys):
            path: list[str] = []
            current: str | None = start
            while current is not None and current in journeys and state.get(current) is None:
                state[current] = 1
                path.append(current)
                current = journeys[current].parent
            if current is not None and state.get(current) == 1:
                cycle = path[path.index(current):]
                first = min(cycle)
                turn = cycle.index(first)
                ordered = cycle[turn:] + cycle[:turn]
                chain = " -> ".join([*ordered, first])
                yield self.at(
                    journeys[first], ("parent",),
                    f"parent cycle: {chain}",
                    "a journey cannot be its own ancestor: remove `parent` from the top one",
                )
            for item in path:
                state[item] = 2
