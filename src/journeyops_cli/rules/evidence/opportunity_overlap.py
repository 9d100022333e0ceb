"""JO309: open opportunities of different teams on the same journey step."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.bank.rollup import OPEN_STATUSES
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class OpportunityOverlap(Rule):
    """Two open opportunities of different teams improve the same journey step.

    JourneyOps names the cost of work that does not see the whole journey: "overlap,
    inefficiency, we don't learn from each other". When two teams plan changes to the
    same step of a customer's journey, they should know of each other before either
    builds. Opportunities that are done or rejected, and those without a team, are not
    compared. Each pair is reported once, on the later opportunity (by id).

    Failing (both open, same step, two teams):

        kind: Opportunity
        id: attachment-upload-fix
        team: varhaiskasvatus-digi
        steps: [daycare-application#attach-documents]
        ---
        kind: Opportunity
        id: e-service-attachments
        team: digital-services
        steps: [daycare-application#attach-documents]

    Fixed: the teams agree on one opportunity (the other is `rejected`, or names the
    same team), or they improve different steps.
    """

    code = "JO309"
    name = "opportunity.overlap"
    groups = ("evidence", "ownership")
    severity = Severity.WARNING

    def check(self, bank: Bank) -> Iterator[Finding]:
        for (journey_id, step_id), opportunities in bank.step_opportunities.items():
            open_ones = sorted(
                {o.id: o for o in opportunities if o.team and o.status in OPEN_STATUSES}.values(),
                key=lambda o: o.id,
            )
            for later_index, later in enumerate(open_ones):
                for earlier in open_ones[:later_index]:
                    if earlier.team == later.team:
                        continue
                    ref = f"{journey_id}#{step_id}"
                    yield self.at(
                        later, ("steps", later.steps.index(ref)),
                        f"opportunity '{later.id}' ({later.team}) and '{earlier.id}' ({earlier.team}) "
                        f"both improve step '{ref}'",
                        "let the teams compare plans: merge the two, or mark one `rejected`",
                    )
