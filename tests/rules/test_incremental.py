"""`lint_change` reports what the whole run (`engine.lint`) reports of the changed bank,
on random edits of the example bank (tests/random_edits.py)."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.random_edits import Editor, load_new, load_results

from journeyops_cli.bank import Bank
from journeyops_cli.bank.replace import replaced
from journeyops_cli.findings import Finding
from journeyops_cli.load.files import FileResult, discover
from journeyops_cli.pipeline import load_config
from journeyops_cli.rules.engine import Selection, lint, plan
from journeyops_cli.rules.incremental import lint_all, lint_change

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"


def _shown(findings: list[Finding]) -> list[tuple[object, ...]]:
    return sorted((*f.sort_key(), f.severity, f.hint or "", f.name or "") for f in findings)


def _loaded(root: Path, results: dict[str, FileResult]) -> tuple[list[Finding], list[str]]:
    config = load_config(root)
    found = discover(root, config.exclude, config.site.out)
    return list(found.findings) + [f for r in results.values() for f in r.findings], found.files


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1))
@example(9729)  # the first round removes a file the second would edit
@example(3_211_717_789)  # the second round edits a file the first rewrote with fewer records
def test_a_change_is_judged_as_the_whole_run_judges_the_changed_bank(seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "bank"
        shutil.copytree(EXAMPLE, root)
        config = load_config(root)
        chosen = plan(config, Selection(), root)
        results = load_results(root, config)
        bank = Bank.of_results(root, config, results.values(), digests=False)
        loaded, files = _loaded(root, results)
        linted = lint_all(bank, loaded, files, chosen)
        assert _shown(linted.findings) == _shown(lint(bank, loaded, files, Selection(), chosen=chosen))
        editor = Editor(rng, root, results)
        for _ in range(2):
            texts = editor.edit()
            for rel, data in texts.items():
                if data is None:
                    (root / rel).unlink(missing_ok=True)
                else:
                    (root / rel).parent.mkdir(parents=True, exist_ok=True)
                    (root / rel).write_bytes(data)
            new = {rel: load_new(rel, data, config) for rel, data in texts.items()}
            results = {rel: r for rel, r in results.items() if rel not in new}
            results.update((rel, r) for rel, r in new.items() if r is not None)
            results = dict(sorted(results.items()))
            editor.results = results  # the next round edits the files as they are now
            loaded, files = _loaded(root, results)
            change = replaced(linted.bank, new)
            written = {rel: data for rel, data in texts.items() if data is not None}
            linted = lint_change(linted, change, loaded, files, written)
            whole = Bank.of_results(root, config, results.values(), digests=False)
            assert _shown(linted.findings) == _shown(lint(whole, loaded, files, Selection(), chosen=chosen))


def test_a_dangling_reference_elsewhere_gets_the_hint_of_the_ids_after_the_change(tmp_path: Path) -> None:
    root = tmp_path / "bank"
    shutil.copytree(EXAMPLE, root)
    opportunity = root / "opportunities" / "housing-automatic-renewal.yaml"
    opportunity.write_text(opportunity.read_text().replace("- housing-application-lapse", "- housing-offer-acceptanc"))
    config = load_config(root)
    chosen = plan(config, Selection(select=["JO102"]), root)
    results = load_results(root, config)
    loaded, files = _loaded(root, results)
    linted = lint_all(Bank.of_results(root, config, results.values(), digests=False), loaded, files, chosen)
    assert [(f.message, f.hint) for f in linted.findings] == [
        ("no metric with id 'housing-offer-acceptanc'", "did you mean 'housing-offer-acceptance'?")
    ]
    # The metric the hint named takes another id: the opportunity is not among the records
    # that point at what changed, but its finding's hint changes.
    rel = "metrics/housing-offer-acceptance.yaml"
    text = (root / rel).read_bytes().replace(b"id: housing-offer-acceptance", b"id: offers-accepted")
    (root / rel).write_bytes(text)
    change = replaced(linted.bank, {rel: load_new(rel, text, config)})
    linted = lint_change(linted, change, loaded, files, {rel: text})
    assert [(f.path, f.message, f.hint) for f in linted.findings] == [
        ("journeys/detailed/housing-application.yaml", "no metric with id 'housing-offer-acceptance'",
         "did you mean 'offers-accepted'?"),
        ("journeys/mid/housing-journey.yaml", "no metric with id 'housing-offer-acceptance'",
         "did you mean 'offers-accepted'?"),
        ("opportunities/housing-automatic-renewal.yaml", "no metric with id 'housing-offer-acceptanc'",
         "did you mean 'offers-accepted'?"),
    ]
