"""Configuration of the lint: selection, severities, options, per-path ignores, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from tests.rules.conftest import run

from journeyops_cli.findings import Severity
from journeyops_cli.pipeline import Selection, validate
from journeyops_cli.rules.base import Rule
from journeyops_cli.rules.registry import RuleError, register


def configure(root: Path, lint: dict) -> None:
    (root / "journeyops.yaml").write_text(yaml.safe_dump({"name": "Case bank", "lint": lint}), encoding="utf-8")


def codes(root: Path, **kwargs) -> list[str]:
    return [f"{f.code}:{f.severity.label}" for f in validate(root, **kwargs).findings]


def test_default_findings(bank: Path) -> None:
    assert codes(bank) == [
        "JO301:warning", "JO501:error",
        "JO208:error", "JO401:warning", "JO402:warning", "JO302:warning",
    ]


def test_select_and_ignore_by_code_name_and_group(bank: Path) -> None:
    configure(bank, {"select": ["hygiene", "privacy.email"], "ignore": ["JO402"]})
    assert codes(bank) == ["JO501:error", "JO401:warning"]
    assert codes(bank, selection=Selection(select=["evidence"], ignore=["insight.no-step"])) == ["JO302:warning"]


def test_severity_override_specific_beats_group(bank: Path) -> None:
    configure(bank, {"select": ["hygiene", "privacy"], "severity": {"JO401": "error", "hygiene": "info"}})
    assert codes(bank) == ["JO501:error", "JO401:error", "JO402:info"]


def test_severity_override_of_a_loader_code(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    configure(tmp_path, {"severity": {"file.empty": "info"}})
    assert codes(tmp_path) == ["JO010:info"]
    configure(tmp_path, {"ignore": ["file"]})
    assert codes(tmp_path) == []


def test_loader_errors_survive_a_narrow_select(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("kind: [", encoding="utf-8")
    configure(tmp_path, {"select": ["privacy"]})
    assert codes(tmp_path) == ["JO001:error"]


def test_per_path_ignores(bank: Path) -> None:
    configure(bank, {"per_path_ignores": {"insights/*.yaml": ["evidence", "JO501"], "journeys/": ["JO208"]}})
    assert codes(bank) == ["JO401:warning", "JO402:warning", "JO302:warning"]


def test_fail_on_from_config(bank: Path) -> None:
    configure(bank, {"select": ["hygiene"], "fail_on": "warning"})
    assert validate(bank).failed
    configure(bank, {"select": ["hygiene"]})
    assert not validate(bank).failed


@pytest.mark.parametrize(
    ("lint", "message"),
    [
        ({"select": ["JO2O1"]},
         "journeyops.yaml:4:5: lint.select: unknown rule, name or group 'JO2O1'; did you mean 'JO201'?"),
        ({"ignore": ["hygeine"]},
         "journeyops.yaml:4:5: lint.ignore: unknown rule, name or group 'hygeine'; did you mean 'hygiene'?"),
        ({"severity": {"journey.stal": "info"}},
         "journeyops.yaml:4:5: lint.severity.journey.stal: unknown rule, name or group 'journey.stal'; "
         "did you mean 'journey.stale'?"),
        ({"options": {"journey.stael": {"days": 3}}},
         "journeyops.yaml:4:5: lint.options.journey.stael: unknown rule 'journey.stael'; "
         "did you mean 'journey.stale'?"),
        ({"options": {"JO402": {"dayz": 3}}},
         "journeyops.yaml:5:7: lint.options.JO402.dayz: unknown option 'dayz' for JO402 (journey.stale); "
         "did you mean 'days'?"),
        ({"options": {"JO402": {"days": 0}}},
         "journeyops.yaml:5:7: lint.options.JO402.days: option 'days' of JO402 (journey.stale): "
         "Input should be greater than 0"),
        ({"options": {"JO301": {"days": 3}}},
         "journeyops.yaml:4:5: lint.options.JO301: rule JO301 (insight.no-step) has no options"),
        ({"per_path_ignores": {"x/*": ["nope"]}},
         "journeyops.yaml:4:5: lint.per_path_ignores.x/*: unknown rule, name or group 'nope'; "
         "`journeyops rules` lists them"),
    ],
)
def test_config_errors_name_place_and_hint(bank: Path, lint: dict, message: str) -> None:
    (bank / "journeyops.yaml").write_text(
        yaml.safe_dump({"name": "Case bank", "lint": lint}, default_flow_style=False, sort_keys=False), encoding="utf-8"
    )
    with pytest.raises(RuleError) as error:
        validate(bank)
    assert str(error.value) == message


def test_config_error_exits_2(bank: Path) -> None:
    configure(bank, {"options": {"JO402": {"dayz": 3}}})
    done = run("validate", "--bank", str(bank))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "journeyops: error: journeyops.yaml:4:7: lint.options.JO402.dayz: "
        "unknown option 'dayz' for JO402 (journey.stale); did you mean 'days'?\n"
    )


def test_unknown_code_on_the_command_line(bank: Path) -> None:
    done = run("validate", "--bank", str(bank), "--select", "JO201,privacy.emial")
    assert done.returncode == 2
    assert done.stderr == (
        "journeyops: error: --select: unknown rule, name or group 'privacy.emial'; did you mean 'privacy.email'?\n"
    )
    done = run("validate", "--bank", str(bank), "--ignore", "zzz")
    assert done.stderr == (
        "journeyops: error: --ignore: unknown rule, name or group 'zzz'; `journeyops rules` lists them\n"
    )


def test_a_rule_without_documentation_cannot_register() -> None:
    class Undocumented(Rule):
        code = "JO999"
        name = "test.undocumented"

    with pytest.raises(RuleError, match="JO999: a rule needs documentation"):
        register(Undocumented)

    class NoExample(Rule):
        """Summary.

        Why it matters, but no example.
        """

        code = "JO998"
        name = "test.no-example"

    with pytest.raises(RuleError, match="JO998: a rule's documentation needs a failing example"):
        register(NoExample)


def test_every_rule_has_docs_groups_and_a_valid_severity() -> None:
    from journeyops_cli.rules.registry import all_rules

    for code, rule in all_rules().items():
        assert rule.summary() and rule.groups and isinstance(rule.severity, Severity), code
        assert rule.Options.model_config.get("extra") == "forbid", code
