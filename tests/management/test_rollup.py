"""The roll-up across levels: what lies beneath each step, journey and theme."""

from __future__ import annotations

from pathlib import Path

from journeyops_cli.bank.rollup import Evidence
from journeyops_cli.pipeline import load_bank


def test_a_top_phase_holds_everything_beneath_it(levels_bank: Path) -> None:
    bank = load_bank(levels_bank, cache=False).bank
    find = bank.rollup().step("city", "find")
    assert find is not None
    assert find.own.insights == {} and find.own.emotions == {("city", "find"): 0}
    below = find.below
    assert sorted(below.insights) == ["old-survey", "timeout"]
    assert list(below.metrics) == ["wait-days"]
    assert sorted(below.opportunities) == ["autosave", "portal"]
    assert [o.id for o in below.open_opportunities()] == ["autosave"]
    assert below.steps == [("housing", "search"), ("housing", "apply"), ("rental", "form")]
    assert below.worst_emotion == -2 and below.mean_emotion == -1.5
    assert below.pain_point_count() == 3
    assert below.insight_types() == {"usability-test": 1, "survey": 1}
    assert below.metric_status() == {"off": 1}
    assert find.total.worst_emotion == -2 and find.total.mean_emotion == -1.0
    assert [j.id for j, _ in find.children] == ["housing", "housing"]


def test_a_phase_with_nothing_beneath_is_empty(levels_bank: Path) -> None:
    bank = load_bank(levels_bank, cache=False).bank
    use = bank.rollup().step("city", "use")
    assert use is not None and use.below.steps == [] and not use.total.insights and not use.total.metrics


def test_records_on_several_steps_count_once(levels_bank: Path) -> None:
    rollup = load_bank(levels_bank, cache=False).bank.rollup()
    # old-survey sits on housing#search and rental#form, both beneath city#find.
    assert list(rollup.journey("city").insights).count("old-survey") == 1
    assert sorted(rollup.theme("living").insights) == ["old-survey", "timeout"]
    assert rollup.theme("nowhere").steps == []


def test_metric_status_and_trend(levels_bank: Path) -> None:
    bank = load_bank(levels_bank, cache=False).bank
    metric = bank.metrics()[0]
    assert metric.on_target() is False and metric.status() == "off"
    assert metric.on_target(25) is True
    assert metric.trend() == "better"  # 40 -> 35 days, and smaller is better


def test_a_cycle_of_parents_ends(tmp_path: Path) -> None:
    from tests.core.helpers import make_bank

    root = make_bank(tmp_path / "b", {
        "a.yaml": """
            kind: Journey
            id: a
            level: mid
            title: A
            parent: b
            steps: [{id: s, title: S, parent_step: s, emotion: 1}]
        """,
        "b.yaml": """
            kind: Journey
            id: b
            level: mid
            title: B
            parent: a
            steps: [{id: s, title: S, parent_step: s, emotion: -1}]
        """,
    })
    rollup = load_bank(root, cache=False).bank.rollup()
    step = rollup.step("a", "s")
    assert step is not None and sorted(step.total.emotions.values()) == [-1, 1]


def test_merge_keeps_the_first_of_each_step() -> None:
    one, two = Evidence(), Evidence()
    one.steps.append(("j", "s"))
    one.emotions[("j", "s")] = 1
    two.steps.append(("j", "s"))
    two.emotions[("j", "s")] = -2
    one.merge(two)
    assert one.steps == [("j", "s")] and one.emotions == {("j", "s"): 1}


def test_the_map_of_a_top_journey_shows_what_lies_beneath(levels_bank: Path) -> None:
    from journeyops_cli.render.journey_map import build_map

    bank = load_bank(levels_bank, cache=False).bank
    journey = next(j for j in bank.journeys() if j.id == "city")
    find, use = build_map(bank, journey, "en").steps
    assert use.below is None  # nothing elaborates it
    assert find.below is not None
    assert [j.id for j in find.below.journeys] == ["housing", "rental"]
    assert [i.id for i in find.below.insights] == ["timeout", "old-survey"]  # severest first
    assert [(m.id, m.on_target) for m in find.below.metrics] == [("wait-days", False)]
    assert [o.id for o in find.below.opportunities] == ["autosave"]
    assert (find.below.pain_points, find.below.worst_emotion, find.below.mean_emotion) == (3, -2, -1.5)


def test_merge_counts_each_step_once_however_the_steps_list_changed() -> None:
    # merge keeps the set of steps it has seen between calls; it must notice a steps list
    # that was replaced or that grew outside merge.
    one, two = Evidence(steps=[("j", "a")]), Evidence(steps=[("j", "a"), ("j", "b")])
    total = Evidence()
    total.merge(one)
    total.merge(two)
    assert total.steps == [("j", "a"), ("j", "b")]
    total.steps.append(("j", "c"))  # grew outside merge
    total.merge(Evidence(steps=[("j", "c"), ("j", "d")]))
    assert total.steps == [("j", "a"), ("j", "b"), ("j", "c"), ("j", "d")]
    total.steps = [("j", "b")]  # replaced
    total.merge(two)
    assert total.steps == [("j", "b"), ("j", "a")]


def test_a_target_journey_is_not_rolled_up(tmp_path: Path) -> None:
    """What lies beneath a step is today's picture: a to-be journey under the same parent
    adds nothing to the parent's steps or to the theme."""
    from tests.core.helpers import make_bank

    child = """
        kind: Journey
        id: {id}
        level: mid
        title: {id}
        theme: living
        parent: city
        {extra}
        steps: [{{id: s, title: S, parent_step: find, emotion: {emotion}, pain_points: [{pain}]}}]
    """
    root = make_bank(tmp_path / "b", {
        "vocabulary.yaml": "kind: Theme\nid: living\ntitle: Living\n",
        "city.yaml": "kind: Journey\nid: city\nlevel: top\ntitle: City\nsteps: [{id: find, title: Find}]\n",
        "now.yaml": child.format(id="now", extra="", emotion=-2, pain="Slow"),
        "later.yaml": child.format(id="later", extra="state: target\n        improves: now", emotion=1,
                                   pain="Still a form"),
    })
    bank = load_bank(root, cache=False).bank
    find = bank.rollup().step("city", "find")
    assert find is not None
    assert find.below.steps == [("now", "s")] and find.below.worst_emotion == -2
    assert [j.id for j, _ in find.children] == ["now"]
    assert bank.rollup().theme("living").steps == [("now", "s")]
    assert bank.rollup().journey("later").steps == [("later", "s")]  # its own map still has it
