"""The bank's git side in the studio: what changed since the last commit (the semantic
summary of `journeyops diff HEAD`), and a commit of the bank's files with a message, on a
new branch by default. Runs `git` itself (revisions.run_git); pushing stays the user's."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from journeyops_cli.revisions import RevisionError, repository_root, run_git
from journeyops_cli.studio.forms import FormError

BRANCH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")


@dataclass(frozen=True, slots=True)
class Changes:
    """What `git status` lists under the bank, and the semantic summary."""

    branch: str
    files: list[str]
    summary: str


def default_branch(now: dt.datetime) -> str:
    return now.strftime("studio/%Y-%m-%d-%H%M%S")


def changes(root: Path) -> Changes | None:
    """None when the bank is not in a git repository (or it has no commit yet)."""
    from journeyops_cli.diff.output import as_text
    from journeyops_cli.diff.sides import diff_of

    if repository_root(root) is None:
        return None
    try:
        branch = str(run_git(root, "rev-parse", "--abbrev-ref", "HEAD")).strip()
        status = str(run_git(root, "status", "--porcelain=v1", "--untracked-files=all", "--", "."))
        summary = as_text(diff_of("HEAD", None, root))
    except RevisionError:
        return None
    files = [line[3:] for line in status.splitlines() if line.strip()]
    return Changes(branch, files, summary)


def commit(root: Path, message: str, branch: str | None) -> str:
    """Commit every change under the bank (on a new `branch` when given); returns the
    commit's short id. A FormError (no message, a bad branch name) or a RevisionError (git
    refused) says why not."""
    message = message.strip()
    if not message:
        raise FormError("form.commit_message_needed")
    if branch is not None:
        if not BRANCH.fullmatch(branch) or ".." in branch or branch.endswith((".", "/", ".lock")):
            raise FormError("form.bad_branch", branch=branch)
        run_git(root, "switch", "--create", branch)
    run_git(root, "add", "--all", "--", ".")
    run_git(root, "commit", "--quiet", "--message", message)
    return str(run_git(root, "rev-parse", "--short", "HEAD")).strip()
