"""What the privacy rules share: scan every string of every record, locate each hit at
its exact line and column, and never repeat the personal data in the message."""

from __future__ import annotations

import fnmatch
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress
from operator import methodcaller
from typing import TYPE_CHECKING, Any, ClassVar

from journeyops_cli.findings import Finding
from journeyops_cli.models import Journey
from journeyops_cli.rules.base import Rule, RuleOptions
from journeyops_cli.rules.privacy.detect import AT_SIGNS, Span, plain
from journeyops_cli.rules.walk import matching_strings, string_list

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.models.base import Record


class PrivacyOptions(RuleOptions):
    allow: list[str] = []
    """Values that are not personal (e.g. a service's public mailbox or switchboard),
    as glob patterns: `*@hel.fi`, `+358 9 310 *`."""
    skip_fields: list[str] = ["contact"]
    """Field names whose values are not scanned (a Team's `contact` is a shared channel)."""


# What every detector needs to find anything: an `@` (e-mail; `＠` counts) or three
# digits in a row (phone numbers and identity codes; `\d` is a digit of any script).
# Strings without either are never scanned.
EMAIL_HINT = re.compile(f"[{AT_SIGNS}]")
DIGITS_HINT = re.compile(r"\d\d\d")
ANY_HINT = re.compile(f"[{AT_SIGNS}]|\\d\\d\\d")  # either: what lint and import scan at all

Scanned = list[tuple["Record", tuple[Any, ...], str]]
# Per bank: the strings of every record that any detector could match, in walk order
# (record order, then field order), shared by the three rules.
_CANDIDATES: weakref.WeakKeyDictionary[Any, Scanned] = weakref.WeakKeyDictionary()


def candidates(bank: Bank) -> Scanned:
    """(record, path, string) for each free-text string that contains an `@` or three
    digits (ids, references and fixed choices cannot hold personal data: their values
    are checked patterns); computed once per bank."""
    found = _CANDIDATES.get(bank)
    if found is None:
        found = []
        hint = ANY_HINT.search
        lanes = bank.config.lanes
        for record in bank.records():
            found += [(record, path, value) for path, value in matching_strings(record, hint, free_text_only=True)]
            if lanes and isinstance(record, Journey):
                found += [(record, path, value) for path, value in lane_strings(bank, record, hint)]
        _CANDIDATES[bank] = found
    return found


def lane_strings(bank: Bank, journey: Journey, test: Any) -> list[tuple[tuple[Any, ...], str]]:
    """The strings of the journey's values of the bank's own text and list lanes (a
    choice is one of the lane's declared ids, a number no text), for which `test(string)`
    is not None; their paths are the steps' keys in the file."""
    lanes = bank.config.lanes
    found: list[tuple[tuple[Any, ...], str]] = []
    for index in range(len(journey.steps)):
        for lane_id, value in journey.lanes_of(index).items():
            if lanes[lane_id].type in ("text", "list"):
                found += matching_strings(value, test, ("steps", index, lane_id))
    return found


def _any(_text: str) -> bool:
    return True


_NOT_DIGITS = bytes(b for b in range(256) if not 0x30 <= b <= 0x39)
_digits_of = methodcaller("translate", None, _NOT_DIGITS)
_NOT_DIGITS_OR_LINE = _NOT_DIGITS.replace(b"\n", b"")


def may_hold(rules: list[PersonalDataRule], texts: list[str]) -> list[int]:
    """The indices of the texts in which any of `rules` may find something (a superset;
    run the rules on those alone): each rule's `signs` or `min_digits`, checked for many
    texts at once. Digits are counted in Latin-1 or UTF-8 bytes (ASCII digits only), so a
    text that `plain` may change (digits of other scripts) is always kept."""
    if not texts:
        return []
    joined = "\n".join(texts)
    signs = "".join({s for r in rules for s in r.signs if s in joined})
    digits = min((r.min_digits for r in rules if r.min_digits), default=0)
    if any(not r.signs and not r.min_digits for r in rules):
        return list(range(len(texts)))
    keep = [False] * len(texts)
    if digits:
        try:
            data = joined.encode("latin-1")  # a copy (0.1 ms for 100,000 texts; UTF-8, a transcoding: 5 ms)
        except UnicodeEncodeError:
            data = joined.encode()
        lines = data.translate(None, _NOT_DIGITS_OR_LINE).split(b"\n")  # each line's digits in one pass
        if len(lines) != len(texts):  # a text holds a line break: each text's digits
            lines = list(map(_digits_of, map(str.encode, texts)))
        keep = [count >= digits for count in map(len, lines)]
        if plain(joined) is not joined:
            for index, text in enumerate(texts):
                if plain(text) is not text:
                    keep[index] = True
    if signs:
        for index, text in enumerate(texts):
            if any(s in text for s in signs):
                keep[index] = True
    return list(compress(range(len(texts)), keep))


@dataclass(frozen=True, slots=True)
class Hit:
    """A value a privacy rule reports, and its finding (which never shows the value)."""

    value: str
    finding: Finding


class PersonalDataRule(Rule):
    """Base of the privacy rules (not registered)."""

    what: ClassVar[str]
    mask: ClassVar[str]
    Options = PrivacyOptions
    cost = 2.0
    together = "privacy"  # they share one scan of every string
    per_record = True
    # A pattern every string with a hit contains (a cheap pre-filter); None scans every
    # string.
    hint: ClassVar[re.Pattern[str] | None] = None
    # Cheaper still, for many texts at once (`may_hold`): one of these characters is in
    # every hit, or every hit holds at least this many decimal digits.
    signs: ClassVar[str] = ""
    min_digits: ClassVar[int] = 0

    def check(self, bank: Bank) -> Iterator[Finding]:
        for hit in self.hits(bank):
            yield hit.finding

    def hits(self, bank: Bank) -> Iterator[Hit]:
        """Each value this rule reports, with its record, field path and finding (the
        site and `render` withhold the values whose findings survive suppression)."""
        options: PrivacyOptions = self.options  # type: ignore[assignment]
        skip = set(options.skip_fields)
        if self.hint is None:
            lanes = bank.config.lanes
            scanned: Scanned = [
                (record, path, value)
                for record in bank.records()
                for path, value in (
                    [*string_list(record), *lane_strings(bank, record, _any)]
                    if lanes and isinstance(record, Journey) else string_list(record)
                )
                if path[:1] not in (("id",), ("kind",))
            ]
            hint = None
        else:
            scanned = candidates(bank)
            hint = self.hint.search
        for record, path, value in scanned:
            if hint is not None and hint(value) is None:
                continue
            if skip and any(isinstance(p, str) and p in skip for p in path):
                continue
            for start, end in self.spans(value):
                found = value[start:end]
                yield Hit(found, self._finding(record, path, found))

    def spans(self, text: str) -> Iterator[Span]:
        """Spans of `text` this rule reports: what `detect` finds that the `allow`
        option does not allow."""
        allow = [p.lower() for p in self.options.allow]  # type: ignore[attr-defined]
        for start, end in self.detect(text):
            if not any(fnmatch.fnmatchcase(text[start:end].lower(), p) for p in allow):
                yield start, end

    def detect(self, text: str) -> Iterator[Span]:
        """Spans of personal data in `text`; each privacy rule (email, phone,
        identity code) defines its own detector."""
        raise NotImplementedError

    def _finding(self, record: Record, path: tuple[object, ...], found: str) -> Finding:
        return self.at(
            record, path,
            f"{self.what} ({self.mask}) in `{'.'.join(str(p) for p in path)}`: "
            "personal data must be removed before text enters the bank",
            "anonymise the text, or list a public service value in this rule's `allow` option",
            text=found,
        )
