"""`scoring.inherit_pain`: a step that records no pain takes it from the step it elaborates."""

from __future__ import annotations

from pathlib import Path

from journeyops_cli.pipeline import load_bank
from journeyops_cli.score import Request, rank
from journeyops_cli.score.explain import explain_text
from journeyops_cli.score.rank import explain_one

UPLOAD = """
          - id: upload
            title: Upload attachments
            parent_step: apply
"""
OPPORTUNITY = """---
kind: Opportunity
id: drag-and-drop
title: Drag and drop
problem: Uploading is slow
steps: [rental#upload]
"""


def pain_of(bank_root: Path, inherit: bool) -> tuple[float, str]:
    config = bank_root / "journeyops.yaml"
    config.write_text(f"name: Levels\nlanguages: [en]\nscoring: {{inherit_pain: {str(inherit).lower()}}}\n")
    bank = load_bank(bank_root, cache=False).bank
    ranking = rank(bank, Request())
    row = next(r for r in ranking.rows if r.opportunity.id == "drag-and-drop")
    factor = next(f for f in row.score.factors if f.name == "pain")
    return factor.normalised, explain_text(explain_one(bank, ranking, "drag-and-drop", Request()), ranking)


def test_pain_comes_from_the_nearest_step_above_that_records_it(levels_bank: Path) -> None:
    detailed = levels_bank / "journeys" / "detailed.yaml"
    upload = UPLOAD.strip("\n").replace("          ", "  ")
    detailed.write_text(detailed.read_text().rstrip("\n") + "\n" + upload + "\n")
    opportunities = levels_bank / "opportunities" / "save.yaml"
    opportunities.write_text(opportunities.read_text() + OPPORTUNITY)
    top = levels_bank / "journeys" / "top.yaml"
    top.write_text(top.read_text().replace("emotion: 0", "emotion: -2"))
    plain, plain_text = pain_of(levels_bank, False)
    inherited, text = pain_of(levels_bank, True)
    # rental#upload records nothing; housing#apply neither; city#find has emotion -2.
    assert plain == 0.25  # the default emotion 0, no pain points
    assert "no emotion is recorded for rental#upload" in plain_text
    assert inherited == 0.5
    assert "worst step rental#upload (emotion -2, 0 pain points, inherited from parent step city#find)" in text
    assert "no emotion is recorded for rental#upload" not in text


def test_a_step_with_its_own_pain_keeps_it(levels_bank: Path) -> None:
    detailed = levels_bank / "journeys" / "detailed.yaml"
    detailed.write_text(detailed.read_text().rstrip("\n") + "\n" + UPLOAD.strip("\n").replace("          ", "  ")
                        + "\n    pain_points: [Slow]\n")
    opportunities = levels_bank / "opportunities" / "save.yaml"
    opportunities.write_text(opportunities.read_text() + OPPORTUNITY)
    _value, text = pain_of(levels_bank, True)
    assert "inherited" not in text
