"""Hand-computed scores of every model on the fixture bank (tests/score/bank).

The bank's reference date is 2025-01-01, the latest date in it (no `scoring.today`).
Insight strengths (severity × confidence × 0.5 ^ (age ÷ 365)):
  search-frustration  critical 1 × high 1 × age 0          = 1
  search-analytics    high .75 × medium .75 × age 365 → .5 = 0.28125
  form-feedback       medium .5 × low .5 × age 0           = 0.25
Largest volume in the bank: service-visits 99999; largest reach estimate: 1000.
"""

from __future__ import annotations

import math

import pytest
from tests.score.conftest import BANK

from journeyops_cli.pipeline import load_bank
from journeyops_cli.score import Request, rank

W = {
    "pain": 0.25, "evidence": 0.25, "sources": 0.05, "metric_gap": 0.15,
    "level": 0.10, "volume": 0.10, "estimates": 0.10,
}


def journey_score(n: dict[str, float]) -> float:
    return 100 * sum(W[k] * n[k] for k in W) / sum(W.values())


# better-search, step move-home#search (mid journey):
#   pain      emotion -2, 3 pain points: ½·(2+2)/4 + ½·3/3 = 1
#   evidence  S = 1 + 0.28125 = 1.28125 → 1 − 2^−1.28125 ≈ 0.58856
#   sources   interview + analytics = 2 types → (2 − 1)/2 = 0.5
#   metric_gap  only a volume metric at the step → missing, default 0
#   level     mid → 0.6
#   volume    searches 9999: log10(10000)/log10(100000) = 4/5 = 0.8
#   estimates impact 2/3, confidence 0.8, effort 1/(1+2) → (2/3 + 0.8 + 1/3)/3 = 0.6
#   score = 100 × (.25·1 + .25·.58856 + .05·.5 + 0 + .1·.6 + .1·.8 + .1·.6) ≈ 62.214
BETTER_SEARCH = journey_score(
    {"pain": 1.0, "evidence": 1 - 2**-1.28125, "sources": 0.5, "metric_gap": 0.0, "level": 0.6,
     "volume": 0.8, "estimates": 0.6}
)
# form-autosave, steps rental-application#form (detailed) and move-home#sign (mid):
#   pain      form: emotion -1, 2 pain points: ½·3/4 + ½·2/3 = 0.708333;
#             sign: no emotion → default 0, no pain points: ½·2/4 = 0.25 → max 0.708333
#   evidence  cites form-feedback only: S = 0.25 → 1 − 2^−0.25 ≈ 0.159104
#   sources   1 type → 0
#   metric_gap completion (increase): (80 − 60)/80 = 0.25
#   level     max(detailed .3, mid .6) = 0.6
#   volume    none → default 0.5
#   estimates impact 1/3, confidence default .5, effort default 3 → 1/4 → (1/3+.5+.25)/3 = 0.361111
#   score ≈ 100 × (.177083 + .039776 + 0 + .0375 + .06 + .05 + .036111) ≈ 40.047
FORM_AUTOSAVE = journey_score(
    {"pain": 0.5 * 3 / 4 + 0.5 * 2 / 3, "evidence": 1 - 2**-0.25, "sources": 0.0, "metric_gap": 0.25,
     "level": 0.6, "volume": 0.5, "estimates": (1 / 3 + 0.5 + 0.25) / 3}
)
# chatbot and faq-page: nothing linked, no estimates: only volume (.5) and estimates (.361111)
#   score = 100 × (.1·.5 + .1·.361111) ≈ 8.611; a tie, broken by id (same evidence count 0).
EMPTY = journey_score(
    {"pain": 0, "evidence": 0, "sources": 0, "metric_gap": 0, "level": 0, "volume": 0.5,
     "estimates": (1 / 3 + 0.5 + 0.25) / 3}
)

EXPECTED = {
    "journey": [("better-search", BETTER_SEARCH), ("form-autosave", FORM_AUTOSAVE),
                ("chatbot", EMPTY), ("faq-page", EMPTY)],
    # rice: better-search 1000 × 2 × 0.8 ÷ 2 = 800; the others have no reach → default 0 → 0;
    # ties: form-autosave has 1 linked insight, so it goes first; then chatbot < faq-page.
    "rice": [("better-search", 800.0), ("form-autosave", 0.0), ("chatbot", 0.0), ("faq-page", 0.0)],
    # ice: 2 × 0.8 × 6 = 9.6; the others 1 (given or default) × 0.5 × 5 (default) = 2.5
    "ice": [("better-search", 9.6), ("form-autosave", 2.5), ("chatbot", 2.5), ("faq-page", 2.5)],
    # wsjf: (8 + 5 + 3) ÷ 4 = 4; the others (1 + 1 + 1) ÷ 5 = 0.6 from the defaults
    "wsjf": [("better-search", 4.0), ("form-autosave", 0.6), ("chatbot", 0.6), ("faq-page", 0.6)],
    # weighted {pain: 1, impact: 1}: 100 × (½·pain + ½·impact/3)
    #   better-search 100 × (½·1 + ½·2/3) = 83.333; form-autosave 100 × (½·.708333 + ½·1/3) = 52.083;
    #   chatbot / faq-page 100 × (0 + ½·1/3) = 16.667
    "weighted": [("better-search", 100 * (0.5 + 0.5 * 2 / 3)),
                 ("form-autosave", 100 * (0.5 * (0.5 * 3 / 4 + 0.5 * 2 / 3) + 0.5 / 3)),
                 ("chatbot", 100 * 0.5 / 3), ("faq-page", 100 * 0.5 / 3)],
}


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANK).bank


@pytest.mark.parametrize("model", sorted(EXPECTED))
def test_hand_computed_scores(bank, model: str) -> None:
    ranking = rank(bank, Request(model=model))
    got = [(row.opportunity.id, row.score.total) for row in ranking.rows]
    assert [i for i, _ in got] == [i for i, _ in EXPECTED[model]]
    for (_, value), (_, expected) in zip(got, EXPECTED[model], strict=True):
        assert value == pytest.approx(expected, abs=1e-9)
    assert [row.rank for row in ranking.rows] == [1, 2, 3, 4]


def test_reference_date_is_the_latest_date_in_the_bank(bank) -> None:
    ranking = rank(bank, Request())
    assert (ranking.today.isoformat(), ranking.today_source) == ("2025-01-01", "latest date in the bank")


@pytest.mark.parametrize("model", ["journey", "weighted"])
def test_contributions_sum_exactly_to_the_score(bank, model: str) -> None:
    for row in rank(bank, Request(model=model)).rows:
        assert math.fsum(f.contribution or 0.0 for f in row.score.factors) == row.score.total
        assert all(0.0 <= f.normalised <= 1.0 for f in row.score.factors)


def test_missing_inputs_are_listed_with_their_defaults(bank) -> None:
    ranking = rank(bank, Request())
    row = ranking.find("form-autosave")
    assert row is not None
    assert [m.describe() for m in row.score.missing] == [
        "pain: no emotion is recorded for move-home#sign (used 0)",
        "volume: no volume metric at the linked steps (used 0.5)",
        "estimates: confidence not estimated (used 0.5)",
        "estimates: effort not estimated (used 3)",
    ]
    volume = next(f for f in row.score.factors if f.name == "volume")
    assert (volume.missing, volume.default_used, volume.normalised) == (True, 0.5, 0.5)
    # one warning per opportunity that has missing inputs
    assert [w.split(":")[0] for w in ranking.warnings] == ["better-search", "form-autosave", "chatbot", "faq-page"]


def test_evidence_records_behind_each_factor(bank) -> None:
    row = rank(bank, Request()).find("better-search")
    assert row is not None
    evidence = {f.name: f.evidence for f in row.score.factors}
    assert evidence["evidence"] == ["search-analytics", "search-frustration"]
    assert evidence["pain"] == ["move-home#search"]
    assert evidence["volume"] == ["searches"]
    assert evidence["level"] == ["move-home"]
    assert row.score.driver == "pain"


def test_status_filter_default_and_explicit(bank) -> None:
    default = [r.opportunity.id for r in rank(bank, Request()).rows]
    assert "old-search-fix" not in default
    done = [r.opportunity.id for r in rank(bank, Request(statuses=("done",))).rows]
    assert done == ["old-search-fix"]


def test_theme_and_journey_filters(bank) -> None:
    housing = [r.opportunity.id for r in rank(bank, Request(theme="housing")).rows]
    assert housing == ["better-search", "form-autosave"]
    detailed = [r.opportunity.id for r in rank(bank, Request(journey="rental-application")).rows]
    assert detailed == ["form-autosave"]
    # a journey includes the journeys below it
    top = [r.opportunity.id for r in rank(bank, Request(journey="service")).rows]
    assert top == ["better-search", "form-autosave"]


def test_top_keeps_the_first_n(bank) -> None:
    ranking = rank(bank, Request(top=1))
    assert [r.opportunity.id for r in ranking.rows] == ["better-search"]
    assert ranking.find("faq-page") is not None  # --explain still finds the rest
