"""The one place that builds the jinja2 environment and registers its filters.

Autoescaping is on for every template whatever its file name (HTML templates); Markdown
templates use `markdown_environment()` where values go through `md_cell`/`mermaid_label`
explicitly. Undefined variables fail loudly.
"""

from __future__ import annotations

from collections import ChainMap
from functools import cache
from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any

import jinja2
from jinja2.runtime import Context, escape, markup_join, new_context
from jinja2.utils import _PassArg

from journeyops_cli.models.base import pick_text
from journeyops_cli.render.safety import code_spans, escaped, markdown_markup, md_cell, mermaid_label, safe_url
from journeyops_cli.resources import templates_dir


def _text(value: Any, language: str, fallback: list[str] | None = None) -> str:
    return pick_text(value, language, fallback or [])


def _by_rule(findings: list[Any]) -> list[list[Any]]:
    """Findings grouped by rule, the most severe rule first and otherwise in the order the
    rules first appear (a page says a rule's words once, then where it applies)."""
    groups: dict[str, list[Any]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    return sorted(groups.values(), key=lambda group: -max(f.severity for f in group))


class _Context(Context):
    """jinja2's template context, with the calls a template makes most (a Python
    function, a bound method, a builtin, a macro, an object such as the site's `link`)
    made directly when the callable takes nothing from jinja2 (`pass_context`,
    `pass_environment`, …): jinja2's own `call` asks each callable up to three times
    (`hasattr`, which raises and catches inside), a tenth of a big site's rendering.
    Anything else goes through jinja2's `call` unchanged."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if _plain(__obj):
            if kwargs:
                kwargs.pop("_loop_vars", None)
                kwargs.pop("_block_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )
        return super().call(__obj, *args, **kwargs)


class _Environment(jinja2.Environment):
    """jinja2's environment, with `{{ s.home }}` on a dict (every page's interface words)
    answered at once: jinja2 asks for the attribute first, which raises and is caught
    inside, for every label of every page. A key of a plain dict that names no attribute
    of `dict` gives what jinja2 gives (the item); anything else goes to jinja2."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            if attribute not in _DICT_NAMES:
                try:
                    return obj[attribute]
                except KeyError:
                    pass
            return super().getattr(obj, attribute)
        # What jinja2 does first (the attribute), without a second call on the way there.
        try:
            return getattr(obj, attribute)
        except AttributeError:
            return super().getattr(obj, attribute)

    def make_globals(self, d: Any) -> Any:
        """A template's globals: its own over the environment's (`_Globals`)."""
        return _Globals({} if d is None else d, self.globals)


class _Template(jinja2.Template):
    """jinja2's template, whose compiled code writes every autoescaped `{{ }}` through
    `safety.escaped`: markupsafe's escaping without a `Markup` made of every string. The
    compiled code calls `escape` only on what it writes out (yielded, or appended to a
    buffer that is joined), where a `Markup` and a `str` of the same characters give the
    same bytes (`tests/render/test_render_fast_paths.py` renders templates both ways).
    Its `~` (`s['level.' ~ journey.level]`) joins plain strings at once (`_joined`)."""

    @classmethod
    def _from_namespace(cls, environment: jinja2.Environment, namespace: Any, globals: Any) -> Any:
        if namespace.get("escape") is escape:
            namespace["escape"] = escaped
        if namespace.get("markup_join") is markup_join:
            namespace["markup_join"] = _joined
        return super()._from_namespace(environment, namespace, globals)

    def new_context(self, vars: dict[str, Any] | None = None, shared: bool = False,
                    locals: Any = None) -> Context:
        """jinja2's context, given the template's globals as one plain dict (`_Globals`)."""
        chain = self.globals
        found = chain.flat() if type(chain) is _Globals else chain
        return new_context(self.environment, self.name, self.blocks, vars, shared, found, locals)


def _joined(values: Any) -> Any:
    """jinja2's `markup_join` (the `~` of an autoescaped template, always given a tuple):
    plain strings joined as they are, anything else (a `Markup`, a number) by jinja2."""
    if type(values) is tuple:
        for value in values:
            if type(value) is not str:
                return markup_join(values)
        return "".join(values)
    return markup_join(values)


class _Globals(ChainMap[str, Any]):
    """A template's globals (its own over the environment's), as jinja2 makes them, with
    what jinja2 does with them on every render made cheap: it copies them into the page's
    context and iterates them again for their names, and a template that imports macros
    takes the context's global names less these (`keys()`), a Python call per name and
    page through a `ChainMap`. `flat()` is one plain dict of them, made again when a name
    is added. A global is set once, when the environment is made (`_register`): a value
    replaced under a name already there would not be seen by a template loaded before."""

    def __init__(self, *maps: Any) -> None:
        super().__init__(*maps)
        self._flat: tuple[tuple[int, ...], dict[str, Any]] | None = None

    def flat(self) -> dict[str, Any]:
        sizes = tuple(map(len, self.maps))
        known = self._flat
        if known is not None and known[0] == sizes:
            return known[1]
        found: dict[str, Any] = {}
        for names in reversed(self.maps):  # not dict(self): that asks keys(), which asks this
            found.update(names)
        self._flat = (sizes, found)
        return found

    def keys(self) -> Any:
        return self.flat().keys()


_DICT_NAMES = frozenset(dir(dict))
_NOTHING: dict[str, Any] = {}
# For each type of callable object: whether neither the type nor its `__call__` carries
# jinja2's mark (then only the object itself could).
_PLAIN_TYPES: dict[type, bool] = {BuiltinFunctionType: True}


def _plain(obj: Any) -> bool:
    """Whether jinja2 would call `obj` as it is (no `jinja_pass_arg` on it, on the
    function of a bound method, on its type or on its type's `__call__`)."""
    kind = type(obj)
    if kind is FunctionType:
        return "jinja_pass_arg" not in obj.__dict__
    if kind is MethodType:
        return "jinja_pass_arg" not in getattr(obj.__func__, "__dict__", _NOTHING)
    plain = _PLAIN_TYPES.get(kind)
    if plain is None:
        call = getattr(kind, "__call__", None)  # noqa: B004 - the type's own __call__, not callable()
        plain = _PLAIN_TYPES[kind] = (
            type(call) is FunctionType and "jinja_pass_arg" not in call.__dict__
            and _PassArg.from_obj(kind) is None
        )
    return plain and "jinja_pass_arg" not in getattr(obj, "__dict__", _NOTHING)


def _register(env: jinja2.Environment) -> jinja2.Environment:
    env.filters["by_rule"] = _by_rule
    env.filters["text"] = _text
    env.filters["markdown"] = markdown_markup
    env.filters["safe_url"] = safe_url
    env.filters["md_cell"] = md_cell
    env.filters["mermaid_label"] = mermaid_label
    env.filters["code_spans"] = code_spans
    from journeyops_cli.render.formats import count, date, number, parts_in_words
    from journeyops_cli.render.i18n import rule_words
    from journeyops_cli.render.map_grid import map_grid
    from journeyops_cli.render.svg import curve_key, emotion_icon, emotion_plot, emotion_word, lane_icon

    # Journey-map helpers every template (and imported macro) can call; they escape their text.
    env.globals["emotion_icon"] = emotion_icon
    env.globals["emotion_word"] = emotion_word
    env.globals["emotion_plot"] = emotion_plot
    env.globals["curve_key"] = curve_key
    env.globals["lane_icon"] = lane_icon
    env.globals["map_grid"] = map_grid
    env.globals["count"] = count
    env.globals["rule_words"] = rule_words
    env.globals["parts_in_words"] = parts_in_words
    # Values in the page's language: {{ day|local_date(language) }}, {{ x|local_number(language) }}.
    env.filters["local_date"] = date
    env.filters["local_number"] = number
    return env


def _environment(autoescape: bool) -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates are read once per process (a page imports its macros on every render:
        # without this, every import asks the file system whether the template changed).
        auto_reload=False,
    )
    env.context_class = _Context
    env.template_class = _Template
    return _register(env)


@cache
def html_environment() -> jinja2.Environment:
    """For HTML: every template autoescaped whatever its file name, strict undefined."""
    return _environment(autoescape=True)


@cache
def text_environment() -> jinja2.Environment:
    """For Markdown and YAML output: no HTML autoescape; templates escape with the
    `md_cell` and `mermaid_label` filters where text enters structure."""
    return _environment(autoescape=False)
