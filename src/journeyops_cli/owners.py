"""CODEOWNERS from the bank: a change to a journey asks the team that owns it for review.

Each file that holds a journey (or an opportunity) with a `team` whose Team record lists
code-host `handles` gets one line naming those handles. The lines live in a block between
two marker comments, so lines people wrote by hand above or below it are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from journeyops_cli.bank import Bank
from journeyops_cli.edit import EditError
from journeyops_cli.edit.atomic import create_file, replace_file
from journeyops_cli.errors import EXIT_USAGE, JourneyopsError
from journeyops_cli.models import Journey, Opportunity, Team
from journeyops_cli.revisions import repository_root

BEGIN = "# BEGIN journeyops owners: written by `journeyops owners`; change the teams' handles instead"
END = "# END journeyops owners"


@dataclass(frozen=True, slots=True)
class Owned:
    """One CODEOWNERS line: a bank file and the handles that own it."""

    path: str
    handles: tuple[str, ...]

    def line(self, prefix: str) -> str:
        return f"{_escape('/' + prefix + self.path)} {' '.join(self.handles)}"


def _escape(path: str) -> str:
    """A path as a CODEOWNERS pattern that matches only itself (spaces, `#` and glob
    characters escaped)."""
    return "".join("\\" + c if c in " #*?[]!\\" else c for c in path)


def owned_files(bank: Bank) -> list[Owned]:
    """Every bank file with a journey or opportunity whose team has handles, sorted."""
    handles: dict[str, list[str]] = {}
    for record in [*bank.journeys(), *bank.opportunities()]:
        assert isinstance(record, (Journey, Opportunity))
        team = bank.get(Team, record.team) if record.team else None
        if team is None or not team.handles:
            continue
        found = handles.setdefault(record.source_path, [])
        found.extend(h for h in team.handles if h not in found)
    return [Owned(path, tuple(found)) for path, found in sorted(handles.items())]


def in_use(bank: Bank) -> bool:
    """Whether any team names a handle (then every team should)."""
    return any(team.handles for team in bank.teams())


def block(bank: Bank, repo_root: Path) -> str:
    """The marked block of CODEOWNERS lines for `bank`, paths relative to `repo_root`."""
    prefix = bank.root.resolve().relative_to(repo_root).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    lines = [BEGIN, *(owned.line(prefix) for owned in owned_files(bank)), END]
    return "\n".join(lines) + "\n"


def merged(existing: str, new_block: str) -> str:
    """`existing` CODEOWNERS text with its journeyops block replaced by `new_block` (or the
    block added at the end, where it takes precedence over broader lines above it)."""
    lines = existing.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.rstrip("\r\n") == BEGIN]
    ends = [i for i, line in enumerate(lines) if line.rstrip("\r\n") == END]
    if starts and ends and ends[0] > starts[0]:
        return "".join(lines[: starts[0]]) + new_block + "".join(lines[ends[0] + 1 :])
    if not existing.strip():
        return new_block
    return existing + ("" if existing.endswith("\n") else "\n") + "\n" + new_block


@dataclass(frozen=True, slots=True)
class CodeOwnersFile:
    """The CODEOWNERS file of a bank: where it is, what it holds, what it should hold."""

    target: Path
    existing: str
    wanted: str
    owned: int

    @property
    def up_to_date(self) -> bool:
        return self.wanted == self.existing


def codeowners_file(bank: Bank, out: Path | None) -> CodeOwnersFile:
    """`out`, else `.github/CODEOWNERS` of the git repository holding the bank, else
    `CODEOWNERS` in the bank, with the bank's block merged into what it holds."""
    if not in_use(bank):
        raise JourneyopsError(
            "no team has `handles:`; add the code-host handles of the teams "
            "(e.g. `handles: ['@my-org/daycare-team']`) and run this again"
        )
    root = bank.root.resolve()
    repo = repository_root(root)
    if out is None:
        target = repo / ".github" / "CODEOWNERS" if repo is not None else root / "CODEOWNERS"
    else:
        target = out.resolve()
    # Patterns are relative to the repository that holds the CODEOWNERS file.
    base = repo if repo is not None and target.is_relative_to(repo) else root
    try:
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise JourneyopsError(f"{target}: cannot be read ({error})") from None
    return CodeOwnersFile(target, existing, merged(existing, block(bank, base)), len(owned_files(bank)))


def write(file: CodeOwnersFile) -> None:
    """Write the wanted text atomically; a file that cannot be written is a usage error
    (exit 2), not a refused edit."""
    data = file.wanted.encode("utf-8")
    try:
        if file.target.exists():
            replace_file(file.target, data, str(file.target))
        else:
            create_file(file.target, data, str(file.target))
    except EditError as error:
        raise JourneyopsError(error.message, exit_code=EXIT_USAGE) from None
