"""The studio's step form shows the bank's own lanes as fields by type and edits their
values through the edit path; a value that does not fit is refused in the page's words."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.studio.helpers import commit_bank, csrf_of, digest_of, git, studio_client

from journeyops_cli.pipeline import validate

BLUEPRINT = Path(__file__).resolve().parents[1] / "banks" / "blueprint"
STEP = "/journey/parking-permit/step/apply"


def blueprint_bank(tmp_path: Path, more_lanes: str = "") -> Path:
    """The blueprint bank as a git repository, with `more_lanes` declared after its own."""
    root = tmp_path / "blueprint"
    shutil.copytree(BLUEPRINT, root, ignore=shutil.ignore_patterns(".journeyops_cache", "site"))
    config = root / "journeyops.yaml"
    config.write_text(config.read_text(encoding="utf-8") + more_lanes, encoding="utf-8")
    return commit_bank(root)


@pytest.fixture()
def blueprint(tmp_path: Path) -> Path:
    return blueprint_bank(tmp_path)


def fields(page: str) -> dict[str, str]:
    """Every input, textarea and select of the page by name, with what it holds now."""
    found = {
        name: html.unescape(value)
        for tag, name, value in re.findall(r'(<input [^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*>)', page)
        if 'type="checkbox"' not in tag or " checked" in tag
    }
    areas = re.findall(r'<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', page)
    found |= {name: html.unescape(text) for name, text in areas}
    for name, options in re.findall(r'<select [^>]*name="([^"]+)">(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', options)
        found[name] = chosen.group(1) if chosen else ""
    return found


def test_the_step_form_has_a_field_of_each_lane_by_type(blueprint: Path) -> None:
    client, _, _ = studio_client(blueprint)
    page = client.get(STEP + "?lang=en").text
    assert "<legend>The bank&#39;s own lanes</legend>" in page
    got = fields(page)
    assert got["lane_frontstage_fi"] == "Sähköinen lomake\nVahvistusviesti"
    assert got["lane_frontstage_en"] == "The online form\nThe confirmation message"
    assert got["lane_backstage_en"] == "A handler checks the vehicle details"
    assert got["lane-waiting_days"] == "2.5"
    assert got["lane-channel_owner"] == "partner"
    assert '<label for="f-lane-waiting_days">Waiting (days)</label>' in page
    assert '<option value="city">City</option>' in page
    assert '<p class="hint">What the customer sees the service do</p>' in page
    finnish = client.get(STEP + "?lang=fi").text
    assert "<legend>Pankin omat kaistat</legend>" in finnish
    assert '<option value="city">Kaupunki</option>' in finnish


def post(client, page: str, **changed: str):  # type: ignore[no-untyped-def]
    data = {**fields(page), **changed, "csrf": csrf_of(page), "digest": digest_of(page)}
    return client.post(STEP + "?lang=en", data=data, follow_redirects=False)


def test_saving_the_form_unchanged_changes_nothing_and_an_edit_changes_only_its_lane(blueprint: Path) -> None:
    client, _, _ = studio_client(blueprint)
    path = blueprint / "journeys/parking-permit.yaml"
    before = path.read_text(encoding="utf-8")
    answer = post(client, client.get(STEP + "?lang=en").text)
    assert answer.status_code == 303, answer.text
    assert path.read_text(encoding="utf-8") == before
    answer = post(client, client.get(STEP + "?lang=en").text,
                  **{"lane-waiting_days": "3,5", "lane-channel_owner": "city"},
                  lane_support_processes_fi="Ajoneuvorekisterin tarkistus\nMaksun tarkistus",
                  lane_support_processes_en="Vehicle register check\nPayment check")
    assert answer.status_code == 303, answer.text
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("waiting_days: 2.5", "waiting_days: 3.5").replace(
        "channel_owner: partner", "channel_owner: city"
    ).replace(
        "      - {fi: Ajoneuvorekisterin tarkistus, en: Vehicle register check}\n",
        "      - {fi: Ajoneuvorekisterin tarkistus, en: Vehicle register check}\n"
        "      - {fi: Maksun tarkistus, en: Payment check}\n",
    )
    assert validate(blueprint).findings == []


def test_a_value_that_does_not_fit_is_refused_in_the_pages_words(blueprint: Path) -> None:
    client, _, _ = studio_client(blueprint)
    before = (blueprint / "journeys/parking-permit.yaml").read_bytes()
    answer = post(client, client.get(STEP + "?lang=en").text, **{"lane-waiting_days": "two"})
    assert answer.status_code == 422
    assert "Odotus &#39;two&#39;: give a number (decimals with a comma or a point)" in answer.text
    answer = post(client, client.get(STEP + "?lang=en").text, **{"lane-channel_owner": "town"})
    assert "Kanavan omistaja &#39;town&#39;: pick one of city, partner" in answer.text
    assert (blueprint / "journeys/parking-permit.yaml").read_bytes() == before


def test_no_two_lanes_share_a_form_field(tmp_path: Path) -> None:
    """A text lane `notes` has the fields lane_notes_fi and _en; a number lane `notes_fi`
    once had a field of the same name, so saving wrote one lane's value into the other."""
    blueprint = blueprint_bank(
        tmp_path,
        "  notes:\n    type: text\n    title: Notes\n  notes_fi:\n    type: number\n    title: Notes in Finnish\n",
    )
    client, _, _ = studio_client(blueprint)
    page = client.get(STEP + "?lang=en").text
    names = re.findall(r'<(?:input|textarea|select) [^>]*name="(lane[^"]+)"', page)
    assert len(names) == len(set(names)) == 11, names
    path = blueprint / "journeys/parking-permit.yaml"
    before = path.read_text(encoding="utf-8")
    answer = post(client, page, **{"lane_notes_fi": "Muistiinpano", "lane-notes_fi": "7"})
    assert answer.status_code == 303, answer.text
    assert path.read_text(encoding="utf-8") == before.replace(
        "    channel_owner: partner\n", "    channel_owner: partner\n    notes: Muistiinpano\n    notes_fi: 7\n"
    )


def test_saving_a_long_whole_number_unchanged_changes_nothing(blueprint: Path) -> None:
    """The form showed 123456789012345678901234567890 and saved it back through a float
    (123456789012345677877719597056)."""
    path = blueprint / "journeys/parking-permit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "waiting_days: 2.5", "waiting_days: 123456789012345678901234567890"), encoding="utf-8")
    git(blueprint, "commit", "--quiet", "--all", "-m", "a long number")
    client, _, _ = studio_client(blueprint)
    before = path.read_text(encoding="utf-8")
    page = client.get(STEP + "?lang=en").text
    assert fields(page)["lane-waiting_days"] == "123456789012345678901234567890"
    assert post(client, page).status_code == 303
    assert path.read_text(encoding="utf-8") == before
    answer = post(client, client.get(STEP + "?lang=en").text, **{"lane-waiting_days": "1" * 400})
    assert answer.status_code == 422
    assert path.read_text(encoding="utf-8") == before


@pytest.mark.browser
def test_the_lane_fields_in_chromium(blueprint: Path, page: Any) -> None:
    """In a real browser: axe finds nothing on the step form with the bank's lanes, each
    field has its label, and a number typed with a decimal comma and a choice picked from
    the menu are saved through the edit path."""
    from tests.studio.helpers import serving
    from tests.tools import run_axe

    path = blueprint / "journeys/parking-permit.yaml"
    before = path.read_text(encoding="utf-8")
    with serving(blueprint) as link:
        page.goto(link)
        page.goto(link.split("/?", 1)[0] + STEP + "?lang=fi")
        assert run_axe(page) == []
        assert page.get_by_label("Odotus (pv)").input_value() == "2.5"
        page.get_by_label("Odotus (pv)").fill("3,5")
        page.get_by_label("Kanavan omistaja").select_option("city")
        with page.expect_navigation():
            page.click("button[type=submit] >> text=Tallenna")
        assert "Tallennettu:" in page.content()
    assert path.read_text(encoding="utf-8") == before.replace("waiting_days: 2.5", "waiting_days: 3.5").replace(
        "channel_owner: partner", "channel_owner: city")


def test_a_value_that_does_not_fit_stays_until_the_form_gives_one(tmp_path: Path) -> None:
    """The form shows only values that fit their lanes; saving it once removed a value
    that does not fit (JO021) from the file, unseen. It stays (the edit path refuses a
    record with errors, as for any field), and a value typed in its field replaces it."""
    blueprint = blueprint_bank(tmp_path)
    path = blueprint / "journeys/parking-permit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("waiting_days: 2.5", "waiting_days: kaksi").replace(
        "backstage: {fi: Käsittelijä tarkistaa ajoneuvon tiedot, en: A handler checks the vehicle details}",
        "backstage: 12"), encoding="utf-8")
    git(blueprint, "commit", "--quiet", "--all", "-m", "values that do not fit")
    before = path.read_text(encoding="utf-8")
    assert [f.code for f in validate(blueprint).findings] == ["JO021", "JO021"]
    client, _, _ = studio_client(blueprint)
    page = client.get(STEP + "?lang=en").text
    assert fields(page)["lane-waiting_days"] == "" and fields(page)["lane_backstage_fi"] == ""
    answer = post(client, page, emotion="0")
    assert answer.status_code == 422
    assert ("Not saved: journeys/parking-permit.yaml: the edited record would not be valid; refused, the file is "
            "unchanged") in answer.text
    assert path.read_text(encoding="utf-8") == before
    answer = post(client, client.get(STEP + "?lang=en").text, **{"lane-waiting_days": "4"},
                  lane_backstage_fi="Käsittelijä")
    assert answer.status_code == 303, answer.text
    assert path.read_text(encoding="utf-8") == before.replace("waiting_days: kaksi", "waiting_days: 4").replace(
        "backstage: 12", "backstage: Käsittelijä")
    assert validate(blueprint).findings == []
