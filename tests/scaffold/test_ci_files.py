"""The CI files `init` writes, and the project's own, read by the programs that run them:
check-jsonschema's vendored GitHub workflow schema, and pre-commit itself."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from tests.runner import run_cli as run
from tests.tools import check_builtin_schema, need, pre_commit, pre_commit_env

from journeyops_cli import __version__
from journeyops_cli.scaffold.hooks import HOOKS

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = ".github/workflows/journeyops.yml"
PRE_COMMIT = ".pre-commit-config.yaml"
ONE = (
    "give one pip requirement (a version, `journeyops==X`, a git URL or a path), "
    "not pip options or several lines"
)


def installed_by(bank: Path) -> tuple[list[str], list[list[str]]]:
    """What the workflow's `pip install` step and each pre-commit hook install."""
    workflow = yaml.safe_load((bank / WORKFLOW).read_text())
    pip = []
    for job in ("validate", "meaning"):
        runs = [step["run"] for step in workflow["jobs"][job]["steps"] if "run" in step]
        pip += [shlex.split(command)[2:] for command in runs if command.startswith("pip install")]
    assert len(pip) == 2 and pip[0] == pip[1], pip
    config = yaml.safe_load((bank / PRE_COMMIT).read_text())
    (repo,) = config["repos"]
    assert repo["repo"] == "local" and "rev" not in repo
    return pip[0], [hook["additional_dependencies"] for hook in repo["hooks"]]


@pytest.mark.parametrize(
    ("given", "spec"),
    [
        (None, f"journeyops=={__version__}"),
        ("0.2.0", "journeyops==0.2.0"),
        ("journeyops>=0.2,<0.3", "journeyops>=0.2,<0.3"),
        ("git+https://github.com/journeyops/journeyops@v0.2.0", "git+https://github.com/journeyops/journeyops@v0.2.0"),
        ("journeyops @ git+https://example.org/j.git@main", "journeyops @ git+https://example.org/j.git@main"),
        ("./tools/journeyops", "./tools/journeyops"),
    ],
)
def test_init_installs_one_spec_in_ci_and_pre_commit(tmp_path: Path, given: str | None, spec: str) -> None:
    args = ["init", "bank"] + (["--install", given] if given is not None else [])
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    bank = tmp_path / "bank"
    pip, hooks = installed_by(bank)
    assert pip == [spec]
    assert hooks == [[spec]] * len(HOOKS)
    assert f"`{spec}`: to move to another journeyops" in (bank / "README.md").read_text()
    code, output = check_builtin_schema("vendor.github-workflows", [bank / WORKFLOW])
    assert code == 0, output
    checked = pre_commit("validate-config", str(bank / PRE_COMMIT))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_pull_requests_get_the_meaning_of_the_change_as_a_comment(tmp_path: Path) -> None:
    assert run("init", "bank", cwd=tmp_path).returncode == 0
    workflow = yaml.safe_load((tmp_path / "bank" / WORKFLOW).read_text())
    job = workflow["jobs"]["meaning"]
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert job["steps"][0] == {"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}
    runs = [step for step in job["steps"] if "run" in step]
    assert runs[1]["run"] == 'journeyops diff "origin/$BASE" HEAD --format md > journeyops-diff.md'
    assert runs[1]["env"] == {"BASE": "${{ github.base_ref }}"}
    assert runs[2]["run"].startswith('gh pr comment "$PR" --body-file journeyops-diff.md --edit-last')
    assert "github.event.pull_request.head.repo.full_name == github.repository" in job["if"]


def test_the_local_hooks_are_the_shipped_hooks(tmp_path: Path) -> None:
    assert run("init", "bank", cwd=tmp_path).returncode == 0
    config = yaml.safe_load((tmp_path / "bank" / PRE_COMMIT).read_text())
    hooks = config["repos"][0]["hooks"]
    written = [{k: v for k, v in hook.items() if k != "additional_dependencies"} for hook in hooks]
    assert written == [{k: v for k, v in hook.items() if k != "description"} for hook in HOOKS]


CI = "give github, gitlab or azure (comma-separated), or none"


@pytest.mark.parametrize(
    ("option", "given", "message"),
    [
        ("--install", "--index-url=https://evil.example", f"--install --index-url=https://evil.example: {ONE}"),
        ("--install", "journeyops\nrun: curl evil", f"--install journeyops\nrun: curl evil: {ONE}"),
        ("--install", "  ", "--install: give what pip installs, e.g. journeyops==0.1.0"),
        ("--ci", "jenkins", f"--ci jenkins: {CI}"),
        ("--ci", "github,gitlba", f"--ci github,gitlba: {CI}; did you mean 'gitlab'?"),
        ("--ci", ",", f"--ci ,: {CI}"),
    ],
)
def test_init_refuses_an_install_spec_or_ci_it_cannot_use(tmp_path: Path, option: str, given: str,
                                                          message: str) -> None:
    result = run("init", "bank", option, given, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"journeyops: error: {message}\n"
    assert not (tmp_path / "bank").exists()


def test_hook_manifest_is_the_hooks_and_runs_serially() -> None:
    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert manifest == HOOKS
    assert all(hook["require_serial"] and hook["pass_filenames"] for hook in manifest)
    checked = pre_commit("validate-manifest", str(REPO / ".pre-commit-hooks.yaml"))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_release_workflow_builds_and_publishes_on_a_tag() -> None:
    path = REPO / ".github" / "workflows" / "release.yml"
    code, output = check_builtin_schema("vendor.github-workflows", [path])
    assert code == 0, output
    workflow = yaml.safe_load(path.read_text())
    steps = workflow["jobs"]["build"]["steps"]
    assert {"run": "python -m build"} in steps
    publish = workflow["jobs"]["publish"]
    assert publish["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert publish["permissions"] == {"id-token": "write"}  # trusted publishing, no token
    assert publish["steps"][-1] == {"uses": "pypa/gh-action-pypi-publish@release/v1"}
    assert workflow[True]["push"]["tags"] == ["v*"]  # PyYAML reads `on` as True


def test_license_is_mit_as_pyproject_says() -> None:
    text = (REPO / "LICENSE").read_text()
    assert text.startswith("MIT License\n\nCopyright (c) 2026 journeyops developers\n")
    assert 'license = "MIT"' in (REPO / "pyproject.toml").read_text()


@pytest.mark.slow
def test_generated_pre_commit_config_runs_the_hooks_in_one_batch(tmp_path: Path) -> None:
    """pre-commit installs journeyops from `--install` (here this checkout) and runs the
    hooks; a failing file is reported once, with no "no problems" from another batch."""
    git = need("git")
    assert run("init", "bank", "--install", str(REPO), cwd=tmp_path).returncode == 0
    bank = tmp_path / "bank"
    for index in range(8):
        assert run("new", "theme", "--title", f"Theme {index}", "--no-input", cwd=bank).returncode == 0
    (bank / "themes" / "broken.yaml").write_text("kind: Theme\nid: broken\ntitle: [unclosed\n")
    subprocess.run([git, "init", "-q"], cwd=bank, check=True)
    subprocess.run([git, "add", "."], cwd=bank, check=True)
    env = pre_commit_env(tmp_path / "pre-commit-home")
    result = pre_commit("run", "journeyops-validate", "--all-files", cwd=bank, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "journeyops validate" in output and "Failed" in output
    assert "\nthemes/broken.yaml:" in output and " JO001 [error] YAML syntax error" in output
    assert "no problems" not in output
    assert output.count("records checked") == 1, output
