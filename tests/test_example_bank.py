"""The bundled example bank (examples/helsinki) validates and keeps its promised content:
every kind, every insight type, a multi-document file, three levels of journeys."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from tests.runner import run_cli

from journeyops_cli.bank import Bank
from journeyops_cli.models import Journey, Metric
from journeyops_cli.models.base import text_values
from journeyops_cli.models.insight import InsightType
from journeyops_cli.models.opportunity import OpportunityStatus
from journeyops_cli.pipeline import load_bank

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT / "examples" / "helsinki"
SCHEMAS = ROOT / "schemas"
TODAY = dt.date(2026, 11, 25)
# Metrics miss their targets on purpose (the bank's README says so): JO306 is info.
DELIBERATE = "metric.off-target"
PERSONAL_DATA = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+"  # e-mail address
    r"|\+?\d[\d \-]{7,}\d"  # phone number
    r"|\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b"  # Finnish personal identity code
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("validate", "--bank", str(BANK), *args, cwd=ROOT)


@pytest.fixture(scope="module")
def bank() -> Bank:
    loaded = load_bank(BANK)
    assert loaded.findings == []
    return loaded.bank


def _yaml_files() -> list[Path]:
    return sorted(p for p in BANK.rglob("*.yaml"))


def test_validate_exits_0_with_only_the_deliberate_info_findings() -> None:
    run = _run("--format", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stderr == ""
    findings = json.loads(run.stdout)["findings"]
    assert {(f["code"], f["severity"]) for f in findings} <= {("JO306", "info")}


def test_validate_prints_the_clean_summary_line(bank: Bank) -> None:
    run = _run("--format", "text", "--ignore", DELIBERATE)
    files = len(_yaml_files()) - 1  # journeyops.yaml is the config, not a record file
    records = sum(1 for _ in bank.records())
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == f"✓ {files} files, {records} records checked: no problems found\n"


def test_counts_by_kind(bank: Bank) -> None:
    assert len(bank.themes()) >= 3
    assert len(bank.insights()) >= 30
    assert len(bank.metrics()) >= 8
    assert len(bank.opportunities()) >= 10
    assert bank.teams() and bank.customer_groups() and bank.life_events()


def test_levels_and_parents(bank: Bank) -> None:
    by_level: dict[str, list[Journey]] = {"top": [], "mid": [], "detailed": []}
    for journey in bank.journeys():
        by_level[journey.level].append(journey)
        assert journey.source_path.startswith(f"journeys/{journey.level}/")
    top = bank.get(Journey, "service-journey")
    assert top is not None and top.level == "top" and top.parent is None
    assert [s.id for s in top.steps] == ["findability", "transaction", "processing", "customership"]
    assert len(by_level["mid"]) >= 3 and len(by_level["detailed"]) >= 4
    for journey in by_level["mid"] + by_level["detailed"]:
        parent = bank.parent(journey)
        assert parent is not None, journey.id
        assert parent.level == {"mid": "top", "detailed": "mid"}[journey.level]
        assert journey.theme and (parent.level == "top" or journey.theme == parent.theme)
        assert set(journey.customer_groups) <= set(parent.customer_groups), journey.id
        order = [s.id for s in parent.steps]
        positions = [order.index(step.parent_step) for step in journey.steps if step.parent_step]
        assert len(positions) == len(journey.steps), f"{journey.id}: a step has no parent_step"
        assert positions == sorted(positions), f"{journey.id}: steps out of the parent's order"
    # every phase of the top journey is elaborated by a mid journey
    covered = {s.parent_step for j in by_level["mid"] for s in j.steps}
    assert covered == {s.id for s in top.steps}


def test_journeys_are_active_owned_and_reviewed(bank: Bank) -> None:
    for journey in bank.journeys():
        assert journey.owner and journey.team, journey.id
        if journey.state == "target":  # a plan: a draft nobody has reviewed against reality
            assert journey.status == "draft" and journey.reviewed is None, journey.id
        else:
            assert journey.status == "active", journey.id
            assert journey.reviewed and (TODAY - journey.reviewed).days <= 365, journey.id
        assert journey.cx_goals and journey.customer_groups, journey.id
        for step in journey.steps:
            assert step.channels and step.touchpoints and step.customer_actions, step.id
            assert step.emotion is not None, step.id


def test_a_target_journey_improves_a_current_one(bank: Bank) -> None:
    targets = [journey for journey in bank.journeys() if journey.state == "target"]
    assert [(j.id, j.improves) for j in targets] == [("daycare-application-2027", "daycare-application")]
    current = bank.get(Journey, "daycare-application")
    assert current is not None and current.state == "current"
    shared = {s.id for s in current.steps} & {s.id for s in targets[0].steps}
    assert len(shared) >= 6  # the steps that stay keep their ids: the curves line up


def test_every_painful_step_has_an_insight(bank: Bank) -> None:
    painful = [(journey.id, step.id) for journey in bank.journeys() for step in journey.steps if step.pain_points]
    assert len(painful) >= 5
    for key in painful:
        assert bank.step_insights.get(key), "#".join(key)


def test_insights_cover_every_type_and_some_share_a_file(bank: Bank) -> None:
    insights = bank.insights()
    assert {i.type for i in insights} == set(InsightType.__args__)
    per_file = Counter(i.source_path for i in insights)
    assert per_file["insights/feedback-2026.yaml"] >= 10
    assert (
        sum(1 for i in insights if i.evidence and i.evidence.startswith("https://example.org/"))
        >= 5
    )
    for insight in insights:
        assert 1 <= len(insight.steps) <= 3, insight.id


def test_no_personal_data_in_insights(bank: Bank) -> None:
    for insight in bank.insights():
        texts = [
            *text_values(insight.title),
            *text_values(insight.summary),
            insight.source,
            insight.evidence or "",
            *insight.tags,
        ]
        for text in texts:
            assert PERSONAL_DATA.search(text) is None, f"{insight.id}: {text}"


def test_the_personal_data_pattern_catches_what_it_must() -> None:
    for bad in ("mail maija.m@example.org", "soita 040 123 4567", "hetu 131052-308T"):
        assert PERSONAL_DATA.search(bad), bad


def test_metrics_have_targets_observations_and_volumes(bank: Bank) -> None:
    metrics = bank.metrics()
    for metric in metrics:
        assert metric.direction and metric.target is not None and metric.source, metric.id
        assert len(metric.observations) >= 3 and metric.steps, metric.id
    assert sum(1 for m in metrics if m.volume) >= 2

    def misses(metric: Metric) -> bool:
        latest = metric.latest()
        assert latest is not None
        value = latest.value
        assert metric.target is not None
        return value < metric.target if metric.direction == "increase" else value > metric.target

    assert 0 < sum(1 for m in metrics if misses(m)) < len(metrics)


def test_opportunities_have_evidence_and_estimates(bank: Bank) -> None:
    opportunities = bank.opportunities()
    statuses = {o.status for o in opportunities}
    assert (
        {"idea", "proposed", "planned", "in-progress", "done"}
        <= statuses
        <= set(OpportunityStatus.__args__)
    )
    complete = 0
    for opportunity in opportunities:
        assert opportunity.steps and opportunity.insights and opportunity.idea, opportunity.id
        assert opportunity.estimates is not None, opportunity.id
        if all(v is not None for v in opportunity.estimates.model_dump().values()):
            complete += 1
    assert 1 <= len(opportunities) - complete <= 2
    assert sum(1 for o in opportunities if o.metrics) >= len(opportunities) // 2


def test_every_file_has_a_schema_line_that_resolves() -> None:
    kinds = {
        "themes": "theme",
        "journeys": "journey",
        "insights": "insight",
        "metrics": "metric",
        "opportunities": "opportunity",
        "vocabulary": "record",
    }
    for path in _yaml_files():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, path
        schema = (path.parent / match.group(1)).resolve()
        assert schema.is_file(), f"{path}: {match.group(1)} does not exist"
        top = path.relative_to(BANK).parts[0]
        expected = kinds.get(top, "config")
        assert schema == SCHEMAS / f"{expected}.schema.json", path
