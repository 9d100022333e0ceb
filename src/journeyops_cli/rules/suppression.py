"""JO901: an inline suppression that suppresses nothing."""

from __future__ import annotations

from journeyops_cli.findings import Severity
from journeyops_cli.rules.base import Rule


class UnusedSuppression(Rule):
    """A `# journeyops: ignore[...]` or `ignore-file[...]` comment suppresses nothing, or
    names a rule that does not exist.

    Suppressions are for findings that are deliberate; once the finding is fixed, the
    comment stays behind and would silently hide the next real problem on that line.
    This finding is made after all rules ran; a rule that did not run (not selected)
    does not make its suppression unused.

    Failing (the insight is linked, JO301 no longer fires):

        steps: [daycare-application#send-application]  # journeyops: ignore[JO301]

    Fixed:

        steps: [daycare-application#send-application]
    """

    code = "JO901"
    name = "noqa.unused"
    groups = ("suppression",)
    severity = Severity.INFO
    source = True  # made by the suppression step, not by a check on the Bank
