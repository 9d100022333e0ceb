"""JO102: a reference names a record or step that does not exist."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.rules.base import Rule
from journeyops_cli.suggest import did_you_mean

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank

KIND_WORDS = {
    "Theme": "theme",
    "Journey": "journey",
    "Team": "team",
    "CustomerGroup": "customer group",
    "LifeEvent": "life event",
    "Insight": "insight",
    "Metric": "metric",
}


class UnresolvedReference(Rule):
    """A reference names a record or a journey step that does not exist.

    Links are what bring data next to the journey: an insight pointing at a step that was
    renamed no longer shows up on the journey map, and an opportunity citing a missing
    insight has no evidence. The hint names the nearest existing id.

    Failing:

        steps: [daycare-application#send-aplication]

    Fixed:

        steps: [daycare-application#send-application]
    """

    code = "JO102"
    cost = 1.5
    name = "ref.unresolved"
    groups = ("references",)

    def check(self, bank: Bank) -> Iterator[Finding]:
        ids = {kind: bank.ids(kind) for kind in KIND_WORDS}
        step_refs: list[str] | None = None
        for record in bank.records():
            for path, kind, target in record.references():
                if kind == "step":
                    if bank.step(target) is not None:
                        continue
                    journey_id, _, step_id = target.partition("#")
                    journey = bank.get_kind("Journey", journey_id)
                    if journey is None and journey_id in bank.invalid["Journey"]:
                        continue  # that journey's own errors are reported
                    if journey is None:
                        message = f"step reference '{target}': no journey '{journey_id}'"
                        if step_refs is None:
                            step_refs = bank.step_refs()
                        hint = did_you_mean(target, step_refs)
                    else:
                        message = f"step reference '{target}': journey '{journey_id}' has no step '{step_id}'"
                        steps = [s.id for s in journey.steps]  # type: ignore[attr-defined]
                        hint = did_you_mean(step_id, steps, prefix=f"{journey_id}#")
                        if hint is None:
                            hint = "its steps: " + ", ".join(steps)
                    yield self.at(bank, record, path, message, hint)
                elif bank.get_kind(kind, target) is None and target not in bank.invalid[kind]:
                    word = KIND_WORDS[kind]
                    yield self.at(
                        bank,
                        record,
                        path,
                        f"no {word} with id '{target}'",
                        did_you_mean(target, ids[kind]),
                    )

