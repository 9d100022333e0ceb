"""The per-record rules' memo (rules/memo.py) never changes what validate finds: a warm
run that checks only changed files gives the cold run's findings, in the same order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.perf.test_cache import bank  # noqa: F401 - the fixture

from journeyops_cli.pipeline import Selection, load_bank, load_config
from journeyops_cli.rules.engine import lint
from journeyops_cli.rules.privacy import scan


def run(root: Path, cache: bool, workers: int = 1) -> list[tuple]:
    loaded = load_bank(root, load_config(root), cache=cache)
    found = lint(loaded.bank, loaded.findings, loaded.files, Selection(), workers=workers)
    return [(f.code, f.severity, f.path, f.line, f.column, f.message, f.hint) for f in found]


def insights(root: Path) -> list[Path]:
    return sorted((root / "insights").rglob("*-i0*.yaml"))


def personal(path: Path, text: str) -> None:
    body = path.read_text("utf-8")
    path.write_text(re.sub(r'(summary:\n  fi: ")', r"\g<1>" + text + " ", body, count=1), "utf-8")


def untranslated(path: Path) -> None:
    body = path.read_text("utf-8")
    path.write_text(re.sub(r"(title: \{fi: \"[^\"]*\"), en: \"[^\"]*\"\}", r"\1}", body, count=1), "utf-8")


def test_warm_runs_check_changed_files_and_agree_with_cold_runs(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    files = insights(bank)
    personal(files[0], "soita 040 1234567")
    personal(files[3], "maija.meikalainen@example.com")
    untranslated(files[5])
    cold = run(bank, cache=False)
    assert {"JO403", "JO501", "JO502"} <= {row[0] for row in cold}
    assert run(bank, cache=True) == cold  # fills the memo

    # Now only the records of changed files are scanned.
    checked: set[str] = set()
    real = scan.matching_strings

    def watched(record, *args, **kwargs):  # type: ignore[no-untyped-def]
        checked.add(record.source_path)
        return real(record, *args, **kwargs)

    monkeypatch.setattr(scan, "matching_strings", watched)
    assert run(bank, cache=True) == cold
    assert checked == set()

    personal(files[3], "toinen@example.org")  # one more e-mail in a file with one
    untranslated(files[7])
    personal(files[8], "010 9876543")
    cold = run(bank, cache=False)
    checked.clear()
    assert run(bank, cache=True) == cold
    assert checked == {files[i].relative_to(bank).as_posix() for i in (3, 7, 8)}
    for workers in (1, 2):  # the memo's findings, the parallel and the single run agree
        assert run(bank, cache=True, workers=workers) == cold

    files[3].unlink()
    cold = run(bank, cache=False)
    assert not any(row[2] == files[3].relative_to(bank).as_posix() for row in cold)
    assert run(bank, cache=True) == cold


def test_changing_a_rule_option_starts_the_memo_afresh(bank: Path) -> None:  # noqa: F811
    personal(insights(bank)[1], "info@example.com")
    assert any(row[0] == "JO501" for row in run(bank, cache=True))
    config = bank / "journeyops.yaml"
    text = config.read_text("utf-8").replace("lint:\n", "lint:\n  options:\n    JO501: {allow: ['*@example.com']}\n")
    config.write_text(text, "utf-8")
    assert run(bank, cache=True) == run(bank, cache=False)
    assert not any(row[0] == "JO501" for row in run(bank, cache=True))
