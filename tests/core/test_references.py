"""The bank index: references resolve, reverse links exist, broken ones are reported."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.core.helpers import CORE_BANK, make_bank

from journeyops_cli.pipeline import Selection, load_bank, validate


def copy_bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(CORE_BANK, target)
    return target


def reference_findings(root: Path) -> list[tuple[str, str, int, int, str, str | None]]:
    result = validate(root, selection=Selection(select=["references"]))
    return [(f.path, f.code, f.line, f.column, f.message, f.hint) for f in result.findings]


def test_core_bank_is_clean() -> None:
    assert validate(CORE_BANK).findings == []


def test_reverse_links() -> None:
    bank = load_bank(CORE_BANK).bank
    assert [i.id for i in bank.step_insights[("daycare", "apply")]] == ["attachments-unclear"]
    assert [m.id for m in bank.step_metrics[("daycare", "wait")]] == ["decision-time"]
    assert [o.id for o in bank.step_opportunities[("daycare-application", "fill-in")]] == ["attachment-guide"]
    assert [o.id for o in bank.insight_opportunities["attachments-unclear"]] == ["attachment-guide"]
    assert [o.id for o in bank.metric_opportunities["decision-time"]] == ["attachment-guide"]
    assert [j.id for j in bank.children["service-journey"]] == ["daycare"]
    assert [j.id for j in bank.children["daycare"]] == ["daycare-application"]
    assert [(j.id, s.id) for j, s in bank.step_children[("daycare", "apply")]] == [
        ("daycare-application", "log-in"), ("daycare-application", "fill-in")
    ]
    journey, step = bank.step("daycare#wait")
    assert (journey.id, step.id) == ("daycare", "wait")
    assert bank.step("daycare#nope") is None
    assert [j.id for j in bank.ancestors(bank.by_kind["Journey"]["daycare-application"])] == [
        "daycare", "service-journey"
    ]


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    root = copy_bank(tmp_path)
    (root / "insights" / "again.yaml").write_text(
        "kind: Insight\nid: waiting-is-long\ntitle: Again\ntype: survey\nsource: S\n"
        "date: 2026-01-01\nsummary: S\n"
    )
    assert reference_findings(root) == [
        # Files load in path order, so the later file gets the finding.
        ("insights/feedback.yaml", "JO101", 14, 5,
         "Insight id 'waiting-is-long' is already used in insights/again.yaml:2",
         "ids must be unique per kind; rename one of them"),
    ]


def test_same_id_in_different_kinds_is_fine(tmp_path: Path) -> None:
    root = copy_bank(tmp_path)
    (root / "t.yaml").write_text("kind: Team\nid: daycare\ntitle: A team called daycare\n")
    assert reference_findings(root) == []


def test_dangling_references_with_nearest_id(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {
        "j.yaml": """
            kind: Journey
            id: daycare
            title: Daycare
            level: mid
            theme: early-educaton
            parent: service-journy
            team: daycare-tem
            customer_groups: [familes]
            life_events: [moving]
            steps:
              - id: apply
                title: Apply
                metrics: [decision-tme]
        """,
        "v.yaml": """
            kind: Theme
            id: early-education
            title: E
            ---
            kind: Team
            id: daycare-team
            title: T
            ---
            kind: CustomerGroup
            id: families
            title: F
            ---
            kind: Metric
            id: decision-time
            title: M
            unit: days
            ---
            kind: Insight
            id: i
            title: I
            type: survey
            source: S
            date: 2026-01-01
            summary: S
            steps: [daycare#aply, daycar#apply]
            ---
            kind: Opportunity
            id: o
            title: O
            problem: P
            insights: [ii]
            metrics: [decision-time]
            steps: [daycare#apply]
        """,
    })
    assert reference_findings(root) == [
        ("j.yaml", "JO102", 5, 8, "no theme with id 'early-educaton'", "did you mean 'early-education'?"),
        ("j.yaml", "JO102", 6, 9, "no journey with id 'service-journy'", None),
        ("j.yaml", "JO102", 7, 7, "no team with id 'daycare-tem'", "did you mean 'daycare-team'?"),
        ("j.yaml", "JO102", 8, 19, "no customer group with id 'familes'", "did you mean 'families'?"),
        ("j.yaml", "JO102", 9, 15, "no life event with id 'moving'", None),
        ("j.yaml", "JO102", 13, 15, "no metric with id 'decision-tme'", "did you mean 'decision-time'?"),
        ("v.yaml", "JO102", 25, 9, "step reference 'daycare#aply': journey 'daycare' has no step 'aply'",
         "did you mean 'daycare#apply'?"),
        ("v.yaml", "JO102", 25, 23, "step reference 'daycar#apply': no journey 'daycar'",
         "did you mean 'daycare#apply'?"),
        ("v.yaml", "JO102", 31, 12, "no insight with id 'ii'", "did you mean 'i'?"),
    ]


def test_duplicate_step_ids(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {
        "j.yaml": """
            kind: Journey
            id: j
            title: J
            level: top
            steps:
              - id: apply
                title: A
              - id: apply
                title: B
        """,
    })
    assert reference_findings(root) == [
        ("j.yaml", "JO103", 8, 9, "step id 'apply' is used twice in journey 'j' (first on line 6)",
         "step ids must be unique within a journey"),
    ]


def all_findings(root: Path) -> list[tuple[str, str, int, int, str]]:
    return [(f.path, f.code, f.line, f.column, f.message) for f in validate(root).findings]


def test_a_journey_that_fails_to_parse_is_unknown_not_missing(tmp_path: Path) -> None:
    # An unclosed quote below the id: the journey exists, so the insights and the child
    # journey that point at it get no follow-on findings; only the file's own error.
    root = copy_bank(tmp_path)
    path = root / "journeys" / "daycare.yaml"
    path.write_text(path.read_text().replace("owner: Daycare journey owner", 'owner: "Daycare journey owner'))
    uncovered = (
        "step '{}' of top journey 'service-journey' is not elaborated by any mid journey "
        "(perhaps because journeys/daycare.yaml failed to load)"
    )
    assert all_findings(root) == [
        ("journeys/daycare.yaml", "JO001", 8, 8,
         "YAML syntax error: this quote is never closed (found unexpected end of stream at line 36, "
         "while scanning a quoted scalar)"),
        # Coverage of the top journey cannot be known either: said so.
        ("journeys/service-journey.yaml", "JO207", 12, 9, uncovered.format("findability")),
        ("journeys/service-journey.yaml", "JO207", 14, 9, uncovered.format("transaction")),
        ("journeys/service-journey.yaml", "JO207", 16, 9, uncovered.format("processing")),
        ("journeys/service-journey.yaml", "JO207", 18, 9, uncovered.format("customership")),
    ]


def test_a_journey_broken_above_its_id_is_known_by_what_the_file_names(tmp_path: Path) -> None:
    # Broken above its id: the parser never reaches it, but the file names `id: daycare`,
    # so references to the journey are not reported as dangling either.
    root = copy_bank(tmp_path)
    path = root / "journeys" / "daycare.yaml"
    path.write_text("title: [Daycare\n" + path.read_text())
    found = all_findings(root)
    assert found[0] == ("journeys/daycare.yaml", "JO001", 2, 5,
                        "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)")
    assert [code for _, code, *_ in found[1:]] == ["JO207"] * 4


def test_references_when_a_file_could_not_be_read_at_all_are_marked(tmp_path: Path) -> None:
    # A file over the size limit is not read: any record may be in it, so a reference
    # that resolves nowhere says that it perhaps points there.
    root = copy_bank(tmp_path)
    config = root / "journeyops.yaml"
    config.write_text(config.read_text() + "limits: {max_file_bytes: 5000}\n")
    (root / "journeys" / "big.yaml").write_text("kind: Journey\nid: nowhere\n" + "# padding\n" * 600)
    (root / "insights" / "extra.yaml").write_text(
        "kind: Insight\nid: extra\ntitle: E\ntype: survey\nsource: S\ndate: 2026-01-01\nsummary: S\n"
        "steps: [nowhere#apply]\n"
    )
    assert [f for f in all_findings(root) if f[1] == "JO102"] == [
        ("insights/extra.yaml", "JO102", 8, 9,
         "step reference 'nowhere#apply': no journey 'nowhere' (perhaps because journeys/big.yaml failed to load)"),
    ]


def test_a_record_of_an_unknown_kind_is_unknown_not_missing(tmp_path: Path) -> None:
    root = copy_bank(tmp_path)
    path = root / "journeys" / "daycare.yaml"
    path.write_text(path.read_text().replace("kind: Journey", "kind: Jorney"))
    found = all_findings(root)
    assert found[0] == ("journeys/daycare.yaml", "JO012", 1, 7, "unknown kind 'Jorney'")
    # No "no journey 'daycare'" anywhere; coverage says it may be wrong, and why.
    note = " (perhaps because journeys/daycare.yaml failed to load)"
    assert [(code, message.endswith(note)) for _, code, _, _, message in found[1:]] == [("JO207", True)] * 4


def test_schema_and_reference_errors_of_one_record_in_one_run(tmp_path: Path) -> None:
    root = copy_bank(tmp_path)
    (root / "insights" / "new.yaml").write_text(
        "kind: Insight\n"
        "id: new-insight\n"
        "title: New\n"
        "type: survey\n"
        "source: S\n"
        "date: 2026-01-01\n"
        "summary: S\n"
        "severity: huge\n"
        "steps: [daycare#aply, Not A Ref]\n"
        "customer_groups: [familes]\n"
    )
    assert all_findings(root) == [
        ("insights/new.yaml", "JO020", 8, 11,
         "'huge' is not allowed for 'severity'; use one of: low, medium, high, critical"),
        ("insights/new.yaml", "JO102", 9, 9,
         "step reference 'daycare#aply': journey 'daycare' has no step 'aply'"),
        # The schema's finding, not a reference's, for what is not a reference at all.
        ("insights/new.yaml", "JO020", 9, 23, "'Not A Ref' is not a step reference"),
        ("insights/new.yaml", "JO102", 10, 19, "no customer group with id 'familes'"),
    ]
