"""The scorecard page, the theme dashboards, the home page's health at a glance, and the
team, customer-group and life-event pages: the figures they show, their charts' text
alternatives, the trend from git, and the links to them."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest
from tests.site.conftest import BANK
from tests.tools import need

from journeyops_cli.models import Journey
from journeyops_cli.models.vocabulary import CustomerGroup, LifeEvent, Team
from journeyops_cli.pipeline import load_bank, load_config
from journeyops_cli.render.formats import percent
from journeyops_cli.render.i18n import strings
from journeyops_cli.render.svg import share_bars, status_bar, trend_lines
from journeyops_cli.scorecard.run import scorecard_of_bank
from journeyops_cli.site.build import build_site
from journeyops_cli.site.dashboards import Dashboards, SiteScorecard
from journeyops_cli.site.vocabulary import Known, journeys_beneath, known_about, linked, owned_by_team, team_context

AS_OF = dt.date(2025, 6, 30)


@pytest.fixture(scope="module")
def bank():  # type: ignore[no-untyped-def]
    return load_bank(BANK, load_config(BANK)).bank


def dashboards(bank, language: str = "en") -> Dashboards:  # type: ignore[no-untyped-def]
    card = SiteScorecard(scorecard_of_bank(bank, [], AS_OF), None, "trend_no_git")
    return Dashboards(bank, card, strings(language), language,
                      lambda text: text.get(language) if isinstance(text, dict) else text)


# --- the figures shown ------------------------------------------------------------------


def test_a_theme_row_shows_its_rolled_up_figures(bank) -> None:  # type: ignore[no-untyped-def]
    panel = dashboards(bank).theme_panel("varhaiskasvatus")
    assert panel is not None
    row = panel["row"]
    assert (row["label"], row["target"]) == ("Early childhood education", ("theme", "varhaiskasvatus"))
    assert [row[k] for k in ("steps", "emotion", "insight", "metric", "insights", "metrics", "open")] == [
        "5", "5 / 5 (100%)", "4 / 5 (80%)", "2 / 5 (40%)", "3 (3 fresh)",
        "1 on target, 1 off, 0 without a value", "2",
    ]
    assert [j["target"] for j in panel["journeys"]] == [
        ("journey", "varhaiskasvatukseen-hakeminen"), ("journey", "sahkoinen-hakemus"),
    ]


def test_shares_are_written_the_language_s_way(bank) -> None:  # type: ignore[no-untyped-def]
    row = dashboards(bank, "fi").theme_panel("varhaiskasvatus")["row"]  # type: ignore[index]
    assert row["insight"] == "4 / 5 (80\u00a0%)"  # Babel: a no-break space before the sign
    assert row["insights"] == "3 (3 tuoretta)"
    assert row["metrics"] == "1 tavoitteessa, 1 ei, 0 ilman arvoa"
    assert percent(2 / 3, "sv") == "66,7\u00a0%"
    assert percent(2 / 3, "en") == "66.7%"


def test_health_lists_stale_journeys_off_target_metrics_and_bare_phases(bank) -> None:  # type: ignore[no-untyped-def]
    health = dashboards(bank).health()
    assert health["as_of"] == "30 Jun 2025"
    assert [j.id for j in health["off"]] == ["hakemusten-kesto"]
    assert health["phases"] == [("asiointi#asiakkuus", ("Dealing with the city", "Customership"))]
    assert all(isinstance(j, Journey) for j in health["stale"])


def test_the_scorecard_page_has_every_theme_journey_and_phase(bank) -> None:  # type: ignore[no-untyped-def]
    page = dashboards(bank).page()
    assert [row["label"] for row in page["themes"]] == [
        "Whole bank", "Housing", "Early childhood education", "No theme",
    ]
    assert [theme["label"] for theme, _ in page["journeys"]] == ["Housing", "Early childhood education", "No theme"]
    assert [journey["label"] for journey, _ in page["steps"]] == [
        "Applying for a rental flat", "Applying for early childhood education", "Dealing with the city",
    ]
    assert page["trend"] == {"missing": "trend_no_git"}


# --- the charts -------------------------------------------------------------------------


def test_charts_say_every_value_in_words_and_draw_nothing_but_svg() -> None:
    bars = share_bars([("With an insight", 0.8, "4 / 5 (80%)"), ("With a metric", None, "no data")], "Coverage")
    assert 'role="img"' in bars and "<title>Coverage</title>" in bars
    assert 'aria-label="Coverage: With an insight: 4 / 5 (80%); With a metric: no data"' in bars
    assert bars.count('class="bar"') == 1  # no bar is invented for a missing share
    status = status_bar([("On", 3, "on"), ("Off", 1, "off"), ("None", 0, "unknown")], "Metrics")
    assert 'aria-label="Metrics: On: 3; Off: 1; None: 0"' in status
    assert 'width="225"' in status and 'width="75"' in status
    lines = trend_lines([("Insight", [0.5, None, 1.0])], ["2025-01-31", "2025-02-28", "2025-03-31"], "Trend")
    assert 'aria-label="Trend: Insight: 2025-01-31 50 %, 2025-02-28 –, 2025-03-31 100 %"' in lines
    assert "<polyline" not in lines  # the missing month breaks the line: two lone points
    for chart in (bars, status, lines):
        assert "style=" not in chart and "<script" not in chart and "href" not in chart


def test_chart_text_is_escaped() -> None:
    chart = share_bars([("<b>x</b>", 1.0, '"all"')], "T & <i>")
    assert "<b>" not in chart and "<i>" not in chart
    assert "&lt;b&gt;x&lt;/b&gt;" in chart and "T &amp; &lt;i&gt;" in chart


# --- teams, customer groups, life events --------------------------------------------------


def order(record):  # type: ignore[no-untyped-def]
    return record.id


def test_a_team_page_lists_what_it_owns(bank) -> None:  # type: ignore[no-untyped-def]
    team = bank.get(Team, "varhaiskasvatus-tiimi")
    context = team_context(team, owned_by_team(bank), order)
    assert [j.id for j in context["journeys"]] == ["varhaiskasvatukseen-hakeminen"]
    assert [t.id for t in context["themes"]] == ["varhaiskasvatus"]
    assert [o.id for o in context["opportunities"]] == ["liitteet-mobiiliin"]


def test_what_is_known_about_a_customer_group_comes_through_the_rollup(bank) -> None:  # type: ignore[no-untyped-def]
    context = known_about(Known(bank), bank.get(CustomerGroup, "lapsiperheet"), order)
    assert [j.id for j in context["journeys"]] == ["sahkoinen-hakemus", "varhaiskasvatukseen-hakeminen"]
    # the most severe first, then the newest
    assert [i.id for i in context["insights"]] == ["liitteet-hukassa", "paatos-viipyy", "vihamielinen"]
    assert [(m.id, status) for m, status in context["metrics"]] == [("hakemusten-kesto", "off"), ("tyytyvaisyys", "on")]
    # without a backlog, every opportunity by `order`
    assert [o.id for o in context["opportunities"]] == ["liitteet-mobiiliin", "paatoksen-seuranta"]
    assert (context["insight_count"], context["metric_count"], context["opportunity_count"]) == (3, 2, 2)
    assert context["insight_types"] == [("feedback", 2), ("usability-test", 1)]
    assert context["insight_severities"] == [("high", 1), ("medium", 1), ("low", 1)]
    assert context["metric_status"] == [("off", 1), ("on", 1)]
    assert context["opportunity_status"] == [("idea", 1), ("planned", 1)]
    assert (context["ranked"], context["filter"]) == (False, "group")


def test_a_summary_shows_the_most_relevant_few_and_counts_them_all(bank) -> None:  # type: ignore[no-untyped-def]
    known = Known(bank, ["paatoksen-seuranta", "liitteet-mobiiliin"])  # the backlog, highest first
    group = bank.get(CustomerGroup, "lapsiperheet")
    context = known_about(known, group, order, shown=1)
    assert [i.id for i in context["insights"]] == ["liitteet-hukassa"]
    assert [m.id for m, _ in context["metrics"]] == ["hakemusten-kesto"]  # off target first
    assert [o.id for o in context["opportunities"]] == ["paatoksen-seuranta"]  # highest in the backlog
    assert (context["insight_count"], context["metric_count"], context["opportunity_count"]) == (3, 2, 2)
    assert context["ranked"] is True
    # The explorer and the backlog filter by the same sets the page counts.
    about = known.insight_about()
    assert sorted(i for i, (groups, _) in about.items() if "lapsiperheet" in groups) == [
        "liitteet-hukassa", "paatos-viipyy", "vihamielinen"]
    assert known.opportunity_about()["liitteet-mobiiliin"] == (("lapsiperheet",), ("lapsen-syntyma",))
    # an opportunity the backlog leaves out comes after the ranked ones
    context = known_about(Known(bank, ["paatoksen-seuranta"]), group, order, shown=2)
    assert [o.id for o in context["opportunities"]] == ["paatoksen-seuranta", "liitteet-mobiiliin"]


def test_a_life_event_shows_the_journeys_beneath_its_journeys(bank) -> None:  # type: ignore[no-untyped-def]
    context = known_about(Known(bank), bank.get(LifeEvent, "lapsen-syntyma"), order)
    assert [j.id for j in context["journeys"]] == ["varhaiskasvatukseen-hakeminen"]
    assert [j.id for j in context["below"]] == ["sahkoinen-hakemus"]
    # The detailed journey's insight is known about the life event through the roll-up.
    assert "liitteet-hukassa" in [i.id for i in context["insights"]]
    assert context["filter"] == "event"
    assert journeys_beneath(bank, context["below"]) == []


def test_only_records_that_exist_are_linked(bank) -> None:  # type: ignore[no-untyped-def]
    assert linked(bank, "CustomerGroup", ["lapsiperheet", "ei-ole"]) == ["CustomerGroup:lapsiperheet"]


# --- the built pages ----------------------------------------------------------------------


def test_ids_link_to_their_pages_everywhere(built_site: Path) -> None:
    journey = (built_site / "en/journeys/varhaiskasvatukseen-hakeminen.html").read_text("utf-8")
    assert '<a href="../teams/varhaiskasvatus-tiimi.html">Early education digital team</a>' in journey
    assert '<a href="../groups/lapsiperheet.html">Families with children</a>' in journey
    assert '<a href="../life-events/lapsen-syntyma.html">A child is born</a>' in journey
    theme = (built_site / "en/themes/varhaiskasvatus.html").read_text("utf-8")
    assert '<a href="../teams/varhaiskasvatus-tiimi.html">Early education digital team</a>' in theme
    assert '<h2 id="dashboard-h">Dashboard</h2>' in theme
    home = (built_site / "fi/index.html").read_text("utf-8")
    assert '<h2 id="health-h">Pankin tila yhdellä silmäyksellä</h2>' in home
    assert '<a href="groups/lapsiperheet.html">Lapsiperheet</a>' in home
    assert '<a href="scorecard.html">Tuloskortti</a>' in home  # the main navigation


def test_every_chart_on_the_site_has_a_text_alternative(built_site: Path) -> None:
    pages = [built_site / rel for rel in ("en/scorecard.html", "sv/scorecard.html", "fi/index.html",
                                          "en/themes/varhaiskasvatus.html") if (built_site / rel).exists()]
    assert len(pages) == 3
    for page in pages:
        text = page.read_text("utf-8")
        charts = re.findall(r'<svg [^>]*class="chart [^"]*"[^>]*>', text)
        assert charts, page
        for chart in charts:
            assert 'role="img"' in chart and re.search(r'aria-label="[^"]+: [^"]+"', chart), chart
    # ... and tables of the same figures next to them.
    assert (built_site / "en/scorecard.html").read_text("utf-8").count('<table class="figures">') == 7


def git_bank(bank_copy: Path) -> None:
    """Make `bank_copy` a repository with a commit in May and one in June 2025 (the June
    one adds a metric to a detailed step)."""
    git = need("git")

    def run(*args: str, date: str = "") -> None:
        env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
               "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
               "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        subprocess.run([git, *args], cwd=bank_copy, env=env, check=True, capture_output=True)

    run("init", "-q")
    run("add", ".")
    run("commit", "-q", "-m", "May", date="2025-05-15T12:00:00Z")
    path = bank_copy / "journeys/detailed.yaml"
    text = path.read_text("utf-8")
    assert "    parent_step: asiointi\n" in text
    path.write_text(text.replace("    parent_step: asiointi\n",
                                 "    parent_step: asiointi\n    metrics: [hakemusten-kesto]\n", 1), "utf-8")
    run("commit", "-q", "-am", "June", date="2025-06-20T12:00:00Z")


def test_the_trend_comes_from_git_month_by_month(bank_copy: Path, tmp_path: Path) -> None:
    git_bank(bank_copy)
    build_site(bank_copy, tmp_path / "out")
    page = (tmp_path / "out/en/scorecard.html").read_text("utf-8")
    assert "Figures as of 20 Jun 2025 (the bank&#39;s last change)" in page
    rows = re.findall(r'<tr><th scope="row"><time datetime="([0-9-]+)">.*?</tr>', page)
    assert rows == ["2025-05-15", "2025-06-20"]
    june = re.search(r'<time datetime="2025-06-20">20 Jun 2025</time></th>(.*?)</tr>', page)
    may = re.search(r'<time datetime="2025-05-15">15 May 2025</time></th>(.*?)</tr>', page)
    assert may and june
    # Steps with a metric: 4 of 10 in May, 5 of 10 after the June commit.
    assert re.findall(r"<td>([^<]*)</td>", may.group(1))[2] == "40%"
    assert re.findall(r"<td>([^<]*)</td>", june.group(1))[2] == "50%"
    assert 'class="chart trend-lines"' in page


def test_without_git_the_trend_is_skipped_with_a_note(bank_copy: Path, tmp_path: Path) -> None:
    build_site(bank_copy, tmp_path / "out")  # bank_copy lies outside any git work tree
    for language, note in (
        ("en", "The trend over time is not shown: the bank is not in a git repository, so there are no past versions."),
        ("fi", "Kehitystä ajan mittaan ei näytetä: pankki ei ole git-repositoriossa, joten aiempia versioita ei ole."),
    ):
        page = (tmp_path / f"out/{language}/scorecard.html").read_text("utf-8")
        assert f"<p>{note}</p>" in page
        assert "trend-lines" not in page


def test_the_scorecard_pages_are_the_same_bytes_twice(bank_copy: Path, tmp_path: Path) -> None:
    git_bank(bank_copy)
    build_site(bank_copy, tmp_path / "a")
    build_site(bank_copy, tmp_path / "b")
    for rel in ("en/scorecard.html", "fi/index.html", "en/themes/varhaiskasvatus.html",
                "fi/groups/lapsiperheet.html", "en/teams/varhaiskasvatus-tiimi.html"):
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_when_git_cannot_read_the_past_the_build_goes_on_with_a_note(
    bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journeyops_cli import revisions
    from journeyops_cli.scorecard import run

    git_bank(bank_copy)

    def broken(*args: object, **kwargs: object) -> None:
        raise revisions.RevisionError("git archive failed: disk full")

    monkeypatch.setattr(run, "history", broken)
    result = build_site(bank_copy, tmp_path / "out")
    assert result.notes == ["the scorecard's trend is left out: git archive failed: disk full"]
    page = (tmp_path / "out/en/scorecard.html").read_text("utf-8")
    assert "<p>The trend over time is not shown: past versions could not be read from git.</p>" in page


def test_the_home_page_shows_the_first_few_of_each_list_and_how_many_more(
    bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journeyops_cli.site import dashboards as module

    loaded = load_bank(bank_copy, load_config(bank_copy)).bank
    monkeypatch.setattr(module, "GLANCE", 0)
    health = dashboards(loaded).health()
    assert (health["off"], health["counts"]["off"]) == ([], 1)
    build_site(bank_copy, tmp_path / "out")
    home = (tmp_path / "out/en/index.html").read_text("utf-8")
    assert '<h3 id="health-off-h">Metrics off target (1)</h3>' in home
    assert '<p><a href="metrics.html">and 1 more</a></p>' in home
    assert '<p><a href="scorecard.html#steps-h">and 1 more</a></p>' in home


def test_the_journey_page_shows_the_review_trail_newest_first(built_site: Path) -> None:
    page = (built_site / "en/journeys/varhaiskasvatukseen-hakeminen.html").read_text("utf-8")
    assert '<h2 id="reviews-h">Review trail (2)</h2>' in page
    row = r'<tr><th scope="row"><time datetime="([0-9-]+)">[^<]*</time></th><td>([^<]*)</td><td>([^<]*)</td></tr>'
    rows = re.findall(row, page)
    assert rows == [("2025-05-20", "Tuoteomistaja", "–"),
                    ("2025-01-15", "Palvelumuotoilija", "The steps were walked through.")]
    assert "reviews-h" not in (built_site / "en/journeys/asiointi.html").read_text("utf-8")


def test_the_scorecard_page_counts_validation_s_findings_by_severity(built_site: Path) -> None:
    from journeyops_cli.findings import Severity
    from journeyops_cli.pipeline import validate

    counts = validate(BANK).counts()
    whole = f"{counts[Severity.ERROR]} / {counts[Severity.WARNING]} / {counts[Severity.INFO]}"
    assert whole == "3 / 3 / 2"
    page = (built_site / "en/scorecard.html").read_text("utf-8")
    assert '<th scope="col">Findings from validation (errors / warnings / notes)</th>' in page
    bank_row = page.split('<th scope="row">Whole bank</th>', 1)[1].split("</tr>", 1)[0]
    assert bank_row.endswith(f"<td>{whole}</td>")
    finnish = (built_site / "fi/scorecard.html").read_text("utf-8")
    assert '<th scope="col">Tarkistuksen löydökset (virheet / varoitukset / huomiot)</th>' in finnish
    swedish = strings("sv")["col_findings"]
    assert swedish == "Fynd från valideringen (fel / varningar / noteringar)"
    # The theme dashboards keep their columns: findings are the scorecard page's.
    theme = (built_site / "en/themes/asuminen.html").read_text("utf-8")
    assert "Findings from validation (errors" not in theme


def test_only_the_scorecard_page_s_rows_carry_findings(bank) -> None:  # type: ignore[no-untyped-def]
    from journeyops_cli.findings import Finding, Severity

    journey = bank.get(Journey, "sahkoinen-hakemus")
    found = [Finding("JO999", Severity.WARNING, journey.source_path, 1, 1, "x"),
             Finding("JO999", Severity.ERROR, journey.source_path, 2, 1, "y")]
    card = SiteScorecard(scorecard_of_bank(bank, [], AS_OF), None, "trend_no_git")
    card.count_findings(bank, found)
    shown = Dashboards(bank, card, strings("en"), "en", lambda text: text.get("en") if isinstance(text, dict) else text)
    assert shown.page()["themes"][0]["findings"] == "1 / 1 / 0"
    assert "findings" not in shown.theme_panel("varhaiskasvatus")["row"]  # type: ignore[index]


def test_a_rebuild_shows_findings_that_changed_while_the_bank_did_not(
    bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journeyops_cli.findings import Finding, Severity
    from journeyops_cli.site.validation import Validation

    out = tmp_path / "out"
    build_site(bank_copy, out)
    before = (out / "en/scorecard.html").read_text("utf-8")
    real = Validation.result
    extra = Finding("JO402", Severity.WARNING, "journeys/detailed.yaml", 1, 1, "stale since today")
    monkeypatch.setattr(Validation, "result", lambda self: [*real(self), extra])
    build_site(bank_copy, out)  # the same bank (the same world), one more finding
    after = (out / "en/scorecard.html").read_text("utf-8")
    assert '<td>3 / 3 / 2</td></tr>' in before
    assert '<td>3 / 4 / 2</td></tr>' in after


@pytest.mark.parametrize("which", ["example", "generated"])
def test_findings_counted_into_a_built_scorecard_are_the_scorecard_built_with_them(
    which: str, tmp_path: Path
) -> None:
    """The site makes its scorecard before the rules are done and counts their findings
    in afterwards (`Scorecard.recounted`): the figures are those `scorecard_of_bank`
    makes with the findings, on the example bank (with its target journey) and on a
    generated bank of varied style."""
    from benchmarks.generate import generate

    from journeyops_cli.findings import Finding, Severity
    from journeyops_cli.rules.engine import Selection, lint

    if which == "example":
        root = Path(__file__).resolve().parents[2] / "examples" / "helsinki"
    else:
        root = tmp_path / "bank"
        generate(12, root, seed=3)
    loaded = load_bank(root, load_config(root), cache=False)
    found = lint(loaded.bank, loaded.findings, loaded.files, Selection())
    assert len({item.path for item in found}) > 5
    # The whole bank counts a file that holds no journey, insight, metric or opportunity.
    found.append(Finding("JO001", Severity.ERROR, "themes/broken.yaml", 1, 1, "did not load"))
    card = scorecard_of_bank(loaded.bank, [], AS_OF, recount=True)
    expected = scorecard_of_bank(loaded.bank, found, AS_OF).to_dict()
    assert card.recounted(found).to_dict() == expected
    assert card.recounted([]).to_dict() == card.to_dict()
    assert card.to_dict() != expected  # nothing counted in the card itself
