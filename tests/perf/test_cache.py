"""The load cache and the parallel loader never change what validate finds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from benchmarks.generate import generate
from tests.runner import run_cli

from journeyops_cli.load.cache import CACHE_DIR, SHARDS, LoadCache
from journeyops_cli.pipeline import load_bank, load_config, validate


def _break(root: Path) -> None:
    """Give the bank findings of every sort the loader and the rules make."""
    insight = next((root / "insights").rglob("*-i01.yaml"))
    insight.write_text(insight.read_text().replace("severity: ", "severity: dire\nx: "), "utf-8")
    journey = next((root / "journeys" / "mid").glob("*.yaml"))
    journey.write_text(journey.read_text().replace("level: mid", "level: mid\nlevel: top"), "utf-8")
    (root / "insights" / "broken.yaml").write_text("kind: Insight\nid: [unclosed\n", "utf-8")
    metric = next((root / "metrics").rglob("*-m1.yaml"))
    (root / "metrics" / "copy.yaml").write_text(metric.read_text(), "utf-8")  # duplicate id
    opportunity = next((root / "opportunities").rglob("*-o1.yaml"))
    text = opportunity.read_text()
    opportunity.write_text(text.replace("insights: [", "insights: [no-such-insight, "), "utf-8")


@pytest.fixture()
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.delenv("JOURNEYOPS_NO_CACHE", raising=False)
    root = tmp_path / "bank"
    generate(12, root, seed=3, style="classic")  # the text edits below need its layout
    _break(root)
    return root


def findings(root: Path, cache: bool) -> list[tuple]:
    os.environ["JOURNEYOPS_NO_CACHE"] = "" if cache else "1"
    try:
        result = validate(root)
    finally:
        os.environ.pop("JOURNEYOPS_NO_CACHE", None)
    return [(f.code, f.severity, f.path, f.line, f.column, f.message, f.hint) for f in result.findings]


def agree(root: Path) -> list[tuple]:
    cold = findings(root, cache=False)
    assert findings(root, cache=True) == cold
    return cold


def test_the_broken_bank_has_findings_of_each_stage(bank: Path) -> None:
    codes = {item[0] for item in findings(bank, cache=False)}
    assert {"JO001", "JO003", "JO020", "JO101", "JO102"} <= codes


def test_warm_runs_agree_with_cold_runs_through_every_change(bank: Path) -> None:
    cold = agree(bank)  # fills the cache
    assert (bank / CACHE_DIR / ".gitignore").read_text() == "# Made by journeyops; safe to delete.\n*\n"
    assert findings(bank, cache=True) == cold  # nothing changed: every file from the cache

    journey = next((bank / "journeys" / "detailed").rglob("*.yaml"))
    journey.write_text(journey.read_text().replace("emotion: ", "emotion: 7\nemotio: "), "utf-8")
    edited = agree(bank)
    assert edited != cold and any(item[2].endswith(journey.name) for item in edited)

    renamed = bank / "insights" / "moved.yaml"
    os.rename(bank / "insights" / "broken.yaml", renamed)
    after_rename = agree(bank)
    assert any(item[2] == "insights/moved.yaml" for item in after_rename)
    assert not any(item[2] == "insights/broken.yaml" for item in after_rename)

    (bank / "metrics" / "copy.yaml").unlink()
    assert not any(item[0] == "JO101" for item in agree(bank))

    config = bank / "journeyops.yaml"
    config.write_text(config.read_text() + "limits:\n  max_depth: 3\n", "utf-8")
    deep = agree(bank)
    assert any(item[0] == "JO006" for item in deep)


def test_same_size_edit_in_the_same_mtime_tick_is_seen(bank: Path) -> None:
    # A file written just before it is cached may be written again within the same
    # timestamp tick: its entry is racy and checked by content.
    metric = next((bank / "metrics").rglob("*-m2.yaml"))
    text = metric.read_text()
    metric.write_text(text, "utf-8")
    stat = metric.stat()
    agree(bank)
    changed = text.replace("direction: increase", "direction: increaze")
    assert len(changed) == len(text)
    metric.write_text(changed, "utf-8")
    os.utime(metric, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    assert any(item[2].endswith(metric.name) and item[0] == "JO020" for item in agree(bank))


def test_touching_a_file_reuses_its_result(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journeyops_cli.load import parallel

    cold = agree(bank)
    journey = next((bank / "journeys" / "top").glob("*.yaml"))
    rel = journey.relative_to(bank).as_posix()
    os.utime(journey, ns=(1_000_000_000, 1_000_000_000))
    config = load_config(bank)
    assert LoadCache.open(bank, config).fresh(bank, rel) is None  # stat changed

    parsed: list[str] = []
    real = parallel.load_bytes

    def counted(rel: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(rel)
        return real(rel, *args, **kwargs)

    monkeypatch.setattr(parallel, "load_bytes", counted)
    warm = load_bank(bank, config, cache=True, workers=1)
    assert parsed == []  # same bytes under a new stat: the cached result, nothing parsed
    assert findings(bank, cache=True) == cold
    assert len(warm.files) > 150

    journey.write_text(journey.read_text("utf-8") + "# changed\n", "utf-8")
    load_bank(bank, config, cache=True, workers=1)
    assert parsed == [rel]  # changed bytes: that one file, and only it, is parsed again


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b"JOCACHE1" + b"\0" * 32 + b"not a pickle", None],
    ids=["empty", "garbage", "bad-mac", "folder"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(bank: Path, damage: bytes | None) -> None:
    cold = agree(bank)
    folder = bank / CACHE_DIR
    for shard in folder.glob("load-*.bin"):
        if damage is None:
            shard.unlink()
            shard.mkdir()  # unreadable as a file
        else:
            shard.write_bytes(damage)
    # Loaded directly: `validate` may answer from its result cache without reading the
    # shards at all (when no file is too new to trust its stat, as on a slow machine).
    config = load_config(bank)
    assert load_bank(bank, config, cache=True, workers=1).findings == load_bank(
        bank, config, cache=False, workers=1).findings
    if damage is not None:
        store = LoadCache.open(bank, config)
        assert len(store.entries) > 150  # rebuilt
    assert findings(bank, cache=True) == cold


def test_a_cache_made_with_another_secret_is_never_unpickled(
    bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    agree(bank)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    store = LoadCache.open(bank, load_config(bank))
    assert store.entries == {}


def test_parallel_and_single_process_loads_agree(bank: Path) -> None:
    config = load_config(bank)
    one = load_bank(bank, config, cache=False, workers=1)
    two = load_bank(bank, config, cache=False, workers=2)
    assert one.findings == two.findings
    assert one.files == two.files

    def dump(loaded):  # type: ignore[no-untyped-def]
        return [
            (r.kind, r.source_path, r.source_document, r.model_dump())
            for r in loaded.bank.records()
        ]

    assert dump(one) == dump(two)
    assert len(dump(one)) > 150


def test_no_cache_option_leaves_the_bank_alone(bank: Path) -> None:
    command = ["validate", "--bank", str(bank), "-q"]
    first = run_cli(*command, "--no-cache")
    assert first.returncode == 1, first.stderr
    assert not (bank / CACHE_DIR).exists()
    second = run_cli(*command)
    assert (second.returncode, second.stdout) == (1, first.stdout)
    assert len(list((bank / CACHE_DIR).glob("load-*.bin"))) == SHARDS


def test_parallel_and_single_process_rules_agree(bank: Path) -> None:
    from journeyops_cli.pipeline import Selection
    from journeyops_cli.rules.engine import _bundles, lint, plan

    loaded = load_bank(bank, load_config(bank), cache=False)
    one = lint(loaded.bank, loaded.findings, loaded.files, Selection(), workers=1)
    assert len({item.code for item in one}) >= 5
    for workers in (2, 3):
        assert lint(loaded.bank, loaded.findings, loaded.files, Selection(), workers=workers) == one
    rules = [rule for rule in plan(loaded.bank.config, Selection(), loaded.bank.root).rules if not rule.source]
    bundles = _bundles(rules, list(range(len(rules))))
    assert sorted(i for bundle in bundles for i in bundle) == list(range(len(rules)))
    privacy = {i for i, rule in enumerate(rules) if rule.together == "privacy"}
    assert len(privacy) == 3 and any(privacy == set(bundle) for bundle in bundles)
