"""What the studio refuses, each with no file changed: an edit that would break the bank,
a stale form, a request without the session, a reused opening link, a foreign Origin, a
foreign Host, a missing CSRF token, an oversized body, and ids that look like paths."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient
from tests.studio.helpers import BASE, csrf_of, digest_of, snapshot, studio_client

STEP = "/journey/daycare-journey/step/apply?lang=en"


def _step_form(page: str, **changes: str) -> dict[str, object]:
    form: dict[str, object] = {
        "csrf": csrf_of(page), "digest": digest_of(page),
        "title_fi": "Hakemuksen tekeminen", "title_en": "Applying for a place",
        "customer_actions_fi": "Täyttää sähköisen hakemuksen", "customer_actions_en": "Fills in the online application",
        "pain_points_fi": "Hakemuksen toivepäiväkotien järjestys on epäselvä.",
        "pain_points_en": "It is unclear how the order of preferred daycare centres is used.",
        "channels": ["e-service", "letter"], "emotion": "-1", "parent_step": "transaction",
    }
    form.update(changes)
    return form


def test_an_edit_that_would_add_an_error_is_refused_with_the_finding(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    before = snapshot(bank)
    page = client.get(STEP).text
    answer = client.post(STEP, data=_step_form(page, parent_step="no-such-step"))
    assert answer.status_code == 422
    assert "Not saved. The change would add this problem to the bank: journeys/mid/daycare-journey.yaml:" in answer.text
    assert "no-such-step" in answer.text
    assert snapshot(bank) == before


def test_the_refusal_is_in_the_page_language(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/journey/daycare-journey/step/apply?lang=fi").text
    answer = client.post("/journey/daycare-journey/step/apply?lang=fi", data=_step_form(page, parent_step="nope"))
    assert "Ei tallennettu. Muutos toisi pankkiin tämän ongelman:" in answer.text
    assert "JO202 Tarkentavan polun jokainen vaihe nimeää yläpolun olemassa olevan vaiheen. — " in answer.text


def test_a_form_opened_before_the_file_changed_on_disk_is_refused(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get(STEP).text
    path = bank / "journeys/mid/daycare-journey.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# edited in an editor meanwhile\n", encoding="utf-8")
    before = snapshot(bank)
    answer = client.post(STEP, data=_step_form(page, emotion="2"))
    assert answer.status_code == 409
    assert ("The file changed on disk after this form was opened (in an editor or by git). Nothing was written; "
            "reload the page to see the file as it is now.") in answer.text
    assert snapshot(bank) == before


def test_no_session_no_access(bank: Path) -> None:
    studio_client(bank)
    stranger = TestClient(studio_client(bank)[0].app, base_url=BASE)
    before = snapshot(bank)
    answer = stranger.get("/")
    assert answer.status_code == 403
    assert answer.text == "Refused: no studio session. Open the link `journeyops studio` printed."
    forged = {"insights": "fb-unlinked-one", "step": "daycare-journey#apply"}
    assert stranger.post("/triage", data=forged).status_code == 403
    assert snapshot(bank) == before


def test_the_opening_link_works_once(bank: Path) -> None:
    from journeyops_cli.studio.app import build_app
    from journeyops_cli.studio.security import Keys
    from journeyops_cli.studio.state import BankState

    keys = Keys()
    token = keys.token
    app = build_app(BankState(bank), keys, 8765)
    first = TestClient(app, base_url=BASE)
    assert first.get(f"/?token={token}", follow_redirects=False).status_code == 303
    second = TestClient(app, base_url=BASE)
    answer = second.get(f"/?token={token}", follow_redirects=False)
    assert answer.status_code == 403
    assert answer.text == "Refused: this opening link was already used; start the studio again."
    cookie = first.get(f"/?token={token}", follow_redirects=False)
    assert "set-cookie" not in cookie.headers


def test_the_session_cookie_is_httponly_and_strict(bank: Path) -> None:
    from journeyops_cli.studio.app import build_app
    from journeyops_cli.studio.security import Keys
    from journeyops_cli.studio.state import BankState

    keys = Keys()
    client = TestClient(build_app(BankState(bank), keys, 8765), base_url=BASE)
    cookie = client.get(f"/?token={keys.token}", follow_redirects=False).headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie


def test_a_foreign_origin_is_refused(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get(STEP).text
    before = snapshot(bank)
    answer = client.post(STEP, data=_step_form(page, emotion="2"), headers={"Origin": "http://evil.example"})
    assert answer.status_code == 403
    assert answer.text == "Refused: the request comes from another site (Origin)."
    assert client.post(STEP, data=_step_form(page, emotion="2"), headers={"Origin": "null"}).status_code == 403
    cross = {"Origin": "null", "Sec-Fetch-Site": "cross-site"}
    assert client.post(STEP, data=_step_form(page, emotion="2"), headers=cross).status_code == 403
    same_site = {"Sec-Fetch-Site": "same-site"}
    assert client.post(STEP, data=_step_form(page, emotion="2"), headers=same_site).status_code == 403
    assert snapshot(bank) == before


def test_a_foreign_host_is_refused(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get(STEP).text
    before = snapshot(bank)
    answer = client.post(STEP, data=_step_form(page, emotion="2"), headers={"Host": "evil.example"})
    assert answer.status_code == 421
    assert answer.text == "Refused: the Host header is not this studio's address."
    assert client.get("/", headers={"Host": "evil.example:8765"}).status_code == 421
    assert client.get("/", headers={"Host": "localhost:8765"}).status_code == 200
    assert snapshot(bank) == before


def test_a_post_without_the_csrf_token_is_refused(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get(STEP).text
    before = snapshot(bank)
    form = _step_form(page, emotion="2")
    del form["csrf"]
    answer = client.post(STEP, data=form)
    assert answer.status_code == 403
    assert answer.text == "Refused: the form's CSRF token is missing or wrong; reload the page."
    assert client.post(STEP, json={"csrf": csrf_of(page)}).status_code == 403
    assert snapshot(bank) == before


def test_an_oversized_body_is_refused(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get(STEP).text
    before = snapshot(bank)
    answer = client.post(STEP, data=_step_form(page, title_en="x" * 300_000))
    assert answer.status_code == 413
    assert answer.text == "Refused: a request may carry at most 256 KiB."
    assert snapshot(bank) == before


def test_ids_that_look_like_paths_reach_no_file(bank: Path) -> None:
    client, _, _ = studio_client(bank)
    page = client.get("/metric/callback-wait-hours").text
    before = snapshot(bank)
    for url in ["/journey/..%2F..%2Fetc%2Fpasswd", "/journey/journeys%2Fmid%2Fdaycare-journey.yaml",
                "/insight/%2E%2E", "/metric/%2Fetc%2Fpasswd", "/assets/..%2F..%2Fpyproject.toml",
                "/journey/daycare-journey/step/..%2Fapply"]:
        assert client.get(url).status_code == 404, url
    answer = client.post("/metric/%2E%2E?lang=en", data={
        "csrf": csrf_of(page), "digest": digest_of(page), "date": "2026-12-31", "value": "1"})
    assert answer.status_code == 404
    assert "Not found: nothing in the bank has that id." in answer.text
    assert snapshot(bank) == before


def _raise_no_step(config: Path) -> None:
    """The bank's config makes `insight.no-step` an error."""
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  stale_after_days: 365\n",
                                   "  stale_after_days: 365\n  severity: {insight.no-step: error}\n"), encoding="utf-8")


def test_a_rule_the_bank_raises_to_error_judges_a_change_too(bank: Path) -> None:
    config = bank / "journeyops.yaml"
    _raise_no_step(config)
    client, _, _ = studio_client(bank)
    before = snapshot(bank)
    page = client.get("/new/insight?lang=en").text
    answer = client.post("/new/insight?lang=en", data={
        "csrf": csrf_of(page), "title_en": "No step yet", "type": "feedback", "source": "Feedback",
        "date": "2026-11-20", "summary_en": "Not placed on a journey."})
    assert answer.status_code == 422
    assert "JO301 insight &#39;no-step-yet&#39; is linked to no journey step" in answer.text
    assert snapshot(bank) == before


def test_the_check_of_a_change_finds_the_errors_validate_finds(bank: Path) -> None:
    from journeyops_cli.findings import Severity
    from journeyops_cli.pipeline import validate
    from journeyops_cli.studio.state import BankState

    config = bank / "journeyops.yaml"
    _raise_no_step(config)
    path = bank / "journeys/mid/daycare-journey.yaml"
    broken = path.read_bytes().replace(b"parent_step: transaction", b"parent_step: nowhere")
    state = BankState(bank)
    planned = state.planned({"journeys/mid/daycare-journey.yaml": broken})
    path.write_bytes(broken)
    expected = sorted((f.path, f.code, f.message) for f in validate(bank).findings if f.severity >= Severity.ERROR)
    assert sorted(planned.errors()) == expected
    assert {code for _, code, _ in expected} == {"JO202", "JO301"}  # JO301 raised to error by the bank


def _over_http(port: int, method: str, url: str, headers: dict[str, str] | None = None,
               body: str | None = None) -> tuple[int, str, dict[str, str]]:
    """One request with a plain HTTP client, headers exactly as given (no browser)."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        # skip_host: a request names its own Host header (or sends none).
        connection.putrequest(method, url, skip_host=True, skip_accept_encoding=True)
        sent = {"Host": f"127.0.0.1:{port}", **(headers or {})}
        if body is not None:
            sent |= {"Content-Type": "application/x-www-form-urlencoded", "Content-Length": str(len(body.encode()))}
        for name, value in sent.items():
            connection.putheader(name, value)
        connection.endheaders(body.encode() if body is not None else None)
        answer = connection.getresponse()
        return answer.status, answer.read().decode("utf-8", "replace"), dict(answer.getheaders())
    finally:
        connection.close()


def test_forged_requests_to_the_running_server_are_refused(tmp_path: Path) -> None:
    """The refusals again, over a real socket to the uvicorn server `journeyops studio`
    runs: a plain HTTP client forging what a browser never sends."""
    from urllib.parse import urlencode, urlsplit

    from tests.studio.helpers import make_bank, serving

    root = make_bank(tmp_path)
    with serving(root) as link:
        port = urlsplit(link).port
        assert port is not None
        before = snapshot(root)
        # No session: nothing is served, nothing is written.
        assert _over_http(port, "GET", "/")[:2] == (
            403, "Refused: no studio session. Open the link `journeyops studio` printed.")
        triage = urlencode({"insights": "fb-unlinked-one", "step": "daycare-journey#apply"})
        assert _over_http(port, "POST", "/triage", body=triage)[0] == 403
        # A session, as the person who opened the link has it.
        status, _, headers = _over_http(port, "GET", urlsplit(link).path + "?" + urlsplit(link).query)
        assert status == 303
        session = {"Cookie": headers["set-cookie"].split(";", 1)[0]}
        status, page, _ = _over_http(port, "GET", STEP, session)
        assert status == 200
        form = urlencode(_step_form(page, emotion="2"), doseq=True)
        # DNS rebinding: a page on evil.example that resolves to 127.0.0.1.
        assert _over_http(port, "POST", STEP, {**session, "Host": "evil.example"}, form)[:2] == (
            421, "Refused: the Host header is not this studio's address.")
        assert _over_http(port, "GET", "/", {**session, "Host": f"evil.example:{port}"})[0] == 421
        # A form posted from another site.
        assert _over_http(port, "POST", STEP, {**session, "Origin": "http://evil.example"}, form)[:2] == (
            403, "Refused: the request comes from another site (Origin).")
        # No CSRF token.
        no_csrf = urlencode({k: v for k, v in _step_form(page, emotion="2").items() if k != "csrf"}, doseq=True)
        assert _over_http(port, "POST", STEP, session, no_csrf)[0] == 403
        # Ids that look like paths.
        for url in ("/journey/..%2F..%2Fetc%2Fpasswd", "/metric/%2E%2E", "/assets/..%2Fsite.css"):
            assert _over_http(port, "GET", url, session)[0] == 404, url
        assert snapshot(root) == before
        # The same form with the session, its token and this studio's Host is saved.
        assert _over_http(port, "POST", STEP, session, form)[0] == 303
        assert snapshot(root) != before
