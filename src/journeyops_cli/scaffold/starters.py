"""An organisation's starter: the folder `init --template` starts a bank from.

A starter is a folder. `journeyops.yaml.j2` at its top is required; every other file is
anything the bank should start with (records, vocabulary, a README, its own record
templates in `templates/records/`). A file whose name ends in `.j2` is rendered (in a
sandbox, strict undefined, the YAML quoting filters) and written without the `.j2`;
the templates under `templates/` are the bank's own and are copied as they are, checked
only for syntax; every other file is copied byte for byte.

Where `init --template VALUE` finds it: a VALUE with a path separator (or starting with
`.` or `~`) is a folder; a plain name is a starter that comes with journeyops
(`templates/starters/<name>/`: `default`, what `init` writes without `--template`, and
`helsinki`), else an installed Python package holding a `starter/` folder (found
without importing the package: nothing of it runs).
"""

from __future__ import annotations

import importlib.util
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journeyops_cli.errors import JourneyopsError
from journeyops_cli.load.files import TEMPLATES_FOLDER
from journeyops_cli.load.yaml_read import parse
from journeyops_cli.models.base import is_language_code
from journeyops_cli.resources import templates_dir
from journeyops_cli.scaffold.outcome import PlannedFile
from journeyops_cli.scaffold.render import TemplateError, check_syntax, render_checked, sandbox

if TYPE_CHECKING:
    from journeyops_cli.models.config import BankConfig

DEFAULT = "default"
CONFIG_TEMPLATE = "journeyops.yaml.j2"
SETTINGS = "starter.yaml"
"""Optional, not copied: `languages: [fi, sv, en]`, the bank's languages when `init` is
given no `--languages`."""
SKIPPED = {"__pycache__", ".git"}
_PACKAGE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")


@dataclass(frozen=True, slots=True)
class Starter:
    """A starter folder, and how the person named it (`--template VALUE`)."""

    name: str
    folder: Path
    shipped: bool = False
    """One that comes with journeyops: its templates are the tool's own (no limits)."""

    def languages(self) -> list[str]:
        """The languages `starter.yaml` names (English when it names none)."""
        path = self.folder / SETTINGS
        if not path.is_file():
            return ["en"]
        parsed = parse(path.read_text(encoding="utf-8", errors="replace"))
        data = parsed.documents[0].data if len(parsed.documents) == 1 and not parsed.problems else None
        codes = data.get("languages") if isinstance(data, dict) else None
        if not isinstance(codes, list) or not codes or not all(
            is_language_code(code) for code in codes
        ):
            raise TemplateError("cli.starter.bad_settings", path=path)
        return [str(code) for code in codes]


def shipped() -> list[str]:
    """The names of the starters that come with journeyops."""
    return sorted(entry.name for entry in (templates_dir() / "starters").iterdir() if entry.is_dir())


def find(value: str) -> Starter:
    """The starter `value` names (see the module's docstring); a TemplateError when none."""
    if value.startswith((".", "~")) or "/" in value or os.sep in value:
        folder = Path(value).expanduser()
        if not folder.is_dir():
            raise TemplateError("cli.starter.not_a_folder", name=value, path=folder)
        return Starter(value, folder)
    if value in shipped():
        return Starter(value, templates_dir() / "starters" / value, shipped=True)
    provided = _package_starter(value)
    if provided is None:
        raise TemplateError("cli.starter.unknown", name=value, names=", ".join(shipped()))
    return Starter(value, provided)


def _package_starter(name: str) -> Path | None:
    """The `starter/` folder of the installed package `name`, found without running it."""
    if not _PACKAGE.fullmatch(name):
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):  # a parent package that is not there, or not a package
        return None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "starter").is_dir():
            return Path(location) / "starter"
    return None


def plan(starter: Starter, context: Mapping[str, object]) -> list[PlannedFile]:
    """The files `starter` makes, `journeyops.yaml` first, the rest sorted by path; the
    `.j2` files rendered with `context` (`name`, `languages`, `language`)."""
    folder = starter.folder
    if not (folder / CONFIG_TEMPLATE).is_file():
        raise TemplateError("cli.starter.no_config", path=folder)
    env = sandbox(folder)
    planned: list[PlannedFile] = []
    made: dict[str, str] = {}  # the bank's path -> the starter's file that makes it
    for rel in _files(folder):
        if rel == SETTINGS:
            continue
        shown = str(folder / rel)
        rendered = rel.endswith(".j2") and not rel.startswith(f"{TEMPLATES_FOLDER}/")
        target = rel[: -len(".j2")] if rendered else rel
        if target in made:  # `a.yaml` and `a.yaml.j2`: one would be left alone as a conflict
            raise TemplateError("cli.starter.twice", first=folder / made[target], second=shown, path=target)
        made[target] = rel
        if rendered:
            content = render_checked(env, rel, dict(context), shown, limited=not starter.shipped).encode("utf-8")
        else:
            if rel.startswith(f"{TEMPLATES_FOLDER}/") and rel.endswith(".j2"):
                check_syntax(env, rel, shown, limited=not starter.shipped)  # copied, but never broken
            content = (folder / rel).read_bytes()
        planned.append(PlannedFile(target, content))
    planned.sort(key=lambda item: (item.path != "journeyops.yaml", item.path))
    return planned


def _files(folder: Path) -> list[str]:
    """Every file under `folder`, as POSIX paths relative to it (links refused)."""
    found: list[str] = []
    for current, dirs, files in os.walk(folder):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED)
        for name in [*dirs, *files]:
            if (here / name).is_symlink():
                raise TemplateError("cli.starter.link", path=here / name)
        found += [(here / name).relative_to(folder).as_posix() for name in files]
    return sorted(found)


def check(starter: Starter, files: list[PlannedFile]) -> BankConfig:
    """Refuse a starter whose bank would not pass `journeyops validate`: its files are
    written to a temporary folder and validated there, as a bank of their own. Returns the
    bank's config (its languages and lanes)."""
    from journeyops_cli.pipeline import load_config, validate

    with tempfile.TemporaryDirectory(prefix="journeyops-starter-") as tmp:
        root = Path(tmp)
        for item in files:
            (root / item.path).parent.mkdir(parents=True, exist_ok=True)
            (root / item.path).write_bytes(item.content)
        try:
            result = validate(root)
        except JourneyopsError as error:  # its journeyops.yaml is not valid
            raise TemplateError("cli.starter.invalid", error.findings, path=starter.folder) from None
        failing = [item for item in result.findings if item.severity >= result.fail_on]
        if failing:
            raise TemplateError("cli.starter.invalid", failing, path=starter.folder)
        return load_config(root)
