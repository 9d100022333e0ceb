"""JO404: two journeys look like the same journey (the silo problem)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from journeyops_cli.bank import key_of
from journeyops_cli.findings import SEE_LINE, Finding, Severity
from journeyops_cli.models.base import text_values, without_marks
from journeyops_cli.models.journey import Journey
from journeyops_cli.rules.base import Rule, RuleOptions, journeys_at, subject
from journeyops_cli.rules.hygiene.similar_pairs import could_reach, similar_pairs, similarity

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank, RecordKey
    from journeyops_cli.bank.replace import Change

WORD = re.compile(r"[a-z0-9]+")
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


class NearDuplicateJourney(Rule):
    """Two journeys, often in different teams, look like the same journey: their titles
    and steps are much alike.

    This is the silo problem that JourneyOps exists to end: two teams map the same
    customer journey separately, their insights and metrics split in two, and neither
    sees the whole. The finding names both journeys so their owners can merge them or
    make one the parent of the other. Journeys in a parent-child line are not compared,
    nor a target (to-be) journey with the journey it improves, nor two targets that
    improve the same journey: they are meant to look alike.
    Similarity is the mean of the word overlap (Jaccard: shared words over all words) of
    the titles and of the step titles, after lower-casing, dropping accents, a light
    stemming (`applying` → `apply`) and dropping common short words. Journeys on different
    levels are compared only when `same_level` is false.

    Every pair is judged, whatever the size of the bank: the rule reports exactly the pairs
    that comparing each journey with every other would report (tested against that on
    generated banks). It does not compare them one by one: it counts the words each
    journey shares with all the others at once, and compares exactly only the pairs that
    share enough title words (at least 2 × threshold − 1 of title overlap) and enough
    step words for the title words they share. The time grows with the square of the
    number of journeys on a level, with a small constant: on the benchmark bank, whose
    small vocabulary makes most journeys share words, finding the pairs takes about 0.1 s
    at 2,000 journeys and 1 s at 10,000.

    Failing (in two teams' folders):

        # journeys/daycare-team/apply-for-daycare.yaml
        kind: Journey
        id: apply-for-daycare
        title: Apply for a daycare place
        steps: [{id: find, title: Find a daycare}, {id: apply, title: Apply}, {id: decision, title: Get the decision}]
        # journeys/family-services/applying-for-daycare.yaml
        kind: Journey
        id: applying-for-daycare
        title: Applying for a daycare place
        steps: [{id: find, title: Find a daycare}, {id: apply, title: Apply}, {id: decision, title: Get the decision}]

    Fixed: one journey `apply-for-daycare`, owned together, or one of them a detailed
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
        journeys = _ordered(bank)
        groups: dict[str, list[int]] = defaultdict(list)
        for number, journey in enumerate(journeys):
            groups[self._group(journey)].append(number)
        pairs: list[tuple[int, int, float]] = []
        for members in groups.values():
            items = [words(journeys[n]) for n in members]
            pairs.extend((members[i], members[j], score) for i, j, score in similar_pairs(items, options.threshold))
        return self._reported(bank, journeys, pairs)

    def affected(self, change: Change, found: list[Finding]) -> set[RecordKey]:
        """Besides the changed journeys: those a finding before compared with a changed
        record, those like a changed journey now, and the journeys in the lineage (before
        or after) of a changed one, since which pairs are compared depends on it."""
        touched = change.touched()
        keys = {subject(item) for item in found
                if item.see is not None and (item.see[0], item.see[1].document) in touched}
        changed = journeys_at(change.after, touched)
        journeys = _ordered(change.after)
        titles = [title_words(journey) for journey in journeys]
        for journey in changed:
            keys.update(key_of(journeys[n]) for n, _ in self._like(journey, journeys, titles))
        ids = change.changed_ids(Journey) | {j.id for j in (*changed, *journeys_at(change.before, touched))}
        for bank in (change.before, change.after):
            keys.update(_lineage(bank, ids))
        return {key for key in keys if key is not None}

    def check_at(self, bank: Bank, keys: set[RecordKey]) -> Iterator[Finding]:
        journeys = _ordered(bank)
        wanted = {key_of(journey) for journey in journeys_at(bank, keys)}
        titles = [title_words(journey) for journey in journeys]
        pairs = [
            (number, other, score)
            for number, journey in enumerate(journeys) if key_of(journey) in wanted
            for other, score in self._like(journey, journeys[:number], titles)
        ]
        return self._reported(bank, journeys, pairs)

    def _group(self, journey: Journey) -> str:
        return journey.level if self.options.same_level else ""  # type: ignore[attr-defined]

    def _like(
        self, journey: Journey, others: list[Journey], titles: list[frozenset[str]]
    ) -> Iterator[tuple[int, float]]:
        """(n, similarity) of every other journey `others[n]` of the journey's group that is
        as like it as `threshold` asks (`titles[n]`: its title words), compared exactly as
        `similar_pairs` compares them."""
        threshold = self.options.threshold  # type: ignore[attr-defined]
        group = self._group(journey)
        mine = words(journey)
        for number, other in enumerate(others):
            if other is journey or self._group(other) != group or not could_reach(mine[0], titles[number], threshold):
                continue
            score = similarity(mine, words(other))
            if score >= threshold:
                yield number, score

    def _reported(self, bank: Bank, journeys: list[Journey], pairs: list[tuple[int, int, float]]) -> Iterator[Finding]:
        """The findings of the similar `pairs` (numbers in `journeys`: the later one, the
        earlier one, similarity), less those of one lineage or one id."""
        lineage: dict[str, set[str]] = {}

        def ancestors(journey: Journey) -> set[str]:
            if journey.id not in lineage:
                lineage[journey.id] = {a.id for a in bank.ancestors(journey)}
            return lineage[journey.id]

        for number, other, score in sorted(pairs):
            journey, first = journeys[number], journeys[other]
            if first.id in ancestors(journey) or journey.id in ancestors(first) or first.id == journey.id:
                continue
            if _as_is_and_to_be(journey, first):
                continue
            yield self._finding(journey, first, score)

    def _finding(self, journey: Journey, first: Journey, score: float) -> Finding:
        teams = ""
        if journey.team != first.team:
            teams = f" (teams {journey.team or 'none'} and {first.team or 'none'})"
        return self.at(
            journey, ("title",),
            f"journey '{journey.id}' looks like journey '{first.id}' at {first.source_path}:{SEE_LINE}"
            f"{teams}: similarity {score:.2f}",
            "merge them, or make one the parent of the other; suppress this line if they really differ",
            see=(first, ("id",)),
        )


def _as_is_and_to_be(one: Journey, other: Journey) -> bool:
    """Whether one improves the other, or both improve the same journey."""
    return one.improves == other.id or other.improves == one.id or (
        one.improves is not None and one.improves == other.improves
    )


def words(journey: Journey) -> tuple[frozenset[str], frozenset[str]]:
    """The words of a journey's title and of its steps' titles that JO404 compares."""
    return title_words(journey), _tokens(v for s in journey.steps for v in text_values(s.title))


def title_words(journey: Journey) -> frozenset[str]:
    return _tokens(text_values(journey.title))


def _ordered(bank: Bank) -> list[Journey]:
    """The bank's journeys in the order pairs are made in: a finding is on the later one."""
    return sorted(bank.journeys(), key=lambda j: (j.source_path, j.source_document, j.id))


def _lineage(bank: Bank, ids: set[str]) -> set[RecordKey]:
    """The places of the journeys of `ids` in `bank`, of every journey beneath them and of
    every journey above them."""
    found: dict[str, Journey] = {}
    pending = [journey for journey_id in ids if (journey := bank.get(Journey, journey_id)) is not None]
    pending += [child for journey_id in ids for child in bank.children.get(journey_id, ())]
    while pending:
        journey = pending.pop()
        if journey.id in found:
            continue
        found[journey.id] = journey
        pending.extend(bank.children.get(journey.id, ()))
    keys = {key_of(journey) for journey in found.values()}
    for journey in list(found.values()):
        keys.update(key_of(ancestor) for ancestor in bank.ancestors(journey))
    return keys


def fold(text: str) -> str:
    """Lower case without accents: `Päätös` -> `paatos`."""
    return without_marks(text.lower())


# word -> its token ("" for a word that is no token); a bank's vocabulary is small next
# to its word count, so each word is judged once (up to this many words are kept).
_TOKEN_OF: dict[str, str] = {}
_TOKENS_KEPT = 200_000


def _token(word: str) -> str:
    return _stem(word) if len(word) > 2 and word not in STOPWORDS else ""


# text -> its tokens: step titles repeat across journeys ("Apply", "Get the decision"),
# and a judged change reads every title twice (up to this many texts are kept).
_TOKENS_OF_TEXT: dict[str, frozenset[str]] = {}
_TEXTS_KEPT = 100_000


def _tokens(texts: object) -> frozenset[str]:
    found: set[str] = set()
    for text in texts:  # type: ignore[attr-defined]
        tokens = _TOKENS_OF_TEXT.get(text)
        if tokens is None:
            tokens = _text_tokens(str(text))
            if len(_TOKENS_OF_TEXT) < _TEXTS_KEPT:
                _TOKENS_OF_TEXT[text] = tokens
        found |= tokens
    return frozenset(found)


def _text_tokens(text: str) -> frozenset[str]:
    words: set[str] = set()
    known = _TOKEN_OF
    for word in WORD.findall(fold(text)):
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
