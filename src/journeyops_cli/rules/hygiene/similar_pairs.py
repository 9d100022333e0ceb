"""Every pair of word sets whose mean Jaccard similarity reaches a threshold, found exactly.

Each item has two word sets (a journey's title words and its step words); the similarity
of two items is the mean of the Jaccard similarity of their first sets and of their second
sets. `similar_pairs` returns exactly the pairs the plain definition (every pair compared)
returns, without comparing every pair one by one: for each item it counts, for all earlier
items at once, how many words they share, with Python integers used as bit sets (bit j
stands for item j) and the counts kept bit-sliced (plane k holds bit k of each count).
Two bounds, both true of every pair that reaches the threshold, pick the few pairs that
are then compared exactly:

- the Jaccard similarity of the first sets is at least 2 x threshold - 1 (the second is
  at most 1), which sets a least number of shared first-set words for each pair of sizes;
- shared first words / own first size + shared second words / own second size is at
  least 2 x threshold (a Jaccard similarity is at most shared / own size).

The work is about (words per item) x (items)^2 / 30 machine-word operations: quadratic,
but with a small constant (one 30-bit digit of a Python integer holds 30 items).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

# Slack for the bounds, so that float rounding in the exact check never makes a bound
# exclude a pair the check accepts.
_SLACK = 1e-9
# Up to this many candidates are compared one by one; more are first narrowed by counting
# their shared second words all at once.
_COMPARE_DIRECTLY = 24
# An item: its first and its second word set.
Item = tuple[frozenset[str], frozenset[str]]


def similar_pairs(
    items: Sequence[Item], threshold: float
) -> Iterator[tuple[int, int, float]]:
    """(i, j, similarity) with j < i for every pair whose similarity is at least
    `threshold` (0 < threshold <= 1), in order of i, then j."""
    firsts: dict[str, int] = {}  # word -> bit set of the earlier items whose first set has it
    seconds: dict[str, int] = {}
    sizes: dict[int, int] = {}  # first-set size -> bit set of the earlier items of that size
    # Each item's sets as bit sets of word numbers, to count shared words exactly.
    first_bits = _word_bits([words for words, _ in items])
    second_bits = _word_bits([others for _, others in items])
    least_jaccard = 2 * threshold - 1 - _SLACK  # of the first sets
    needs_of: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for number, (words, others) in enumerate(items):
        shape = (len(words), len(others))
        needs = needs_of.get(shape)
        if needs is None:
            needs = needs_of[shape] = _needs(*shape, threshold)
        if number and needs:
            shared = _count([firsts[w] for w in words if w in firsts])
            if least_jaccard > 0:
                within = 0
                for size, members in sizes.items():
                    least = math.ceil(least_jaccard * (len(words) + size) / (1 + least_jaccard) - _SLACK)
                    within |= _at_least(shared, least, members)
            else:
                within = (1 << number) - 1
            if within.bit_count() > _COMPARE_DIRECTLY:
                # Count the shared second words of all candidates at once, and keep those
                # that share enough of them for the first words they share.
                shared_others = _count([seconds[w] for w in others if w in seconds])
                found = 0
                for first_least, second_least in needs:
                    these = _at_least(shared, first_least, within)
                    if these:
                        found |= _at_least(shared_others, second_least, these)
                within = found
            mine, my_others = first_bits[number], second_bits[number]
            while within:
                low = within & -within
                within ^= low
                other = low.bit_length() - 1
                theirs, their_others = items[other]
                score = (
                    _ratio((mine & first_bits[other]).bit_count(), len(words) + len(theirs))
                    + _ratio((my_others & second_bits[other]).bit_count(), len(others) + len(their_others))
                ) / 2
                if score >= threshold:
                    yield number, other, score
        bit = 1 << number
        for word in words:
            firsts[word] = firsts.get(word, 0) | bit
        for word in others:
            seconds[word] = seconds.get(word, 0) | bit
        sizes[len(words)] = sizes.get(len(words), 0) | bit


def similarity(one: Item, other: Item) -> float:
    """The similarity of two items, computed as `similar_pairs` computes it."""
    return (_ratio(len(one[0] & other[0]), len(one[0]) + len(other[0]))
            + _ratio(len(one[1] & other[1]), len(one[1]) + len(other[1]))) / 2


def could_reach(first: frozenset[str], other_first: frozenset[str], threshold: float) -> bool:
    """False when two items whose first sets are these cannot reach `threshold` (the first
    bound of the module), whatever their second sets."""
    least = 2 * threshold - 1 - _SLACK
    return least <= 0 or _ratio(len(first & other_first), len(first) + len(other_first)) >= least


def _ratio(shared: int, sizes: int) -> float:
    """The Jaccard similarity of two sets from their shared count and the sum of their sizes
    (0 for two empty sets): the very division `len(a & b) / len(a | b)` makes."""
    union = sizes - shared
    return shared / union if union else 0.0


def _word_bits(sets: list[frozenset[str]]) -> list[int]:
    numbers: dict[str, int] = {}
    return [sum(1 << numbers.setdefault(w, len(numbers)) for w in words) for words in sets]


def _needs(first_size: int, second_size: int, threshold: float) -> list[tuple[int, int]]:
    """(c, d): an earlier item sharing c first words needs at least d shared second words,
    from c / first_size + d / second_size >= 2 x threshold; c from least to most."""
    needs = []
    for shared in range(first_size + 1):
        rest = 2 * threshold - (shared / first_size if first_size else 0.0) - _SLACK
        if rest <= 0:
            needs.append((shared, 0))
        elif second_size:
            least = math.ceil(rest * second_size - _SLACK)
            if least <= second_size:
                needs.append((shared, least))
    return needs


def _count(bit_sets: list[int]) -> list[int]:
    """For every bit position, how many of `bit_sets` have it, bit-sliced: plane k holds
    bit k of each count. A chain of full adders per plane: five operations per bit set."""
    planes: list[int] = []
    level = [b for b in bit_sets if b]
    while level:
        total = level[0]
        carries = []
        last = len(level) - 1
        for k in range(1, last, 2):
            a, b = level[k], level[k + 1]
            half = total ^ a
            carries.append((total & a) | (b & half))
            total = half ^ b
        if last % 2:
            b = level[last]
            carries.append(total & b)
            total ^= b
        planes.append(total)
        level = [c for c in carries if c]
    return planes


def _at_least(planes: list[int], least: int, within: int) -> int:
    """The members of `within` whose count in `planes` is at least `least`."""
    if least <= 0:
        return within
    if least >> len(planes):
        return 0
    more = 0  # members already known to count more than `least`
    same = within  # members whose count so far equals `least` in the bits above
    for bit in range(len(planes) - 1, -1, -1):
        plane = planes[bit]
        if (least >> bit) & 1:
            same &= plane
        else:
            more |= same & plane
            same ^= same & plane
        if not same:
            break
    return more | same
