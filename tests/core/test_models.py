"""Record models: every kind, friendly schema messages at exact places."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyops_cli.load.files import FileResult, load_text
from journeyops_cli.models import KINDS
from journeyops_cli.models.config import LimitsConfig


def load(text: str) -> FileResult:
    result = FileResult("x.yaml")
    load_text(text, "x.yaml", LimitsConfig(), result)
    return result


def only_finding(text: str) -> tuple[str, int, int, str, str | None]:
    result = load(text)
    assert len(result.findings) == 1, result.findings
    f = result.findings[0]
    return (f.code, f.line, f.column, f.message, f.hint)


MINIMAL = {
    "Theme": "kind: Theme\nid: housing\ntitle: Housing\n",
    "Journey": "kind: Journey\nid: j\ntitle: J\nlevel: top\nsteps:\n  - id: s\n    title: S\n",
    "Insight": "kind: Insight\nid: i\ntitle: I\ntype: survey\nsource: S\ndate: 2026-01-02\nsummary: x\n",
    "Metric": "kind: Metric\nid: m\ntitle: M\nunit: days\n",
    "Opportunity": "kind: Opportunity\nid: o\ntitle: O\nproblem: P\n",
    "CustomerGroup": "kind: CustomerGroup\nid: g\ntitle: G\n",
    "LifeEvent": "kind: LifeEvent\nid: e\ntitle: E\n",
    "Team": "kind: Team\nid: t\ntitle: T\n",
}


def test_every_kind_has_a_minimal_example() -> None:
    assert set(MINIMAL) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(MINIMAL))
def test_minimal_record_of_every_kind_loads(kind: str) -> None:
    result = load(MINIMAL[kind])
    assert result.findings == []
    (record,) = result.records
    assert record.kind == kind


@pytest.mark.parametrize("kind", sorted(MINIMAL))
def test_every_kind_rejects_an_unknown_field(kind: str) -> None:
    code, line, column, message, hint = only_finding(MINIMAL[kind] + "titel: x\n")
    assert (code, line, column, message) == ("JO020", MINIMAL[kind].count("\n") + 1, 1, "unknown field 'titel'")
    assert hint in ("did you mean 'title'?",)


def test_core_bank_records_load(tmp_path: Path) -> None:
    from tests.core.helpers import CORE_BANK

    from journeyops_cli.pipeline import load_bank

    loaded = load_bank(CORE_BANK)
    assert loaded.findings == []
    counts = {kind: len(table) for kind, table in loaded.bank.by_kind.items()}
    assert counts == {"Theme": 1, "Journey": 3, "Insight": 2, "Metric": 1, "Opportunity": 1,
                      "CustomerGroup": 1, "LifeEvent": 1, "Team": 1}
    opportunity = loaded.bank.by_kind["Opportunity"]["attachment-guide"]
    assert opportunity.estimates.reach == 5000
    assert opportunity.source_path == "insights/metric-and-opportunity.yaml"
    assert opportunity.source_document == 1


def test_text_may_be_plain_or_per_language() -> None:
    result = load("kind: Team\nid: t\ntitle: {fi: Tiimi, sv: Teamet}\ndescription: plain\n")
    assert result.records[0].title == {"fi": "Tiimi", "sv": "Teamet"}


def test_language_key_must_be_a_code() -> None:
    assert only_finding("kind: Team\nid: t\ntitle: {Finnish: Tiimi}\n") == (
        "JO020", 3, 9, "'Finnish' is not a language code", "use ISO 639 codes such as fi, sv or en"
    )


def test_number_where_text_is_expected_gets_a_quote_hint() -> None:
    assert only_finding("kind: Team\nid: t\ntitle: 2024\n") == (
        "JO020", 3, 8,
        "'title' should be text, or a mapping from language code to text, not the number 2024",
        "quote it: YAML reads this as a number, a yes/no value or nothing, not text",
    )


def test_id_must_be_a_slug_with_a_suggestion() -> None:
    assert only_finding("kind: Team\nid: Daycare_Team\ntitle: T\n") == (
        "JO020", 2, 5, "'Daycare_Team' is not a valid id",
        "ids use lowercase letters a-z, digits and hyphens, start with a letter or digit and "
        "are at most 64 characters, e.g. 'daycare-team'",
    )


def test_id_with_trailing_newline_is_not_a_slug() -> None:
    code, *_ = only_finding('kind: Team\nid: "team\\n"\ntitle: T\n')
    assert code == "JO020"


def test_enum_lists_allowed_values_and_suggests() -> None:
    assert only_finding(MINIMAL["Journey"].replace("level: top", "level: middle")) == (
        "JO020", 4, 8, "'middle' is not allowed for 'level'; use one of: top, mid, detailed",
        "did you mean 'mid'?",
    )


def test_dates_are_dates() -> None:
    text = MINIMAL["Insight"].replace("2026-01-02", "2026-02-30")
    assert only_finding(text) == (
        "JO020", 6, 7, "'2026-02-30' is not a valid date for 'date'",
        "write dates as YYYY-MM-DD, e.g. 2025-03-31",
    )


def test_a_number_is_not_a_date() -> None:
    text = MINIMAL["Insight"].replace("2026-01-02", "20260102")
    assert only_finding(text) == (
        "JO020", 6, 7, "'date' should be a date (YYYY-MM-DD), not the number 20260102", None
    )


def test_yes_is_not_a_boolean() -> None:
    assert only_finding(MINIMAL["Metric"] + "volume: yes\n") == (
        "JO020", 5, 9, "'volume' should be true or false, not 'yes'", None
    )


def test_missing_field_points_at_the_record() -> None:
    assert only_finding("kind: Theme\nid: housing\n") == (
        "JO020", 1, 1, "missing required field 'title'", None
    )


def test_missing_field_in_a_step_points_at_the_step() -> None:
    text = MINIMAL["Journey"] + "  - id: s2\n    emotion: 1\n"
    assert only_finding(text) == ("JO020", 8, 5, "missing required field 'title'", None)


def test_emotion_range_with_hint() -> None:
    text = MINIMAL["Journey"] + "    emotion: -3\n"
    assert only_finding(text) == (
        "JO020", 8, 14, "'emotion' must be at least -2, not -3",
        "emotion runs from -2 (very bad) to +2 (very good)",
    )


def test_unknown_field_deep_inside_a_step() -> None:
    text = MINIMAL["Journey"] + "    chanels: [web]\n"
    assert only_finding(text) == ("JO020", 8, 5, "unknown field 'chanels'", "did you mean 'channels'?")


def test_journey_needs_steps() -> None:
    assert only_finding("kind: Journey\nid: j\ntitle: J\nlevel: top\nsteps: []\n") == (
        "JO020", 5, 8, "'steps' must not be empty", None
    )


def test_step_reference_form() -> None:
    text = MINIMAL["Insight"] + "steps: [daycare/apply]\n"
    assert only_finding(text) == (
        "JO020", 8, 9, "'daycare/apply' is not a step reference",
        "write it as journey-id#step-id, e.g. daycare-application#apply",
    )


def test_estimates_bounds() -> None:
    text = MINIMAL["Opportunity"] + "estimates: {confidence: 1.5, effort: 0}\n"
    result = load(text)
    assert [(f.line, f.column, f.message) for f in result.findings] == [
        (5, 25, "'confidence' must be at most 1.0, not 1.5"),
        (5, 38, "'effort' must be more than 0.0, not 0"),
    ]


def test_several_errors_in_one_record_are_all_reported() -> None:
    result = load("kind: Journey\nid: J\ntitle: 1\nlevel: x\nsteps: [{id: a}]\n")
    assert [(f.line, f.column) for f in result.findings] == [(2, 5), (3, 8), (4, 8), (5, 9)]


def test_models_with_the_same_fields_share_one_fields_given_set() -> None:
    from journeyops_cli.models.journey import Step

    first = Step.model_validate({"id": "a", "title": "Apply"})
    second = Step.model_validate({"id": "b", "title": "Wait"})
    other = Step.model_validate({"id": "c", "title": "Pay", "emotion": 1})
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert other.__pydantic_fields_set__ is not first.__pydantic_fields_set__
    # Assigning a field not given before changes that model's set only.
    first.emotion = -1
    assert first.model_fields_set == {"id", "title", "emotion"}
    assert second.model_fields_set == {"id", "title"}
    assert Step.model_validate({"id": "d", "title": "Go"}).model_fields_set == {"id", "title"}
    # A copy with an update does not touch the shared set either.
    copied = second.model_copy(update={"emotion": 2})
    assert copied.model_fields_set == {"id", "title", "emotion"}
    assert second.model_fields_set == {"id", "title"}
