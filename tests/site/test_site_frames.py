"""The fast path of page rendering (the base template's frame rendered once per language
and folder, then filled per page) gives the bytes of rendering each page whole."""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path

import jinja2
import pytest
from tests.site.conftest import BANK

from journeyops_cli.lint.withheld import withheld
from journeyops_cli.pipeline import Selection, load_bank, load_config
from journeyops_cli.render import env as render_env
from journeyops_cli.render.i18n import strings
from journeyops_cli.resources import templates_dir
from journeyops_cli.site.dashboards import site_scorecard
from journeyops_cli.site.frames import PageRenderer
from journeyops_cli.site.gather import apply_privacy, ranked_backlog
from journeyops_cli.site.pages import PagePlanner, SiteData


def site_data(bank_root: Path, title: str | None = None) -> SiteData:
    config = load_config(bank_root)
    loaded = load_bank(bank_root, config)
    bank, _ = apply_privacy(loaded.bank, withheld(loaded.bank, loaded.files, Selection()))
    data = SiteData(bank=bank, title=title or config.site.title or config.name,
                    languages=list(config.languages))
    data.backlog = ranked_backlog(bank, [])
    data.scorecard = site_scorecard(bank_root, bank)
    return data


def every_page(renderer: PageRenderer, data: SiteData) -> list[tuple[str, str]]:
    """(fast, whole) for every page of every language."""
    pairs = []
    for language in data.languages:
        planner = PagePlanner(data, language, strings(language))
        for page in planner.pages():
            pairs.append((renderer.render(language, planner.s, page), renderer.plain(language, planner.s, page)))
    return pairs


def test_every_page_framed_equals_the_page_rendered_whole() -> None:
    data = site_data(BANK)
    renderer = PageRenderer(data)
    pairs = every_page(renderer, data)
    assert len(pairs) > 30
    for fast, whole in pairs:
        assert fast == whole
    # The frames were used (not dropped), for pages in folders and at the top.
    used = {key for key, frame in renderer._frames.items() if frame is not None}
    assert {folder for _, folder, _ in used} >= {"", "insights", "journeys", "opportunities", "themes"}


def test_a_title_holding_a_stand_in_is_rendered_whole() -> None:
    data = site_data(BANK, title="Polut \x00T\x00 <&>")
    renderer = PageRenderer(data)
    for fast, whole in every_page(renderer, data):
        assert fast == whole
    assert not any(frame is not None for frame in renderer._frames.values())


def test_a_frame_that_does_not_give_the_same_bytes_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    # A base template that changes the title on its way out: the stand-in survives it,
    # but the first page rendered both ways shows the difference.
    base = (templates_dir() / "site" / "base.html.j2").read_text("utf-8")
    assert "<title>{{ page.title }}" in base
    changed = base.replace("<title>{{ page.title }}", "<title>{{ page.title | upper }}")
    env = render_env._register(jinja2.Environment(
        loader=jinja2.ChoiceLoader([
            jinja2.DictLoader({"site/base.html.j2": changed}),
            jinja2.FileSystemLoader(str(templates_dir())),
        ]),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True,
    ))
    monkeypatch.setattr(render_env, "html_environment", lambda: env)
    data = site_data(BANK)
    renderer = PageRenderer(data)
    for fast, whole in every_page(renderer, data):
        assert fast == whole
        shown = html.unescape(whole.split("<title>")[1].split(" · ")[0])
        assert shown == shown.upper()  # the changed base template is the one in use
    assert all(frame is None for frame in renderer._frames.values())


def test_frames_keep_the_data_they_were_made_for() -> None:
    data = site_data(BANK)
    other = dataclasses.replace(data, title="Toinen nimi")
    first, second = PageRenderer(data), PageRenderer(other)
    for (fast, whole), (fast2, whole2) in zip(every_page(first, data), every_page(second, other), strict=True):
        assert fast == whole and fast2 == whole2
        assert "Toinen nimi" in fast2 and "Toinen nimi" not in fast


def test_a_frames_first_page_is_not_rendered_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    # The frame is proven with a stand-in for the main block: no page is rendered whole
    # beside its framed rendering (the backlog, the insights' list: a frame's only page).
    data = site_data(BANK)
    renderer = PageRenderer(data)
    whole: list[str] = []
    plain = renderer.plain
    monkeypatch.setattr(renderer, "plain", lambda language, s, page: whole.append(page.key) or plain(language, s, page))
    for language in data.languages:
        planner = PagePlanner(data, language, strings(language))
        for page in planner.pages():
            if renderer.template(page.template).blocks.keys() == {"main"}:
                renderer.render(language, planner.s, page)
    assert whole == []
    assert any(frame is not None for frame in renderer._frames.values())


def test_an_opportunity_page_shows_its_explanation_in_words_and_leaves_the_data_out() -> None:
    # `PagePlanner.opportunity`: the page's row holds no explanation (its fingerprint
    # does not digest it), yet the page says it in words, from the row's explanation.
    data = site_data(BANK)
    planner = PagePlanner(data, "en", strings("en"))
    ranked = next(row for row in data.backlog or [] if row.explanation is not None)
    page = planner.opportunity(data.bank.get_kind("Opportunity", ranked.opportunity_id))  # type: ignore[arg-type]
    assert page.context["row"].explanation is None
    assert page.context["row"] == dataclasses.replace(ranked, explanation=None)
    assert page.context["why"] == planner.explained(ranked) != ([], [])


def test_what_is_known_about_each_record_is_in_id_order() -> None:
    # The metrics page's fingerprint digests `metric_about` in its order: in a set's
    # order it differed from one process to the next (string hashing), so the page was
    # rendered again by every rebuild.
    from journeyops_cli.site.vocabulary import Known

    known = Known(site_data(BANK).bank)
    for about in (known.metric_about(), known.insight_about(), known.opportunity_about()):
        assert len(about) > 1
        assert list(about) == sorted(about)


def test_labels_and_explanations_kept_by_a_planner_are_those_made_afresh() -> None:
    # A planner keeps each step's label and each score line's sentence: every page of
    # its language reads as if each were looked up again.
    from journeyops_cli.score.explain import in_words

    data = site_data(BANK)
    for language in data.languages:
        planner = PagePlanner(data, language, strings(language))
        refs = [*data.bank.step_refs(), "gone#step", "no-such-journey#x", "", "#"]
        for _ in range(2):
            for ref in refs:
                found = data.bank.step(ref)
                assert planner.step_label(ref) == (
                    None if found is None else (planner.t(found[0].title), planner.t(found[1].title)))
        rows = [row for row in data.backlog or [] if row.explanation is not None]
        assert rows
        for row in rows * 2:
            assert row.explanation is not None
            assert planner.explained(row) == in_words(row.explanation, language, planner.record_label)
