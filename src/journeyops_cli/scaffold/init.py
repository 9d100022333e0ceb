"""`journeyops init`: the files of a new journey bank, planned as data and written by
`outcome.write_all` (which never overwrites)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from journeyops_cli import __version__
from journeyops_cli.errors import JourneyopsError
from journeyops_cli.resources import schemas_dir
from journeyops_cli.scaffold.ci import CI_FILES, DEFAULT_CI, not_records
from journeyops_cli.scaffold.hooks import HOOKS
from journeyops_cli.scaffold.layout import FOLDERS, schema_ref
from journeyops_cli.scaffold.outcome import PlannedFile
from journeyops_cli.scaffold.render import render

DEFAULT_INSTALL = f"journeyops=={__version__}"
"""What a new bank's CI and pre-commit install: the version that ran `init`."""
_VERSION = re.compile(r"\d+(\.\d+)*[0-9A-Za-z.+!-]*")

TOP_JOURNEY = "service-journey"

# The shared four-phase service journey, in the languages we have words for.
_PHASES: list[tuple[str, dict[str, str]]] = [
    ("findability", {"fi": "Löydettävyys", "sv": "Hittbarhet", "en": "Findability"}),
    ("transaction", {"fi": "Asiointi", "sv": "Ärendehantering", "en": "Transaction"}),
    ("processing", {"fi": "Käsittely", "sv": "Behandling", "en": "Processing"}),
    ("customership", {"fi": "Asiakkuus", "sv": "Kundskap", "en": "Customership"}),
]
_TOP_TITLE = {"fi": "Palvelupolku", "sv": "Servicestig", "en": "Service journey"}

PLAYBOOK_URL = "https://github.com/journeyops/journeyops/tree/main/docs/guide"
"""Where a new bank's README and `init`'s next steps send its people: the playbook."""

README_LANGUAGES = ("fi", "sv", "en")
"""The languages a bank's README is written in (`templates/init/readme/<language>.md.j2`):
the bank's first language when it is one of these, else English."""
PRE_COMMIT = ".pre-commit-config.yaml"


def _text(words: dict[str, str], languages: list[str]) -> str | dict[str, str]:
    """One string for a one-language bank, else `{lang: text}` (English where we lack words)."""
    if len(languages) == 1:
        return words.get(languages[0], words["en"])
    return {lang: words.get(lang, words["en"]) for lang in languages}


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
    name: str, languages: list[str], install: str = DEFAULT_INSTALL, ci: tuple[str, ...] | list[str] = (DEFAULT_CI,)
) -> list[PlannedFile]:
    """Every file of a new bank, in the order they are reported. `install` is the pip
    requirement the bank's CI files and pre-commit hooks install journeyops from; `ci` the
    CI systems to write a pipeline for (`scaffold/ci.CI_FILES`), the README in the bank's
    first language says how each one checks the bank and publishes its site."""
    exclude = not_records(ci)
    files: list[tuple[str, str]] = [
        (
            "journeyops.yaml",
            render("init/journeyops.yaml.j2", {"name": name, "languages": languages, "exclude": exclude}),
        ),
    ]
    top = f"journeys/top/{TOP_JOURNEY}.yaml"
    files.append(
        (
            top,
            render(
                "records/journey.yaml.j2",
                {
                    "schema": schema_ref(top, "journey"),
                    "id": TOP_JOURNEY,
                    "title": _text(_TOP_TITLE, languages),
                    "level": "top",
                    "description": None,
                    "theme": None,
                    "parent": None,
                    "owner": None,
                    "team": None,
                    "status": "draft",
                    "reviewed": None,  # a draft nobody has reviewed yet
                    "steps": [
                        {"id": step, "title": _text(words, languages), "parent_step": None}
                        for step, words in _PHASES
                    ],
                },
            ),
        )
    )
    for folder in FOLDERS:
        if not top.startswith(folder + "/"):
            files.append((f"{folder}/.gitkeep", ""))
    ci_files = [{"system": system, "path": CI_FILES[system][0]} for system in ci]
    context = {
        "name": name,
        "install": install,
        "install_command": f"pip install {shlex.quote(install)}",
        "hooks": HOOKS,
        "ci_files": ci_files,
        "playbook": PLAYBOOK_URL,
        # Where the pinned journeyops is written: to move, change it in each of these.
        "pinned": [item["path"] for item in ci_files] + [PRE_COMMIT],
    }
    files += [("README.md", render(f"init/readme/{readme_language(languages)}.md.j2", context))]
    files += [(CI_FILES[system][0], render(CI_FILES[system][1], context)) for system in ci]
    files += [
        (PRE_COMMIT, render("init/pre-commit-config.yaml.j2", context)),
        (".gitignore", render("init/gitignore.j2", context)),
    ]
    planned = [PlannedFile(path, text.encode("utf-8")) for path, text in files]
    for schema in sorted(schemas_dir().glob("*.schema.json")):
        planned.append(PlannedFile(f"schemas/{schema.name}", schema.read_bytes()))
    return planned


def is_empty(folder: Path) -> bool:
    """True when `folder` does not exist or holds nothing (a `.git` folder is allowed)."""
    if not folder.exists():
        return True
    return all(entry.name == ".git" for entry in folder.iterdir())
