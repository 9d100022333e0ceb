"""Personal data that `validate` reports, withheld from everything journeyops publishes.

The site and `journeyops render` publish only what validation accepts. A value the
privacy rules (JO501-JO503) report on the bank, after the bank's lint settings, per-path
ignores and inline suppressions, is masked wherever it is shown: on every page, in the
search index, in finding messages. A value the config or an inline suppression allows is
published as written. There is no scanner here: the rules' own `hits` find the values and
lint's own filters (`rules.engine.reported`) decide which of them are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from journeyops_cli.findings import Finding
from journeyops_cli.models import Insight, Journey

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.models.base import Record
    from journeyops_cli.pipeline import Selection
    from journeyops_cli.rules.privacy.scan import Hit, PersonalDataRule

PRIVACY_CODES = frozenset({"JO501", "JO502", "JO503"})


def published_mask(rule: PersonalDataRule) -> str:
    """What a page shows in place of a value `rule` reports: its finding's mask without
    `*` (Markdown emphasis in descriptions and summaries), so it reads the same in every
    field, Markdown or plain."""
    return rule.mask.replace("*", "•")


@dataclass(slots=True)
class Withheld:
    """The privacy findings validation reports on a bank, and the masking of their values."""

    rules: list[PersonalDataRule] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    masks: dict[str, str] = field(default_factory=dict)
    """Each reported value and what is shown in its place."""
    _pattern: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        if self.masks:
            # Longest first, so a value inside a longer reported value masks as the longer one.
            values = sorted(self.masks, key=lambda v: (-len(v), v))
            self._pattern = re.compile("|".join(re.escape(v) for v in values))

    def text(self, text: str) -> str:
        """`text` with every reported value masked."""
        if self._pattern is None or self._pattern.search(text) is None:
            return text
        return self._pattern.sub(lambda m: self.masks[m.group()], text)

    def anywhere(self, text: str) -> str:
        """`text` that is not part of the bank (a commit subject): every value an active
        privacy rule finds in it is masked, as well as every reported value."""
        spans = sorted(
            (start, end, published_mask(rule)) for rule in self.rules for start, end in rule.spans(text)
        )
        kept: list[tuple[int, int, str]] = []
        for start, end, mask in spans:
            if not kept or start >= kept[-1][1]:
                kept.append((start, end, mask))
        for start, end, mask in reversed(kept):
            text = text[:start] + mask + text[end:]
        return self.text(text)

    def record(self, record: Record) -> Record:
        """`record` with every reported value masked (the same object when it has none);
        an insight's evidence link that held one is dropped: a masked URL is a broken link."""
        masked = self._value(record)
        if isinstance(masked, Insight) and isinstance(record, Insight) and masked.evidence != record.evidence:
            masked = masked.model_copy(update={"evidence": None})
        if isinstance(record, Journey):  # the values of the bank's own lanes, kept beside the steps
            lanes = (record.__pydantic_private__ or {}).get("_lanes")
            values = [self._value(step) for step in lanes or ()]
            if any(a is not b for a, b in zip(values, lanes or (), strict=True)):
                masked = masked.model_copy() if masked is record else masked
                masked._lanes = tuple(values)  # type: ignore[attr-defined]
        return masked  # type: ignore[no-any-return]

    def _value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, BaseModel):
            update = {}
            for name in type(value).model_fields:
                item = getattr(value, name)
                new = self._value(item)
                if new is not item:
                    update[name] = new
            return value.model_copy(update=update) if update else value
        if isinstance(value, list):
            items = [self._value(item) for item in value]
            return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
        if isinstance(value, dict):
            mapping = {key: self._value(item) for key, item in value.items()}
            return mapping if any(mapping[key] is not value[key] for key in value) else value
        return value

    def bank(self, bank: Bank) -> tuple[Bank, int]:
        """`bank` with every reported value masked, and how many records changed."""
        if self._pattern is None:
            return bank, 0
        from journeyops_cli.bank import Bank

        records = list(bank.records())
        masked = [self.record(record) for record in records]
        changed = sum(a is not b for a, b in zip(masked, records, strict=True))
        return Bank.build(bank.root, bank.config, masked), changed


def withheld(bank: Bank, files: list[str], selection: Selection) -> Withheld:
    """What validation (with `selection`, the command line's choice of rules: none for
    the site and `render`) reports as personal data in `bank`, whose files are `files`:
    the active privacy rules run on it, and their findings go through the same per-path
    ignores and inline suppressions as in `validate`. A RuleError when the bank's lint
    settings are wrong."""
    from journeyops_cli.rules.engine import place_findings, plan, reported
    from journeyops_cli.rules.privacy.scan import PersonalDataRule

    whole = plan(bank.config, selection, bank.root)
    chosen = whole.only(set(PRIVACY_CODES))
    rules = [rule for rule in chosen.rules if isinstance(rule, PersonalDataRule)]
    hits = _hits(bank, rules, [rule for rule in whole.rules if rule.per_record and not rule.source])
    # Placed first (rules give logical locations; suppressions need lines), so that each
    # hit's finding is the very one `reported` keeps or drops.
    placed = place_findings(bank, [hit.finding for _, hit in hits]) if hits else []
    kept = set(reported(bank, placed, files, chosen)) if hits else set()
    masks: dict[str, str] = {}
    for (rule, hit), finding in zip(hits, placed, strict=True):
        if finding in kept:
            masks.setdefault(hit.value, published_mask(rule))
    return Withheld(rules, sorted(kept, key=Finding.sort_key), masks)


def _hits(bank: Bank, rules: list[PersonalDataRule], linted: list[Any]) -> list[tuple[PersonalDataRule, Hit]]:
    """Each of `rules`' hits on `bank`, rule by rule. With the cache on, the files whose
    content lint's rule memo knows (`rules/memo.py`, kept by the last lint of the
    per-record rules `linted`) give their findings from it, each with the value it
    found (`Where.text`), and only the other files are scanned: the same hits as scanning
    the whole bank (tests/site/test_site_personal_data.py), for a fraction of its cost."""
    from journeyops_cli.rules.privacy.scan import Hit

    def everywhere() -> list[tuple[PersonalDataRule, Hit]]:
        return [(rule, hit) for rule in rules for hit in rule.hits(bank)]

    if not (bank.digests and rules):
        return everywhere()
    from journeyops_cli.rules.memo import RuleMemo

    memo = RuleMemo.open(bank, linted)
    fresh = memo.fresh(bank.digests)
    if not fresh:
        return everywhere()
    rest = bank.part(lambda record: record.source_path not in fresh)
    found: list[tuple[PersonalDataRule, Hit]] = []
    for rule in rules:
        for item in memo.findings(fresh, rule.code):
            value = item.where.text if item.where is not None else None
            if value is None:  # not a finding `hits` made: scan the whole bank instead
                return everywhere()
            found.append((rule, Hit(value, item)))
        found += [(rule, hit) for hit in rule.hits(rest)]
    return found
