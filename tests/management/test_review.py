"""`journeyops review`: a review trail kept in the journey, through the edit path."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.runner import run_cli

from journeyops_cli.pipeline import load_bank

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"
JOURNEY = "journeys/mid/daycare-journey.yaml"


def test_a_review_is_added_and_reviewed_follows(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    before = (bank / JOURNEY).read_text(encoding="utf-8")
    first = run_cli("review", "daycare-journey", "--note", "Checked with the service desk",
                    "--reviewer", "Service designer", "--date", "2026-12-07", "--bank", str(bank))
    assert (first.returncode, first.stdout) == (
        0, f"{JOURNEY}: changed journey 'daycare-journey': reviewed 2026-12-07 by Service designer\n")
    second = run_cli("review", "daycare-journey", "--reviewer", "Owner", "--date", "2026-12-08", "--bank", str(bank))
    assert second.returncode == 0, second.stderr
    after = (bank / JOURNEY).read_text(encoding="utf-8")
    # Only those lines changed: comments and everything else kept byte for byte.
    assert after.replace(
        "reviewed: 2026-12-08\nreviews:\n"
        "  - {date: 2026-12-07, reviewer: Service designer, note: Checked with the service desk}\n"
        "  - {date: 2026-12-08, reviewer: Owner}\n",
        "reviewed: 2026-10-02\n",
    ) == before
    journey = next(j for j in load_bank(bank, cache=False).bank.journeys() if j.id == "daycare-journey")
    assert [(r.date.isoformat(), r.reviewer, r.note) for r in journey.reviews] == [
        ("2026-12-07", "Service designer", "Checked with the service desk"), ("2026-12-08", "Owner", None)]
    assert run_cli("fmt", "--check", "--bank", str(bank)).returncode == 0
    assert run_cli("validate", "--bank", str(bank)).returncode == 0


def test_a_review_that_breaks_the_bank_is_refused(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    before = (bank / JOURNEY).read_bytes()
    refused = run_cli("review", "daycare-journey", "--reviewer", "anna@example.org", "--bank", str(bank))
    assert refused.returncode == 1
    assert "JO501" in refused.stderr
    assert refused.stderr.endswith("journeyops: error: the review would make the bank invalid; nothing was written\n")
    assert (bank / JOURNEY).read_bytes() == before


def test_unknown_journey_and_bad_date(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    unknown = run_cli("review", "daycare-jorney", "--reviewer", "X", "--bank", str(bank))
    assert (unknown.returncode, unknown.stderr) == (
        1, "journeyops: error: no journey with id 'daycare-jorney' in the bank; did you mean 'daycare-journey'?\n")
    bad = run_cli("review", "daycare-journey", "--reviewer", "X", "--date", "7.12.2026", "--bank", str(bank))
    assert (bad.returncode, bad.stderr) == (
        2, "journeyops: error: --date 7.12.2026: not a date; write it as YYYY-MM-DD\n")


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(EXAMPLE, bank)
    before = (bank / JOURNEY).read_bytes()
    done = run_cli("review", "daycare-journey", "--reviewer", "X", "--date", "2026-12-07", "--dry-run",
                   "--bank", str(bank))
    assert done.stdout == f"{JOURNEY}: would change journey 'daycare-journey': reviewed 2026-12-07 by X\n"
    assert (bank / JOURNEY).read_bytes() == before
