"""The explicit registry of rules: every rule module is listed here, and registering a rule
without documentation, with a malformed code or a taken name fails loudly."""

from __future__ import annotations

import importlib
import re

from journeyops_cli.rules.base import Rule

_RULES: dict[str, type[Rule]] = {}
_NAMES: dict[str, str] = {}
_CODE = re.compile(r"JO[0-9]{3}")

# Every module that defines rules, in documentation order.
RULE_MODULES = (
    "journeyops_cli.rules.source",
    "journeyops_cli.rules.references.duplicate_id",
    "journeyops_cli.rules.references.unresolved",
    "journeyops_cli.rules.references.duplicate_step",
    "journeyops_cli.rules.levels.parent_level",
    "journeyops_cli.rules.levels.parent_step",
    "journeyops_cli.rules.levels.cycle",
    "journeyops_cli.rules.levels.theme_agrees",
    "journeyops_cli.rules.levels.customer_groups",
    "journeyops_cli.rules.levels.step_order",
    "journeyops_cli.rules.levels.coverage",
    "journeyops_cli.rules.levels.theme_missing",
    "journeyops_cli.rules.evidence.insight_unlinked",
    "journeyops_cli.rules.evidence.unevidenced_pain",
    "journeyops_cli.rules.evidence.opportunity_evidence",
    "journeyops_cli.rules.evidence.opportunity_steps",
    "journeyops_cli.rules.evidence.metric_target",
    "journeyops_cli.rules.evidence.metric_off_target",
    "journeyops_cli.rules.evidence.done_off_target",
    "journeyops_cli.rules.evidence.unsafe_link",
    "journeyops_cli.rules.evidence.opportunity_overlap",
    "journeyops_cli.rules.hygiene.owner_team",
    "journeyops_cli.rules.hygiene.stale",
    "journeyops_cli.rules.hygiene.translations",
    "journeyops_cli.rules.hygiene.near_duplicate",
    "journeyops_cli.rules.hygiene.team_handle",
    "journeyops_cli.rules.privacy.email",
    "journeyops_cli.rules.privacy.phone",
    "journeyops_cli.rules.privacy.identity_code",
    "journeyops_cli.rules.suppression",
)
_loaded = False


class RuleError(Exception):
    """A rule definition or a rule selection is wrong."""


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator adding a rule to the registry."""
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
        for module in RULE_MODULES:
            importlib.import_module(module)
        _loaded = True
    return dict(sorted(_RULES.items()))


def name_of(code: str) -> str | None:
    rule = all_rules().get(code)
    return rule.name if rule else None
