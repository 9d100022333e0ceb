"""JO308: an evidence link that is not http, https or mailto."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from journeyops_cli.findings import Finding, printable
from journeyops_cli.render.safety import ALLOWED_SCHEMES, safe_url
from journeyops_cli.rules.base import Rule

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.models.base import Record


class UnsafeLink(Rule):
    """An insight's evidence link or an opportunity's delivery link is not an http, https
    or mailto address.

    Evidence links become clickable links on the journey bank site. A `javascript:` or
    `data:` address would run code in the browser of everyone who opens the page, and a
    relative path or a `file:` address leads nowhere for most readers. The site never
    makes such a value a link (it is shown as plain text), and `validate` reports it so it
    can be fixed at the source. Upper case and leading spaces do not hide the scheme.

    Failing:

        evidence: " JavaScript:alert(1)"

    Fixed:

        evidence: https://example.org/research/daycare-2026
    """

    code = "JO308"
    name = "link.unsafe-url"
    groups = ("evidence", "safety")
    per_record = True

    def check(self, bank: Bank) -> Iterator[Finding]:
        for insight in bank.insights():
            if insight.evidence is not None and safe_url(insight.evidence) is None:
                yield self._unsafe(insight, ("evidence",), "evidence", insight.evidence)
        for opportunity in bank.opportunities():
            for index, item in enumerate(opportunity.delivery):
                if item.url is not None and safe_url(item.url) is None:
                    yield self._unsafe(opportunity, ("delivery", index, "url"), "delivery", item.url)

    def _unsafe(self, record: Record, path: tuple[Any, ...], what: str, url: str) -> Finding:
        shown = printable(url.strip())
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        return self.at(
            record,
            path,
            f"{what} link '{shown}' is not allowed: only " + ", ".join(ALLOWED_SCHEMES) + " links become links",
            "link to the material with a full https:// address" if what == "evidence"
            else "link to the item with a full https:// address",
        )
