"""The explicit registry of rules: every rule module is imported here, and every rule class
it defines is registered; a rule without documentation, with a malformed code or a taken
name fails loudly.

Rule modules do not import the registry (no decorator): the registry depends on the rules,
never the other way round, so a rule module can be imported on its own and the import
graph stays free of cycles (tests/test_architecture.py).
"""

from __future__ import annotations

import re
from types import ModuleType

from journeyops_cli.errors import JourneyopsError
from journeyops_cli.rules.base import Rule

_RULES: dict[str, type[Rule]] = {}
_NAMES: dict[str, str] = {}
_CODE = re.compile(r"JO[0-9]{3}")
_loaded = False


class RuleError(JourneyopsError):
    """A rule definition or a rule selection is wrong (exit 2)."""


def rule_modules() -> tuple[ModuleType, ...]:
    """Every module that defines rules, in documentation order."""
    from journeyops_cli.rules import source, suppression
    from journeyops_cli.rules.evidence import (
        done_off_target,
        insight_unlinked,
        metric_off_target,
        metric_target,
        observation_dates,
        opportunity_evidence,
        opportunity_overlap,
        opportunity_steps,
        unevidenced_pain,
        unsafe_link,
    )
    from journeyops_cli.rules.hygiene import (
        near_duplicate,
        owner_team,
        stale,
        team_handle,
        translations,
    )
    from journeyops_cli.rules.levels import (
        coverage,
        customer_groups,
        cycle,
        improves,
        parent_level,
        parent_step,
        step_order,
        theme_agrees,
        theme_missing,
    )
    from journeyops_cli.rules.privacy import email, identity_code, phone
    from journeyops_cli.rules.references import duplicate_id, duplicate_step, unresolved

    return (
        source,
        duplicate_id, unresolved, duplicate_step,
        parent_level, parent_step, cycle, theme_agrees, customer_groups, step_order, coverage,
        theme_missing, improves,
        insight_unlinked, unevidenced_pain, opportunity_evidence, opportunity_steps,
        metric_target, metric_off_target, done_off_target, unsafe_link, opportunity_overlap, observation_dates,
        owner_team, stale, translations, near_duplicate, team_handle,
        email, phone, identity_code,
        suppression,
    )  # fmt: skip


def rules_in(module: ModuleType) -> list[type[Rule]]:
    """The rules a module defines: its `RULES` when it lists them (rules made from data,
    such as the loader's codes), else its own `Rule` subclasses that have a code (bases
    such as `SourceRule` have none)."""
    listed = getattr(module, "RULES", None)
    if listed is not None:
        return list(listed)
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Rule)
        and value.__module__ == module.__name__
        and "code" in vars(value)
    ]


def register(cls: type[Rule]) -> type[Rule]:
    """Add a rule to the registry after checking its code, name and documentation."""
    if not _CODE.fullmatch(getattr(cls, "code", "")):
        raise RuleError(f"{cls.__name__}: rule code must look like JO123")
    doc = cls.documentation()
    if len(doc.splitlines()) < 3 or "\n\n" not in doc:
        raise RuleError(f"{cls.code}: a rule needs documentation (a summary line and a body)")
    if "Failing" not in doc and "Example" not in doc:
        raise RuleError(f"{cls.code}: a rule's documentation needs a failing example ('Failing:' or 'Example')")
    if cls.code in _RULES and _RULES[cls.code] is not cls:
        raise RuleError(f"{cls.code}: code registered twice")
    if cls.name in _NAMES and _NAMES[cls.name] != cls.code:
        raise RuleError(f"{cls.code}: name {cls.name!r} is taken by {_NAMES[cls.name]}")
    _RULES[cls.code] = cls
    _NAMES[cls.name] = cls.code
    return cls


def all_rules() -> dict[str, type[Rule]]:
    """Every registered rule by code, sorted by code."""
    global _loaded
    if not _loaded:
        for module in rule_modules():
            for rule in rules_in(module):
                register(rule)
        _loaded = True
    return dict(sorted(_RULES.items()))
