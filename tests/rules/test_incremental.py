"""`lint_change` reports what the whole run (`engine.lint`) reports of the changed bank,
on random edits of the example bank (tests/random_edits.py)."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.random_edits import Editor, load_new, load_results, write_edits, written

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
            write_edits(root, texts)
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


def _journey_edits(rng: random.Random, root: Path, count: int) -> dict[str, bytes | None]:
    """Edits that make and break near-duplicate journeys: copies under new ids, titles and
    steps taken from another journey, parents and levels changed, journeys removed."""
    import yaml

    journeys: dict[str, dict[str, object]] = {}
    for path in sorted((root / "journeys").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("kind") == "Journey":
            journeys[path.relative_to(root).as_posix()] = data
    out: dict[str, bytes | None] = {}
    paths = sorted(journeys)
    ids = [str(data["id"]) for data in journeys.values()] + ["nobody"]
    for _ in range(count):
        path = rng.choice(paths)
        data = dict(journeys[path])
        roll = rng.random()
        if roll < 0.1:
            out[path] = None
            continue
        if roll < 0.4:  # a copy, before or after the others in file order
            data["id"] = f"copy-{rng.randrange(5)}"
            path = f"journeys/{rng.choice(['aa', 'zz', 'mid'])}/copy-{rng.randrange(3)}.yaml"
        other = journeys[rng.choice(paths)]
        by_id = {str(j["id"]): j for j in journeys.values()}
        above = by_id.get(str(data.get("parent")))
        if above is not None and rng.random() < 0.5:  # like a journey of its own lineage
            other = by_id.get(str(above.get("parent")), above) if rng.random() < 0.5 else above
        for _ in range(rng.randint(1, 2)):
            what = rng.random()
            if what < 0.3:
                data["title"] = other["title"]
            elif what < 0.5:
                data["steps"] = other["steps"]
            elif what < 0.75:
                data["parent"] = rng.choice(ids)
            elif what < 0.85:
                data.pop("parent", None)
            else:
                data["level"] = rng.choice(["top", "mid", "detailed"])
        out[path] = written([data], rng) or yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    return out


def test_near_duplicates_are_judged_as_the_whole_run_judges_them() -> None:
    """JO404 answers `affected` (pairs with a changed journey, before and after, and the
    lineage of one): on edits that make and break near-duplicates its judged findings are
    the whole run's, and the edits do make some."""
    from journeyops_cli.rules.hygiene.near_duplicate import Options

    seen = 0
    for seed in range(30):
        rng = random.Random(seed)
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch) / "bank"
            shutil.copytree(EXAMPLE, root)
            config = load_config(root)
            chosen = plan(config, Selection(select=["JO404"]), root)
            chosen.rules[0].options = Options(threshold=rng.choice([0.3, 0.6, 0.9]), same_level=rng.random() < 0.7)
            results = load_results(root, config)
            loaded, files = _loaded(root, results)
            linted = lint_all(Bank.of_results(root, config, results.values(), digests=False), loaded, files, chosen)
            for _ in range(3):
                texts = _journey_edits(rng, root, rng.randint(1, 3))
                write_edits(root, texts)
                new = {rel: load_new(rel, data, config) for rel, data in texts.items()}
                results = {rel: r for rel, r in results.items() if rel not in new}
                results.update((rel, r) for rel, r in new.items() if r is not None)
                results = dict(sorted(results.items()))
                loaded, files = _loaded(root, results)
                linted = lint_change(linted, replaced(linted.bank, new), loaded, files)
                whole = Bank.of_results(root, config, results.values(), digests=False)
                expected = _shown(lint(whole, loaded, files, Selection(), chosen=chosen))
                assert _shown(linted.findings) == expected, seed
                seen += sum(1 for item in expected if item[3] == "JO404")
    assert seen > 30


def test_a_step_that_loses_its_only_insight_is_judged_as_the_whole_run_judges_it(tmp_path: Path) -> None:
    """JO302's `affected` names the journeys a changed record pointed at before the change
    as well as after: the insight that was the only evidence of two steps' pain now points
    elsewhere, and neither journey is among the changed records."""
    root = tmp_path / "bank"
    shutil.copytree(EXAMPLE, root)
    config = load_config(root)
    chosen = plan(config, Selection(select=["JO302"]), root)
    results = load_results(root, config)
    loaded, files = _loaded(root, results)
    linted = lint_all(Bank.of_results(root, config, results.values(), digests=False), loaded, files, chosen)
    assert linted.findings == []
    rel = "insights/feedback-2026.yaml"
    text = (root / rel).read_bytes().replace(
        b"  - health-station-callback#request-callback\n  - health-services-journey#contact-health-station\n",
        b"  - daycare-fees#submit-income-information\n",
    )
    (root / rel).write_bytes(text)
    new = {rel: load_new(rel, text, config)}
    results = {**results, **{rel: r for rel, r in new.items() if r is not None}}
    loaded, files = _loaded(root, results)
    linted = lint_change(linted, replaced(linted.bank, new), loaded, files, {rel: text})
    whole = Bank.of_results(root, config, results.values(), digests=False)
    expected = _shown(lint(whole, loaded, files, Selection(), chosen=chosen))
    assert _shown(linted.findings) == expected
    assert sorted(f.path for f in linted.findings) == [
        "journeys/detailed/health-station-callback.yaml", "journeys/mid/health-services-journey.yaml"
    ]


def test_the_random_edits_are_written_in_the_styles_people_use() -> None:
    """The edits these tests judge are not of one layout: folded and literal text, flow
    lists, comments, 4-space indentation and `---` all appear, and nearly every rewritten
    file is in a style of its own."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "bank"
        shutil.copytree(EXAMPLE, root)
        editor = Editor(random.Random(5), root, load_results(root, load_config(root)))
        broken = (b"kind: Journey\nid: [broken\n", b"kind: Insight\nid: x-y\nbogus: 1\n", b"kind: Metric\nid: bad id\n")
        texts = [text.decode() for _ in range(40) for text in editor.edit().values()
                 if text is not None and text not in broken]
    assert len(texts) > 40
    assert editor.styled >= 0.8 * len(texts)
    for feature in (": >-\n", ": |-\n", ": [", "  # ", "\n# ", "\n    - ", "---\n", ": '"):
        assert any(feature in text for text in texts), feature
