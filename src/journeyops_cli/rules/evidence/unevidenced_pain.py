"""JO302: a step with pain points has at least one insight."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


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

    def check(self, bank: Bank) -> Iterator[Finding]:
        for journey in bank.journeys():
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
