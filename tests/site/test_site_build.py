"""`journeyops site build` without a browser: determinism, safety of paths and text,
privacy, the output folder swap, the CLI's messages and `site serve`."""

from __future__ import annotations

import os
import re
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from tests.runner import run_cli
from tests.site.conftest import BANK, search_entries
from tests.tools import need

from journeyops_cli.site import gather as site_gather
from journeyops_cli.site import write as site_write
from journeyops_cli.site.build import SiteError, build_site
from journeyops_cli.site.links import Linker, UnsafeId, checked, page_path, record_key, relative
from journeyops_cli.site.write import inside

CSP = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "script-src 'self'; style-src 'self'; img-src 'self' data:\">"
)


HINT = "    hint: anonymise the text, or list a public service value in this rule's `allow` option"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def html_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))




def test_same_bank_gives_the_same_bytes(built_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build_site(BANK, again)
    assert tree(again) == tree(built_site)


def test_every_page_in_every_language(built_site: Path) -> None:
    files = set(tree(built_site))
    for lang in ("fi", "en"):
        for key in (
            "index.html", "levels.html", "metrics.html", "search.html", "backlog.html",
            "insights/index.html", "insights/vihamielinen.html", "themes/varhaiskasvatus.html",
            "journeys/asiointi.html", "journeys/sahkoinen-hakemus.html",
            "opportunities/liitteet-mobiiliin.html",
        ):
            assert f"{lang}/{key}" in files
    assert {"index.html", "assets/site.css", "assets/site.js", "assets/search-fi.js",
            "assets/search-en.js", ".journeyops-site"} <= files
    assert not any(name.startswith("sv/") for name in files)


def test_every_page_has_the_csp_one_h1_and_no_external_request(built_site: Path) -> None:
    for page in html_files(built_site):
        text = page.read_text("utf-8")
        assert CSP in text, page
        assert text.count("<h1") == 1, page
        assert "style=" not in text, page
        # Nothing is loaded from elsewhere: every src and stylesheet is relative.
        for attr in re.findall(r'(?:src|href)="([^"]*)"', text):
            if attr.startswith(("http://", "https://", "mailto:")):
                # Only evidence links (plain links to material) may leave the site.
                assert f'href="{attr}" rel="noopener noreferrer"' in text, (page, attr)
            else:
                assert not attr.startswith(("/", "//")) and ":" not in attr.split("/")[0], (page, attr)
        assert "<script>" not in text and "<style" not in text, page


def test_hostile_text_is_escaped_everywhere(built_site: Path) -> None:
    everything = "\n".join(p.read_text("utf-8") for p in html_files(built_site))
    assert "<script>alert(1)" not in everything
    assert "<img src=x" not in everything
    assert "<b>tag</b>" not in everything
    assert not re.search(r"href=\s*[\"']?\s*javascript:", everything, re.IGNORECASE)
    page = (built_site / "en/insights/vihamielinen.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Hostile title" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert (
        "The evidence link is not shown: only http, https and mailto links are allowed. "
        "<code>javascript:alert(1)</code>" in page
    )
    # The Markdown link to javascript: stays text.
    assert "[click](javascript:alert(1))" in page


def test_step_title_with_pipe_and_newline_stays_in_its_cell(built_site: Path) -> None:
    page = (built_site / "en/journeys/varhaiskasvatukseen-hakeminen.html").read_text("utf-8")
    assert '<span class="step-title">Application | attachments\nand signature</span></th>' in page


def test_personal_data_is_masked_on_the_site(built_site: Path) -> None:
    everything = "\n".join(p.read_text("utf-8") for p in built_site.rglob("*") if p.is_file())
    assert "matti.meikalainen@example.fi" not in everything
    assert "040 123 4567" not in everything
    page = (built_site / "fi/insights/paatos-viipyy.html").read_text("utf-8")
    assert "ota yhteyttä •••@••• tai +••• ••• ••••." in page


def test_privacy_refuse_stops_the_build_and_names_the_places(bank_copy: Path, tmp_path: Path) -> None:
    config = bank_copy / "journeyops.yaml"
    config.write_text(config.read_text("utf-8").replace("privacy: redact", "privacy: refuse"), "utf-8")
    out = tmp_path / "out"
    result = run_cli("site", "build", str(bank_copy), "--out", str(out))
    assert result.returncode == 2
    assert not out.exists()
    assert result.stderr.splitlines() == [
        "insights/insights.yaml:20:43: JO501 [error] e-mail address (***@***) in `summary`: "
        "personal data must be removed before text enters the bank",
        HINT,
        "insights/insights.yaml:20:76: JO502 [error] phone number (+*** *** ****) in `summary`: "
        "personal data must be removed before text enters the bank",
        HINT,
        "journeyops: error: personal data in 1 file(s); the site is not built (site.privacy is refuse)",
    ]
    assert "matti" not in result.stderr + result.stdout


def test_cli_builds_and_prints_the_summary(bank_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    result = run_cli("site", "build", "--bank", str(bank_copy), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "note: personal data masked in 1 record(s) (site.privacy: redact)"
    # Half of the fixture bank's findings are in files without a journey page.
    assert lines[1] == ("note: 8 finding(s) from validation, 4 of them shown on the journey pages; "
                        "run `journeyops validate` to see the other 4")
    assert re.fullmatch(
        rf"Built 65 pages in 2 language\(s\) \(fi, en\) into {re.escape(str(out))} in \d+\.\d\d s",
        lines[-1],
    )
    assert (out / "fi/index.html").is_file()


def test_an_unknown_rule_in_the_config_stops_the_build_before_the_bank_is_read(
    bank_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from journeyops_cli.cli.app import app

    def read_nothing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the bank was read before the rules were planned")

    monkeypatch.setattr(site_gather, "load_bank", read_nothing)
    with (bank_copy / "journeyops.yaml").open("a", encoding="utf-8") as handle:
        handle.write("lint:\n  ignore: [hygeine]\n")
    result = CliRunner().invoke(app, ["site", "build", "--bank", str(bank_copy), "--out", str(tmp_path / "out")])
    line = (bank_copy / "journeyops.yaml").read_text().splitlines().index("  ignore: [hygeine]") + 1
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"journeyops: error: journeyops.yaml:{line}:12: lint.ignore: unknown rule, name or group 'hygeine'; "
        "did you mean 'hygiene'?\n"
    )
    assert not (tmp_path / "out").exists()


def test_default_out_is_the_config_folder(bank_copy: Path) -> None:
    result = run_cli("site", "build", cwd=bank_copy / "journeys")
    assert result.returncode == 0, result.stderr
    assert (bank_copy / "site/en/index.html").is_file()


def test_refuses_to_replace_a_folder_it_did_not_build(bank_copy: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("do not lose me", "utf-8")
    result = run_cli("site", "build", str(bank_copy), "--out", str(precious))
    assert result.returncode == 2
    assert result.stderr == (
        f"journeyops: error: --out {precious}: the folder is not empty and was not built by "
        "journeyops (no .journeyops-site file); choose an empty or new folder\n"
    )
    assert (precious / "thesis.txt").read_text("utf-8") == "do not lose me"
    assert sorted(p.name for p in precious.iterdir()) == ["thesis.txt"]


def test_refuses_the_bank_folder_itself(bank_copy: Path) -> None:
    with pytest.raises(SiteError, match="the site cannot replace the bank's own folder"):
        build_site(bank_copy, bank_copy)
    with pytest.raises(SiteError, match="the site cannot replace the bank's own folder"):
        build_site(bank_copy, bank_copy.parent)


def test_a_failed_write_leaves_the_old_site_whole(bank_copy: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build_site(bank_copy, out)
    # Without the previous build's manifest every page is rendered and written again.
    (out / site_write.MANIFEST).unlink()
    before = tree(out)
    calls = {"n": 0}
    real = site_write.write_file

    def flaky(path: str, data: bytes) -> None:
        calls["n"] += 1
        if calls["n"] == 10:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(site_write, "write_file", flaky)
    with pytest.raises(SiteError) as error:
        build_site(bank_copy, out)
    assert error.value.message == f"cannot write the site to {out}: No space left on device"
    monkeypatch.undo()
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank", "out"]


def test_ids_are_checked_before_they_name_files() -> None:
    assert checked("ok-id") == "ok-id"
    for bad in ("ok\n", "../etc", "a/b", "", "A", "x" * 65):
        with pytest.raises(UnsafeId):
            checked(bad)
    with pytest.raises(UnsafeId):
        record_key("step", "journey#../x")
    with pytest.raises(UnsafeId):
        record_key("vocabulary", "x")


def test_every_output_path_stays_inside(tmp_path: Path) -> None:
    assert inside(tmp_path, "fi/journeys/a.html") == tmp_path / "fi/journeys/a.html"
    for bad in ("../x.html", "fi/../../x", "/etc/passwd", "fi//x", "fi/./x", "a\\..\\b", ""):
        with pytest.raises(UnsafeId):
            inside(tmp_path, bad)
    (tmp_path / "link").symlink_to(tmp_path.parent)
    with pytest.raises(UnsafeId, match="leaves the output folder"):
        inside(tmp_path, "link/x.html")


def test_links_are_relative() -> None:
    link = Linker("fi", "journeys/a.html")
    assert link("step", "b#c") == "b.html#b--c"
    assert link("metric", "m") == "../metrics.html#metric-m"
    assert link("insight", "i") == "../insights/i.html"
    assert link.page("journeys/a.html", "en") == "../../en/journeys/a.html"
    assert link.asset("site.css") == "../../assets/site.css"


@pytest.mark.parametrize("key", ["", "index.html", "journeys/a.html", "insights/index.html", "insights/b.html",
                                 "guide/intro.html", "metrics.html"])
def test_a_record_link_is_the_relative_path_to_its_page(key: str) -> None:
    # Record links take their folder worked out once per page folder: the same link as
    # the relative path to the record's page, and a bad id still refused.
    link = Linker("en", key)
    for kind in ("journey", "insight", "opportunity", "theme", "team", "customergroup", "lifeevent", "metric"):
        for record_id in ("a", "b-2"):
            assert link(kind, record_id) == relative(link.path, page_path("en", record_key(kind, record_id)))
            with pytest.raises(UnsafeId):
                link(kind, "../" + record_id)
    # The same page in each language (the base template's language links).
    for language in ("en", "fi", "sv"):
        assert link.alternate(language) == relative(link.path, page_path(language, key))


def test_search_index_is_a_script_with_every_kind(built_site: Path) -> None:
    text = (built_site / "assets/search-en.js").read_text("utf-8")
    assert text.startswith("window.JOURNEYOPS_SEARCH = {") and text.endswith("};\n")
    urls = {entry["url"] for entry in search_entries(built_site, "en")}
    assert {
        "insights/liitteet-hukassa.html",
        "journeys/sahkoinen-hakemus.html",
        "journeys/sahkoinen-hakemus.html#sahkoinen-hakemus--liitteet",
        "opportunities/liitteet-mobiiliin.html",
        "teams/varhaiskasvatus-tiimi.html",
        "groups/lapsiperheet.html",
        "life-events/lapsen-syntyma.html",
    } <= urls
    assert "matti.meikalainen" not in text


def test_search_rows_find_every_entry_by_the_same_words(bank_copy: Path) -> None:
    from journeyops_cli.pipeline import load_bank
    from journeyops_cli.render.i18n import strings
    from journeyops_cli.site.pages import SiteData
    from journeyops_cli.site.search import FIELDS, entries, rows

    data = SiteData(load_bank(bank_copy, cache=False).bank, "T", ["fi", "en"])
    found = entries(data, "fi", strings("fi"))
    kinds, table = rows(found)
    assert len(table) == len(found) and len(set(kinds)) == len(kinds)
    for entry, row in zip(found, table, strict=True):
        compact = dict(zip(FIELDS, row, strict=True))
        assert kinds[compact["kind"]] == entry["kind"]
        assert [compact[k] for k in ("title", "context", "url", "title_folded")] == [
            entry[k] for k in ("title", "context", "url", "title_folded")]
        title = set(entry["title_folded"].split())
        assert title | set(compact["text"].split()) == title | set(entry["text"].split())
        assert len(compact["text"].split()) == len(set(compact["text"].split()) - title)  # each once
    liitteet = table[[e["url"] for e in found].index("insights/liitteet-hukassa.html")]
    assert liitteet[4:] == ["liitteiden lisaaminen hammentaa",
                            "viisi kuudesta testaajasta ei loytanyt liitepainiketta. kaytettavyystesti kevat 2025"]


def test_backlog_page_is_left_out_without_scoring(bank_copy: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def no_score(name: str, *args: object) -> object:
        if name == "journeyops_cli.score":
            raise ModuleNotFoundError("No module named 'journeyops_cli.score'", name=name)
        return real(name, *args)

    monkeypatch.setattr(site_gather.importlib, "import_module", no_score)
    result = build_site(bank_copy, tmp_path / "out")
    assert result.notes == [
        "the backlog page is left out: this journeyops has no scoring (journeyops_cli.score)"
    ]
    assert not (tmp_path / "out/fi/backlog.html").exists()
    home = (tmp_path / "out/fi/index.html").read_text("utf-8")
    assert "backlog.html" not in home


def test_serve_rebuilds_when_a_file_changes(bank_copy: Path, tmp_path: Path) -> None:
    from journeyops_cli.site.serve import serve_site

    out = tmp_path / "out"
    build_site(bank_copy, out)
    rebuilt = threading.Event()
    stop = threading.Event()
    messages: list[str] = []

    def rebuild() -> None:
        build_site(bank_copy, out)
        rebuilt.set()

    thread = threading.Thread(
        target=serve_site, args=(bank_copy, out, 0, rebuild),
        kwargs={"announce": messages.append, "stop": stop, "interval": 0.1}, daemon=True,
    )
    thread.start()
    try:
        for _ in range(100):
            if messages:
                break
            time.sleep(0.05)
        match = re.fullmatch(
            rf"Serving {re.escape(str(out))} on http://127\.0\.0\.1:(\d+)/ \(Ctrl-C stops\); "
            "rebuilding when a file changes",
            messages[0],
        )
        assert match, messages
        base = f"http://127.0.0.1:{match.group(1)}/"
        with urllib.request.urlopen(base + "en/themes/asuminen.html", timeout=10) as response:
            assert b"<h1>Housing" in response.read()
        theme = bank_copy / "themes/themes.yaml"
        theme.write_text(theme.read_text("utf-8").replace("en: Housing}", "en: Housing and homes}"), "utf-8")
        assert rebuilt.wait(10)
        with urllib.request.urlopen(base + "en/themes/asuminen.html", timeout=10) as response:
            assert b"<h1>Housing and homes" in response.read()
    finally:
        stop.set()
        thread.join(10)


def test_recent_changes_come_from_git(bank_copy: Path, tmp_path: Path) -> None:
    git = need("git")
    env = {**os.environ, "GIT_AUTHOR_NAME": "Tester", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Tester", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_AUTHOR_DATE": "2025-06-01T12:00:00Z", "GIT_COMMITTER_DATE": "2025-06-01T12:00:00Z"}
    for args in (["init", "-q"], ["add", "."],
                 ["commit", "-q", "-m", "Add the daycare journeys (asked by matti@example.fi)"]):
        subprocess.run([git, *args], cwd=bank_copy, env=env, check=True, capture_output=True)
    out = tmp_path / "out"
    build_site(bank_copy, out)
    home = (out / "en/index.html").read_text("utf-8")
    assert '<h2 id="changes-h">Recent changes</h2>' in home
    assert (
        '<li><time datetime="2025-06-01">2025-06-01</time> '
        "Add the daycare journeys (asked by •••@•••)" in home
    )
    assert 'href="journeys/sahkoinen-hakemus.html">The e-service application</a>' in home
    assert "matti@example.fi" not in home


def test_without_git_the_home_lists_reviewed_journeys(bank_copy: Path, tmp_path: Path) -> None:
    # bank_copy lies in a temporary folder, outside any git work tree.
    build_site(bank_copy, tmp_path / "out")
    home = (tmp_path / "out/en/index.html").read_text("utf-8")
    assert '<h2 id="changes-h">' not in home
    assert '<h2 id="reviewed-h">Recently reviewed journeys</h2>' in home
    assert (
        '<li><time datetime="2025-06-10">10 Jun 2025</time> '
        '<a href="journeys/sahkoinen-hakemus.html">The e-service application</a></li>' in home
    )


def test_swedish_interface_and_default_language(bank_copy: Path, tmp_path: Path) -> None:
    config = bank_copy / "journeyops.yaml"
    config.write_text(config.read_text("utf-8").replace("languages: [fi, en]", "languages: [sv, fi]"), "utf-8")
    out = tmp_path / "out"
    build_site(bank_copy, out)
    home = (out / "sv/index.html").read_text("utf-8")
    assert '<html lang="sv">' in home
    assert '<a class="skip-link" href="#main">Hoppa till innehållet</a>' in home
    assert '<meta http-equiv="refresh" content="0; url=sv/index.html">' in (out / "index.html").read_text("utf-8")
    assert not (out / "en").exists()


def test_a_broken_config_is_reported_and_nothing_is_written(bank_copy: Path, tmp_path: Path) -> None:
    (bank_copy / "journeyops.yaml").write_text("name: Test\nsite: {privacy: publish}\n", "utf-8")
    out = tmp_path / "out"
    result = run_cli("site", "build", str(bank_copy), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "journeyops: error: journeyops.yaml has errors"
    assert "journeyops.yaml:2:17: JO030 [error]" in result.stderr
    assert not out.exists()


def test_findings_read_in_the_page_language_with_the_technical_line_beneath(built_site: Path) -> None:
    fi = (built_site / "fi/journeys/asiointi.html").read_text("utf-8")
    assert (
        '<li class="finding severity-warning"><strong>Varoitus</strong> Käytössä olevalla polulla ei ole '
        'omistajaa tai tiimiä.<br><span class="finding-hint">Lisää polulle omistaja (<code>owner</code>) ja tiimi '
        '(<code>team</code>): jonkun on pidettävä polku ajan tasalla.</span><br><span class="meta">Tekninen viesti '
        '(englanniksi):</span> <code>journeys/asiointi.yaml:7:1 JO401 journey.owner-team</code> '
        '<span lang="en">active journey &#39;asiointi&#39; has no team</span></li>'
    ) in fi
    en = (built_site / "en/journeys/asiointi.html").read_text("utf-8")
    assert (
        '<strong>Warning</strong> An active journey has no owner or no team.<br><span class="finding-hint">Give '
        'the journey an owner (<code>owner</code>) and a team (<code>team</code>): someone has to keep it up to '
        'date.</span><br><span class="meta">Technical message:</span> '
        '<code>journeys/asiointi.yaml:7:1 JO401 journey.owner-team</code> '
        '<span>active journey &#39;asiointi&#39; has no team</span></li>'
    ) in en

def test_findings_of_one_rule_say_the_rules_words_once_then_each_place(bank_copy: Path, tmp_path: Path) -> None:
    """Two steps of a top journey that no mid journey elaborates: the page says JO207's
    title and hint once, then both places (a page repeated them once per finding)."""
    path = bank_copy / "journeys" / "asiointi.yaml"
    path.write_text(path.read_text("utf-8") + "  - id: palaute\n    title: {fi: Palaute, en: Feedback}\n", "utf-8")
    build_site(bank_copy, tmp_path / "out")
    fi = (tmp_path / "out" / "fi" / "journeys" / "asiointi.html").read_text("utf-8")
    findings = fi[fi.index('<h2 id="findings-h">'):]
    assert findings.count("finding severity-") == 3  # JO207 twice in one item, JO401, JO402
    item = findings[findings.index('<span class="meta">Tekninen viesti (englanniksi) (2):</span>'):]
    item = item[:item.index("</ul></li>")]
    assert item.count("<li><code>journeys/asiointi.yaml:") == 2
    assert "JO207 level.top-coverage</code> <span lang=\"en\">step &#39;asiakkuus&#39; of top journey" in item
    assert "JO207 level.top-coverage</code> <span lang=\"en\">step &#39;palaute&#39; of top journey" in item
    assert "<details" not in findings  # two places are shown; more than five are folded


def test_more_than_five_places_of_one_rule_are_folded(bank_copy: Path, tmp_path: Path) -> None:
    path = bank_copy / "journeys" / "asiointi.yaml"
    path.write_text(path.read_text("utf-8") + "".join(
        f"  - id: uusi-{n}\n    title: {{fi: Uusi {n}, en: New {n}}}\n" for n in range(5)), "utf-8")
    build_site(bank_copy, tmp_path / "out")
    en = (tmp_path / "out" / "en" / "journeys" / "asiointi.html").read_text("utf-8")
    assert '<details class="finding-more"><summary class="meta">Technical message (6)</summary>' in en
    assert en.count("JO207 level.top-coverage</code>") == 6



def test_opportunity_and_backlog_explain_the_score_in_words(built_site: Path) -> None:
    page = (built_site / "en/opportunities/liitteet-mobiiliin.html").read_text("utf-8")
    assert (
        "<p><strong>Rank 1</strong> · Score <strong>49.95</strong> · Driven by: <strong>customer pain</strong></p>\n"
        "<p>Score 49.95: customer pain 16.7 · strength of evidence 9.1 · metrics&#39; gap to target 7.5 · "
        "journey level 6 · the team&#39;s estimates 5.7 · volume of use 5.</p>"
        '<p>What the score is made of:</p>\n<ul class="score-factors">'
        "<li>customer pain, 16.67 points: worst step Applying for early childhood "
        "education › Application | attachments\n"
        "and signature (emotion -2, 1 pain point)</li>"
        "<li>strength of evidence, 9.06 points: 1 insight, combined strength 0.65</li>"
        "<li>number of sources, 0 points: 1 type of source (Usability test)</li>"
        "<li>metrics&#39; gap to target, 7.5 points: the latest value of Time to fill "
        "in the application is 15, target 10 "
        "(lower is better)</li>"
        "<li>journey level, 6 points: Applying for early childhood education is a mid journey</li>"
        "<li>volume of use, 5 points: no volume metric at the linked steps</li>"
        "<li>the team&#39;s estimates, 5.72 points: impact 2, confidence 0.8, effort (person-months) 3</li></ul>"
        '<p class="meta">Defaults stood in for missing inputs:</p>\n<ul class="meta score-factors">'
        "<li>volume of use: no volume metric at the linked steps (the value 0.5 was used)</li></ul></section>"
    ) in page
    assert "<dt>reach</dt><dd>6,000</dd>" in page
    assert "<p>The work is not tracked in any delivery item yet.</p>" in page
    fi = (built_site / "fi/opportunities/liitteet-mobiiliin.html").read_text("utf-8")
    assert "Pisteet <strong>49,95</strong> · Eniten painaa: <strong>asiakkaan kipu</strong>" in fi
    assert (
        '<ul class="score-factors"><li>asiakkaan kipu, 16,67 pistettä: heikoin vaihe '
        "Varhaiskasvatukseen hakeminen › Hakemus | liitteet\nja allekirjoitus (tunne -2, 1 kipukohta)</li>"
        "<li>näytön vahvuus, 9,06 pistettä: 1 havainto, yhteisvahvuus 0,65</li>"
        "<li>näyttölähteiden määrä, 0 pistettä: 1 lähdetyyppi (Käytettävyystesti)</li>"
        "<li>mittarien ero tavoitteesta, 7,5 pistettä: mittarin Hakemuksen "
        "täyttämisen kesto viimeisin arvo on 15, tavoite 10 "
        "(pienempi on parempi)</li>"
        "<li>polun taso, 6 pistettä: Varhaiskasvatukseen hakeminen on keskitason polku</li>"
        "<li>asiointimäärä, 5 pistettä: linkitetyissä vaiheissa ei ole asiointimäärän mittaria</li>"
        "<li>tiimin arviot, 5,72 pistettä: vaikutus 2, arvion varmuus 0,8, työmäärä (henkilökuukautta) 3</li></ul>"
        '<p class="meta">Puuttuvien tietojen tilalla käytettiin oletusarvoja:</p>\n<ul class="meta score-factors">'
        "<li>asiointimäärä: linkitetyissä vaiheissa ei ole asiointimäärän mittaria (käytettiin arvoa 0,5)</li>"
    ) in fi
    assert "<dt>tavoittavuus</dt><dd>6\xa0000</dd>" in fi
    backlog = (built_site / "en/backlog.html").read_text("utf-8")
    # The backlog is a lean table: the explanation is on the opportunity's page, one link away.
    assert (
        '<tr data-theme="varhaiskasvatus" data-team="varhaiskasvatus-tiimi" data-status="planned" '
        'data-group="lapsiperheet" data-event="lapsen-syntyma"><td>1</td><th scope="row">'
        '<a href="opportunities/liitteet-mobiiliin.html">Attachments straight from the phone camera</a></th>'
        "<td>49.95</td><td>customer pain</td><td>planned</td></tr>"
    ) in backlog
    assert "<details" not in backlog and "score-factors" not in backlog and "journeys/" not in backlog
    assert (
        "<p>Each opportunity&#39;s page explains what its score is made of and which steps it addresses.</p>"
    ) in backlog
    assert '<label for="b-status">Status</label>' in backlog
    assert '<label for="b-group">Customer group</label>' in backlog
    assert '<label for="b-event">Life event</label>' in backlog
    assert (
        '<p class="nojs-note" id="backlog-nojs">Filtering needs JavaScript; the whole backlog is listed below.</p>'
    ) in backlog
    fi_backlog = (built_site / "fi/backlog.html").read_text("utf-8")
    assert (
        "<p>Kunkin kehitysmahdollisuuden sivu kertoo, mistä sen pisteet koostuvat ja mihin polkujen "
        "vaiheisiin se kohdistuu.</p>"
    ) in fi_backlog
    from journeyops_cli.render.i18n import strings

    assert strings("sv")["backlog_why"] == (
        "Varje utvecklingsmöjlighets sida förklarar vad poängen består av och vilka steg den gäller.")


def test_delivery_items_link_to_the_tracker(bank_copy: Path, tmp_path: Path) -> None:
    from journeyops_cli.site.build import build_site

    path = bank_copy / "opportunities/opportunities.yaml"
    text = path.read_text("utf-8").replace(
        "estimates: {reach: 6000, impact: 2, confidence: 0.8, effort: 3}\n",
        "estimates: {reach: 6000, impact: 2, confidence: 0.8, effort: 3}\n"
        "delivery:\n  - {key: HEL-123, url: 'https://tracker.example.fi/HEL-123', title: Camera button}\n"
        "  - {key: AB-9}\n", 1)
    path.write_text(text, "utf-8")
    build_site(bank_copy, tmp_path / "out")
    page = (tmp_path / "out/en/opportunities/liitteet-mobiiliin.html").read_text("utf-8")
    assert (
        '<li><a href="https://tracker.example.fi/HEL-123" rel="noopener noreferrer">HEL-123</a> Camera button</li>'
        "<li>AB-9</li>"
    ) in page


def test_search_fold_is_the_whole_text_folded_at_once() -> None:
    import sys
    import unicodedata

    from journeyops_cli.models.base import without_marks
    from journeyops_cli.site.search import fold

    def reference(text: str) -> str:
        return " ".join(without_marks(text.casefold()).split())

    # A word at a time gives what folding the whole text at once gives: no whitespace
    # character becomes anything else, nor any character whitespace by casefolding.
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isspace():
            assert not without_marks(char).strip(), hex(code)
        elif unicodedata.category(char) != "Cs":
            assert not any(c.isspace() for c in char.casefold()), hex(code)
    for text in ("Päätös  ja\u00a0PÄIVÄKOTI", "Straße", "a \u0308b", "x \u1fed y", "\u1fed", "  ", "",
                 "Ｆｕｌｌｗｉｄｔｈ ０４０", "e\u0301e\u0301 ÉÉ", "tab\tnew\nline\u2028end"):
        assert fold(text) == reference(text), text
        assert fold(text) == reference(text), text  # and again, from the words remembered
    assert fold("Päivä\u00a0KOTI  \u1fed Straße") == "paiva koti strasse"
