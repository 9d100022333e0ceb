"""The journey-map context: what build_map picks from the bank."""

from __future__ import annotations

from tests.render.helpers import bank

from journeyops_cli.models import Journey
from journeyops_cli.render.i18n import number, strings
from journeyops_cli.render.journey_map import (
    InsightRef,
    JourneyMap,
    MetricRef,
    Ref,
    StepRef,
    build_map,
)


def _map(journey_id: str = "daycare-application", language: str = "fi") -> JourneyMap:
    b = bank()
    journey = b.get(Journey, journey_id)
    assert journey is not None
    return build_map(b, journey, language)


def test_meta_parent_and_children() -> None:
    m = _map()
    assert (m.id, m.title, m.level, m.status, m.reviewed) == (
        "daycare-application", "Päiväkotipaikan hakeminen", "mid", "active", "2025-03-01"
    )
    assert m.theme == Ref("early-education", "Varhaiskasvatus")
    assert m.team == Ref("daycare-services", "Varhaiskasvatuksen palvelut")
    assert m.customer_groups == [Ref("families", "Lapsiperheet"), Ref("newcomers", "Muuttajat")]
    assert m.cx_goals == ["Perhe tietää, milloin päätös tulee."]
    assert m.parent == Ref("service-journey", "Kaupungin palvelupolku")
    assert m.children == [Ref("application-form", "Sähköinen hakulomake")]


def test_text_falls_back_to_the_banks_other_language() -> None:
    apply = _map().steps[1]
    assert apply.pain_points == ["Tunnistautuminen katkeaa.", "The form asks for the same data twice."]


def test_step_lanes() -> None:
    find, apply, wait, start = _map(language="en").steps
    assert [s.number for s in (find, apply, wait, start)] == [1, 2, 3, 4]
    assert find.channels == ["web", "phone"]
    assert find.touchpoints == ["hel.fi", "Palvelukartta"]
    assert find.customer_actions == ["Reads hel.fi pages", "Calls the helpline"]
    assert (find.emotion, apply.emotion, wait.emotion, start.emotion) == (0, -1, None, 2)
    assert find.parent_step == StepRef("service-journey", "The city service journey", "findability", "Findability")
    assert apply.insights == [
        InsightRef("sign-in-drops", "Sign-in drops out on mobile", "usability-test", "high",
                   "2024-11-05", "https://example.org/reports/sign-in")
    ]
    assert [o.id for o in apply.opportunities] == ["keep-session"]
    assert apply.child_steps == [
        StepRef("application-form", "The online application form", "sign-in", "Signing in"),
        StepRef("application-form", "The online application form", "fill", "Filling the form"),
    ]
    assert wait.insights == [] and wait.metrics == [] and wait.child_steps == []


def test_metrics_against_target_in_both_directions() -> None:
    find, apply, *_ = _map().steps
    assert find.metrics == [
        MetricRef("search-success", "Haun onnistumisprosentti", "%", "increase", 72.25,
                  "2024-12-31", 80, "72,25 %", "80 %", False)
    ]
    assert apply.metrics[0].on_target is True  # 12 min, lower is better, target 15
    assert apply.metrics[0].latest_text == "12 min"


def test_emotions_keep_missing_steps() -> None:
    m = _map(language="en")
    assert [(step.title, step.emotion) for step in m.steps] == [
        ("Finding information", 0), ("Filling in the application", -1),
        ("Waiting for the decision", None), ("Starting at daycare", 2),
    ]
    assert m.has_emotion and m.missing_emotion


def test_the_map_reads_the_one_catalogue() -> None:
    assert strings("de") == strings("en")  # unknown language: English
    assert strings("sv")["lane.emotion"] == "Känsla"


def test_number_formatting() -> None:
    assert [number(v, "en") for v in (72.25, 80.0, 0.5, -0.0, 2400.0)] == ["72.25", "80", "0.5", "0", "2,400"]
    assert number(72.25, "fi") == "72,25"
    assert number(2400.0, "fi") == "2\xa0400"  # Babel: Finnish groups thousands with a no-break space
    assert number(1234.5, "sv") == "1\xa0234,5"
    assert number(float("inf"), "en") == "inf"
    # Two decimals of 1e300 need more than Babel's 28-digit context (it raised InvalidOperation).
    assert number(1e300, "en") == "1" + ",000" * 100
    assert number(-1.7e308, "fi") == "-170" + "\xa0000" * 102


def test_percents_dates_and_counts_in_the_page_language() -> None:
    from journeyops_cli.render.formats import count, date, percent

    assert [percent(0.832, lang) for lang in ("fi", "sv", "en")] == ["83,2\xa0%", "83,2\xa0%", "83.2%"]
    assert [date("2026-12-07", lang) for lang in ("fi", "sv", "en", "xx")] == [
        "7.12.2026", "7 dec. 2026", "7 Dec 2026", "7 Dec 2026"]
    assert [count(strings("fi"), "insights", n, "fi") for n in (1, 3)] == ["1 havainto", "3 havaintoa"]
    assert count(strings("sv"), "steps", 1200, "sv") == "1\xa0200 steg"
    assert count(strings("en"), "pain_points", 1, "en") == "1 pain point"


def test_phases_band_consecutive_steps_under_their_parent_step() -> None:
    m = _map(language="en")
    assert [(p.step.step_id if p.step else None, p.span) for p in m.phases()] == [
        ("findability", 1), ("transaction", 1), ("processing", 1), ("customership", 1)]
    assert _map("service-journey").phases() == []  # a top journey has no phases above it


def test_units_in_the_page_language() -> None:
    from journeyops_cli.render.i18n import quantity

    assert quantity(34, "days", "fi") == "34 päivää"
    assert quantity(1, "days", "sv") == "1 dag"
    assert quantity(2400, "applications/year", "fi") == "2\xa0400 hakemusta vuodessa"
    assert quantity(72.5, "%", "fi") == "72,5 %"
    assert quantity(12, "min", "en") == "12 min"  # a unit the catalogue lacks stays as written


def test_a_parent_step_is_the_first_of_its_id_as_journey_step_finds_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The map looks the parent's steps up by id once per map; a parent that names a step
    # id twice (JO's duplicate-step finding) still gives the first, as Journey.step does.
    from tests.core.helpers import make_bank

    from journeyops_cli.pipeline import load_bank

    root = make_bank(tmp_path / "b", {
        "city.yaml": "kind: Journey\nid: city\nlevel: top\ntitle: City\n"
                     "steps: [{id: find, title: First}, {id: use, title: Use}, {id: find, title: Second}]\n",
        "move.yaml": "kind: Journey\nid: move\nlevel: mid\ntitle: Move\nparent: city\n"
                     "steps: [{id: a, title: A, parent_step: find}, {id: b, title: B, parent_step: use},"
                     " {id: c, title: C, parent_step: gone}, {id: d, title: D}]\n",
    })
    b = load_bank(root, cache=False).bank
    city, move = b.get(Journey, "city"), b.get(Journey, "move")
    assert city is not None and move is not None
    m = build_map(b, move, "en")
    assert [s.parent_step for s in m.steps] == [
        StepRef("city", "City", "find", "First"), StepRef("city", "City", "use", "Use"), None, None,
    ]
    first = city.step("find")
    assert first is not None and first.title == "First"


def test_views_kept_between_maps_are_those_made_afresh() -> None:
    # A site keeps each insight's and metric's view (`made`) for the maps of one
    # language; a view is used again only for the same record, never for another one of
    # the same id.
    import dataclasses

    from journeyops_cli.models import Insight, Metric
    from journeyops_cli.render.journey_map import Made

    b = bank()
    for language in ("fi", "en"):
        made = Made()
        for journey in b.journeys():
            assert build_map(b, journey, language, made) == build_map(b, journey, language)
        assert made.insights and made.metrics
        for views, kind in ((made.insights, Insight), (made.metrics, Metric)):
            some = next(iter(views))
            kept = b.get(kind, some)  # type: ignore[type-var]
            assert kept is not None
            views[some] = (kept.model_copy(), dataclasses.replace(views[some][1], title="stale"))  # type: ignore[assignment]
        shown = []
        for journey in b.journeys():
            fresh = build_map(b, journey, language, made)
            assert fresh == build_map(b, journey, language)
            shown += [v.title for step in fresh.steps for v in (*step.insights, *step.metrics)]
        assert shown and "stale" not in shown
