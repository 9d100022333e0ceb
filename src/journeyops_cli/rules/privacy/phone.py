"""JO502: a phone number in the bank's text."""

from __future__ import annotations

from collections.abc import Iterator

from journeyops_cli.rules.privacy.detect import Span, phones
from journeyops_cli.rules.privacy.scan import DIGITS_HINT, PersonalDataRule


class PhoneNumber(PersonalDataRule):
    """A phone number (+358 or a Finnish mobile number such as 040 123 4567) appears in
    an insight or other text of the bank.

    Feedback must be anonymised before it enters the bank: a phone number identifies a
    person, and git keeps every version of the file forever. The finding shows
    `+*** *** ****`, never the number. A service's public switchboard can be allowed with
    the `allow` option (e.g. `+358 9 310 *`). Digits of any script count: a number typed
    in fullwidth (`０４０ １２３ ４５６７`) or Arabic-Indic digits is found too.

    Failing:

        summary: Call back the customer at 040 123 4567 about the decision.

    Fixed:

        summary: The customer asked to be called back about the decision.
    """

    code = "JO502"
    name = "privacy.phone"
    groups = ("privacy",)
    what = "phone number"
    min_digits = 9  # counted by `phones`
    hint = DIGITS_HINT
    mask = "+*** *** ****"

    def detect(self, text: str) -> Iterator[Span]:
        return phones(text)
