"""JO503: a Finnish personal identity code in the bank's text."""

from __future__ import annotations

from collections.abc import Iterator

from journeyops_cli.rules.privacy.detect import Span, identity_codes
from journeyops_cli.rules.privacy.scan import DIGITS_HINT, PersonalDataRule


class IdentityCode(PersonalDataRule):
    """A Finnish personal identity code (henkilötunnus, e.g. `DDMMYY-NNNC`) with a valid
    check character appears in the bank's text.

    An identity code is the most sensitive personal data a feedback text can hold; it
    must never enter the bank, its git history or the published site. Only codes with a
    possible date and the right check character are reported (all century signs: `+`,
    `-`, `A`-`F`, `U`-`Y`), so dates and case numbers do not trigger it. The finding shows
    `******-****`, never the code.

    Failing:

        summary: Application of 131052-308T was lost.

    Fixed:

        summary: An application was lost.
    """

    code = "JO503"
    name = "privacy.identity-code"
    groups = ("privacy",)
    what = "personal identity code"
    min_digits = 9  # ddmmyy and the individual number
    hint = DIGITS_HINT
    mask = "******-****"

    def detect(self, text: str) -> Iterator[Span]:
        return identity_codes(text)
