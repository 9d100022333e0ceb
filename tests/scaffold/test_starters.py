"""`init --template`: a bank from an organisation's starter (a folder, a starter that comes
with journeyops, an installed package), and bad starters refused with nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.runner import run_cli

from journeyops_cli.scaffold.starters import shipped

CONFIG = (
    "name: {{ name | yaml }}\n"
    "languages: [{{ languages | join(', ') }}]\n"
)
TOP = """\
kind: Journey
id: city-journey
title: {{ {"fi": "Kaupungin polku", "en": "City journey"} | for_languages(languages) | yaml }}
level: top
steps:
  - id: find
    title: {{ {"fi": "Löydä", "en": "Find"} | for_languages(languages) | yaml }}
"""
OWN_INSIGHT = """\
# Acme's insight.
kind: Insight
id: {{ id | yaml_item }}
title: {{ title | yaml }}
type: {{ type }}
source: {{ source | yaml }}
date: {{ date }}
summary: {{ summary | yaml }}
confidence: {{ confidence or "low" }}
"""


def make_starter(folder: Path, files: dict[str, str | bytes | None] | None = None) -> Path:
    """A starter: its config, a top journey, a team, its own insight template, a README, a
    binary file and its starter.yaml; `files` adds or replaces (None leaves a file out)."""
    content: dict[str, str | bytes | None] = {
        "journeyops.yaml.j2": CONFIG,
        "starter.yaml": "languages: [fi, en]\n",
        "journeys/top/city-journey.yaml.j2": TOP,
        "vocabulary/teams.yaml": "kind: Team\nid: cx\ntitle: Asiakaskokemus\n",
        "templates/records/insight.yaml.j2": OWN_INSIGHT,
        "README.md": "# Acme's bank\n",
        "assets/logo.bin": b"\x89PNG\x00\xff",
        **(files or {}),
    }
    for rel, data in content.items():
        path = folder / rel
        if data is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return folder


def test_init_from_a_starter_folder(tmp_path: Path) -> None:
    make_starter(tmp_path / "acme")
    result = run_cli("init", "bank", "--template", "./acme", "--name", "Acme", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:7] == [
        "   create  bank/journeyops.yaml",
        "   create  bank/README.md",
        "   create  bank/assets/logo.bin",
        "   create  bank/journeys/top/city-journey.yaml",
        "   create  bank/templates/records/insight.yaml.j2",
        "   create  bank/vocabulary/teams.yaml",
        "   create  bank/themes/.gitkeep",
    ]
    bank = tmp_path / "bank"
    assert (bank / "journeyops.yaml").read_text() == "name: Acme\nlanguages: [fi, en]\n"
    assert "title: {fi: Kaupungin polku, en: City journey}\n" in (bank / "journeys/top/city-journey.yaml").read_text()
    # The bank's own templates are copied as they are; starter.yaml stays in the starter.
    assert (bank / "templates/records/insight.yaml.j2").read_text() == OWN_INSIGHT
    assert not (bank / "starter.yaml").exists()
    assert (bank / "README.md").read_text() == "# Acme's bank\n"  # the starter's, not the tool's
    assert (bank / "assets/logo.bin").read_bytes() == b"\x89PNG\x00\xff"
    assert (bank / ".pre-commit-config.yaml").is_file() and (bank / "schemas/journey.schema.json").is_file()
    assert not (bank / "journeys/top/.gitkeep").exists() and (bank / "journeys/mid/.gitkeep").exists()
    # --languages wins over the starter's; a second run reports every file identical.
    again = run_cli("init", "bank", "--force", "--template", "./acme", "--name", "Acme", "--languages", "fi",
                    cwd=tmp_path)
    assert "conflict  bank/journeyops.yaml\n" in again.stdout
    assert "identical  bank/vocabulary/teams.yaml\n" in again.stdout
    result = run_cli("new", "insight", "--title", "X", "--type", "feedback", "--source", "S", "--summary", "Y",
                     "--no-input", cwd=bank)
    assert result.returncode == 0, result.stderr
    assert (bank / "insights/x.yaml").read_text().startswith("# Acme's insight.\n")
    assert run_cli("validate", cwd=bank).returncode == 0


@pytest.mark.parametrize("name", shipped())
def test_every_shipped_starter_validates_renders_and_builds(tmp_path: Path, name: str) -> None:
    result = run_cli("init", "bank", "--template", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    bank = tmp_path / "bank"
    checked = run_cli("validate", "--fail-on", "warning", cwd=bank)
    assert checked.returncode == 0, checked.stdout
    assert run_cli("fmt", "--check", cwd=bank).returncode == 0
    for fmt in ("md", "html"):
        assert run_cli("render", "service-journey", "--format", fmt, cwd=bank).returncode == 0
    built = run_cli("site", "build", cwd=bank)
    assert built.returncode == 0, built.stderr
    assert (bank / "site" / "index.html").is_file()
    assert not list((bank / "site").rglob("*.j2"))


def test_without_template_init_writes_the_default_starter(tmp_path: Path) -> None:
    assert shipped() == ["default", "helsinki"]
    plain = run_cli("init", "a", "--name", "X", "--languages", "fi,sv", cwd=tmp_path)
    chosen = run_cli("init", "b", "--name", "X", "--languages", "fi,sv", "--template", "default", cwd=tmp_path)
    assert plain.stdout.replace("  a/", "  b/").replace("cd a\n", "cd b\n") == chosen.stdout

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(tmp_path / "a") == files(tmp_path / "b")
    top = (tmp_path / "a" / "journeys/top/service-journey.yaml").read_text(encoding="utf-8")
    assert "title: {fi: Palvelupolku, sv: Servicestig}\n" in top
    assert "  - id: customership\n    title: {fi: Asiakkuus, sv: Kundrelation}\n" in top


def test_helsinki_speaks_three_languages_unless_told_otherwise(tmp_path: Path) -> None:
    assert run_cli("init", "hki", "--template", "helsinki", cwd=tmp_path).returncode == 0
    config = (tmp_path / "hki" / "journeyops.yaml").read_text(encoding="utf-8")
    assert "languages: [fi, sv, en]\n" in config
    teams = (tmp_path / "hki" / "vocabulary" / "teams.yaml").read_text(encoding="utf-8")
    assert "title: {fi: Asiakaskokemus ja palvelumuotoilu, sv: Kundupplevelse och servicedesign, en: " in teams
    assert run_cli("init", "fi", "--template", "helsinki", "--languages", "fi", cwd=tmp_path).returncode == 0
    teams = (tmp_path / "fi" / "vocabulary" / "teams.yaml").read_text(encoding="utf-8")
    assert "title: Asiakaskokemus ja palvelumuotoilu\n" in teams


def test_init_from_an_installed_package_without_running_it(tmp_path: Path) -> None:
    package = tmp_path / "packages" / "acme_journeys"
    make_starter(package / "starter")
    (package / "__init__.py").write_text("raise RuntimeError('a starter is found, not imported')\n")
    path = os.pathsep.join([str(tmp_path / "packages"), os.environ.get("PYTHONPATH", "")])
    result = run_cli("init", "bank", "--template", "acme_journeys", cwd=tmp_path, env={"PYTHONPATH": path},
                     process=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "bank" / "journeys/top/city-journey.yaml").is_file()
    assert (tmp_path / "bank" / "templates/records/insight.yaml.j2").read_text() == OWN_INSIGHT


def broken(where: str, problem: str) -> str:
    return f"acme/{where}: the template cannot be used: {problem}; nothing was written"


BAD_JOURNEY = TOP.replace("level: top\n", "level: top\nteam: nobody\n")


@pytest.mark.parametrize(
    ("template", "files", "message"),
    [
        pytest.param("./missing", None, "--template ./missing: there is no folder missing", id="no-folder"),
        pytest.param("nonesuch", None,
                     "--template nonesuch: no such starter; give a folder (./nonesuch), a starter that comes "
                     "with journeyops (default, helsinki) or an installed Python package that holds a "
                     "starter/ folder", id="unknown"),
        pytest.param("os", None,
                     "--template os: no such starter; give a folder (./os), a starter that comes with "
                     "journeyops (default, helsinki) or an installed Python package that holds a starter/ "
                     "folder", id="module-without-starter"),
        pytest.param("./acme", {"journeyops.yaml.j2": None},
                     "acme: a starter needs a journeyops.yaml.j2 (the bank's settings; the template gets name "
                     "and languages)", id="no-config"),
        pytest.param("./acme", {"starter.yaml": "languages: finnish\n"},
                     "acme/starter.yaml: write the languages as ISO 639 codes, e.g. languages: [fi, sv, en]",
                     id="bad-settings"),
        pytest.param("./acme", {"journeys/top/city-journey.yaml.j2": "kind: Journey\n{% for %}\n"},
                     broken("journeys/top/city-journey.yaml.j2:2",
                            "Expected an expression, got 'end of statement block'"),
                     id="syntax"),
        pytest.param("./acme", {"journeys/top/city-journey.yaml.j2": "id: {{ city }}\n"},
                     broken("journeys/top/city-journey.yaml.j2:1", "'city' is undefined"), id="undefined"),
        pytest.param("./acme", {"journeys/top/city-journey.yaml.j2": b"kind: \xff\n"},
                     broken("journeys/top/city-journey.yaml.j2:1", "not UTF-8 text"), id="not-text"),
        pytest.param("./acme", {"journeys/top/city-journey.yaml.j2": "kind: Journey\n{{ 'x' * 10**10 }}\n"},
                     broken("journeys/top/city-journey.yaml.j2:2", "it needs more than 1,024 MB of memory"),
                     id="memory"),
        pytest.param("./acme", {"templates/records/insight.yaml.j2": "kind: Insight\n\n{{ id }\n"},
                     broken("templates/records/insight.yaml.j2:3", "unexpected '}'"), id="own-template-syntax"),
        pytest.param("./acme", {"vocabulary/teams.yaml.j2": "kind: Team\nid: cx\ntitle: CX\n"},
                     "acme/vocabulary/teams.yaml and acme/vocabulary/teams.yaml.j2: both would be the bank's "
                     "file vocabulary/teams.yaml; leave one out", id="one-file-twice"),
        pytest.param("./acme", {"journeys/top/city-journey.yaml.j2": BAD_JOURNEY},
                     "acme: the bank this starter makes would not pass `journeyops validate` (below); nothing "
                     "was written", id="record-invalid"),
        pytest.param("./acme", {"journeyops.yaml.j2": CONFIG + "colour: red\n"},
                     "acme: the bank this starter makes would not pass `journeyops validate` (below); nothing "
                     "was written", id="config-invalid"),
    ],
)
def test_a_bad_starter_is_refused_and_nothing_is_written(
    tmp_path: Path, template: str, files: dict[str, str | bytes | None] | None, message: str
) -> None:
    if files is not None:
        make_starter(tmp_path / "acme", files)
    result = run_cli("init", "bank", "--template", template, cwd=tmp_path, env={"JOURNEYOPS_LANG": "en"})
    assert result.returncode == 2, result.stdout
    assert f"journeyops: error: {message}\n" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "bank").exists()


def test_the_findings_of_a_starter_that_does_not_validate_are_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JOURNEYOPS_LANG", raising=False)  # said in the new bank's language
    make_starter(tmp_path / "acme", {"journeys/top/city-journey.yaml.j2": BAD_JOURNEY})
    result = run_cli("init", "bank", "--template", "./acme", "--languages", "fi", cwd=tmp_path)
    assert result.returncode == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("journeys/top/city-journey.yaml:") and "nobody" in first
    assert result.stderr.splitlines()[-1] == (
        "journeyops: error: acme: tämän aloituspohjan tekemä pankki ei läpäisisi tarkistusta `journeyops "
        "validate` (alla); mitään ei kirjoitettu"
    )


def test_a_link_in_a_starter_is_refused(tmp_path: Path) -> None:
    make_starter(tmp_path / "acme")
    (tmp_path / "acme" / "journeys" / "elsewhere.yaml").symlink_to(tmp_path / "acme" / "README.md")
    result = run_cli("init", "bank", "--template", "./acme", cwd=tmp_path, env={"JOURNEYOPS_LANG": "en"})
    assert result.returncode == 2
    assert result.stderr == (
        "journeyops: error: acme/journeys/elsewhere.yaml: a starter holds plain files and folders, not links\n"
    )
    assert not (tmp_path / "bank").exists()


def test_a_starter_excludes_the_ci_files_that_are_not_records(tmp_path: Path) -> None:
    """`exclude` tells a starter's journeyops.yaml.j2 which CI files to leave out of the
    checks; a starter that ignores it cannot make a bank with Azure Pipelines."""
    for name in shipped():
        result = run_cli("init", name, "--template", name, "--ci", "azure", "--no-git", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert 'exclude: ["azure-pipelines.yml"]\n' in (tmp_path / name / "journeyops.yaml").read_text()
    make_starter(tmp_path / "acme")
    result = run_cli("init", "bank", "--template", "./acme", "--ci", "azure", "--no-git", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("azure-pipelines.yml:3:1: JO012 [error] record has no `kind`\n")


def test_a_starter_with_its_own_lanes_gets_schemas_that_know_them(tmp_path: Path) -> None:
    """The schemas init writes are the bank's own (`schema --bank`), not the tool's, when
    the starter declares lanes: an editor then accepts a step's `backstage:`."""
    make_starter(tmp_path / "acme", {"journeyops.yaml.j2": CONFIG + (
        "lanes:\n  backstage: {type: text, title: {fi: Taustatoiminta, en: Backstage}}\n")})
    assert run_cli("init", "bank", "--template", "./acme", "--name", "Acme", "--no-git", "--ci", "none",
                   cwd=tmp_path).returncode == 0
    bank = tmp_path / "bank"
    assert "Taustatoiminta" in (bank / "schemas/journey.schema.json").read_text("utf-8")
    check = run_cli("schema", "--bank", ".", "--out", "schemas", "--check", cwd=bank)
    assert check.returncode == 0, check.stdout + check.stderr
    # without lanes, the tool's own schemas as they ship
    make_starter(tmp_path / "plain")
    assert run_cli("init", "plain-bank", "--template", "./plain", "--name", "Plain", "--no-git", "--ci", "none",
                   cwd=tmp_path).returncode == 0
    assert run_cli("schema", "--out", "schemas", "--check", cwd=tmp_path / "plain-bank").returncode == 0
