"""A rebuild renders only the pages whose inputs changed, and gives the same bytes as a
build from nothing without the caches: after an edit, a rename, a deletion and a config
change, and after random edits judged from validate's last whole run."""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.random_edits import Editor, load_results, write_edits

from journeyops_cli.lint.last_run import LastRun
from journeyops_cli.pipeline import NO_CACHE_ENV, load_config
from journeyops_cli.site.build import build_site
from journeyops_cli.site.fingerprint import FORMAT
from journeyops_cli.site.write import MANIFEST


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def cold_build(bank: Path, out: Path) -> None:
    """The reference: no cache read or written, everything in this process."""
    os.environ[NO_CACHE_ENV] = "1"
    try:
        build_site(bank, out, workers=1)
    finally:
        os.environ.pop(NO_CACHE_ENV, None)


def rebuild_matches_a_fresh_build(bank: Path, out: Path, fresh: Path) -> None:
    build_site(bank, out)
    cold_build(bank, fresh)
    assert tree(out) == tree(fresh)


def test_an_unchanged_page_is_reused_and_a_changed_one_rendered(bank_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_site(bank_copy, out)
    unrelated = out / "en/insights/asuntohaku-analytiikka.html"
    changed = out / "en/insights/liitteet-hukassa.html"
    before = (os.stat(unrelated).st_ino, os.stat(changed).st_ino)
    path = bank_copy / "insights/insights.yaml"
    path.write_text(
        path.read_text("utf-8").replace("Five of six testers", "Five out of six testers"), "utf-8"
    )
    build_site(bank_copy, out)
    # The other insight's page shows nothing of the edited one: the previous file is reused.
    assert os.stat(unrelated).st_ino == before[0]
    assert os.stat(changed).st_ino != before[1]
    assert "Five out of six testers" in changed.read_text("utf-8")


def test_rebuilds_equal_fresh_builds_after_edit_rename_delete_and_config(bank_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_site(bank_copy, out)
    assert (out / MANIFEST).is_file()

    # An edit: an insight's summary (shown on its page and on its journey's page).
    path = bank_copy / "insights/insights.yaml"
    text = path.read_text("utf-8")
    assert "Five of six testers" in text
    path.write_text(text.replace("Five of six testers", "Five out of six testers"), "utf-8")
    rebuild_matches_a_fresh_build(bank_copy, out, tmp_path / "fresh1")

    # A rename: the records' file (shown with findings) changes, not their content.
    (bank_copy / "journeys/detailed.yaml").rename(bank_copy / "journeys/detailed-journeys.yaml")
    rebuild_matches_a_fresh_build(bank_copy, out, tmp_path / "fresh2")

    # A deletion: the opportunities go, and every page that linked to them changes.
    (bank_copy / "opportunities/opportunities.yaml").unlink()
    rebuild_matches_a_fresh_build(bank_copy, out, tmp_path / "fresh3")
    assert not (out / "en/opportunities/liitteet-mobiiliin.html").exists()

    # The config: the site's title is on every page.
    config = bank_copy / "journeyops.yaml"
    config.write_text(config.read_text("utf-8").replace("Testipankin palvelupolut", "Uusi nimi"), "utf-8")
    rebuild_matches_a_fresh_build(bank_copy, out, tmp_path / "fresh4")
    assert "Uusi nimi" in (out / "fi/insights/liitteet-hukassa.html").read_text("utf-8")


def test_a_page_changed_on_disk_is_rendered_again(bank_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_site(bank_copy, out)
    page = out / "fi/insights/liitteet-hukassa.html"
    good = page.read_bytes()
    page.write_bytes(good[:100])
    build_site(bank_copy, out)
    assert page.read_bytes() == good


def test_a_comment_renders_again_only_the_pages_whose_findings_moved(bank_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_site(bank_copy, out)
    journey = out / "en/journeys/asiointi.html"
    other_journey = out / "fi/journeys/varhaiskasvatukseen-hakeminen.html"
    insight = out / "en/insights/liitteet-hukassa.html"
    before = {page: os.stat(page).st_ino for page in (journey, other_journey, insight)}
    assert "journeys/asiointi.yaml:7:" in journey.read_text("utf-8")
    # A comment moves the file's findings down a line; no record changes.
    path = bank_copy / "journeys/asiointi.yaml"
    path.write_text("# A comment added on top.\n" + path.read_text("utf-8"), "utf-8")
    rebuild_matches_a_fresh_build(bank_copy, out, tmp_path / "fresh")
    assert "journeys/asiointi.yaml:8:" in journey.read_text("utf-8")
    assert os.stat(journey).st_ino != before[journey]
    # Pages that show nothing of the findings of that file are the previous ones.
    assert os.stat(other_journey).st_ino == before[other_journey]
    assert os.stat(insight).st_ino == before[insight]


def test_an_old_manifest_format_renders_everything_again(bank_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_site(bank_copy, out)
    manifest = out / MANIFEST
    text = manifest.read_text("utf-8")
    assert FORMAT in text
    manifest.write_text(text.replace(FORMAT, "journeyops-site-manifest/1"), "utf-8")
    page = out / "en/insights/liitteet-hukassa.html"
    inode = os.stat(page).st_ino
    rebuild_matches_a_fresh_build(bank_copy, out, tmp_path / "fresh")
    assert os.stat(page).st_ino != inode


def test_a_new_version_of_a_rendering_library_renders_every_page_again(monkeypatch):
    import importlib.metadata

    from journeyops_cli.site import fingerprint

    fingerprint.code_digest.cache_clear()
    before = fingerprint.code_digest()
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "99.0" if name == "jinja2" else real(name))
    fingerprint.code_digest.cache_clear()
    try:
        assert fingerprint.code_digest() != before
    finally:
        monkeypatch.undo()
        fingerprint.code_digest.cache_clear()
    assert fingerprint.code_digest() == before


def test_an_edit_of_a_current_journey_renders_its_target_again(tmp_path: Path) -> None:
    """The to-be page draws the as-is curve of the journey it improves (the example bank's
    daycare-application-2027 improves daycare-application): an emotion changed there
    changes the target's page, and a rebuild equals a fresh build."""
    bank = tmp_path / "bank"
    shutil.copytree(Path(__file__).resolve().parents[2] / "examples" / "helsinki", bank,
                    ignore=shutil.ignore_patterns(".journeyops_cache"))
    out = tmp_path / "out"
    build_site(bank, out)
    target = out / "en/journeys/daycare-application-2027.html"
    assert "As-is: Very bad (-2)" in target.read_text("utf-8")
    path = bank / "journeys/detailed/daycare-application.yaml"
    text = path.read_text("utf-8")
    assert text.count("emotion: -2") == 1
    path.write_text(text.replace("emotion: -2", "emotion: -1"), "utf-8")
    rebuild_matches_a_fresh_build(bank, out, tmp_path / "fresh")
    assert "As-is: Very bad (-2)" not in target.read_text("utf-8")
    assert "Adding attachments: Bad (-1) → Good (+1)" in target.read_text("utf-8")


EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
def test_a_rebuild_judged_from_the_last_run_is_the_cold_build(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """After random edits (tests/random_edits.py, each file in a style of its own) the
    rebuild takes validation's findings and the bank from the last whole run, which the
    first build kept (`pipeline.load_checked`), and writes what a build without caches
    writes."""
    judged: list[bool] = []
    judge = LastRun.judge

    def judging(*args, **kwargs):  # type: ignore[no-untyped-def]
        linted = judge(*args, **kwargs)
        judged.append(linted is not None)
        return linted

    monkeypatch.setattr(LastRun, "judge", judging)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as scratch:
        root, out = Path(scratch) / "bank", Path(scratch) / "out"
        shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".journeyops_cache"))
        build_site(root, out)
        editor = Editor(rng, root, load_results(root, load_config(root)))
        for number in range(2):
            write_edits(root, editor.edit())
            editor.results = load_results(root, load_config(root))
            build_site(root, out)
            cold_build(root, Path(scratch) / f"cold-{number}")
            assert tree(out) == tree(Path(scratch) / f"cold-{number}")
    assert judged == [False, True, True]


def test_a_backlog_row_is_fingerprinted_by_everything_it_holds() -> None:
    """Backlog rows are hashed by their repr (`fingerprint._PLAIN_DATACLASSES`): a change
    anywhere in a row, down to a number in its explanation's reasons, is another world."""
    from dataclasses import replace

    from journeyops_cli.score.explain import Explanation, Line
    from journeyops_cli.score.reasons import Counted, Reason, Ref
    from journeyops_cli.site.fingerprint import ContextDigest
    from journeyops_cli.site.pages import BacklogRow

    def row(pain_points: int) -> BacklogRow:
        reason = Reason.of("explain.pain", step=Ref("a#b", "step"), pain_points=Counted("pain_points", pain_points))
        return BacklogRow(1, "o1", "72.8", 72.75, "pain", (("pain", 16.7),),
                          Explanation((Line("pain", 16.7, reason, points=True),), ()))

    digest = ContextDigest()
    assert digest([row(1)]) == ContextDigest()([row(1)])
    assert digest([row(1)]) != digest([row(2)])
    assert digest([row(1)]) != digest([replace(row(1), total=72.76)])


def test_when_nothing_the_pages_show_changed_neither_backlog_nor_scorecard_is_made(
    bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild whose `world` (records, config, code, git history, the day) is the
    previous build's makes neither the backlog nor the scorecard unless a page that
    shows them must be rendered again (its file is gone); either way the site is the
    bytes of a build from nothing, and the previous build's notes stand."""
    from journeyops_cli.site import plan as site_plan

    out = tmp_path / "out"
    build_site(bank_copy, out, workers=1)
    made: list[str] = []
    ranks, cards = site_plan.backlog_and_notes, site_plan.site_scorecard
    monkeypatch.setattr(site_plan, "backlog_and_notes", lambda bank: made.append("backlog") or ranks(bank))
    monkeypatch.setattr(site_plan, "site_scorecard", lambda *a: made.append("scorecard") or cards(*a))
    # A comment: the file's bytes change, nothing the pages show does.
    path = bank_copy / "journeys" / "detailed.yaml"
    path.write_text(path.read_text("utf-8") + "# a comment\n", "utf-8")
    result = build_site(bank_copy, out, workers=1)
    assert made == []
    cold_build(bank_copy, tmp_path / "fresh")
    assert tree(out) == tree(tmp_path / "fresh")
    assert result.notes == []
    made.clear()  # what the build from nothing made
    # The backlog page and a theme page (its dashboard reads the scorecard) are gone from
    # the previous site: they are made, from a backlog and a scorecard made for them.
    (out / "en" / "backlog.html").unlink()
    theme = next((out / "fi" / "themes").iterdir())
    theme.unlink()
    build_site(bank_copy, out, workers=1)
    assert sorted(made) == ["backlog", "scorecard"]
    assert tree(out) == tree(tmp_path / "fresh")


def test_a_new_day_or_commit_is_a_new_world(bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scorecard reads the git HEAD (its trend) and the day (without git): either one
    changing makes the backlog and the scorecard again and renders what changed."""
    from journeyops_cli.site import plan as site_plan

    out = tmp_path / "out"
    monkeypatch.setattr(site_plan, "scorecard_inputs", lambda root: ("", "2026-12-07"))
    build_site(bank_copy, out, workers=1)
    made: list[str] = []
    ranks = site_plan.backlog_and_notes
    monkeypatch.setattr(site_plan, "backlog_and_notes", lambda bank: made.append("backlog") or ranks(bank))
    build_site(bank_copy, out, workers=1)
    assert made == []
    monkeypatch.setattr(site_plan, "scorecard_inputs", lambda root: ("", "2026-12-08"))
    build_site(bank_copy, out, workers=1)
    assert made == ["backlog"]


def test_a_rebuild_keeps_the_notes_of_the_build_it_reuses(
    bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backlog that cannot be made (this journeyops without scoring) is left out with a
    note; a rebuild that makes nothing again says the same and has no backlog page."""
    from journeyops_cli.site import plan as site_plan

    note = "the backlog page is left out: this journeyops has no scoring (journeyops_cli.score)"
    asked: list[int] = []

    def no_scoring(bank: object, notes: list[str]) -> None:
        asked.append(1)
        notes.append(note)

    monkeypatch.setattr(site_plan, "ranked_backlog", no_scoring)
    out = tmp_path / "out"
    first = build_site(bank_copy, out, workers=1)
    assert first.notes == [note] and not (out / "en" / "backlog.html").exists()
    again = build_site(bank_copy, out, workers=1)
    assert again.notes == [note] and asked == [1]
    assert not (out / "en" / "backlog.html").exists()
