"""A first week that works: `init` writes CI for GitHub, GitLab and Azure that the
platforms' own schemas accept and whose commands run on the new bank, a README in the
bank's first language, offers `git init`, and prints the next steps in that language."""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from tests.runner import cli_env, run_cli
from tests.tools import check_builtin_schema, need

from journeyops_cli import __version__
from journeyops_cli.scaffold.ci import ci_of_remote

REPO = Path(__file__).resolve().parents[2]
GITHUB = ".github/workflows/journeyops.yml"
GITLAB = ".gitlab-ci.yml"
AZURE = "azure-pipelines.yml"
PIP = f"pip install journeyops=={__version__}"
# No language from the person running the tests: the bank's first language decides.
NO_LANG = {"JOURNEYOPS_LANG": ""}
GIT_ID = {
    "GIT_AUTHOR_NAME": "Aino", "GIT_AUTHOR_EMAIL": "aino@example.org",
    "GIT_COMMITTER_NAME": "Aino", "GIT_COMMITTER_EMAIL": "aino@example.org",
}


def init(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = run_cli("init", "bank", *args, cwd=tmp_path, env={**NO_LANG, **(env or {})})
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run([need("git"), *args], cwd=cwd, capture_output=True, text=True, check=True,
                          env={**os.environ, **GIT_ID})
    return done.stdout


@pytest.fixture(scope="module")
def all_ci(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ci")
    init(root, "--ci", "azure,github,gitlab", "--no-git")
    return root / "bank"


def test_each_ci_file_passes_its_platforms_schema(all_ci: Path) -> None:
    for name, path, options in [
        ("vendor.github-workflows", GITHUB, ()),
        ("vendor.gitlab-ci", GITLAB, ()),
        # The vendored Azure schema has patterns the default regex dialect cannot compile.
        ("vendor.azure-pipelines", AZURE, ("--regex-variant", "python")),
    ]:
        code, output = check_builtin_schema(name, [all_ci / path], options=options)
        assert code == 0, (path, output)


def test_the_ci_files_name_real_jobs(all_ci: Path) -> None:
    github = yaml.safe_load((all_ci / GITHUB).read_text())
    assert list(github["jobs"]) == ["validate", "pages", "meaning"]
    assert github[True] == {"pull_request": None, "push": {"branches": ["main"]}, "workflow_dispatch": None}
    pages = github["jobs"]["pages"]
    assert pages["needs"] == "validate" and pages["permissions"] == {"pages": "write", "id-token": "write"}
    assert pages["environment"]["name"] == "github-pages"
    assert pages["steps"] == [{"id": "deployment", "uses": "actions/deploy-pages@v4"}]
    assert github["jobs"]["validate"]["steps"][-1] == {
        "uses": "actions/upload-pages-artifact@v3", "with": {"path": "site/"},
    }

    gitlab = yaml.safe_load((all_ci / GITLAB).read_text())
    jobs = {key: value for key, value in gitlab.items() if isinstance(value, dict) and "script" in value}
    assert list(jobs) == ["validate", "pages"]
    assert gitlab["default"]["before_script"] == [PIP]
    assert jobs["validate"]["script"] == ["journeyops validate"]
    assert jobs["pages"]["script"] == ["journeyops site build --out public"]
    assert jobs["pages"]["artifacts"] == {"paths": ["public"]}  # what GitLab Pages publishes
    assert jobs["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]

    azure = yaml.safe_load((all_ci / AZURE).read_text())
    assert [job["job"] for job in azure["jobs"]] == ["validate", "site"]
    assert azure["trigger"] == {"branches": {"include": ["main"]}}
    published = [step["inputs"]["artifact"] for job in azure["jobs"] for step in job["steps"]
                 if step.get("task") == "PublishPipelineArtifact@1"]
    assert published == ["CodeAnalysisLogs", "site"]


def shell_lines(bank: Path) -> dict[str, list[str]]:
    """The commands each CI file runs on the bank, in order (GitHub's `run:`, GitLab's
    `before_script` and `script`, Azure's `script:`), per job."""
    github = yaml.safe_load((bank / GITHUB).read_text())
    gitlab = yaml.safe_load((bank / GITLAB).read_text())
    azure = yaml.safe_load((bank / AZURE).read_text())
    lines = {"github validate": [step["run"] for step in github["jobs"]["validate"]["steps"] if "run" in step]}
    for job in ("validate", "pages"):
        lines[f"gitlab {job}"] = gitlab["default"]["before_script"] + gitlab[job]["script"]
    for job in azure["jobs"]:
        lines[f"azure {job['job']}"] = [step["script"] for step in job["steps"] if "script" in step]
    return lines


@pytest.mark.slow
def test_the_ci_commands_run_on_a_fresh_bank(tmp_path: Path) -> None:
    """Every command the pipelines run, run by bash in the new bank with the journeyops of
    this tree (pip install is the one line left out: it would fetch the released one)."""
    init(tmp_path, "--ci", "github,gitlab,azure", "--no-git")
    bank = tmp_path / "bank"
    shims = tmp_path / "bin"
    shims.mkdir()
    shim = shims / "journeyops"
    shim.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m journeyops_cli "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    env = cli_env({"PATH": f"{shims}{os.pathsep}{os.environ['PATH']}",
                   "PYTHONPATH": str(REPO / "src"), "JOURNEYOPS_NO_CACHE": "1"})
    bash = need("bash")
    ran = []
    for job, lines in shell_lines(bank).items():
        for line in lines:
            if line.startswith("pip install"):
                assert line == PIP, (job, line)
                continue
            done = subprocess.run([bash, "-eo", "pipefail", "-c", line], cwd=bank, env=env,
                                  capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, (job, line, done.stdout, done.stderr)
            ran.append(line)
    assert ran == [
        "journeyops validate --format github", "journeyops site build",
        "journeyops validate", "journeyops site build --out public",
        "mkdir -p CodeAnalysisLogs && { journeyops validate --format sarif > CodeAnalysisLogs/journeyops.sarif; "
        "test $? -le 1; }",
        "journeyops validate", "journeyops site build",
    ]
    assert (bank / "site" / "index.html").is_file()  # what GitHub Pages and Azure publish
    assert (bank / "public" / "index.html").is_file()  # what GitLab Pages publishes
    sarif = json.loads((bank / "CodeAnalysisLogs" / "journeyops.sarif").read_text())
    assert sarif["version"] == "2.1.0"


def test_ci_chooses_the_pipelines(tmp_path: Path) -> None:
    init(tmp_path, "--ci", "gitlab", "--no-git")
    bank = tmp_path / "bank"
    assert (bank / GITLAB).is_file() and not (bank / GITHUB).exists() and not (bank / AZURE).exists()
    assert "# .gitlab-ci.yml.\n" in (bank / ".pre-commit-config.yaml").read_text()
    readme = (bank / "README.md").read_text()
    assert f"`journeyops=={__version__}`: to move to another journeyops, change that requirement in\n" \
           "`.gitlab-ci.yml` and `.pre-commit-config.yaml`.\n" in readme
    assert "- **GitLab CI** (`.gitlab-ci.yml`): every merge request is validated;" in readme
    assert "GitHub" not in readme


def test_ci_none_writes_no_pipeline(tmp_path: Path) -> None:
    out = init(tmp_path, "--ci", "none", "--no-git").stdout
    bank = tmp_path / "bank"
    assert not (bank / ".github").exists() and not (bank / GITLAB).exists() and not (bank / AZURE).exists()
    readme = (bank / "README.md").read_text()
    assert "No CI file was written (`journeyops init --ci none`)" in readme
    assert "before each commit. The hooks\ninstall `journeyops==" in readme
    assert "Push the bank" not in out


def test_a_ci_file_added_later_is_named_when_the_config_does_not_exclude_it(tmp_path: Path) -> None:
    init(tmp_path, "--ci", "github", "--no-git")
    bank = tmp_path / "bank"
    out = init(tmp_path, "--force", "--ci", "azure", "--no-git").stdout
    assert "   create  bank/azure-pipelines.yml\n" in out and " conflict  bank/journeyops.yaml\n" in out
    assert ("\njourneyops.yaml was left as it was: add azure-pipelines.yml to its exclude list, or journeyops "
            "validate reads it as a record.\n") in out
    config = bank / "journeyops.yaml"
    config.write_text(config.read_text() + "exclude: ['*.yml']\n")
    out = init(tmp_path, "--force", "--ci", "azure", "--no-git").stdout
    assert "exclude list" not in out
    assert run_cli("validate", cwd=bank).returncode == 0


@pytest.mark.parametrize(
    ("url", "ci"),
    [
        ("git@gitlab.com:city/bank.git", "gitlab"),
        ("https://gitlab.hel.fi/palvelumuotoilu/polut.git", "gitlab"),
        ("https://city@dev.azure.com/city/cx/_git/bank", "azure"),
        ("git@ssh.dev.azure.com:v3/city/cx/bank", "azure"),
        ("https://city.visualstudio.com/cx/_git/bank", "azure"),
        ("https://github.com/city/bank.git", "github"),
        ("https://code.example.fi/bank.git", None),
    ],
)
def test_the_ci_of_a_remote(url: str, ci: str | None) -> None:
    assert ci_of_remote(url) == ci


def test_without_ci_the_origin_remote_decides(tmp_path: Path) -> None:
    """A GitLab project cloned empty: `init .` inside it writes GitLab CI, and no new
    repository is made inside the work tree."""
    bank = tmp_path / "bank"
    bank.mkdir()
    git(bank, "init", "-q")
    git(bank, "remote", "add", "origin", "git@gitlab.example.fi:city/bank.git")
    result = run_cli("init", ".", "--git", cwd=bank, env=NO_LANG)
    assert result.returncode == 0, result.stderr
    assert (bank / GITLAB).is_file() and not (bank / GITHUB).exists()
    assert "\nMade . a git repository" not in result.stdout
    assert f"\n. is already in the git repository {bank.resolve()}; no new repository was made.\n" in result.stdout
    assert "  Go to the bank:" not in result.stdout  # `init .`: already there
    assert "git commit" not in result.stdout  # not our repository to commit in


@pytest.mark.parametrize(
    ("languages", "first_lines"),
    [
        ("fi,en", ["# bank", "", "Palvelupolkupankki: asiakkaan palvelupolut, ankkuriteemat, havainnot, "
                                 "mittarit ja"]),
        ("sv,fi", ["# bank", "", "En servicestigbank: kundresor, ankarteman, insikter, mätare och "
                                 "utvecklingsmöjligheter"]),
        ("en,fi", ["# bank", "", "A journey bank: customer journeys, anchor themes, insights, metrics and "
                                 "opportunities kept"]),
        ("de", ["# bank", "", "A journey bank: customer journeys, anchor themes, insights, metrics and "
                              "opportunities kept"]),
    ],
)
def test_the_readme_is_in_the_banks_first_language(tmp_path: Path, languages: str, first_lines: list[str]) -> None:
    init(tmp_path, "--languages", languages, "--no-git")
    readme = (tmp_path / "bank" / "README.md").read_text()
    assert readme.splitlines()[:3] == first_lines
    assert f"```sh\n{PIP}\njourneyops new theme --title " in readme
    page = f"{languages.split(',')[0]}/guide/index.html"
    playbook = {"P": "sen osoitteessa", "E": "den på", "A": "shows it at"}[first_lines[2][0]]
    assert f"{playbook} http://127.0.0.1:8000/{page}," in readme
    assert f" `{page}`.\n" in readme


def test_the_finnish_readme_names_the_pipelines_in_finnish(tmp_path: Path) -> None:
    init(tmp_path, "--languages", "fi", "--ci", "github,azure", "--no-git")
    readme = (tmp_path / "bank" / "README.md").read_text()
    assert "- **GitHub Actions** (`.github/workflows/journeyops.yml`): jokainen pull request tarkistetaan" in readme
    assert "- **Azure Pipelines** (`azure-pipelines.yml`): luo tästä tiedostosta pipeline;" in readme
    assert (f"pre-commit asentavat version `journeyops=={__version__}`: kun haluat vaihtaa journeyopsin versiota,\n"
            "muuta vaatimus tiedostoihin\n"
            "`.github/workflows/journeyops.yml`, `azure-pipelines.yml` ja `.pre-commit-config.yaml`.\n") in readme


NEXT_STEPS = {
    "fi": """
Seuraavaksi:
  Siirry pankin kansioon:
    cd bank
  Lisää ankkuriteema ja sen jälkeen keskitason palvelupolku yhteisen palvelupolun alle:
    journeyops new theme
    journeyops new journey --level mid --parent service-journey
  Tarkista pankki:
    journeyops validate
  Muokkaa pankkia selaimessa (asenna ensin: pip install 'journeyops[studio]'):
    journeyops studio
  Esikatsele sivustoa osoitteessa http://127.0.0.1:8000:
    journeyops site serve
  Tee pankista git-repositorio ja ensimmäinen commit:
    git init -b main && git add . && git commit -m 'Palvelupolkupankki aloitettu (journeyops init)'
  Vie pankki GitHubiin: pull requestit tarkistetaan, ja main-haara julkaisee sivuston
  GitHub Pagesissa (valitse kerran Settings → Pages → lähteeksi GitHub Actions).
  Vie pankki GitLabiin: merge requestit tarkistetaan, ja oletushaara julkaisee sivuston
  GitLab Pagesissa.
  Pelikirja (roolit, rutiinit ja ensimmäiset 30 päivää) on osa sivustoa:
  http://127.0.0.1:8000/fi/guide/index.html
""",
    "sv": """
Nästa steg:
  Gå till bankens mapp:
    cd bank
  Lägg till ett ankartema och sedan en resa på mellannivå under den gemensamma
  servicestigen:
    journeyops new theme
    journeyops new journey --level mid --parent service-journey
  Granska banken:
    journeyops validate
  Redigera banken i webbläsaren (installera först: pip install 'journeyops[studio]'):
    journeyops studio
  Förhandsgranska webbplatsen på http://127.0.0.1:8000:
    journeyops site serve
  Gör banken till ett git-förråd med en första commit:
    git init -b main && git add . && git commit -m 'Servicestigbanken påbörjad (journeyops init)'
  Lägg upp banken på GitHub: pull requests granskas och main-grenen publicerar
  webbplatsen på GitHub Pages (välj en gång Settings → Pages → källa: GitHub Actions).
  Lägg upp banken på GitLab: merge requests granskas och standardgrenen publicerar
  webbplatsen med GitLab Pages.
  Spelboken (roller, rutiner och de första 30 dagarna) är en del av webbplatsen:
  http://127.0.0.1:8000/sv/guide/index.html
""",
    "en": """
Next steps:
  Go to the bank:
    cd bank
  Add an anchor theme, then a mid journey under the shared service journey:
    journeyops new theme
    journeyops new journey --level mid --parent service-journey
  Check the bank:
    journeyops validate
  Edit the bank in the browser (first: pip install 'journeyops[studio]'):
    journeyops studio
  Preview the site at http://127.0.0.1:8000:
    journeyops site serve
  Make the bank a git repository with a first commit:
    git init -b main && git add . && git commit -m 'Start the journey bank (journeyops init)'
  Push the bank to GitHub: pull requests are checked and the main branch publishes the
  site to GitHub Pages (once: Settings → Pages → Source: GitHub Actions).
  Push the bank to GitLab: merge requests are checked and the default branch publishes
  the site with GitLab Pages.
  The playbook (roles, rituals and the first 30 days) is part of the site:
  http://127.0.0.1:8000/en/guide/index.html
""",
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_next_steps_in_the_banks_first_language(tmp_path: Path, language: str) -> None:
    out = init(tmp_path, "--languages", f"{language},en", "--ci", "github,gitlab").stdout
    created = {"fi": "     luotu", "sv": "    skapad", "en": "   create"}[language]
    assert out.endswith(f"{created}  bank/schemas/theme.schema.json\n" + NEXT_STEPS[language])
    assert not (tmp_path / "bank" / ".git").exists()  # no terminal, no --git: not asked, not made


def test_journeyops_lang_beats_the_bank_for_the_cli_words_not_the_readme(tmp_path: Path) -> None:
    out = init(tmp_path, "--languages", "fi", "--no-git", env={"JOURNEYOPS_LANG": "sv"}).stdout
    assert "\nNästa steg:\n" in out
    assert "  http://127.0.0.1:8000/fi/guide/index.html\n" in out  # the site has no Swedish pages
    assert (tmp_path / "bank" / "README.md").read_text().startswith("# bank\n\nPalvelupolkupankki:")


def test_dry_run_prints_no_next_steps_and_makes_no_repository(tmp_path: Path) -> None:
    out = init(tmp_path, "--languages", "fi", "--git", "--commit", "--dry-run").stdout
    assert out.endswith("luotaisiin  bank/schemas/theme.schema.json\nkokeiluajo (--dry-run): mitään ei kirjoitettu\n")
    assert not (tmp_path / "bank").exists()


def test_git_and_commit_flags_make_a_repository_on_main_with_the_bank_committed(tmp_path: Path) -> None:
    out = init(tmp_path, "--languages", "fi,en", "--git", "--commit", env=GIT_ID).stdout
    bank = tmp_path / "bank"
    assert "\nGit-repositorio luotu kansioon bank, haara main.\nEnsimmäinen commit " in out
    assert ": Palvelupolkupankki aloitettu (journeyops init)\n\nSeuraavaksi:\n" in out
    assert "git commit" not in out  # nothing left to commit
    assert git(bank, "branch", "--show-current") == "main\n"
    assert git(bank, "log", "--format=%s") == "Palvelupolkupankki aloitettu (journeyops init)\n"
    assert git(bank, "status", "--porcelain") == ""
    assert "journeyops.yaml\n" in git(bank, "ls-files")


def test_git_without_commit_leaves_the_commit_to_the_person(tmp_path: Path) -> None:
    out = init(tmp_path, "--git").stdout
    bank = tmp_path / "bank"
    assert "\nMade bank a git repository, branch main.\n\nNext steps:\n" in out
    assert ("  Make the first commit:\n"
            "    git add . && git commit -m 'Start the journey bank (journeyops init)'\n") in out
    assert git(bank, "symbolic-ref", "HEAD") == "refs/heads/main\n"
    assert subprocess.run([need("git"), "rev-parse", "--verify", "-q", "HEAD"], cwd=bank).returncode == 1


def test_a_commit_git_refuses_is_reported_and_the_bank_kept(tmp_path: Path) -> None:
    # No identity and no guessing one: git refuses to commit.
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "user.useConfigOnly", "GIT_CONFIG_VALUE_0": "true"}
    env.update({key: "" for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                                    "GIT_COMMITTER_EMAIL", "EMAIL")})
    out = init(tmp_path, "--commit", env=env).stdout
    assert "\nMade bank a git repository, branch main.\ngit made no commit (" in out
    assert "); the files are added (git add): commit them yourself.\n\nNext steps:\n" in out
    assert "  Make the first commit:\n" in out
    assert (tmp_path / "bank" / "journeyops.yaml").is_file()


def test_git_is_never_made_inside_an_existing_work_tree(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    out = init(tmp_path, "--languages", "sv", "--git", "--commit").stdout
    assert f"\nbank ligger redan i git-förrådet {tmp_path.resolve()}; inget nytt förråd skapades.\n" in out
    assert not (tmp_path / "bank" / ".git").exists()
    assert "git commit" not in out
    assert git(tmp_path, "status", "--porcelain").startswith("?? bank/")  # nothing committed for them


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "git_question", "commit_question", "answers", "again", "committed"),
    [
        # Enter takes the default; the language's own words are answers, English ones too.
        ("fi", "Tehdäänkö pankista git-repositorio (git init)? [K/e]: ", "Tehdäänkö ensimmäinen commit? [K/e]: ",
         ["", "x", "Kyllä"], "Vastaa k (kyllä) tai e (ei); pelkkä Enter tarkoittaa kyllä.", True),
        ("sv", "Ska banken bli ett git-förråd (git init)? [J/n]: ", "Ska den första commiten göras? [J/n]: ",
         ["j", "k", "nej"], "Svara j (ja) eller n (nej); bara Enter betyder ja.", False),
        ("en", "Make the bank a git repository (git init)? [Y/n]: ", "Make the first commit? [Y/n]: ",
         ["yes", "ja", "n"], "Answer y (yes) or n (no); Enter alone is yes.", False),
    ],
)
def test_on_a_terminal_init_asks_about_git(tmp_path: Path, language: str, git_question: str, commit_question: str,
                                           answers: list[str], again: str, committed: bool) -> None:
    env = {**cli_env({**NO_LANG, **GIT_ID}), "PYTHONPATH": str(REPO / "src")}
    child = pexpect.spawn(sys.executable, ["-m", "journeyops_cli", "init", "bank", "--languages", language],
                          cwd=str(tmp_path), env=env, encoding="utf-8", timeout=60)
    child.expect_exact(git_question)
    child.sendline(answers[0])
    child.expect_exact(commit_question)
    child.sendline(answers[1])  # not an answer in this language: asked again
    child.expect_exact(again)
    child.expect_exact(commit_question)
    child.sendline(answers[2])
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    bank = tmp_path / "bank"
    assert git(bank, "branch", "--show-current") == "main\n"
    has_commit = subprocess.run([need("git"), "rev-parse", "--verify", "-q", "HEAD"], cwd=bank,
                                capture_output=True).returncode == 0
    assert has_commit == committed


@pytest.mark.slow
def test_on_a_terminal_no_means_no_repository(tmp_path: Path) -> None:
    env = {**cli_env(NO_LANG), "PYTHONPATH": str(REPO / "src")}
    child = pexpect.spawn(sys.executable, ["-m", "journeyops_cli", "init", "bank"], cwd=str(tmp_path), env=env,
                          encoding="utf-8", timeout=60)
    child.expect_exact("Make the bank a git repository (git init)? [Y/n]: ")
    child.sendline("no")
    child.expect_exact("Make the bank a git repository with a first commit:")
    child.expect(pexpect.EOF)
    assert not (tmp_path / "bank" / ".git").exists()


def test_the_next_steps_in_getting_started_are_what_init_prints(tmp_path: Path) -> None:
    doc = (REPO / "docs" / "getting-started.md").read_text(encoding="utf-8")
    command = "journeyops init helsinki-journeys --name \"Helsingin palvelupolut\" --languages fi,sv,en"
    assert f"```sh\n{command}\n```" in doc
    shown = doc.split("```\nSeuraavaksi:\n", 1)[1].split("  ...\n```", 1)[0]
    out = run_cli(*shlex.split(command)[1:], "--no-git", cwd=tmp_path, env=NO_LANG).stdout
    assert "\nSeuraavaksi:\n" + shown in out
    assert len(shown.splitlines()) == 7  # the doc shows the first steps
