"""A bank's own record templates (`templates/records/<kind>.yaml.j2`): `new` and the studio
use them, the loader and the site leave them alone, and a broken one is refused with the
template's file and line, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.runner import run_cli

from journeyops_cli.resources import templates_dir

SHIPPED = (templates_dir() / "records" / "insight.yaml.j2").read_text(encoding="utf-8")
OURS = SHIPPED.replace(
    "kind: Insight\n",
    "# Our insight template ({{ languages | join('+') }}, first {{ language }}).\nkind: Insight\n",
)
INSIGHT = ("new", "insight", "--title", "Lomake katoaa", "--type", "feedback", "--source", "Palaute",
           "--summary", "Lomake tyhjenee kesken.", "--no-input")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("own") / "bank"
    assert run_cli("init", root, "--languages", "fi,en").returncode == 0
    return root


@pytest.fixture()
def bank(made: Path, tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "bank"
    shutil.copytree(made, root)
    own = root / "templates" / "records"
    own.mkdir(parents=True)
    (own / "insight.yaml.j2").write_text(OURS, encoding="utf-8")
    return root


def test_new_uses_the_banks_own_template_and_dry_run_writes_nothing(bank: Path) -> None:
    result = run_cli(*INSIGHT, "--dry-run", cwd=bank)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "# yaml-language-server: $schema=../schemas/insight.schema.json",
        "# Our insight template (fi+en, first fi).",
        "kind: Insight",
    ]
    assert not (bank / "insights" / "lomake-katoaa.yaml").exists()
    result = run_cli(*INSIGHT, cwd=bank)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "create  insights/lomake-katoaa.yaml\n"
    written = (bank / "insights" / "lomake-katoaa.yaml").read_text(encoding="utf-8")
    assert "# Our insight template (fi+en, first fi).\n" in written
    assert run_cli("validate", cwd=bank).returncode == 0
    # Other kinds still come from the shipped templates.
    assert run_cli("new", "team", "--title", "Tiimi", "--no-input", cwd=bank).returncode == 0


def test_the_loader_and_the_site_leave_the_templates_alone(bank: Path) -> None:
    # A YAML file among the templates would be a broken record if the loader read it.
    (bank / "templates" / "records" / "notes.yaml").write_text("kind: Nonsense\n[", encoding="utf-8")
    result = run_cli("validate", "--format", "json", cwd=bank)
    assert result.returncode == 0, result.stdout
    assert "templates/" not in result.stdout
    assert run_cli("site", "build", cwd=bank).returncode == 0
    site = bank / "site"
    published = [p for p in site.rglob("*") if p.is_file()]
    assert published
    assert not [p for p in published if "templates" in p.relative_to(site).parts or p.suffix == ".j2"]
    assert not [p for p in published if b"Our insight template" in p.read_bytes()]


def _refused(bank: Path, template: str, env: dict[str, str] | None = None) -> str:
    (bank / "templates" / "records" / "insight.yaml.j2").write_text(template, encoding="utf-8")
    before = sorted(p.name for p in (bank / "insights").iterdir())
    for dry_run in ((), ("--dry-run",)):
        result = run_cli(*INSIGHT, *dry_run, cwd=bank, env=env)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stdout == ""
    assert sorted(p.name for p in (bank / "insights").iterdir()) == before
    return result.stderr


PATH = "journeyops: error: templates/records/insight.yaml.j2"
WRONG = ": the template must write one record of kind Insight with the id it is given, 'lomake-katoaa'"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        pytest.param("kind: Insight\nid: {{ id }}\n{% if %}\n",
                     ":3: the template cannot be used: Expected an expression, got 'end of statement block'",
                     id="syntax"),
        pytest.param("kind: Insight\n\nid: {{ id }}\nnote: {{ reviewer }}\n",
                     ":4: the template cannot be used: 'reviewer' is undefined", id="undefined"),
        pytest.param("kind: Insight\n{{ ''.__class__.__mro__ }}\n",
                     ":2: the template cannot be used: access to attribute '__class__' of 'str' object is unsafe.",
                     id="sandbox"),
        pytest.param("{{ steps.append('x') }}\n",
                     ":1: the template cannot be used: access to attribute 'append' of 'list' object is unsafe.",
                     id="mutation"),
        pytest.param("{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}\n",
                     ":1: the template cannot be used: it calls itself without end", id="recursion"),
        pytest.param("kind: Insight\n{% for i in range(100000) %}{% for j in range(100000) %}"
                     "{{ 'x' * 1000 }}{% endfor %}{% endfor %}\n",
                     ":2: the template cannot be used: its output is longer than 5,000,000 characters",
                     id="endless"),
        pytest.param("kind: Insight\n{{ 'x' * 10**10 }}\n",
                     ":2: the template cannot be used: it needs more than 1,024 MB of memory", id="memory"),
        pytest.param("kind: Insight\n{{ '%10000000000s' % id }}\n",
                     ":2: the template cannot be used: it needs more than 1,024 MB of memory", id="memory-format"),
        pytest.param("kind: Insight\nid: {{ id }}\ntitle: [unclosed\n",
                     ": what the template writes is not a valid insight (its output at 4:1: YAML syntax error: "
                     "did not find expected ',' or ']' (while parsing a flow sequence))",
                     id="not-yaml"),
        pytest.param("kind: Insight\nid: {{ id }}\ntitle: {{ title | yaml }}\n",
                     ": what the template writes is not a valid insight (its output at 1:1: missing required "
                     "field 'type')",
                     id="not-valid"),
        pytest.param("kind: Team\nid: {{ id }}\ntitle: {{ title | yaml }}\n",
                     WRONG, id="other-kind"),
        pytest.param(SHIPPED.replace("id: {{ id | yaml_item }}", "id: something-else"),
                     WRONG, id="other-id"),
        pytest.param(SHIPPED + "---\n" + SHIPPED,
                     WRONG, id="two-records"),
    ],
)
def test_a_broken_template_is_refused_naming_its_file_and_line(bank: Path, template: str, message: str) -> None:
    assert _refused(bank, template, env={"JOURNEYOPS_LANG": "en"}) == f"{PATH}{message}; nothing was written\n"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        pytest.param("kind: Insight\n{% for i in range(100000) %}{% for j in range(100000) %}"
                     "{% endfor %}{% endfor %}\n",
                     ":2: the template cannot be used: it takes more than 1 s of CPU time", id="loops"),
        pytest.param("kind: Insight\n{{ 10 ** (10 ** 10) }}\n",
                     ": the template cannot be used: it needs more than 1 s of CPU time or 1,024 MB of memory",
                     id="in-one-step"),
    ],
)
def test_a_template_that_runs_too_long_is_stopped(
    bank: Path, monkeypatch: pytest.MonkeyPatch, template: str, message: str
) -> None:
    """It runs in a process of its own with limits: where it runs Python, it is stopped at
    its line; in one long step of Python's own (a huge power), its process is ended."""
    from journeyops_cli.scaffold import render

    monkeypatch.setattr(render, "CPU_SECONDS", 1)
    (bank / "templates" / "records" / "insight.yaml.j2").write_text(template, encoding="utf-8")
    result = run_cli(*INSIGHT, cwd=bank, env={"JOURNEYOPS_LANG": "en"})
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"{PATH}{message}; nothing was written\n"
    assert not (bank / "insights" / "lomake-katoaa.yaml").exists()


def test_the_refusal_is_said_in_the_banks_language(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The bank's first language is Finnish; JOURNEYOPS_LANG chooses another.
    monkeypatch.delenv("JOURNEYOPS_LANG", raising=False)
    assert _refused(bank, "{{ nonesuch }}\n") == (
        f"{PATH}:1: pohjaa ei voi käyttää: 'nonesuch' is undefined; mitään ei kirjoitettu\n"
    )
    assert _refused(bank, "{{ nonesuch }}\n", env={"JOURNEYOPS_LANG": "sv"}) == (
        f"{PATH}:1: mallen kan inte användas: 'nonesuch' is undefined; inget skrevs\n"
    )


def test_the_studio_creates_records_from_the_banks_template(tmp_path: Path) -> None:
    from tests.studio.helpers import csrf_of, make_bank, studio_client

    root = make_bank(tmp_path)
    own = root / "templates" / "records"
    own.mkdir(parents=True)
    (own / "insight.yaml.j2").write_text(OURS, encoding="utf-8")
    client, _, _ = studio_client(root)
    form = {"title_fi": "Maksu epäselvä", "type": "interview", "source": "Haastattelut 2026",
            "date": "2026-11-20", "summary_fi": "Perheet eivät ymmärrä maksua.", "steps": ["daycare-journey#apply"]}
    page = client.get("/new/insight?lang=en").text
    answer = client.post("/new/insight?lang=en", data={"csrf": csrf_of(page), **form}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    written = (root / "insights" / "maksu-epaselva.yaml").read_text(encoding="utf-8")
    assert "# Our insight template (fi+en, first fi).\nkind: Insight\n" in written
    # A broken template: refused on the page, in the page's language, nothing written.
    (own / "insight.yaml.j2").write_text("{{ nonesuch }}\n", encoding="utf-8")
    page = client.get("/new/insight?lang=fi").text
    form["title_fi"] = "Toinen"
    answer = client.post("/new/insight?lang=fi", data={"csrf": csrf_of(page), **form}, follow_redirects=False)
    assert answer.status_code == 422
    assert "templates/records/insight.yaml.j2:1: pohjaa ei voi käyttää: &#39;nonesuch&#39; is undefined" in answer.text
    assert not (root / "insights" / "toinen.yaml").exists()


def test_docs_name_every_value_a_template_gets() -> None:
    """docs/templates.md lists each kind's values: exactly the fields `new` takes."""
    import re

    from journeyops_cli.scaffold.new import FIELDS

    doc = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    documented: dict[str, set[str]] = {}
    for kinds, values in re.findall(r"^\| (`[a-z-]+`(?:, `[a-z-]+`)*) \| (`.*) \|$", doc, re.MULTILINE):
        names = set(re.findall(r"`([a-z_]+)`", re.sub(r"\([^)]*\)", "", values)))
        for kind in re.findall(r"`([a-z-]+)`", kinds):
            documented[kind] = names
    assert sorted(documented) == sorted(FIELDS)
    for kind, fields in FIELDS.items():
        extra = {"reviewed"} if kind == "journey" else set()
        assert documented[kind] == set(fields) - {"title", "id"} | extra, kind


def test_a_workbooks_new_journey_is_written_by_the_banks_template(tmp_path: Path) -> None:
    import openpyxl
    from tests.sheets.helpers import copy_bank

    root = copy_bank(tmp_path)
    own = root / "templates" / "records"
    own.mkdir(parents=True)
    journey = (templates_dir() / "records" / "journey.yaml.j2").read_text(encoding="utf-8")
    (own / "journey.yaml.j2").write_text(journey.replace("kind: Journey\n", "# Our journey.\nkind: Journey\n"),
                                         encoding="utf-8")
    book = tmp_path / "bank.xlsx"
    assert run_cli("export", "daycare-application", "--out", book, cwd=root).returncode == 0
    wb = openpyxl.load_workbook(book)
    copy = wb.copy_worksheet(wb["daycare-application"])
    copy["C1"], copy["D1"] = "daycare-application-paper", "Varhaiskasvatushakemus paperilla"
    wb.save(book)
    result = run_cli("import", book, cwd=root)
    assert result.returncode == 0, result.stderr
    written = (root / "journeys/detailed/daycare-application-paper.yaml").read_text(encoding="utf-8")
    assert written.splitlines()[1] == "# Our journey."
    assert run_cli("validate", cwd=root).returncode == 0


def test_a_bank_with_its_own_templates_and_lanes_validates_renders_exports_and_builds(tmp_path: Path) -> None:
    """Issue 18: the bank's own journey and insight templates with the bank's own lanes
    (the blueprint bank's frontstage, backstage, …): `new`, a workbook's new journey,
    validate, render, export and the site all work together."""
    import shutil

    import openpyxl

    from journeyops_cli.sheets.layout import DETAIL_ROWS, LANE_ROWS

    root = tmp_path / "bank"
    shutil.copytree(Path(__file__).resolve().parents[1] / "banks" / "blueprint", root,
                    ignore=shutil.ignore_patterns(".journeyops_cache", "site"))
    own = root / "templates" / "records"
    own.mkdir(parents=True)
    (own / "insight.yaml.j2").write_text(OURS, encoding="utf-8")
    journey = (templates_dir() / "records" / "journey.yaml.j2").read_text(encoding="utf-8")
    (own / "journey.yaml.j2").write_text(journey.replace("kind: Journey\n", "# Our journey.\nkind: Journey\n"),
                                         encoding="utf-8")
    result = run_cli(*INSIGHT, "--link-step", "parking-permit#apply", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "# Our insight template (fi+en, first fi).\n" in (root / "insights/lomake-katoaa.yaml").read_text()
    checked = run_cli("validate", "--fail-on", "warning", cwd=root)
    assert checked.returncode == 0, checked.stdout
    # A workbook's new journey sheet with values in the bank's lanes: written by our template.
    book = tmp_path / "bank.xlsx"
    assert run_cli("export", "--all", "--out", book, cwd=root).returncode == 0
    wb = openpyxl.load_workbook(book)
    sheet = wb["Uusi polku"]
    own = {sheet.cell(row, 1).value: row for row in range(1, sheet.max_row + 1)}
    for (row, column), value in {
        (1, 3): "residents-card", (1, 4): "Asukaskortti", (LANE_ROWS["title"], 3): "Kortin tilaaminen",
        (DETAIL_ROWS["level"], 3): "top", (DETAIL_ROWS["theme"], 3): "traffic",
        (own["lane:frontstage"], 3): "Tilauslomake\nKuittaus", (own["lane:backstage"], 3): "Kortti painetaan",
    }.items():
        sheet.cell(row, column).value = value
    wb.save(book)
    result = run_cli("import", book, cwd=root)
    assert result.returncode == 0, result.stderr
    written = (root / "journeys/top/residents-card.yaml").read_text(encoding="utf-8")
    assert written.splitlines()[1] == "# Our journey."
    assert "    frontstage:\n      - Tilauslomake\n      - Kuittaus\n    backstage: Kortti painetaan\n" in written
    checked = run_cli("validate", "--format", "json", cwd=root)
    assert checked.returncode == 0, checked.stdout
    assert '"JO207"' in checked.stdout and '"JO020"' not in checked.stdout  # a top journey alone is only told
    rendered = run_cli("render", "parking-permit", "--format", "md", cwd=root)
    assert rendered.returncode == 0, rendered.stderr
    assert "Taustatoiminta" in rendered.stdout and "Käsittelijä tarkistaa ajoneuvon tiedot" in rendered.stdout
    assert run_cli("export", "--all", "--out", tmp_path / "again.xlsx", cwd=root).returncode == 0
    built = run_cli("site", "build", cwd=root)
    assert built.returncode == 0, built.stderr
    pages = [p for p in (root / "site").rglob("*.html")]
    assert any("Kortti painetaan" in p.read_text(encoding="utf-8") for p in pages)
    assert not [p for p in (root / "site").rglob("*") if "templates" in p.relative_to(root / "site").parts]
