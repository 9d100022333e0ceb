"""Render the scaffolding templates with the shared text environment (strict undefined) and
the YAML quoting filters, so a title like `no`, `2024` or `a: b` stays text.

Templates that are not the tool's own (a bank's `templates/records/`, an organisation's
starter) render in a sandbox with the same filters and strict undefined; whatever goes
wrong in one is a `TemplateError` naming the template file and line."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from journeyops_cli.edit import EditError
from journeyops_cli.edit.quoting import flow_item, yaml_scalar
from journeyops_cli.errors import EXIT_USAGE
from journeyops_cli.findings import Finding
from journeyops_cli.models.config import LimitsConfig
from journeyops_cli.render.env import text_environment
from journeyops_cli.speed.executor import CPUOverrun, OverBudget, run_limited

MAX_BYTES = LimitsConfig().max_file_bytes
"""The longest output a template may write (the loader's limit on a file)."""


class TemplateError(EditError):
    """A template or starter that cannot be used: a message of the one catalogue
    (`cli.templates.…`, `cli.starter.…`) and its values; `text(language)` says it in a
    language, the message is the English text. Nothing was written (exit 2)."""

    exit_code = EXIT_USAGE

    def __init__(self, key: str, findings: list[Finding] | None = None, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.text("en"), findings)

    def text(self, language: str) -> str:
        from journeyops_cli.render.i18n import message

        return message(self.key, language).format(**self.values)


def for_languages(words: dict[str, str], languages: list[str]) -> str | dict[str, str]:
    """One text for a bank in `languages`: the plain string for a one-language bank, else
    `{lang: text}`, English (or the first text given) where `words` has no text of a language."""
    fallback = words.get("en") or next(iter(words.values()), "")
    if len(languages) == 1:
        return words.get(languages[0], fallback)
    return {lang: words.get(lang, fallback) for lang in languages}


def environment() -> jinja2.Environment:
    env = text_environment()
    env.filters.setdefault("yaml", yaml_scalar)
    env.filters.setdefault("yaml_item", flow_item)
    env.filters.setdefault("for_languages", for_languages)
    return env


def render(template: str, context: dict[str, Any]) -> str:
    """The template's output; an undefined variable raises jinja2.UndefinedError."""
    return environment().get_template(template).render(**context)


@lru_cache(maxsize=16)
def sandbox(*folders: Path) -> jinja2.Environment:
    """An environment for templates that are not the tool's own, found in `folders` in
    order: sandboxed (no attributes of Python's insides, no changing what it is given),
    strict undefined, the filters of `environment()`, templates re-read when they change."""
    base = environment()
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(base.filters)
    return env


def load_checked(env: jinja2.Environment, template: str, shown: str) -> jinja2.Template:
    """`template`, compiled; one that cannot be read or has a syntax error is a
    TemplateError naming `shown` (the file as the reader knows it) and the line."""
    try:
        return env.get_template(template)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError("cli.templates.broken", path=shown, line=error.lineno, problem=error.message) from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError("cli.templates.broken", path=shown, line=1, problem=f"no template {error.name}") from None
    except UnicodeDecodeError:
        raise TemplateError("cli.templates.broken", path=shown, line=1, problem="not UTF-8 text") from None


CPU_SECONDS = 10
"""The CPU seconds a template that is not the tool's own may take to compile and render."""
MEMORY_BYTES = 1 << 30
"""The memory it may take besides what the process holds."""


def render_checked(
    env: jinja2.Environment,
    template: str,
    context: dict[str, Any],
    shown: str,
    max_bytes: int = MAX_BYTES,
    limited: bool = True,
) -> str:
    """`template`'s output; any failure (cannot be read, syntax, an undefined variable,
    a refused attribute, an error in an expression, output longer than `max_bytes`, more
    than CPU_SECONDS or MEMORY_BYTES) is a TemplateError naming `shown` and the
    template's line. A template that is not the tool's own (`limited`) is compiled and
    rendered in a process of its own with those limits (`speed.executor.run_limited`):
    Jinja computes constant expressions while it compiles, so `{{ 'x' * 10**10 }}` would
    exhaust this one's memory before any rendering began."""
    if limited:
        return _limited(lambda: render_checked(env, template, context, shown, max_bytes, limited=False), shown)
    return _output(load_checked(env, template, shown), context, shown, max_bytes)


def check_syntax(env: jinja2.Environment, template: str, shown: str, limited: bool = True) -> None:
    """A TemplateError (as `load_checked`) when `template` cannot be compiled; compiled in
    a limited process of its own when it is not the tool's own (see `render_checked`)."""
    if limited:
        _limited(lambda: check_syntax(env, template, shown, limited=False), shown)
    else:
        load_checked(env, template, shown)


T = TypeVar("T")


def _limited(job: Callable[[], T], shown: str) -> T:
    """`job()` in a limited process of its own; its TemplateError raised here."""

    def guarded() -> tuple[bool, Any]:
        try:
            return True, job()
        except TemplateError as error:
            return False, (error.key, error.values)

    try:
        done, value = run_limited(guarded, CPU_SECONDS, MEMORY_BYTES)
    except OverBudget:
        raise TemplateError("cli.templates.over_budget", path=shown, seconds=CPU_SECONDS,
                            megabytes=f"{MEMORY_BYTES >> 20:,}") from None
    if not done:
        raise TemplateError(value[0], **value[1])
    result: T = value
    return result


def _output(compiled: jinja2.Template, context: dict[str, Any], shown: str, max_bytes: int) -> str:
    """What `compiled` writes (see `render_checked`), in this process."""
    parts: list[str] = []
    size = 0
    try:
        output = compiled.generate(**context)
        for part in output:  # stopped as soon as it is too long
            parts.append(part)
            size += len(part)
            if size > max_bytes:
                line = _suspended_line(output, compiled)
                problem = f"its output is longer than {max_bytes:,} characters"
                raise TemplateError("cli.templates.broken", path=shown, line=line, problem=problem)
    except TemplateError:
        raise
    except Exception as error:  # noqa: BLE001 - the template's own code: any failure is its fault
        line = _line_in_template(error, compiled.filename)
        problem = str(error) or type(error).__name__
        if isinstance(error, RecursionError):  # Python's words for it vary with where it stopped
            problem = "it calls itself without end"
        elif isinstance(error, CPUOverrun):
            problem = f"it takes more than {CPU_SECONDS} s of CPU time"
        elif isinstance(error, MemoryError):
            problem = f"it needs more than {MEMORY_BYTES >> 20:,} MB of memory"
        raise TemplateError("cli.templates.broken", path=shown, line=line, problem=problem) from None
    return "".join(parts)


def _suspended_line(output: Any, compiled: jinja2.Template) -> int:
    """The template's line where its paused output generator stands."""
    while getattr(output, "gi_yieldfrom", None) is not None:
        output = output.gi_yieldfrom
    frame = getattr(output, "gi_frame", None)
    return compiled.get_corresponding_lineno(frame.f_lineno) if frame is not None else 1


def _line_in_template(error: BaseException, filename: str | None) -> int:
    """The line of the template `filename` that raised (the line that included another
    template, when the error was in that one): jinja2 puts the template's lines into the
    traceback."""
    line = 1
    for frame, number in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == filename:
            line = number
    return line
