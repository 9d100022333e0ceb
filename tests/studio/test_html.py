"""Every studio page is valid HTML for the Nu HTML Checker (vnu); the site's assets the
studio serves are the site's own."""

from __future__ import annotations

from pathlib import Path

from tests.studio.helpers import studio_client
from tests.tools import vnu_check

PAGES = {
    "home": "/?lang=en", "journey": "/journey/daycare-journey", "step": "/journey/daycare-journey/step/apply",
    "remove": "/journey/daycare-journey/step/apply/remove", "insight-form": "/new/insight", "triage": "/triage",
    "metrics": "/metrics", "metric": "/metric/callback-wait-hours", "opportunity-form": "/new/opportunity",
    "journey-form": "/new/journey?parent=daycare-journey", "changes": "/changes",
    "insight": "/insight/fb-daycare-decision-delay", "search": "/search?q=day",
    "opportunity": "/opportunity/decision-date-estimate", "not-found": "/journey/no-such-journey",
}


def test_every_studio_page_is_valid_html(bank: Path, tmp_path: Path) -> None:
    client, _, _ = studio_client(bank)
    out = tmp_path / "pages"
    out.mkdir()
    for name, url in PAGES.items():
        answer = client.get(url)
        assert answer.status_code == (404 if name == "not-found" else 200), url
        (out / f"{name}.html").write_text(answer.text, encoding="utf-8")
    assert vnu_check(out) == []


def test_the_site_assets_carry_the_journey_maps_own(bank: Path) -> None:
    """The studio shows the site's journey map: its stylesheet and its script (the scroll
    hint) come with the site's assets, as the site writes them."""
    from journeyops_cli.resources import templates_dir

    client, _, _ = studio_client(bank)
    script = client.get("/assets/site.js").text
    assert script.endswith((templates_dir() / "render" / "map.js").read_text("utf-8"))
    assert ".map-hint[hidden] { display: none; }" in client.get("/assets/site.css").text
