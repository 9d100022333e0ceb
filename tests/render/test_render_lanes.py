"""The bank's own lanes on the journey map: the view model, Markdown, HTML and the site's
journey page, in Finnish and English, and a rebuild that notices a changed lane value."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journeyops_cli.models import Journey
from journeyops_cli.pipeline import load_bank
from journeyops_cli.render.journey_map import LaneView, build_map
from journeyops_cli.render.journey_page import render_journey
from journeyops_cli.site.build import build_site

BLUEPRINT = Path(__file__).resolve().parents[1] / "banks" / "blueprint"


@pytest.fixture
def blueprint(tmp_path: Path) -> Path:
    root = tmp_path / "blueprint"
    shutil.copytree(BLUEPRINT, root, ignore=shutil.ignore_patterns(".journeyops_cache", "site"))
    return root


def journey_of(root: Path) -> tuple[object, Journey]:
    bank = load_bank(root, cache=False).bank
    journey = bank.get(Journey, "parking-permit")
    assert journey is not None
    return bank, journey


def test_the_map_holds_the_filled_lanes_in_declared_order_in_each_language(blueprint: Path) -> None:
    bank, journey = journey_of(blueprint)
    fi = build_map(bank, journey, "fi")  # type: ignore[arg-type]
    assert fi.lanes == [
        LaneView("frontstage", "Asiakkaalle näkyvä toiminta", "Mitä asiakas näkee palvelun tekevän", "list"),
        LaneView("backstage", "Taustatoiminta", "", "text"),
        LaneView("support_processes", "Tukiprosessit", "", "list"),
        LaneView("waiting_days", "Odotus", "", "number"),
        LaneView("channel_owner", "Kanavan omistaja", "", "choice"),
    ]
    assert [step.own for step in fi.steps] == [
        [["Verkkosivun ohje"], ["Sisällöntuottaja päivittää ohjeet"], [], [], ["Kaupunki"]],
        [["Sähköinen lomake", "Vahvistusviesti"], ["Käsittelijä tarkistaa ajoneuvon tiedot"],
         ["Ajoneuvorekisterin tarkistus"], ["2,5 pv"], ["Kumppani"]],
        [[], [], [], ["0 pv"], []],
    ]
    en = build_map(bank, journey, "en")  # type: ignore[arg-type]
    assert [lane.title for lane in en.lanes] == [
        "Frontstage", "Backstage", "Support processes", "Waiting", "Channel owner"
    ]
    assert en.steps[1].own[3:] == [["2.5 days"], ["Partner"]]


def test_a_journey_without_lane_values_has_no_own_rows(blueprint: Path) -> None:
    path = blueprint / "journeys/parking-permit.yaml"
    text = "".join(
        line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
        if not line.startswith(("    frontstage", "      - {", "    backstage", "    support", "    waiting",
                                "    channel_owner"))
    )
    path.write_text(text, encoding="utf-8")
    bank, journey = journey_of(blueprint)
    view = build_map(bank, journey, "fi")  # type: ignore[arg-type]
    assert view.lanes == []
    assert [step.own for step in view.steps] == [[], [], []]


def test_markdown_shows_a_row_per_lane(blueprint: Path) -> None:
    bank, _journey = journey_of(blueprint)
    text = render_journey(bank, "parking-permit", "md", "fi")  # type: ignore[arg-type]
    assert "| **Asiakkaalle näkyvä toiminta** | Verkkosivun ohje | Sähköinen lomake<br>Vahvistusviesti | – |\n" in text
    assert "| **Odotus** | – | 2,5 pv | 0 pv |\n" in text
    assert "| **Kanavan omistaja** | Kaupunki | Kumppani | – |\n" in text
    english = render_journey(bank, "parking-permit", "md", "en")  # type: ignore[arg-type]
    assert "| **Backstage** | A content editor keeps the instructions up to date | " in english
    assert "| **Waiting** | – | 2.5 days | 0 days |\n" in english


def test_html_shows_a_row_per_lane(blueprint: Path) -> None:
    bank, _journey = journey_of(blueprint)
    html = render_journey(bank, "parking-permit", "html", "en")  # type: ignore[arg-type]
    assert (
        '<tr class="lane lane-own lane-own-list"><th scope="row" id="parking-permit--own-frontstage" '
        'class="lane-head" title="What the customer sees the service do"><span class="lane-label">'
        "<span>Frontstage</span></span></th><td><ul><li>Instructions on the website</li></ul></td>"
    ) in html
    assert '<td><p class="channels"><span class="chip">Partner</span></p></td>' in html
    assert "<td><p>2.5 days</p></td>" in html


def test_the_sites_journey_page_shows_the_lanes_and_a_rebuild_sees_a_changed_value(
    blueprint: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build_site(blueprint, out, workers=1)
    fi = (out / "fi/journeys/parking-permit.html").read_text(encoding="utf-8")
    assert "<span>Taustatoiminta</span>" in fi and "<li>Ajoneuvorekisterin tarkistus</li>" in fi
    en = (out / "en/journeys/parking-permit.html").read_text(encoding="utf-8")
    assert "<span>Support processes</span>" in en and "<li>Vehicle register check</li>" in en
    # Only a lane value changes: the record's fields are the same, the page is not.
    path = blueprint / "journeys/parking-permit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("waiting_days: 2.5", "waiting_days: 4"),
                    encoding="utf-8")
    build_site(blueprint, out, workers=1)
    en = (out / "en/journeys/parking-permit.html").read_text(encoding="utf-8")
    assert "<td><p>4 days</p></td>" in en and "2.5 days" not in en


def test_hostile_lane_titles_are_text_and_a_huge_number_is_written_out(blueprint: Path) -> None:
    """A lane's title, description and choice words are the bank's text, never markup; a
    number lane of 1e300 once stopped the render (Babel rounds in a 28-digit context)."""
    config = blueprint / "journeyops.yaml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("en: Backstage}", "en: '<script>alert(1)</script>'}\n    description: 'a\" onmouseover=\"x'")
        .replace("en: Partner}", "en: '<b>bold</b>'}"),
        encoding="utf-8",
    )
    path = blueprint / "journeys/parking-permit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("waiting_days: 2.5", "waiting_days: 1e300"),
                    encoding="utf-8")
    bank, _journey = journey_of(blueprint)
    html = render_journey(bank, "parking-permit", "html", "en")  # type: ignore[arg-type]
    assert "<script>alert" not in html and "<b>" not in html
    assert (
        'class="lane-head" title="a&#34; onmouseover=&#34;x"><span class="lane-label">'
        "<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>"
    ) in html
    assert '<span class="chip">&lt;b&gt;bold&lt;/b&gt;</span>' in html
    assert "<td><p>1,000,000,000,000,000,000,000" in html
    markdown = render_journey(bank, "parking-permit", "md", "fi")  # type: ignore[arg-type]
    assert "| **Odotus** | – | 1\u00a0000\u00a0000\u00a0000" in markdown


def test_the_sites_search_finds_a_step_by_its_lane_values(blueprint: Path) -> None:
    from journeyops_cli.render.i18n import strings
    from journeyops_cli.site.pages import SiteData
    from journeyops_cli.site.search import entries

    loaded = load_bank(blueprint, cache=False)
    data = SiteData(loaded.bank, "Blueprint", ["fi", "en"])
    found = {entry["url"]: entry["text"] for entry in entries(data, "fi", strings("fi"))}
    assert found["journeys/parking-permit.html#parking-permit--apply"].endswith(
        "sahkoinen lomake vahvistusviesti kasittelija tarkistaa ajoneuvon tiedot ajoneuvorekisterin tarkistus"
        " 2,5 pv kumppani"
    )
