"""The explicit registry: every module of rules/ that defines a rule is listed in
`rule_modules()`, so no rule is written and then never run."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import journeyops_cli.rules
from journeyops_cli.load.codes import CODES
from journeyops_cli.rules.registry import all_rules, rule_modules, rules_in
from journeyops_cli.rules.source import SourceRule

RULES_DIR = Path(journeyops_cli.rules.__file__).parent


def test_every_module_that_defines_a_rule_is_listed() -> None:
    listed = {module.__name__ for module in rule_modules()}
    defining = set()
    for path in sorted(RULES_DIR.rglob("*.py")):
        name = "journeyops_cli." + ".".join(path.relative_to(RULES_DIR.parent).with_suffix("").parts)
        if rules_in(importlib.import_module(name)):
            defining.add(name)
    assert sorted(defining - listed) == []
    assert sorted(listed - defining) == []


def test_every_loader_code_is_a_documented_source_rule() -> None:
    source = {code: rule for code, rule in all_rules().items() if issubclass(rule, SourceRule)}
    assert sorted(source) == sorted(CODES)
    for code, rule in source.items():
        assert (rule.name, rule.groups, rule.severity) == (CODES[code].name, CODES[code].groups, CODES[code].severity)


def test_a_module_may_list_its_rules_made_from_data() -> None:
    made = type("Made", (SourceRule,), {"code": "JO001", "__doc__": "Made.\n\nFrom data.\n\nFailing: x"})
    module = ModuleType("journeyops_cli.rules.made")
    module.RULES = [made]  # type: ignore[attr-defined]
    module.Other = type("Other", (SourceRule,), {"code": "JO002"})  # type: ignore[attr-defined]
    assert rules_in(module) == [made]
