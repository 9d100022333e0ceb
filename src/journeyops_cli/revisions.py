"""The bank as it was at a git revision, read through `git` itself (never `.git` by hand).

`diff` compares two revisions and `report --history` computes figures at past ones; both
unpack the revision's files into a scratch folder with `git archive` and load the bank
from there like any other folder.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
from pathlib import Path

from journeyops_cli.errors import JourneyopsError


class RevisionError(JourneyopsError):
    """A revision cannot be read (not a repository, unknown revision, no git): exit 2."""


def run_git(cwd: Path, *args: str, binary: bool = False) -> bytes | str:
    """`git ARGS` run in `cwd`: its output (text, or bytes when `binary`); a RevisionError
    with git's last line of complaint when it fails or git is missing."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
    except FileNotFoundError:
        raise RevisionError("git is not installed; it is needed to read past revisions") from None
    except subprocess.SubprocessError as error:
        raise RevisionError(f"git {args[0]} failed: {error}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout if binary else done.stdout.decode("utf-8", "replace")


def repository_root(path: Path) -> Path | None:
    """The git work tree `path` is in, if any."""
    try:
        top = str(run_git(path, "rev-parse", "--show-toplevel")).strip()
    except RevisionError:
        return None
    return Path(top).resolve() if top else None


def user_name(path: Path) -> str | None:
    """The name git would sign a commit with in `path` (`git config user.name`), if set."""
    try:
        name = str(run_git(path, "config", "user.name")).strip()
    except RevisionError:
        return None
    return name or None


def resolve(repo: Path, revision: str) -> str:
    """The commit id `revision` names; a RevisionError naming it when it names none."""
    if revision.startswith("-"):
        raise RevisionError(f"'{revision}' is not a revision")
    try:
        return str(run_git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")).strip()
    except RevisionError:
        raise RevisionError(f"'{revision}' names no commit in {repo}") from None


def bank_at(bank_root: Path, revision: str, scratch: Path) -> Path:
    """Unpack the repository's files at `revision` into `scratch` and return where the
    bank lies in them (the same place relative to the repository as `bank_root`)."""
    repo = repository_root(bank_root)
    if repo is None:
        raise RevisionError(f"{bank_root} is not in a git repository; compare two folders instead")
    commit = resolve(repo, revision)
    prefix = bank_root.resolve().relative_to(repo).as_posix()
    args = ["archive", "--format=tar", commit] + ([] if prefix == "." else ["--", prefix])
    data = run_git(repo, *args, binary=True)
    assert isinstance(data, bytes)
    scratch.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(scratch, filter="data")
    found = scratch if prefix == "." else scratch / prefix
    if not (found / "journeyops.yaml").is_file():
        raise RevisionError(f"there was no bank at {prefix or '.'} in revision '{revision}'")
    return found


def monthly(bank_root: Path, count: int, until: str = "HEAD") -> list[tuple[dt.date, str]]:
    """Up to `count` (date, commit) pairs, the last commit of each month that changed
    the bank, newest first, following the first parent from `until`."""
    repo = repository_root(bank_root)
    if repo is None:
        raise RevisionError(f"{bank_root} is not in a git repository")
    prefix = bank_root.resolve().relative_to(repo).as_posix()
    log = str(run_git(repo, "log", "--first-parent", "--format=%H %cs", resolve(repo, until), "--", prefix))
    picked: list[tuple[dt.date, str]] = []
    months: set[tuple[int, int]] = set()
    for line in log.splitlines():
        commit, _, day = line.partition(" ")
        date = dt.date.fromisoformat(day)
        if (date.year, date.month) in months:
            continue
        months.add((date.year, date.month))
        picked.append((date, commit))
        if len(picked) == count:
            break
    return picked


def changed_files(bank_root: Path, base: str, head: str | None) -> set[str] | None:
    """The bank-relative paths whose content differs between commits `base` and `head`
    (None: the working tree), as `git diff` sees them; None when a `.gitattributes`
    changed (the unpacked files may then differ where git sees no change)."""
    repo = repository_root(bank_root)
    if repo is None:
        raise RevisionError(f"{bank_root} is not in a git repository")
    prefix = bank_root.resolve().relative_to(repo).as_posix()
    args = ["diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", base]
    args += [head] if head is not None else []
    args += ["--", ":(top)" if prefix == "." else f":(top){prefix}", ":(top,glob)**/.gitattributes"]
    listed = str(run_git(repo, *args))
    changed = set()
    inside = "" if prefix == "." else prefix + "/"
    for path in listed.split("\0"):
        if not path:
            continue
        if path.rsplit("/", 1)[-1] == ".gitattributes":
            return None
        if path.startswith(inside):
            changed.add(path[len(inside):])
    return changed
