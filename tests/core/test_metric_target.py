"""One judgement of a metric against its target: Metric.on_target (and, for how far off,
Metric.shortfall), read by the journey map, the site, the scoring factor and JO306/JO307."""

from __future__ import annotations

from typing import Any

import pytest

from journeyops_cli.models import Metric
from journeyops_cli.render.journey_map import _metric_view
from journeyops_cli.rules.evidence.metric_off_target import gap
from journeyops_cli.score.factors import metric_gap_of


def metric(values: list[tuple[str, float]], **fields: Any) -> Metric:
    observations = [{"date": date, "value": value} for date, value in values]
    return Metric.model_validate(
        {"kind": "Metric", "id": "m", "title": "M", "unit": "%", "observations": observations, **fields}
    )


@pytest.mark.parametrize(
    ("direction", "target", "latest", "shortfall", "on_target"),
    [
        ("increase", 90, 80, 10, False),
        ("increase", 90, 90, 0, True),  # reaching the target counts
        ("increase", 90, 95, -5, True),
        ("decrease", 14, 21, 7, False),
        ("decrease", 14, 14, 0, True),
        ("decrease", 14, 7, -7, True),
    ],
)
def test_every_reader_judges_alike(
    direction: str, target: float, latest: float, shortfall: float, on_target: bool
) -> None:
    m = metric([("2025-01-01", 50), ("2025-02-01", latest)], direction=direction, target=target)
    assert (m.shortfall(), m.on_target()) == (shortfall, on_target)
    assert m.status() == ("on" if on_target else "off")
    assert gap(m) == (None if on_target else shortfall)  # JO306, JO307
    assert metric_gap_of(m) == shortfall / target  # prioritise's metric_gap
    assert _metric_view(m, str, "en").on_target is on_target  # the journey map


def test_a_metric_that_cannot_tell() -> None:
    assert metric([], direction="increase", target=1).shortfall() is None
    assert metric([("2025-01-01", 1)], target=1).shortfall() is None
    assert metric([("2025-01-01", 1)], direction="increase").shortfall() is None
    assert gap(metric([("2025-01-01", 1)], direction="increase")) is None
