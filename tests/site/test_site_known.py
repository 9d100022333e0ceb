"""Customer-group and life-event pages as a summary a CX lead reads: every journey, how
many insights, metrics and opportunities are known (by type, severity, target and status),
the most relevant few of each, and a link to all the insights in the explorer, filtered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from journeyops_cli.render.i18n import strings
from journeyops_cli.site.build import build_site
from journeyops_cli.site.vocabulary import SHOWN


def more_insights(bank: Path, count: int) -> None:
    """Add `count` critical insights on a step of a journey for families with children."""
    path = bank / "insights" / "more.yaml"
    path.write_text("".join(
        f"{'---' + chr(10) if n else ''}kind: Insight\nid: lisaa-{n:02d}\n"
        f"title: {{fi: Lisähavainto {n:02d}, en: More insight {n:02d}}}\n"
        "type: survey\nsource: Kysely\nsummary: Vastaajat kaipaavat ohjeita.\n"
        f"date: 2025-03-{n % 28 + 1:02d}\nseverity: critical\n"
        "steps: [sahkoinen-hakemus#liitteet]\n"
        for n in range(count)), "utf-8")


def more_metrics(bank: Path, count: int) -> None:
    """Add `count` metrics without a target, measured at the same step."""
    path = bank / "metrics" / "more.yaml"
    path.write_text("".join(
        f"{'---' + chr(10) if n else ''}kind: Metric\nid: mittari-{n:02d}\n"
        f"title: {{fi: Mittari {n:02d}, en: Metric {n:02d}}}\nunit: kpl\nsteps: [sahkoinen-hakemus#liitteet]\n"
        for n in range(count)), "utf-8")


def test_a_group_page_summarises_and_links_to_the_explorer(bank_copy: Path, tmp_path: Path) -> None:
    more_insights(bank_copy, 25)
    more_metrics(bank_copy, 21)
    build_site(bank_copy, tmp_path / "out")
    en = (tmp_path / "out/en/groups/lapsiperheet.html").read_text("utf-8")
    assert '<h2 id="known-insights-h">Insights (28)</h2>' in en
    assert "<dt>Type</dt><dd>Survey 25 · Feedback 2 · Usability test 1</dd>" in en
    assert "<dt>Severity</dt><dd>critical 25 · high 1 · medium 1 · low 1</dd>" in en
    assert f"<p>The {SHOWN} most severe and newest:</p>" in en
    shown = re.search(r'<ul class="known-insights">(.*?)</ul>', en)
    assert shown and shown.group(1).count("<li>") == SHOWN == 20
    # the critical ones, newest first (insight n is dated 2025-03-(n+1)); the high one is not among them
    newest = [f"lisaa-{n:02d}" for n in range(24, 4, -1)]
    assert re.findall(r'href="../insights/([^".]+)\.html"', shown.group(1)) == newest
    assert ('<p><a class="known-all" href="../insights/index.html?group=lapsiperheet">'
            "All 28 insights about Families with children</a></p>") in en
    assert ('<p><span class="status bad">✗ off target</span>: 1 · '
            '<span class="status ok">✓ on target</span>: 1 · No value or target: 21</p>') in en
    assert "<p>20 of them, those off target first:</p>" in en
    metrics = re.search(r'<h2 id="known-metrics-h">Metrics \(23\)</h2>.*?<ul>(.*?)</ul>', en, re.S)
    assert metrics and metrics.group(1).count("<li>") == 20
    assert re.findall(r'href="../metrics.html#metric-([^"]+)"', metrics.group(1))[:3] == [
        "hakemusten-kesto", "tyytyvaisyys", "mittari-00"]  # off target, on target, then by title
    assert ('<p><a class="known-all" href="../metrics.html?group=lapsiperheet">'
            "All 23 metrics about Families with children</a></p>") in en
    fi = (tmp_path / "out/fi/groups/lapsiperheet.html").read_text("utf-8")
    assert "<p>20 vakavinta ja uusinta:</p>" in fi
    assert ('<a class="known-all" href="../insights/index.html?group=lapsiperheet">'
            "Kaikki 28 havaintoa: Lapsiperheet</a>") in fi
    event = (tmp_path / "out/en/life-events/lapsen-syntyma.html").read_text("utf-8")
    assert ('<a class="known-all" href="../insights/index.html?event=lapsen-syntyma">'
            "All 28 insights about A child is born</a>") in event
    # The explorer offers the same filters.
    explorer = (tmp_path / "out/en/insights/index.html").read_text("utf-8")
    assert '<label for="f-group">Customer group</label>' in explorer
    assert '<option value="lapsen-syntyma">A child is born</option>' in explorer


def test_few_records_are_all_shown_without_a_link_to_the_rest(built_site: Path) -> None:
    en = (built_site / "en/groups/lapsiperheet.html").read_text("utf-8")
    assert "most severe and newest" not in en and "highest in the backlog" not in en
    assert "metrics about" not in en
    metrics = (built_site / "en/metrics.html").read_text("utf-8")
    assert ('<p class="nojs-note" id="metrics-nojs">'
            "Filtering needs JavaScript; all metrics are listed below.</p>") in metrics
    assert ('<tr id="metric-hakemusten-kesto" data-group="lapsiperheet" data-event="lapsen-syntyma" '
            'data-status="off_target">') in metrics
    assert '<legend>Filter metrics</legend>' in metrics
    assert '<h2 id="known-opps-h">Opportunities (2)</h2>\n<p>idea 1 · planned 1</p>' in en


SUMMARY_STRINGS = {  # key: (fi, sv, en)
    "known_all_insights": ("Kaikki {n} havaintoa: {title}", "Alla {n} insikter om {title}",
                           "All {n} insights about {title}"),
    "known_insights_shown": ("{n} vakavinta ja uusinta:", "De {n} allvarligaste och nyaste:",
                             "The {n} most severe and newest:"),
    "known_metrics_shown": ("Niistä {n}, tavoitteesta jäävät ensin:", "{n} av dem, de som inte når målet först:",
                            "{n} of them, those off target first:"),
    "known_all_metrics": ("Kaikki {n} mittaria: {title}", "Alla {n} mätare om {title}",
                          "All {n} metrics about {title}"),
    "metrics_filter": ("Suodata mittareita", "Filtrera mätare", "Filter metrics"),
    "metrics_shown": ("{shown}/{total} mittaria näkyvissä", "{shown} av {total} mätare visas",
                      "{shown} of {total} metrics shown"),
    "metrics_filter_nojs": ("Suodatus tarvitsee JavaScriptin; kaikki mittarit on listattu alla.",
                            "Filtreringen kräver JavaScript; alla mätare listas nedan.",
                            "Filtering needs JavaScript; all metrics are listed below."),
    "known_opportunities_ranked": ("{n} korkeinta kehitysjonossa:", "De {n} som står högst i utvecklingskön:",
                                   "The {n} highest in the backlog:"),
    "known_all_opportunities": ("Kaikki {n} kehitysmahdollisuutta kehitysjonossa: {title}",
                                "Alla {n} utvecklingsmöjligheter om {title} i utvecklingskön",
                                "All {n} opportunities about {title} in the backlog"),
}


@pytest.mark.parametrize("key", SUMMARY_STRINGS)
def test_the_summary_strings_in_every_language(key: str) -> None:
    assert tuple(strings(language)[key] for language in ("fi", "sv", "en")) == SUMMARY_STRINGS[key]
