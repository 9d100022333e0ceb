"""`journeyops init`: start a new journey bank."""

from __future__ import annotations

import shlex
import sys
import textwrap
from pathlib import Path
from typing import Annotated, get_args

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, fail
from journeyops_cli.cli.words import cli_language, say

app = typer.Typer()

STEP_WIDTH = 88
"""The next steps' words are wrapped to this many columns (commands never are)."""


def print_outcomes(outcomes: list, prefix: str, language: str, dry_run: bool) -> None:
    """Each file and what was done with it (`scaffold.outcome`), in `language`, the words
    right-aligned in one column ("would create" in a dry run)."""
    from journeyops_cli.scaffold.outcome import Outcome

    words = {outcome: say(f"cli.outcome.{outcome}", language) for outcome in get_args(Outcome)}
    if dry_run:
        words["create"] = say("cli.outcome.would_create", language)
    width = max(len(word) for word in words.values())
    for item in outcomes:
        typer.echo(f"{words[item.outcome]:>{width}}  {prefix}{item.path}")


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Where to create the bank (default: here).")] = Path("."),
    name: Annotated[
        str | None, typer.Option(help="The bank's name (default: the folder's name).", show_default=False)
    ] = None,
    languages: Annotated[
        str | None,
        typer.Option(
            help="Languages of the bank's text, the default first, comma-separated "
            "(default: the starter's, else en).",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            metavar="DIR|NAME|PACKAGE",
            help="Start from an organisation's starter: a folder (./starter), a starter that comes "
            "with journeyops (default, helsinki) or an installed Python package holding a starter/ "
            "folder. See docs/templates.md.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Use a folder that is not empty (existing files are never overwritten).")
    ] = False,
    install: Annotated[
        str | None,
        typer.Option(
            "--install",
            metavar="SPEC",
            help="What the bank's CI workflow and pre-commit hooks install with pip: a version "
            "(0.2.0), a requirement (journeyops==0.2.0), a git URL or a path "
            "(default: journeyops==<this version>).",
            show_default=False,
        ),
    ] = None,
    ci: Annotated[
        str | None,
        typer.Option(
            "--ci",
            metavar="github,gitlab,azure",
            help="The CI pipelines to write (comma-separated, or none): GitHub Actions, GitLab CI, "
            "Azure Pipelines. Default: the CI of the folder's git remote `origin`, else github.",
            show_default=False,
        ),
    ] = None,
    git: Annotated[
        bool | None,
        typer.Option(
            "--git/--no-git",
            help="Make the bank a git repository (branch main). Default: ask on a terminal, else no. "
            "Never inside an existing git work tree.",
            show_default=False,
        ),
    ] = None,
    commit: Annotated[
        bool | None,
        typer.Option(
            "--commit/--no-commit",
            help="With a new repository, commit the bank's files. Default: ask on a terminal, else no.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be written; write nothing.")] = False,
) -> None:
    """Create a journey bank: config, folders, the four-phase top journey, a README in the
    bank's first language, CI pipelines, pre-commit config and JSON Schemas for editors;
    offer `git init`; print the next steps.

    Every file is reported: create, identical (already there, same content) or conflict
    (already there, different content, left alone).
    """
    from journeyops_cli.models.base import is_language_code
    from journeyops_cli.models.config import BankConfig
    from journeyops_cli.scaffold import starters
    from journeyops_cli.scaffold.ci import default_ci, not_records, parse_ci
    from journeyops_cli.scaffold.init import DEFAULT_INSTALL, install_spec, is_empty, plan
    from journeyops_cli.scaffold.outcome import write_all
    from journeyops_cli.scaffold.render import TemplateError

    try:
        starter = starters.find(template or starters.DEFAULT)
        if languages is None:
            languages = ",".join(starter.languages())
    except TemplateError as error:
        fail(say(error.key, cli_language(), **error.values))
    codes = [part.strip() for part in languages.split(",") if part.strip()]
    bad = [code for code in codes if not is_language_code(code)]
    if not codes or bad:
        fail(f"--languages {languages}: give ISO 639 codes such as fi,sv,en")
    spec = install_spec(install) if install is not None else DEFAULT_INSTALL
    systems = parse_ci(ci) if ci is not None else default_ci(folder)
    if folder.exists() and not folder.is_dir():
        fail(f"{folder} is a file, not a folder")
    if not force and not is_empty(folder):
        fail(f"{folder} is not empty; use --force to add the bank's files next to what is there "
             "(existing files are never overwritten)", EXIT_FINDINGS)
    bank_name = name or folder.resolve().name or "Journey bank"
    language = cli_language(BankConfig.model_validate({"name": bank_name, "languages": codes}))
    try:
        planned = plan(bank_name, codes, install=spec, ci=systems, starter=starter)
    except TemplateError as error:  # said in the new bank's language
        fail(say(error.key, language, **error.values), error.exit_code, error.findings)
    outcomes = write_all(folder, planned, dry_run)
    prefix = "" if folder == Path(".") else f"{folder.as_posix().rstrip('/')}/"
    print_outcomes(outcomes, prefix, language, dry_run)
    conflicts = [o for o in outcomes if o.outcome == "conflict"]
    if conflicts:
        typer.echo(say("cli.init.conflicts", language, n=len(conflicts)))
    if unexcluded := _not_excluded(folder, [o.path for o in conflicts], not_records(systems)):
        typer.echo(say("cli.init.exclude_by_hand", language, files=", ".join(unexcluded)))
    if dry_run:
        typer.echo(say("cli.init.dry_run", language))
        return
    repository = _offer_git(folder, language, git, commit)
    typer.echo("")
    # The playbook's page in the CLI's language when the site has it, else the site's first.
    typer.echo(next_steps(folder, language, systems, repository, language if language in codes else codes[0]))


def _ask(question: str, language: str) -> bool:
    """A yes-or-no question in `language`, yes by default: Enter or a yes word of the
    language (English y/yes too) is yes, a no word no; anything else asks again."""
    yes = say("cli.init.yes_words", language).split()
    no = say("cli.init.no_words", language).split()
    while True:
        reply = str(typer.prompt(f"{question} {say('cli.init.yes_no', language)}", default="",
                                 show_default=False)).strip().lower()
        if not reply or reply in yes:
            return True
        if reply in no:
            return False
        typer.echo(say("cli.init.not_an_answer", language))


def _not_excluded(folder: Path, conflicts: list[str], files: list[str]) -> list[str]:
    """Of `files` (CI files that are no records), those an existing journeyops.yaml, which
    `init` left as it was, does not list under `exclude:`."""
    from fnmatch import fnmatchcase

    from journeyops_cli.errors import JourneyopsError
    from journeyops_cli.models.config import CONFIG_FILE
    from journeyops_cli.pipeline import load_config

    if not files or CONFIG_FILE not in conflicts:
        return []
    try:
        patterns = load_config(folder).exclude
    except JourneyopsError:
        return files  # `validate` will say what is wrong with it
    return [path for path in files if not any(fnmatchcase(path, pattern) for pattern in patterns)]


def _offer_git(folder: Path, language: str, git: bool | None, commit: bool | None) -> str:
    """Make the bank a git repository and its first commit, as `--git`/`--commit` say or,
    without them on a terminal, as the person answers (`--commit` implies `--git`); never
    inside an existing work tree. What the bank is in now: `outside` (no repository),
    `existing` (a work tree that was there), `new` (a new repository, no commit) or
    `committed`."""
    from journeyops_cli.revisions import RevisionError
    from journeyops_cli.scaffold.git import first_commit, start_repository, work_tree_of

    interactive = sys.stdin.isatty()
    shown = "." if folder == Path(".") else folder.as_posix()
    root = work_tree_of(folder)
    if root is not None:
        if git or commit:
            typer.echo(say("cli.init.git_inside", language, folder=shown, root=root))
        return "existing"
    decided = git is not None or commit is not None  # flags decide without asking
    if git is None:
        git = bool(commit) or (interactive and _ask(say("cli.init.git_question", language), language))
    if not git:
        return "outside"
    try:
        start_repository(folder)
    except RevisionError as error:
        typer.echo(say("cli.init.git_failed", language, reason=error.message))
        return "outside"
    typer.echo(say("cli.init.git_started", language, folder=shown))
    if commit is None:
        commit = interactive and not decided and _ask(say("cli.init.commit_question", language), language)
    if not commit:
        return "new"
    message = say("cli.init.commit_message", language)
    try:
        made = first_commit(folder, message)
    except RevisionError as error:
        typer.echo(say("cli.init.commit_failed", language, reason=error.message))
        return "new"
    typer.echo(say("cli.init.committed", language, commit=made, message=message))
    return "committed"


def next_steps(folder: Path, language: str, systems: list[str], repository: str, site_language: str) -> str:
    """What to do after `init`, in `language`: each step's words, then its commands; the
    playbook on the site's pages of `site_language`."""
    from journeyops_cli.resources import guide_index_page
    from journeyops_cli.scaffold.init import PREVIEW

    message = shlex.quote(say("cli.init.commit_message", language))
    steps: list[tuple[str, list[str]]] = []
    if folder != Path("."):
        steps.append((say("cli.init.step_cd", language), [f"cd {shlex.quote(folder.as_posix())}"]))
    steps += [
        (say("cli.init.step_new", language),
         ["journeyops new theme", "journeyops new journey --level mid --parent service-journey"]),
        (say("cli.init.step_validate", language), ["journeyops validate"]),
        (say("cli.init.step_studio", language), ["journeyops studio"]),
        (say("cli.init.step_serve", language), ["journeyops site serve"]),
    ]
    if repository == "outside":
        steps.append((say("cli.init.step_git", language),
                      [f"git init -b main && git add . && git commit -m {message}"]))
    elif repository == "new":
        steps.append((say("cli.init.step_commit", language), [f"git add . && git commit -m {message}"]))
    steps += [(say(f"cli.init.step_ci.{system}", language), []) for system in systems]
    steps.append((say("cli.init.step_playbook", language, url=f"{PREVIEW}/{guide_index_page(site_language)}"), []))
    lines = [say("cli.init.next_steps", language)]
    for words, commands in steps:
        lines += textwrap.wrap(words, width=STEP_WIDTH, initial_indent="  ", subsequent_indent="  ",
                               break_on_hyphens=False, break_long_words=False)
        lines += [f"    {command}" for command in commands]
    return "\n".join(lines)
