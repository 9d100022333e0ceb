"""The studio's forms through Starlette's TestClient: each writes through the edit path,
keeps comments, and leaves `validate` clean."""

from __future__ import annotations

from pathlib import Path

from tests.studio.helpers import csrf_of, digest_of, git, snapshot, studio_client

from journeyops_cli.findings import Severity
from journeyops_cli.pipeline import validate


def errors(root: Path) -> list[str]:
    return [f"{f.path}: {f.code} {f.message}" for f in validate(root).findings if f.severity >= Severity.ERROR]


def test_every_page_renders(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    for url in ["/", "/?lang=en", "/journey/daycare-journey", "/journey/daycare-journey/step/apply",
                "/new/insight", "/triage", "/metrics", "/metric/callback-wait-hours", "/new/opportunity",
                "/new/journey", "/new/journey?parent=daycare-journey", "/changes",
                "/insight/fb-daycare-decision-delay", "/search?q=day", "/journey/daycare-journey/step/apply/remove"]:
        answer = client.get(url)
        assert answer.status_code == 200, url
        assert answer.headers["content-security-policy"].startswith("default-src 'none'")


def test_add_insight_linked_to_two_steps(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/new/insight?lang=en").text
    assert 'name="steps" value="daycare-journey#apply"' in page
    answer = client.post("/new/insight?lang=en", data={
        "csrf": csrf_of(page), "title_fi": "Maksu epäselvä", "title_en": "The fee is unclear",
        "type": "interview", "source": "Haastattelut 2026", "date": "2026-11-20",
        "summary_fi": "Perheet eivät ymmärrä maksua.", "summary_en": "Families do not understand the fee.",
        "severity": "high", "confidence": "medium", "evidence": "https://example.org/notes",
        "steps": ["daycare-journey#apply", "daycare-fees#estimate-fee"], "customer_groups": ["families-with-children"],
    }, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    text = (bank / "insights" / "maksu-epaselva.yaml").read_text(encoding="utf-8")
    assert "  - daycare-journey#apply\n  - daycare-fees#estimate-fee\n" in text
    assert "customer_groups: [families-with-children]" in text
    assert "title: {fi: Maksu epäselvä, en: The fee is unclear}" in text
    assert errors(bank) == []
    assert "Saved: insight added" in client.get("/?lang=en").text


def test_triage_links_three_insights_and_keeps_comments(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/triage").text
    form: dict[str, object] = {"csrf": csrf_of(page), "step": "daycare-journey#wait-for-decision",
                               "insights": ["fb-unlinked-one", "fb-unlinked-two", "fb-unlinked-three"]}
    for name in ("one", "two", "three"):
        value = page.split(f'name="digest_fb-unlinked-{name}" value="')[1].split('"')[0]
        form[f"digest_fb-unlinked-{name}"] = value
    answer = client.post("/triage", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    text = (bank / "insights" / "unlinked.yaml").read_text(encoding="utf-8")
    assert text.count("steps:\n  - daycare-journey#wait-for-decision\n") == 3
    assert "# Feedback not yet placed on a journey (triage them in the studio).\n" in text
    assert "# A second one.\n" in text
    assert errors(bank) == []


def test_edit_emotion_changes_only_that_value(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    before = (bank / "journeys/mid/daycare-journey.yaml").read_text(encoding="utf-8")
    page = client.get("/journey/daycare-journey/step/apply?lang=en").text
    form = {"csrf": csrf_of(page), "digest": digest_of(page),
            "title_fi": "Hakemuksen tekeminen", "title_en": "Applying for a place",
            "customer_actions_fi": "Täyttää sähköisen hakemuksen",
            "customer_actions_en": "Fills in the online application",
            "pain_points_fi": "Hakemuksen toivepäiväkotien järjestys on epäselvä.",
            "pain_points_en": "It is unclear how the order of preferred daycare centres is used.",
            "channels": ["e-service", "letter"], "emotion": "-2", "parent_step": "transaction"}
    answer = client.post("/journey/daycare-journey/step/apply?lang=en", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    after = (bank / "journeys/mid/daycare-journey.yaml").read_text(encoding="utf-8")
    assert after == before.replace("    emotion: -1\n    pain_points:\n      - {fi: Hakemuksen",
                                   "    emotion: -2\n    pain_points:\n      - {fi: Hakemuksen", 1)
    assert after != before


def test_add_observation(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/metric/callback-wait-hours").text
    answer = client.post("/metric/callback-wait-hours", data={
        "csrf": csrf_of(page), "digest": digest_of(page), "date": "2026-12-31", "value": "4,2"},
        follow_redirects=False)
    assert answer.status_code == 303, answer.text
    text = (bank / "metrics/callback-wait-hours.yaml").read_text(encoding="utf-8")
    assert "  - {date: 2026-09-30, value: 4.8}\n  - {date: 2026-12-31, value: 4.2}\n" in text
    assert errors(bank) == []


def test_create_mid_journey_with_parent_steps(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/new/journey?parent=service-journey&lang=en").text
    assert 'name="step_parent_0"' in page
    answer = client.post("/new/journey?parent=service-journey&lang=en", data={
        "csrf": csrf_of(page), "level": "mid", "parent": "service-journey", "theme": "asuminen",
        "title_fi": "Muutto Helsinkiin", "title_en": "Moving to Helsinki",
        "step_title_0": "Find out", "step_parent_0": "findability",
        "step_title_1": "Register", "step_parent_1": "transaction",
    }, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    text = (bank / "journeys/mid/muutto-helsinkiin.yaml").read_text(encoding="utf-8")
    assert "parent: service-journey" in text and "parent_step: transaction" in text
    assert errors(bank) == []


def test_remove_step_shows_what_would_be_orphaned(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/journey/daycare-journey/step/wait-for-decision/remove?lang=en").text
    assert "These would then point at a step that no longer exists:" in page
    assert "fb-daycare-decision-delay" in page


def test_commit_on_a_new_branch(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/metric/callback-wait-hours").text
    client.post("/metric/callback-wait-hours", data={
        "csrf": csrf_of(page), "digest": digest_of(page), "date": "2026-12-31", "value": "4"})
    page = client.get("/changes?lang=en").text
    assert "metrics/callback-wait-hours.yaml" in page
    answer = client.post("/changes?lang=en", data={"csrf": csrf_of(page), "message": "Q4 call-back figure",
                                                    "branch": "studio/q4"})
    assert answer.status_code == 200, answer.text
    assert "Pushing is yours: git push." in answer.text
    assert git(bank, "rev-parse", "--abbrev-ref", "HEAD").strip() == "studio/q4"
    assert git(bank, "log", "-1", "--format=%s").strip() == "Q4 call-back figure"
    assert git(bank, "status", "--porcelain") == ""
    assert snapshot(bank)  # the bank is still there


def _post_journey_form(client, bank: Path, url: str, **data: object):  # type: ignore[no-untyped-def]
    page = client.get("/journey/daycare-journey?lang=en").text
    return client.post(url, data={"csrf": csrf_of(page), "digest": digest_of(page), **data}, follow_redirects=False)


def test_move_a_step_down_and_back_up(bank: Path) -> None:
    path = bank / "journeys/mid/daycare-journey.yaml"
    text = path.read_text(encoding="utf-8")
    commented = (text.replace("  - id: find-options\n",
                              "  # Where the journey starts.\n  - id: find-options  # first\n")
                 .replace("    emotion: 0\n", "    # Neutral: people are only looking.\n    emotion: 0  # calm\n", 1))
    path.write_text(commented, encoding="utf-8")
    client, _, state = studio_client(bank)
    ids = [s.id for s in state.view.bank.get_kind("Journey", "daycare-journey").steps]  # type: ignore[union-attr]
    answer = _post_journey_form(client, bank, "/journey/daycare-journey/step/find-options/move", direction="down")
    assert answer.status_code == 303, answer.text
    moved = [s.id for s in state.view.bank.get_kind("Journey", "daycare-journey").steps]  # type: ignore[union-attr]
    assert moved == [ids[1], ids[0], *ids[2:]]
    assert errors(bank) == []
    # The step moved whole, with the comment above it and those inside it.
    first = commented[commented.index("  # Where the journey starts."):commented.index("  - id: apply\n")]
    second = commented[commented.index("  - id: apply\n"):commented.index("  - id: wait-for-decision\n")]
    assert path.read_text(encoding="utf-8") == commented.replace(first + second, second + first)
    _post_journey_form(client, bank, "/journey/daycare-journey/step/find-options/move", direction="up")
    back = [s.id for s in state.view.bank.get_kind("Journey", "daycare-journey").steps]  # type: ignore[union-attr]
    assert back == ids
    assert path.read_text(encoding="utf-8") == commented


def test_add_a_step_before_another_and_mark_reviewed(bank: Path) -> None:
    client, _, state = studio_client(bank)
    answer = _post_journey_form(client, bank, "/journey/daycare-journey/steps", title_fi="Neuvonta",
                                title_en="Getting advice", before="apply", parent_step="findability")
    assert answer.status_code == 303, answer.text
    steps = [s.id for s in state.view.bank.get_kind("Journey", "daycare-journey").steps]  # type: ignore[union-attr]
    assert steps.index("neuvonta") == steps.index("apply") - 1
    answer = _post_journey_form(client, bank, "/journey/daycare-journey/review", note="Checked with the team",
                                reviewer="Palvelumuotoilija")
    assert answer.status_code == 303, answer.text
    text = (bank / "journeys/mid/daycare-journey.yaml").read_text(encoding="utf-8")
    assert "reviewed: 2026-12-07\n" in text
    assert "reviews:\n  - {date: 2026-12-07, reviewer: Palvelumuotoilija, note: Checked with the team}\n" in text
    assert "daycare-journey reviewed: Checked with the team" in client.get("/changes").text
    assert errors(bank) == []


def test_add_an_opportunity_with_evidence_and_estimates(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/new/opportunity?lang=en").text
    answer = client.post("/new/opportunity?lang=en", data={
        "csrf": csrf_of(page), "title_en": "Show the decision date", "problem_en": "Families cannot plan.",
        "steps": ["daycare-journey#wait-for-decision"], "insights": ["fb-daycare-decision-delay"],
        "reach": "3000", "impact": "2", "confidence": "0.8", "effort": "3",
    }, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    text = (bank / "opportunities/show-the-decision-date.yaml").read_text(encoding="utf-8")
    assert "estimates: {reach: 3000, impact: 2, confidence: 0.8, effort: 3}" in text
    assert errors(bank) == []


def test_live_findings_for_the_record_on_screen(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    answer = client.get("/live?kind=journey&id=daycare-journey&lang=en")
    assert answer.status_code == 200
    assert "html" in answer.json()
    assert client.get("/live?kind=journey&id=..%2Fx").status_code == 404


def test_a_plain_text_saved_unchanged_stays_plain(tmp_path: Path) -> None:
    from tests.studio.helpers import make_bank

    bank = make_bank(tmp_path)
    path = bank / "journeys/mid/daycare-journey.yaml"
    text = path.read_text(encoding="utf-8")
    plain = text.replace("title: {fi: Hakemuksen tekeminen, en: Applying for a place}", "title: Hakemuksen tekeminen")
    plain = plain.replace("      - {fi: Täyttää sähköisen hakemuksen, en: Fills in the online application}",
                          "      - Täyttää sähköisen hakemuksen")
    path.write_text(plain, encoding="utf-8")
    client, _, _ = studio_client(bank)
    page = client.get("/journey/daycare-journey/step/apply?lang=en").text
    assert '<textarea id="f-customer_actions_en" name="customer_actions_en" rows="4" lang="en"></textarea>' in page
    answer = client.post("/journey/daycare-journey/step/apply?lang=en", data={
        "csrf": csrf_of(page), "digest": digest_of(page), "title_fi": "Hakemuksen tekeminen", "title_en": "",
        "customer_actions_fi": "Täyttää sähköisen hakemuksen",
        "pain_points_fi": "Hakemuksen toivepäiväkotien järjestys on epäselvä.",
        "pain_points_en": "It is unclear how the order of preferred daycare centres is used.",
        "channels": ["e-service", "letter"], "emotion": "-1", "parent_step": "transaction"}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert path.read_text(encoding="utf-8") == plain


def test_the_language_switch_keeps_the_page_s_other_parameters(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/new/journey?parent=daycare-journey&lang=en").text
    assert 'href="/new/journey?parent=daycare-journey&amp;lang=fi"' in page


def test_the_chosen_language_stays_for_pages_without_lang(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    assert '<html lang="en">' in client.get("/metrics?lang=en").text
    assert '<html lang="en">' in client.get("/search?q=day").text
    assert '<html lang="fi">' in client.get("/search?q=day&lang=fi").text
    assert '<html lang="fi">' in client.get("/").text


def test_removing_a_step_others_point_at_is_refused_and_a_free_one_goes(bank: Path) -> None:
    from journeyops_cli.models import Journey
    from journeyops_cli.studio.forms import orphans_of

    client, _, state = studio_client(bank)
    before = (bank / "journeys/mid/daycare-journey.yaml").read_text(encoding="utf-8")
    page = client.get("/journey/daycare-journey/step/wait-for-decision/remove?lang=en").text
    answer = client.post("/journey/daycare-journey/step/wait-for-decision/remove?lang=en",
                         data={"csrf": csrf_of(page), "digest": digest_of(page)})
    assert answer.status_code == 422
    assert "Not saved. The change would add this problem to the bank:" in answer.text
    assert (bank / "journeys/mid/daycare-journey.yaml").read_text(encoding="utf-8") == before
    journeys = state.view.bank.all(Journey)
    free = next((j, s) for j in journeys for s in j.steps
                if len(j.steps) > 1 and not orphans_of(state.view.bank, j.id, s.id))
    url = f"/journey/{free[0].id}/step/{free[1].id}/remove?lang=en"
    page = client.get(url).text
    assert "Nothing else points at this step." in page
    answer = client.post(url, data={"csrf": csrf_of(page), "digest": digest_of(page)}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert state.view.bank.get(Journey, free[0].id).step(free[1].id) is None  # type: ignore[union-attr]
    assert errors(bank) == []


def test_a_swedish_bank_gets_a_swedish_studio(tmp_path: Path) -> None:
    """The studio speaks the bank's languages from the one catalogue, as the site does:
    the first language first, the others in the language switch."""
    from tests.studio.helpers import make_bank

    bank = make_bank(tmp_path)
    config = bank / "journeyops.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("languages: [fi, en]", "languages: [sv, en]"),
                      encoding="utf-8")
    client, _, _ = studio_client(bank)
    home = client.get("/").text
    assert '<html lang="sv"' in home
    assert "Lägg till en insikt" in home and "Översikt" in home
    form = client.get("/new/insight").text
    assert 'name="title_sv"' in form and "Länk till underlaget" in form and "Steg som den gäller" in form
    removing = client.get("/journey/daycare-journey/step/wait-for-decision/remove").text
    assert "De här skulle då peka på ett steg som inte längre finns:" in removing
    assert "Add an insight" in client.get("/?lang=en").text
    assert "Lisää havainto" not in client.get("/?lang=fi").text  # not a language of this bank


def test_a_value_typed_wrongly_is_explained_in_the_page_language(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    before = snapshot(bank)
    for lang, said in (
        ("en", "Not saved: Date &#39;31.12.2026&#39;: write the date as YYYY-MM-DD"),
        ("fi", "Ei tallennettu: Päivämäärä &#39;31.12.2026&#39;: kirjoita päivämäärä muodossa VVVV-KK-PP"),
    ):
        page = client.get(f"/metric/callback-wait-hours?lang={lang}").text
        answer = client.post(f"/metric/callback-wait-hours?lang={lang}", data={
            "csrf": csrf_of(page), "digest": digest_of(page), "date": "31.12.2026", "value": "4"})
        assert answer.status_code == 422
        assert said in answer.text
    page = client.get("/triage?lang=fi").text
    answer = client.post("/triage?lang=fi", data={"csrf": csrf_of(page), "step": "daycare-journey#apply"})
    assert "Ei tallennettu: valitse vähintään yksi havainto" in answer.text
    # (the commit form shows only when something changed; the session's CSRF token is one)
    answer = client.post("/changes?lang=en", data={"csrf": csrf_of(page), "message": " ", "branch": ""})
    assert "Not saved: write a commit message" in answer.text
    answer = client.post("/changes?lang=fi", data={"csrf": csrf_of(page), "message": "x", "branch": "a..b"})
    assert "Ei tallennettu: &#39;a..b&#39; ei kelpaa haaran nimeksi" in answer.text
    assert snapshot(bank) == before


def test_a_form_error_is_english_text_for_the_command_line_too() -> None:
    from journeyops_cli.studio.forms import FormError, said

    error = FormError("form.not_a_number", field="effort", value="lots")
    assert error.message == "Effort 'lots': give a number"
    assert said(error, "sv") == "Arbetsinsats 'lots': ange ett tal"


def test_findings_are_shown_in_the_page_language_with_their_fix(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/insight/fb-unlinked-one?lang=fi").text
    findings = page[page.index('<h2 id="studio-findings-h">Tämän sivun tarkistushuomiot</h2>'):]
    assert ("<strong>Varoitus</strong> Havaintoa ei ole liitetty mihinkään polun vaiheeseen.<br>"
            '<span class="finding-hint">Liitä havainto niihin polun vaiheisiin, joita se koskee (komento '
            "<code>journeyops link</code> tai kenttä <code>steps</code>).</span>") in findings
    assert "<code>insights/unlinked.yaml:4:1 JO301 insight.no-step</code>" in findings
    assert '<em lang="en">add `steps: [journey-id#step-id]`, e.g. with `journeyops link`</em>' in findings
    english = client.get("/insight/fb-unlinked-one?lang=en").text
    assert "insight &#39;fb-unlinked-one&#39; is linked to no journey step" in english


def test_reordering_lines_of_a_step_moves_them_with_their_comments(bank: Path) -> None:
    """The order typed in the form is the order saved (it was ignored): each line moves
    with its comment."""
    path = bank / "journeys/mid/daycare-journey.yaml"
    status = "      - {fi: Seuraa hakemuksen tilaa, en: Follows the application status}\n"
    calls = "      - {fi: Soittaa asiakaspalveluun, en: Calls customer service}\n"
    before = path.read_text(encoding="utf-8").replace(status, "      # Most do this first.\n" + status)
    path.write_text(before, encoding="utf-8")
    client, _, _ = studio_client(bank)
    url = "/journey/daycare-journey/step/wait-for-decision?lang=en"
    page = client.get(url).text
    answer = client.post(url, data={
        "csrf": csrf_of(page), "digest": digest_of(page),
        "title_fi": "Päätöksen odottaminen", "title_en": "Waiting for the decision",
        "customer_actions_fi": "Soittaa asiakaspalveluun\nSeuraa hakemuksen tilaa",
        "customer_actions_en": "Calls customer service\nFollows the application status",
        "pain_points_fi": "Perhe ei tiedä, milloin päätös tulee.",
        "pain_points_en": "The family does not know when the decision will come.",
        "channels": ["phone", "e-service"], "emotion": "-2", "parent_step": "processing"}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert path.read_text(encoding="utf-8") == before.replace(
        "      # Most do this first.\n" + status + calls, calls + "      # Most do this first.\n" + status).replace(
        "    channels: [e-service, phone]\n    touchpoints:\n      - Asiointipalvelun",
        "    channels: [phone, e-service]\n    touchpoints:\n      - Asiointipalvelun")
    assert errors(bank) == []
