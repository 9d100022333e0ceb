"""`journeyops init`: the files of a new journey bank, planned as data and written by
`outcome.write_all` (which never overwrites)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from journeyops_cli import __version__
from journeyops_cli.errors import JourneyopsError
from journeyops_cli.resources import guide_index_page, schemas_dir
from journeyops_cli.scaffold import starters
from journeyops_cli.scaffold.ci import CI_FILES, DEFAULT_CI, not_records
from journeyops_cli.scaffold.hooks import HOOKS
from journeyops_cli.scaffold.layout import FOLDERS
from journeyops_cli.scaffold.outcome import PlannedFile
from journeyops_cli.scaffold.render import render
from journeyops_cli.scaffold.starters import Starter

DEFAULT_INSTALL = f"journeyops=={__version__}"
"""What a new bank's CI and pre-commit install: the version that ran `init`."""
_VERSION = re.compile(r"\d+(\.\d+)*[0-9A-Za-z.+!-]*")

PREVIEW = "http://127.0.0.1:8000"
"""Where `journeyops site serve` shows the site (its default port)."""

README_LANGUAGES = ("fi", "sv", "en")
"""The languages a bank's README is written in (`templates/init/readme/<language>.md.j2`):
the bank's first language when it is one of these, else English."""
PRE_COMMIT = ".pre-commit-config.yaml"


def install_spec(value: str) -> str:
    """The pip requirement a bank installs journeyops from, from `init --install`: a bare
    version (`0.2.0`) means `journeyops==0.2.0`; anything else pip takes as one argument is
    kept as given (`journeyops>=0.2,<0.3`, `git+https://…@v0.2.0`, `./tools/journeyops`).
    A JourneyopsError (exit 2) says why a value cannot be used."""
    spec = value.strip()
    if not spec:
        raise JourneyopsError("--install: give what pip installs, e.g. journeyops==0.1.0")
    if spec.startswith("-") or any(c.isspace() and c != " " for c in spec) or not spec.isprintable():
        raise JourneyopsError(
            f"--install {value}: give one pip requirement (a version, `journeyops==X`, a git URL "
            "or a path), not pip options or several lines"
        )
    return f"journeyops=={spec}" if _VERSION.fullmatch(spec) else spec


def readme_language(languages: list[str]) -> str:
    """The language of a new bank's README: its first language, if we have a README in it."""
    return languages[0] if languages[0] in README_LANGUAGES else "en"


def plan(
    name: str,
    languages: list[str],
    install: str = DEFAULT_INSTALL,
    ci: tuple[str, ...] | list[str] = (DEFAULT_CI,),
    starter: Starter | None = None,
) -> list[PlannedFile]:
    """Every file of a new bank, in the order they are reported: the starter's (the
    shipped `default` unless another is given), a `.gitkeep` in each record folder the
    starter leaves empty, then the tool's own (README, CI files, pre-commit, .gitignore,
    JSON Schemas) where the starter has none of its own. `install` is the pip requirement
    the bank's CI files and pre-commit hooks install journeyops from; `ci` the CI systems to
    write a pipeline for (`scaffold/ci.CI_FILES`), the README in the bank's first language
    says how each one checks the bank and publishes its site. A TemplateError (nothing
    written) when the starter cannot be used."""
    starter = starter or starters.find(starters.DEFAULT)
    # `exclude`: the CI files the checks would read as records (a starter's journeyops.yaml.j2
    # lists them under `exclude:`, as the default one does).
    values = {"name": name, "languages": languages, "language": languages[0], "exclude": not_records(ci)}
    planned = starters.plan(starter, values)
    for folder in FOLDERS:
        if not any(item.path.startswith(folder + "/") for item in planned):
            planned.append(PlannedFile(f"{folder}/.gitkeep", b""))
    ci_files = [{"system": system, "path": CI_FILES[system][0]} for system in ci]
    context = {
        "name": name,
        "install": install,
        "install_command": f"pip install {shlex.quote(install)}",
        "hooks": HOOKS,
        "ci_files": ci_files,
        # The playbook is a part of the bank's own site, in the site's first language.
        "playbook": guide_index_page(languages[0]),
        "preview": PREVIEW,
        # Where the pinned journeyops is written: to move, change it in each of these.
        "pinned": [item["path"] for item in ci_files] + [PRE_COMMIT],
    }
    files = [("README.md", render(f"init/readme/{readme_language(languages)}.md.j2", context))]
    files += [(CI_FILES[system][0], render(CI_FILES[system][1], context)) for system in ci]
    files += [
        (PRE_COMMIT, render("init/pre-commit-config.yaml.j2", context)),
        (".gitignore", render("init/gitignore.j2", context)),
    ]
    tools = [PlannedFile(path, text.encode("utf-8")) for path, text in files]
    for schema in sorted(schemas_dir().glob("*.schema.json")):
        tools.append(PlannedFile(f"schemas/{schema.name}", schema.read_bytes()))
    own = {item.path for item in planned}
    planned += [item for item in tools if item.path not in own]
    config = starters.check(starter, planned)
    if config.lanes:  # the starter declares its own lanes: the schemas say them (`schema --bank`)
        from journeyops_cli import schemas

        generated = schemas.generate(config.lanes, config.default_language)
        ours = {item.path for item in tools}
        planned = [PlannedFile(item.path, generated[item.path.removeprefix("schemas/")].encode("utf-8"))
                   if item.path in ours and item.path.startswith("schemas/") else item for item in planned]
    return planned


def is_empty(folder: Path) -> bool:
    """True when `folder` does not exist or holds nothing (a `.git` folder is allowed)."""
    if not folder.exists():
        return True
    return all(entry.name == ".git" for entry in folder.iterdir())
