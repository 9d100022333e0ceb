"""JO404 finds every pair of near-duplicate journeys that comparing every pair finds, on
banks of any size (its earlier cut-offs lost most pairs at 10,000 journeys)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.rules.test_cases import write_bank

from journeyops_cli.pipeline import load_bank, load_config
from journeyops_cli.rules.hygiene.near_duplicate import NearDuplicateJourney, Options, words
from journeyops_cli.rules.hygiene.similar_pairs import similar_pairs

Sets = tuple[frozenset[str], frozenset[str]]


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def brute_force(items: list[Sets], threshold: float) -> list[tuple[int, int, float]]:
    """The plain definition: every pair compared."""
    found = []
    for i, (title, steps) in enumerate(items):
        for j in range(i):
            score = (jaccard(title, items[j][0]) + jaccard(steps, items[j][1])) / 2
            if score >= threshold:
                found.append((i, j, score))
    return found


word_sets = st.frozensets(st.sampled_from("abcdefghij"), max_size=7)
thresholds = st.one_of(
    st.floats(min_value=0.01, max_value=1.0),
    st.sampled_from([0.5, 0.6, 2 / 3, 0.75, 1.0, 0.1 + 0.2, 0.7, 5 / 6]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(word_sets, word_sets), max_size=40), thresholds)
def test_the_pairs_are_those_brute_force_finds(items: list[Sets], threshold: float) -> None:
    assert list(similar_pairs(items, threshold)) == brute_force(items, threshold)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.sampled_from([0.4, 0.6, 0.8]))
def test_dense_and_sparse_banks_of_a_few_hundred(seed: int, threshold: float) -> None:
    # Enough items that candidates are counted all at once (the path beyond 24 candidates).
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(rng.choice([12, 40, 400]))]
    items = [
        (
            frozenset(rng.sample(vocabulary, rng.randint(0, 6))),
            frozenset(rng.sample(vocabulary, rng.randint(0, min(30, len(vocabulary))))),
        )
        for _ in range(rng.randint(30, 200))
    ]
    assert list(similar_pairs(items, threshold)) == brute_force(items, threshold)


def test_identical_sets_and_empty_sets() -> None:
    same = (frozenset({"apply", "daycare"}), frozenset({"find", "send"}))
    empty: Sets = (frozenset(), frozenset())
    assert list(similar_pairs([same, empty, same, empty], 0.6)) == [(2, 0, 1.0)]
    assert list(similar_pairs([empty, empty], 0.01)) == []


# A bank with planted near-duplicates -------------------------------------------------

VOCABULARY = [
    f"{a}{b}" for a in ("daycar", "school", "permit", "parki", "healt", "libra", "sport", "housi", "taxre", "welfa")
    for b in ("form", "queue", "visit", "letter", "decide", "pay", "book", "appeal", "renew", "check")
]  # 100 words: at 2,000 journeys most are shared by hundreds of journeys


def journey(jid: str, level: str, title: list[str], steps: list[list[str]], team: str, parent: str | None) -> str:
    lines = [f"kind: Journey\nid: {jid}\ntitle: {' '.join(title).capitalize()}\nlevel: {level}\nteam: {team}\n"]
    if parent:
        lines.append(f"parent: {parent}\n")
    lines.append("steps:\n")
    lines.extend(f"  - {{id: s{n}, title: {' '.join(step)}}}\n" for n, step in enumerate(steps))
    return "".join(lines)


def planted_bank(root: Path, journeys: int, seed: int) -> tuple[Path, set[tuple[str, str]]]:
    """`journeys` journeys in files of 25, a tenth of them near-copies of another journey
    (a word of the title and one of a step changed, another team); some copies are the original's child."""
    rng = random.Random(seed)
    docs: list[str] = []
    planted: set[tuple[str, str]] = set()
    made: list[tuple[str, str, list[str], list[list[str]]]] = []
    for n in range(journeys):
        level = rng.choice(["top", "mid", "mid", "detailed"])
        if made and n % 10 == 9:
            jid0, level, title0, steps0 = rng.choice(made)
            title = [*title0]
            title[rng.randrange(len(title))] = rng.choice(VOCABULARY)
            steps = [[*s] for s in steps0]
            steps[rng.randrange(len(steps))][0] = rng.choice(VOCABULARY)
            jid = f"copy-{n:05d}"
            child = level != "detailed" and rng.random() < 0.3
            deeper = {"top": "mid", "mid": "detailed"}
            docs.append(journey(jid, deeper[level] if child else level, title, steps, f"team-{n}",
                                jid0 if child else None))
            if not child:
                planted.add((jid, jid0))
            continue
        title = rng.sample(VOCABULARY, rng.randint(3, 5))
        steps = [rng.sample(VOCABULARY, rng.randint(2, 4)) for _ in range(rng.randint(3, 8))]
        jid = f"journey-{n:05d}"
        made.append((jid, level, title, steps))
        docs.append(journey(jid, level, title, steps, f"team-{n}", None))
    files = {f"journeys/j{k:04d}.yaml": "---\n".join(docs[k : k + 25]) for k in range(0, len(docs), 25)}
    return write_bank(root, files), planted


@pytest.mark.parametrize("journeys", [200, 2000])
def test_every_pair_brute_force_finds_on_a_bank_with_planted_pairs(tmp_path: Path, journeys: int) -> None:
    root, planted = planted_bank(tmp_path, journeys, seed=journeys)
    bank = load_bank(root, load_config(root), cache=False).bank
    rule = NearDuplicateJourney()
    reported = set()
    for finding in rule.check(bank):
        named = finding.message.split("'")
        reported.add((named[1], named[3]))
    in_order = sorted(bank.journeys(), key=lambda j: (j.source_path, j.source_document, j.id))
    expected = set()
    for level in ("top", "mid", "detailed"):  # every pair on the same level
        on_level = [one for one in in_order if one.level == level]
        for i, j, _ in brute_force([words(one) for one in on_level], Options().threshold):
            one, other = on_level[i], on_level[j]
            lineage = {a.id for a in bank.ancestors(one)} | {a.id for a in bank.ancestors(other)}
            if not {one.id, other.id} & lineage:
                expected.add((one.id, other.id))
    assert reported == expected
    assert planted <= reported
    assert len(planted) >= journeys // 20
