"""`bank.replace.replaced` equals `Bank.of_results` of the same files, on random edits of the
example bank (tests/random_edits.py)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from tests.random_edits import Editor, load_new, load_results

from journeyops_cli.bank import INDEXES, Bank
from journeyops_cli.bank.replace import replaced
from journeyops_cli.load.files import FileResult
from journeyops_cli.pipeline import load_config

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"


def _same(value: Any) -> Any:
    """A bank's index as comparable data: records by identity, empty entries left out."""
    if isinstance(value, dict):
        return {key: _same(item) for key, item in value.items() if not (isinstance(item, list | set) and not item)}
    if isinstance(value, list):
        return [_same(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_same(item) for item in value)
    if isinstance(value, set):
        return value
    return id(value) if isinstance(value, BaseModel) else value


def assert_equal(got: Bank, want: Bank) -> None:
    assert [(kind, list(map(id, table.values()))) for kind, table in got.by_kind.items()] == [
        (kind, list(map(id, table.values()))) for kind, table in want.by_kind.items()
    ]
    assert [list(table) for table in got.by_kind.values()] == [list(table) for table in want.by_kind.values()]
    assert [(id(d.first), id(d.again)) for d in got.duplicates] == [(id(d.first), id(d.again)) for d in want.duplicates]
    for index in INDEXES:
        assert _same(getattr(got, index)) == _same(getattr(want, index)), index
    assert got.unloaded == want.unloaded
    assert got.unread == want.unread and list(got.unread) == list(want.unread)
    assert got.comments == want.comments
    assert got.digests == want.digests
    assert {path: list(map(id, held)) for path, held in got.files.items()} == {
        path: list(map(id, held)) for path, held in want.files.items()
    }
    assert _same(got.referrers()) == _same(want.referrers())
    for unread in want.unread:
        assert got.did_not_load("Journey", unread) == want.did_not_load("Journey", unread)


def _replace(results: dict[str, FileResult], texts: dict[str, bytes | None], config: Any) -> tuple[
        dict[str, FileResult | None], dict[str, FileResult]]:
    new = {path: load_new(path, data, config) for path, data in texts.items()}
    whole = {path: result for path, result in results.items() if path not in new}
    whole.update((path, result) for path, result in new.items() if result is not None)
    return new, dict(sorted(whole.items()))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1), st.booleans())
def test_replaced_equals_a_bank_built_from_every_file(seed: int, referrers_first: bool) -> None:
    rng = random.Random(seed)
    config = load_config(EXAMPLE)
    results = load_results(EXAMPLE, config)
    bank = Bank.of_results(EXAMPLE, config, results.values(), digests=True)
    if referrers_first:
        bank.referrers()  # the reverse index of references is carried over when it was built
    editor = Editor(rng, EXAMPLE, results)
    for _ in range(2):  # a change to a bank that was itself changed
        new, whole = _replace(results, editor.edit(), config)
        change = replaced(bank, new)
        assert_equal(change.after, Bank.of_results(EXAMPLE, config, whole.values(), digests=True))
        bank, results = change.after, whole


def test_a_metric_that_appears_joins_the_steps_that_name_it() -> None:
    config = load_config(EXAMPLE)
    results = load_results(EXAMPLE, config)
    path = "metrics/daycare-decision-time.yaml"
    without = {p: r for p, r in results.items() if p != path}
    bank = Bank.of_results(EXAMPLE, config, without.values(), digests=False)
    named = [(j.id, s.id) for j in bank.journeys() for s in j.steps if "daycare-decision-time" in s.metrics]
    change = replaced(bank, {path: results[path]})
    assert named and all(
        any(m.id == "daycare-decision-time" for m in change.after.step_metrics[key]) for key in named
    )
    assert_equal(change.after, Bank.of_results(EXAMPLE, config, results.values(), digests=False))
    assert [r.id for r in change.added] == ["daycare-decision-time"] and change.removed == []
