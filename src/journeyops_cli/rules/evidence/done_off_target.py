"""JO307: a done opportunity still sits on a step whose metric is off target."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from journeyops_cli.bank import split_ref
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.models import Metric
from journeyops_cli.rules.base import Rule
from journeyops_cli.rules.evidence.metric_off_target import gap

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank


class DoneOffTarget(Rule):
    """An opportunity is done, but a metric of a step it improves is still off target.

    Done should mean the customer feels it. When the metric at the step has not reached
    its target, either the change has not worked yet, the metric lags, or the work is not
    really done. Information for the journey owner's review.

    Example (reported: `processing-time`, measured at the step, misses its target):

        # opportunities/faster-decisions.yaml
        kind: Opportunity
        id: faster-decisions
        status: done
        steps: [daycare-application#wait-for-decision]
        # metrics/processing-time.yaml
        kind: Metric
        id: processing-time
        unit: days
        direction: decrease
        target: 14
        observations: [{date: 2025-03-31, value: 21}]
        steps: [daycare-application#wait-for-decision]

    Fixed: open a follow-up opportunity, or record a new observation once the metric meets
    the target.
    """

    code = "JO307"
    name = "opportunity.done-off-target"
    groups = ("evidence", "metrics")
    severity = Severity.INFO

    def check(self, bank: Bank) -> Iterator[Finding]:
        for opportunity in bank.opportunities():
            if opportunity.status != "done":
                continue
            off: list[str] = []
            for ref in opportunity.steps:
                for metric in bank.step_metrics.get(split_ref(ref), []):
                    if gap(metric) is not None and metric.id not in off:
                        off.append(metric.id)
            for metric_id in opportunity.metrics:
                listed = bank.get(Metric, metric_id)
                if listed is not None and gap(listed) is not None and metric_id not in off:
                    off.append(metric_id)
            if off:
                yield self.at(
                    opportunity, ("status",),
                    f"opportunity '{opportunity.id}' is done but metric{'s' if len(off) > 1 else ''} "
                    f"{', '.join(repr(m) for m in off)} {'are' if len(off) > 1 else 'is'} still off target",
                    "check whether the change worked; open a follow-up opportunity if it did not",
                )
