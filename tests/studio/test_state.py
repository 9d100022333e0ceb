"""The studio's loaded bank: the first page's findings from `validate`'s stored answer,
nothing of the rules or the editing code loaded for it, and after a save the findings
that `validate` gives of the files written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.studio.helpers import csrf_of, digest_of, studio_client

from journeyops_cli.findings import Finding, Severity
from journeyops_cli.pipeline import validate
from journeyops_cli.speed import store
from journeyops_cli.studio.state import BankState


def _shown(findings: list[Finding]) -> list[tuple[object, ...]]:
    return sorted((*f.sort_key(), f.severity, f.hint or "") for f in findings)


@pytest.fixture()
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "RACY_NS", 0)  # files written a moment ago count as settled


def test_the_first_findings_are_validates_stored_answer(bank: Path, settled: None) -> None:
    first = BankState(bank)  # no answer stored yet: the rules run, and the answer is kept
    assert first.view.stored is None and first.view.whole() is not None
    again = BankState(bank)
    assert again.view.stored is not None and again.view.whole() is None
    assert _shown(again.view.findings) == _shown(validate(bank).findings) == _shown(first.view.findings)
    (bank / "insights").mkdir(exist_ok=True)
    (bank / "insights" / "new.yaml").write_text("kind: Insight\nid: fresh\n", encoding="utf-8")
    changed = BankState(bank)  # another bank: nothing stored for it
    assert changed.view.stored is None
    assert _shown(changed.view.findings) == _shown(validate(bank).findings)


def test_after_a_save_the_findings_are_validates(bank: Path) -> None:
    client, _, state = studio_client(bank)
    for day, value in (("2026-12-01", "3"), ("2026-12-02", "4")):  # the second judged from the first
        form = client.get("/metric/callback-wait-hours").text
        answer = client.post("/metric/callback-wait-hours", data={
            "csrf": csrf_of(form), "digest": digest_of(form), "date": day, "value": value}, follow_redirects=False)
        assert answer.status_code == 303, answer.text
        assert _shown(state.view.findings) == _shown(validate(bank).findings)
        assert _shown(state.view.error_findings) == _shown(
            [f for f in validate(bank).findings if f.severity >= Severity.ERROR])


def test_the_first_page_loads_neither_the_rules_nor_the_forms(bank: Path, settled: None) -> None:
    validate(bank)  # the answer the first page uses
    script = f"""
import sys
from pathlib import Path
from starlette.testclient import TestClient
from journeyops_cli.studio.app import build_app
from journeyops_cli.studio.security import Keys
from journeyops_cli.studio.state import BankState
BankState.prepare = lambda self: None  # the warm-up after the page is sent: the next test
keys = Keys()
client = TestClient(build_app(BankState(Path({str(bank)!r})), keys, 8765), base_url="http://127.0.0.1:8765")
assert client.get("/?token=" + str(keys.token), follow_redirects=True).status_code == 200
print(sorted(m for m in sys.modules if m.startswith(
    ("journeyops_cli.studio.forms", "journeyops_cli.edit.", "journeyops_cli.rules.references"))))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_after_the_first_page_is_sent_the_error_rules_run_ahead_of_the_first_save(bank: Path, settled: None) -> None:
    """The first save would otherwise run every error rule on the whole bank (about half a
    second at 2,000 journeys): a page's background task runs them once it is sent."""
    validate(bank)
    client, _, state = studio_client(bank)  # the opening link (the guard answers it)
    assert not state.view.is_judged()
    assert client.get("/").status_code == 200
    assert state.view.is_judged()
    form = client.get("/metric/callback-wait-hours").text
    answer = client.post("/metric/callback-wait-hours", data={
        "csrf": csrf_of(form), "digest": digest_of(form), "date": "2026-12-03", "value": "5"}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert state.view.is_judged()  # the bank after the save was judged by the save itself
