"""Adding a severe insight to one of an opportunity's steps never lowers its journey score."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.score.conftest import BANK

from journeyops_cli.bank import Bank
from journeyops_cli.models import Insight
from journeyops_cli.pipeline import load_bank
from journeyops_cli.score import Request, rank

LOADED = load_bank(BANK)
RECORDS = list(LOADED.bank.records())
BASE = {
    row.opportunity.id: row.score.total
    for row in rank(LOADED.bank, Request(statuses=("idea", "proposed", "planned", "done"))).rows
}
TARGETS = [(o.id, ref) for o in LOADED.bank.opportunities() for ref in o.steps]
STATUSES = ("idea", "proposed", "planned", "done")

insights = st.builds(
    lambda n, kind, severity, confidence, days, target: (
        target,
        Insight.model_validate(
            {
                "kind": "Insight",
                "id": f"added-{n}",
                "title": "Added",
                "type": kind,
                "source": "test",
                # on or before the bank's latest date, so the reference date stays put
                "date": (dt.date(2025, 1, 1) - dt.timedelta(days=days)).isoformat(),
                "summary": "Added by the property test.",
                "severity": severity,
                "confidence": confidence,
                "steps": [target[1]],
            }
        ),
    ),
    st.integers(0, 999),
    st.sampled_from(
        ["research", "interview", "usability-test", "survey", "feedback", "analytics", "observation", "service-data"]
    ),
    st.sampled_from(["high", "critical"]),
    st.sampled_from(["low", "medium", "high"]),
    st.integers(0, 3650),
    st.sampled_from(TARGETS),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(insights, min_size=1, max_size=3))
def test_a_severe_insight_never_lowers_the_journey_score(added) -> None:
    records = RECORDS + [insight for _, insight in added]
    bank = Bank.build(LOADED.bank.root, LOADED.bank.config, records)
    after = {row.opportunity.id: row.score.total for row in rank(bank, Request(statuses=STATUSES)).rows}
    for (opportunity_id, _ref), _ in added:
        assert after[opportunity_id] >= BASE[opportunity_id]
    # and it strictly raises the score of an opportunity whose evidence is not yet saturated
    first_id = added[0][0][0]
    assert after[first_id] > BASE[first_id]
