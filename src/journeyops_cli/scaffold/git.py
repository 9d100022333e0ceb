"""The git side of `init`: is the new bank already in a work tree, make it a repository
(on branch `main`, which the CI files build from), and its first commit. Runs `git`
itself (`revisions.run_git`); a RevisionError says why git refused."""

from __future__ import annotations

from pathlib import Path

from journeyops_cli.revisions import repository_root, run_git

BRANCH = "main"
"""The first branch of a repository `init` makes: the branch its CI files publish from."""


def work_tree_of(folder: Path) -> Path | None:
    """The git work tree `folder` (or the nearest folder above it that exists) lies in."""
    near = next((p for p in (folder, *folder.absolute().parents) if p.is_dir()), None)
    return repository_root(near) if near is not None else None


def start_repository(folder: Path) -> None:
    """`git init` in `folder`, its first branch named `main` whatever git's default is
    (`symbolic-ref` also works on git older than `init --initial-branch`)."""
    run_git(folder, "init", "--quiet")
    run_git(folder, "symbolic-ref", "HEAD", f"refs/heads/{BRANCH}")


def first_commit(folder: Path, message: str) -> str:
    """Stage every file of the bank and commit it; the commit's short id."""
    run_git(folder, "add", "--all", "--", ".")
    run_git(folder, "commit", "--quiet", "--message", message)
    return str(run_git(folder, "rev-parse", "--short", "HEAD")).strip()
