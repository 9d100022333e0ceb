"""JO404: two journeys look like the same journey (the silo problem)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.models.base import text_values, without_marks
from journeyops_cli.rules.base import Rule, RuleOptions

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.models import Journey

WORD = re.compile(r"[a-z0-9]+")
# Words shared by more journeys than this do not find candidates (they say little).
MAX_POSTING = 200
# Words too common in journey titles to tell journeys apart (fi, sv, en).
STOPWORDS = frozenset(
    "the and for of to a an in on with your you my at by from or "  # noqa: SIM905 - a list of words
    "ja tai sekä sen on ei kun jos että myös "
    "och att en ett för med till av som på i".split()
)


class Options(RuleOptions):
    threshold: Annotated[float, Field(gt=0, le=1)] = 0.6
    """Similarity (0-1) from which two journeys are reported."""
    same_level: bool = True
    """Compare only journeys on the same level."""
    candidates: Annotated[int, Field(gt=0)] = 8
    """How many of a journey's rarest words are used to find others to compare with."""


class NearDuplicateJourney(Rule):
    """Two journeys, often in different teams, look like the same journey: their titles
    and steps are much alike.

    This is the silo problem that JourneyOps exists to end: two teams map the same
    customer journey separately, their insights and metrics split in two, and neither
    sees the whole. The finding names both journeys so their owners can merge them or
    make one the parent of the other. Journeys in a parent-child line are not compared.
    Similarity is the mean of the word overlap (Jaccard) of the titles and of the step
    titles; only journeys sharing a rare word are compared, so big banks stay fast.

    Failing (in two teams' folders):

        id: daycare-application          | id: applying-for-daycare
        title: Apply for a daycare place | title: Applying for a daycare place
        steps: find, apply, decision     | steps: find, apply, decision

    Fixed: one journey `daycare-application`, owned together, or one of them a detailed
    journey under the other.
    """

    code = "JO404"
    cost = 2
    name = "journey.near-duplicate"
    groups = ("hygiene", "silo")
    severity = Severity.WARNING
    Options = Options

    def check(self, bank: Bank) -> Iterator[Finding]:
        options: Options = self.options  # type: ignore[assignment]
        journeys = sorted(bank.journeys(), key=lambda j: (j.source_path, j.source_document, j.id))
        titles = [_tokens(text_values(j.title)) for j in journeys]
        steps = [_tokens(v for s in j.steps for v in text_values(s.title)) for j in journeys]
        index: dict[str, list[int]] = defaultdict(list)
        for number, words in enumerate(titles):
            for word in words | steps[number]:
                index[word].append(number)
        lineage = {j.id: {a.id for a in bank.ancestors(j)} for j in journeys}
        for number, journey in enumerate(journeys):
            words = titles[number] | steps[number]
            # A word only this journey has finds nobody: start from words shared by a few.
            shared = (w for w in words if len(index[w]) > 1)
            rare = sorted(shared, key=lambda w: (len(index[w]), w))[: options.candidates]
            seen: set[int] = set()
            for word in rare:
                if len(index[word]) > MAX_POSTING:
                    break
                for other in index[word]:
                    if other >= number or other in seen:
                        continue
                    seen.add(other)
                    first = journeys[other]
                    if options.same_level and first.level != journey.level:
                        continue
                    if first.id in lineage[journey.id] or journey.id in lineage[first.id] or first.id == journey.id:
                        continue
                    score = (_jaccard(titles[number], titles[other]) + _jaccard(steps[number], steps[other])) / 2
                    if score >= options.threshold:
                        yield self._finding(bank, journey, first, score)

    def _finding(self, bank: Bank, journey: Journey, first: Journey, score: float) -> Finding:
        line, _ = bank.locate(first, ("id",))
        teams = ""
        if journey.team != first.team:
            teams = f" (teams {journey.team or 'none'} and {first.team or 'none'})"
        return self.at(
            bank, journey, ("title",),
            f"journey '{journey.id}' looks like journey '{first.id}' at {first.source_path}:{line}"
            f"{teams}: similarity {score:.2f}",
            "merge them, or make one the parent of the other; suppress this line if they really differ",
        )


def fold(text: str) -> str:
    """Lower case without accents: `Päätös` -> `paatos`."""
    return without_marks(text.lower())


# word -> its token ("" for a word that is no token); a bank's vocabulary is small next
# to its word count, so each word is judged once (up to this many words are kept).
_TOKEN_OF: dict[str, str] = {}
_TOKENS_KEPT = 200_000


def _token(word: str) -> str:
    return _stem(word) if len(word) > 2 and word not in STOPWORDS else ""


def _tokens(texts: object) -> frozenset[str]:
    words: set[str] = set()
    known = _TOKEN_OF
    for text in texts:  # type: ignore[attr-defined]
        for word in WORD.findall(fold(str(text))):
            token = known.get(word)
            if token is None:
                token = _token(word)
                if len(known) < _TOKENS_KEPT:
                    known[word] = token
            if token:
                words.add(token)
    return frozenset(words)


def _stem(word: str) -> str:
    """A light English stem, so `applying` and `apply`, `places` and `place` meet."""
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)
