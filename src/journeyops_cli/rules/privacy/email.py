"""JO501: an e-mail address in the bank's text."""

from __future__ import annotations

from collections.abc import Iterator

from journeyops_cli.rules.privacy.detect import AT_SIGNS, Span, emails
from journeyops_cli.rules.privacy.scan import EMAIL_HINT, PersonalDataRule


class EmailAddress(PersonalDataRule):
    """An e-mail address appears in an insight or other text of the bank.

    Feedback and interview notes must be anonymised before they enter the bank: the bank
    is plain files in git, read by many teams and published as a site, and git keeps
    every version forever. An address names a person. The finding shows `***@***`, never
    the address. Public service mailboxes can be allowed with the `allow` option; a
    Team's `contact` is not scanned. Fullwidth forms count (`ｍａｔｔｉ＠ｅｘａｍｐｌｅ．ｆｉ`).

    Failing:

        kind: Insight
        id: login-trouble
        summary: Customer (matti.meikalainen@example.com) could not log in.

    Fixed:

        summary: A customer could not log in.
    """

    code = "JO501"
    cost = 9
    name = "privacy.email"
    groups = ("privacy",)
    what = "e-mail address"
    signs = AT_SIGNS
    hint = EMAIL_HINT
    mask = "***@***"

    def detect(self, text: str) -> Iterator[Span]:
        return emails(text)
