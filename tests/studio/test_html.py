"""Every studio page is valid HTML for the Nu HTML Checker (vnu)."""

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
