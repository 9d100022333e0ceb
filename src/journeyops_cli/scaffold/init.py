"""`journeyops init`: the files of a new journey bank, planned as data and written by
`outcome.write_all` (which never overwrites)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from journeyops_cli import PROJECT_URL, __version__
from journeyops_cli.resources import schemas_dir
from journeyops_cli.scaffold.layout import FOLDERS, schema_ref
from journeyops_cli.scaffold.outcome import PlannedFile
from journeyops_cli.scaffold.render import render

HOOKS_REPO = PROJECT_URL
"""The repository whose `.pre-commit-hooks.yaml` a new bank's pre-commit config uses."""

TOP_JOURNEY = "service-journey"

# The shared four-phase service journey, in the languages we have words for.
_PHASES: list[tuple[str, dict[str, str]]] = [
    ("findability", {"fi": "Löydettävyys", "sv": "Hittbarhet", "en": "Findability"}),
    ("transaction", {"fi": "Asiointi", "sv": "Ärendehantering", "en": "Transaction"}),
    ("processing", {"fi": "Käsittely", "sv": "Behandling", "en": "Processing"}),
    ("customership", {"fi": "Asiakkuus", "sv": "Kundskap", "en": "Customership"}),
]
_TOP_TITLE = {"fi": "Palvelupolku", "sv": "Servicestig", "en": "Service journey"}


def _text(words: dict[str, str], languages: list[str]) -> str | dict[str, str]:
    """One string for a one-language bank, else `{lang: text}` (English where we lack words)."""
    if len(languages) == 1:
        return words.get(languages[0], words["en"])
    return {lang: words.get(lang, words["en"]) for lang in languages}


def plan(name: str, languages: list[str], today: dt.date | None = None) -> list[PlannedFile]:
    """Every file of a new bank, in the order they are reported."""
    today = today or dt.date.today()
    files: list[tuple[str, str]] = [
        ("journeyops.yaml", render("init/journeyops.yaml.j2", {"name": name, "languages": languages})),
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
                    "reviewed": today.isoformat(),
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
    context = {"name": name, "version": __version__, "hooks_repo": HOOKS_REPO}
    files += [
        ("README.md", render("init/README.md.j2", context)),
        (".github/workflows/journeyops.yml", render("init/journeyops.yml.j2", context)),
        (".pre-commit-config.yaml", render("init/pre-commit-config.yaml.j2", context)),
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
