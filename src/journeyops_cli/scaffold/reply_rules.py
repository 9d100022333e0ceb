"""The bank's rules that can judge a reply on its own, so that `new` on a terminal refuses
it at its question instead of after the last one: the privacy rules (an e-mail address,
a phone number, an identity code in a text) and JO308 (an evidence link that is not an
http, https or mailto address). Only the rules that would fail `validate` in this bank
(its selection, severities and `fail_on`; the privacy rules' `allow` and `skip_fields`;
not one that `per_path_ignores` names) refuse; the build checks again with every rule."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from journeyops_cli.findings import Severity
from journeyops_cli.render.i18n import rule_words
from journeyops_cli.render.safety import safe_url
from journeyops_cli.rules.privacy.scan import PersonalDataRule, PrivacyOptions

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.rules.base import Rule

LINK_RULE = "JO308"
LINK_FIELDS = ("evidence",)
"""The fields of a new record that JO308 reads as links."""


@dataclass
class ReplyRules:
    """The rules of `bank` that judge one reply (planned when first asked)."""

    bank: Bank

    @cached_property
    def failing(self) -> list[Rule]:
        """The rules that can judge one reply and whose findings fail `validate` here."""
        from journeyops_cli.pipeline import Selection
        from journeyops_cli.rules.engine import plan

        fail_on = Severity.parse(self.bank.config.lint.fail_on)
        chosen = plan(self.bank.config, Selection(), self.bank.root)
        # a rule some paths ignore is left to the build, which knows the new file's path
        somewhere: set[str] = set().union(*(codes for _, codes in chosen.per_path))
        return [rule for rule in chosen.rules if rule.effective_severity >= fail_on and rule.code not in somewhere
                and (isinstance(rule, PersonalDataRule) or rule.code == LINK_RULE)]

    def refusal(self, name: str, texts: list[str], language: str) -> str | None:
        """Why the texts of a reply to the field `name` would fail `validate` (the rule's
        code, title and what to do, in `language`), or None."""
        for rule in self.failing:
            if isinstance(rule, PersonalDataRule):
                options: PrivacyOptions = rule.options  # type: ignore[assignment]
                refused = name not in options.skip_fields and any(
                    next(iter(rule.spans(text)), None) is not None for text in texts)
            else:
                refused = name in LINK_FIELDS and any(safe_url(text) is None for text in texts)
            if refused:
                words = rule_words(rule.code, language)
                return f"{rule.code} {' '.join(words)}" if words else rule.code
        return None
