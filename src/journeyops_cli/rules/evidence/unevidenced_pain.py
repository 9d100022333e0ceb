"""JO302: a step with pain points has at least one insight."""

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


class UnevidencedPain(Rule):
    """A step lists pain points but no insight is linked to it.

    A pain point without evidence is an opinion: nobody can tell how many customers it
    hurts, and prioritisation cannot weigh it. Link the research, feedback or analytics
    that shows the pain, so the journey steers the backlog with facts.

    Failing (no insight has `steps: [daycare-application#send-application]`):

        steps:
          - id: send-application
            title: Send the application
            pain_points: [The form loses its data after 20 minutes]

    Fixed: an insight that names the step:

        kind: Insight
        id: form-timeout
        steps: [daycare-application#send-application]
    """

    code = "JO302"
    cost = 12
    name = "step.unevidenced-pain"
    groups = ("evidence",)
    severity = Severity.WARNING

    def affected(self, change: Change, found: list[Finding]) -> set[RecordKey]:
        """The journeys whose steps a changed record points at (before or after): their
        steps may have gained or lost their insights."""
        ids = {target.partition("#")[0] for record in (*change.removed, *change.added)
               for _, kind, target in record.references() if kind == "step"}
        return {key_of(journey) for journey_id in ids
                if (journey := change.after.get(Journey, journey_id)) is not None}

    def check(self, bank: Bank) -> Iterator[Finding]:
        return self.judge(bank, bank.journeys())

    def check_at(self, bank: Bank, keys: set[RecordKey]) -> Iterator[Finding]:
        return self.judge(bank, journeys_at(bank, keys))

    def judge(self, bank: Bank, journeys: list[Journey]) -> Iterator[Finding]:
        for journey in journeys:
            for index, step in enumerate(journey.steps):
                if step.pain_points and not bank.step_insights.get((journey.id, step.id)):
                    count = len(step.pain_points)
                    yield self.at(
                        journey, ("steps", index, "pain_points"),
                        f"step '{journey.id}#{step.id}' has {count} pain point{'s' if count != 1 else ''} "
                        "but no insight linked to it",
                        f"link an insight with `steps: [{journey.id}#{step.id}]`",
                        target="key",
                    )
