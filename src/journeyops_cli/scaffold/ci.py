"""The CI systems `init` writes a pipeline for (`--ci github,gitlab,azure`): where each
one's file lives and which template writes it, and the default when `--ci` is not given.

The default follows the git remote `origin` of the repository the bank is made in (a
GitLab project cloned empty gets GitLab CI, an Azure Repos one Azure Pipelines); without
one it is GitHub Actions.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from journeyops_cli.errors import JourneyopsError
from journeyops_cli.revisions import RevisionError, run_git
from journeyops_cli.suggest import did_you_mean

CI_FILES: dict[str, tuple[str, str]] = {
    "github": (".github/workflows/journeyops.yml", "init/ci/github.yml.j2"),
    "gitlab": (".gitlab-ci.yml", "init/ci/gitlab-ci.yml.j2"),
    "azure": ("azure-pipelines.yml", "init/ci/azure-pipelines.yml.j2"),
}
"""CI system → (the file in the bank, the template that writes it)."""

DEFAULT_CI = "github"

_HOSTS = (("gitlab", "gitlab"), ("dev.azure.com", "azure"), ("visualstudio.com", "azure"), ("github", "github"))


def not_records(ci: list[str] | tuple[str, ...]) -> list[str]:
    """The CI files of `ci` that the bank's checks would read as records (YAML outside a
    hidden folder: `azure-pipelines.yml`); a new bank lists them under `exclude:`."""
    return [CI_FILES[system][0] for system in ci if not CI_FILES[system][0].startswith(".")]


def parse_ci(value: str) -> list[str]:
    """The CI systems named by `--ci` (comma-separated; `none` for none), in the order of
    `CI_FILES`; a JourneyopsError (exit 2) names an unknown one."""
    names = [part.strip().lower() for part in value.split(",") if part.strip()]
    if names == ["none"]:
        return []
    unknown = [name for name in names if name not in CI_FILES]
    if not names or unknown:
        wrong = unknown[0] if unknown else value
        hint = did_you_mean(wrong, CI_FILES)
        raise JourneyopsError(
            f"--ci {value}: give github, gitlab or azure (comma-separated), or none"
            + (f"; {hint}" if hint else "")
        )
    return [name for name in CI_FILES if name in names]


def ci_of_remote(url: str) -> str | None:
    """The CI system of a git remote's host (`git@gitlab.example.fi:city/bank.git` →
    gitlab), None for a host we do not recognise."""
    host = urlsplit(url).hostname if "://" in url else url.partition("@")[2].partition(":")[0] or url
    host = (host or "").lower()
    return next((ci for part, ci in _HOSTS if part in host), None)


def default_ci(folder: Path) -> list[str]:
    """What `init` writes without `--ci`: the CI of the `origin` remote of the repository
    `folder` lies in, else GitHub Actions."""
    near = next((p for p in (folder, *folder.absolute().parents) if p.is_dir()), None)
    url = ""
    if near is not None:
        try:
            url = str(run_git(near, "config", "--get", "remote.origin.url")).strip()
        except RevisionError:
            url = ""
    return [ci_of_remote(url) or DEFAULT_CI] if url else [DEFAULT_CI]
