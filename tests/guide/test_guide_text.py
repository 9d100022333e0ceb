"""The playbook's prose: every command it names inline (`journeyops new theme`) is a real
command with real options, every YAML fragment parses, and the site renders every chapter
with nothing left unrendered (no raw links, no raw HTML)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests.guide.blocks import chapters

from journeyops_cli.site.guide import FALLBACK, chapter_names, guide

LANGUAGES = ("fi", "sv", "en")
_INLINE = re.compile(r"`(journeyops [^`]+)`")


def _command_tree() -> Any:
    import typer

    from journeyops_cli.cli.app import app

    return typer.main.get_command(app)


def _check(words: list[str], root: Any) -> str | None:
    """Why `journeyops WORDS` is not a real command line, or None."""
    command, rest = root, words[1:]
    # A group (typer's own copy of click) holds its subcommands by name.
    while getattr(command, "commands", None) is not None and rest and not rest[0].startswith("-"):
        found = command.commands.get(rest[0])
        if found is None:
            return f"no command {rest[0]!r}"
        command, rest = found, rest[1:]
    options = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    for word in rest:
        name = word.partition("=")[0]
        if name.startswith("--") and name not in options:
            return f"no option {name!r} for {command.name!r}"
    return None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_named_in_the_text_exists(language: str) -> None:
    root = _command_tree()
    wrong = []
    for path in chapters(language):
        text = path.read_text("utf-8")
        for found in _INLINE.finditer(text):
            words = found[1].split()
            why = _check(words, root)
            if why:
                wrong.append(f"{path.name}: `{found[1]}`: {why}")
    assert wrong == []


def test_the_check_of_inline_commands_can_fail() -> None:
    root = _command_tree()
    assert _check(["journeyops", "new", "journey", "--level", "mid"], root) is None
    assert _check(["journeyops", "site", "build"], root) is None
    assert _check(["journeyops", "nwe", "journey"], root) == "no command 'nwe'"
    assert _check(["journeyops", "new", "journey", "--levle", "mid"], root) == "no option '--levle' for 'new'"


@pytest.mark.parametrize("language", LANGUAGES)
def test_chapters_render_whole(language: str) -> None:
    found = guide(language)
    assert found.language == language
    assert [c.name for c in found.chapters] == chapter_names()
    for chapter in found.chapters:
        html = str(chapter.html)
        # A relative link ([see](02-roles.md)) is not a link on the site: it would show as text.
        assert "](" not in chapter.words, chapter.name
        assert "<h1" not in html, chapter.name
        # Headings in order: the page's h1, then h2 before any h3.
        levels = [int(level) for level in re.findall(r"<h([2-6])>", html)]
        previous = 1
        for level in levels:
            assert level <= previous + 1, f"{chapter.name}: h{level} after h{previous}"
            previous = level


def test_a_language_without_a_guide_gets_the_english_one() -> None:
    assert guide("de").language == FALLBACK
    assert guide("de").chapters == guide(FALLBACK).chapters


# The studio's buttons and the site's words the guide tells the reader to look for, by
# their catalogue ids: the guide must name them as the studio and the site show them.
INTERFACE_WORDS = ("add_insight", "triage", "add_opportunity", "new_journey", "edit_step", "add_observation",
                   "mark_reviewed", "score_why")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_names_studio_actions_as_the_studio_does(language: str) -> None:
    from journeyops_cli.render.i18n import message

    text = " ".join(" ".join(path.read_text("utf-8").split()) for path in chapters(language))
    missing = [key for key in INTERFACE_WORDS if f"**{message(key, language)}**" not in text]
    assert missing == []


def test_the_guide_names_the_top_journeys_phases_as_init_writes_them(tmp_path: Path) -> None:
    from tests.runner import run_cli

    from journeyops_cli.load.yaml_read import parse

    assert run_cli("init", str(tmp_path / "bank"), "--languages", ",".join(LANGUAGES), "--no-git").returncode == 0
    top = parse((tmp_path / "bank/journeys/top/service-journey.yaml").read_text("utf-8")).documents[0].data
    for language in LANGUAGES:
        phases = " → ".join(step["title"][language].lower() for step in top["steps"])
        text = " ".join(" ".join(path.read_text("utf-8").split()) for path in chapters(language))
        assert text.count(phases) >= 2, phases  # the first chapter and the journey levels
