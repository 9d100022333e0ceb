"""The studio's new-journey form makes a target (to-be) journey: `state` and `improves`,
its steps those of the journey it improves when none is typed; `validate` stays clean."""

from __future__ import annotations

import re
from pathlib import Path

from tests.studio.helpers import csrf_of, studio_client

from journeyops_cli.findings import Severity
from journeyops_cli.pipeline import validate


def test_a_target_journey_from_the_journey_page(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/journey/daycare-journey?lang=en").text
    link = re.search(r'<a href="([^"]+)">New target journey from this journey</a>', page)
    assert link is not None
    form = client.get(link.group(1).replace("&amp;", "&")).text
    assert '<option value="target" selected>To-be</option>' in form
    assert '<label for="f-improves">Improves the current journey</label>' in form
    assert '<option value="daycare-journey" selected>' in form
    answer = client.post(link.group(1).replace("&amp;", "&"), data={
        "csrf": csrf_of(form), "level": "mid", "parent": "service-journey", "state": "target",
        "improves": "daycare-journey", "title_fi": "Varhaiskasvatukseen 2030", "title_en": "Into daycare 2030",
    }, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    text = (bank / "journeys/mid/varhaiskasvatukseen-2030.yaml").read_text(encoding="utf-8")
    assert "state: target\nimproves: daycare-journey\n" in text
    assert "theme: varhaiskasvatus\n" in text
    # no step typed: the steps of the journey it improves, ids and all (the curves line up)
    assert re.findall(r"^  - id: (\S+)$", text, re.M) == [
        "find-options", "apply", "wait-for-decision", "accept-place", "start-daycare", "pay-fees"]
    findings = [f"{f.path}: {f.code} {f.message}" for f in validate(bank).findings if f.severity >= Severity.ERROR]
    assert findings == []
