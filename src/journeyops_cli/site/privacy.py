"""Personal data in insight text: found, masked, or refused before the site is written.

Insights are pasted from customer feedback, so an email address, a phone number or a
Finnish personal identity code can slip in. The site never publishes them: by config it
either masks them (`redact`) or stops the build naming each place (`refuse`). Messages
never repeat the personal data itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from journeyops_cli.models import Insight
from journeyops_cli.rules.privacy.detect import Span, emails, identity_codes, phones

# The same detectors (and codes) as the privacy lint rules, so the site and `validate`
# agree on what is personal data.
MASKS: tuple[tuple[str, Callable[[str], Iterator[Span]], str], ...] = (
    ("an email address", emails, "***@***"),
    ("a personal identity code", identity_codes, "******-****"),
    ("a phone number", phones, "+*** *** ****"),
)
CODES = {"an email address": "JO501", "a phone number": "JO502", "a personal identity code": "JO503"}
FIELDS = ("title", "summary", "source", "evidence", "tags")
MARKDOWN_FIELDS = ("summary",)


@dataclass(frozen=True, slots=True)
class PersonalData:
    """One kind of personal data found in one field of an insight."""

    insight: Insight
    path: tuple[Any, ...]
    what: str


def mask(text: str, markdown: bool = False) -> str:
    """`text` with every email address, identity code and phone number masked; in
    Markdown the masks are escaped so they show as written, not as emphasis."""
    if not may_hold(text):
        return text
    for _, find, replacement in MASKS:
        if markdown:
            replacement = replacement.replace("*", "\\*").replace("+", "\\+")
        spans = list(find(text))
        for start, end in reversed(spans):
            text = text[:start] + replacement + text[end:]
    return text


def found_in(text: str) -> list[str]:
    """What kinds of personal data `text` holds (in the order of MASKS)."""
    if not may_hold(text):
        return []
    return [what for what, find, _ in MASKS if next(iter(find(text)), None) is not None]


# Every detector needs an "@" (email) or nine digits (phone number, identity code); most
# texts have neither and are not searched (tests/site check this against the detectors).
_NOT_DIGITS = re.compile(r"\D+")  # the detectors' `\d`: any Unicode decimal digit
FEWEST_DIGITS = 9


def may_hold(text: str) -> bool:
    """False when no detector can find anything in `text` (no "@", fewer than nine digits)."""
    return "@" in text or len(_NOT_DIGITS.sub("", text)) >= FEWEST_DIGITS


def _strings(insight: Insight) -> list[tuple[tuple[Any, ...], str]]:
    items: list[tuple[tuple[Any, ...], str]] = []
    for name in FIELDS:
        value = getattr(insight, name)
        if isinstance(value, str):
            items.append(((name,), value))
        elif isinstance(value, dict):
            items += [((name, lang), text) for lang, text in sorted(value.items())]
        elif isinstance(value, list):
            items += [((name, i), text) for i, text in enumerate(value)]
    return items


def scan(insights: list[Insight]) -> list[PersonalData]:
    """Every field of every insight that holds personal data."""
    return [
        PersonalData(insight, path, what)
        for insight in insights
        for path, text in _strings(insight)
        for what in found_in(text)
    ]


def redacted(insight: Insight) -> Insight:
    """A copy of `insight` with personal data masked; an evidence link that held any is
    dropped (a masked URL would be a broken link)."""
    update: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(insight, name)
        if name == "evidence":
            if isinstance(value, str) and found_in(value):
                update[name] = None
        elif isinstance(value, str):
            update[name] = mask(value, name in MARKDOWN_FIELDS)
        elif isinstance(value, dict):
            update[name] = {lang: mask(text, name in MARKDOWN_FIELDS) for lang, text in value.items()}
        elif isinstance(value, list):
            update[name] = [mask(text) for text in value]
    return insight.model_copy(update=update)
