"""The fast paths of rendering give the bytes of the plain ones: a paragraph of plain text
is not sent through markdown-it, but its HTML is exactly what markdown-it gives."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops_cli.render.safety import _markdown, _plain_paragraph, markdown_html

PLAIN = [
    "Hakemus käsitellään kahdessa viikossa.",
    'The form says "apply now" (twice) - 5 % of users @ 10:15 / $3 = +1?',
    "Line one\nLine two; still the same paragraph.",
    "Äiti's 2nd visit: ok",
]
NOT_PLAIN = [
    "", " leading space", "trailing space ", "1. a list", "- a list", "# heading",
    "*emphasis*", "a_b_", "[link](https://example.org)", "<b>tag</b>", "a & b", "code `x`",
    "two  spaces at end  \nnext", "para\n\nnext", "Title\n===", "a\tb", "a\\b", "a\r\nb",
    "non\xa0breaking", "x\u2028y", "Foo\n    indented", "a!b", "a#b", "a~b", "a|b", "a{b}",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_takes_the_fast_path_with_the_same_html(text: str) -> None:
    assert _plain_paragraph(text)
    assert markdown_html(text) == _markdown().render(text)


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_anything_markdown_could_read_goes_to_the_parser(text: str) -> None:
    assert not _plain_paragraph(text)
    assert markdown_html(text) == _markdown().render(text)


ALPHABET = string.ascii_letters[:6] + "Zäé" + string.digits[:3] + string.punctuation + " \n\t\r\xa0\u2028\u200b\u0301"
PLAIN_CHARACTERS = string.ascii_letters[:6] + "Zäé" + string.digits[:3] + " ,.;:'\"?()%/=+@$-"


@st.composite
def mostly_plain(draw: st.DrawFn) -> str:
    """Texts as banks hold them: lines of plain text, and in some (drawn one time in three)
    anything (Markdown, control characters, odd spaces) put in at any place."""
    lines = draw(st.lists(st.text(PLAIN_CHARACTERS, max_size=16), min_size=1, max_size=3))
    text = "\n".join(draw(st.sampled_from("AbZä")) + line.rstrip() for line in lines)
    if draw(st.sampled_from((False, False, True))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(ALPHABET, min_size=1, max_size=4)) + text[at:]
    return text


def test_fast_path_equals_markdown_it_on_any_text() -> None:
    taken: list[bool] = []

    @settings(max_examples=600, deadline=None, database=None, derandomize=True)
    @given(mostly_plain())
    def same_html(text: str) -> None:
        taken.append(_plain_paragraph(text))
        assert markdown_html(text) == _markdown().render(text)

    same_html()
    # Both paths are taken often enough for the comparison to mean something.
    assert len(taken) >= 600
    # (derandomized: 521 of 600 take the fast path)
    assert sum(taken) >= 0.5 * len(taken), (sum(taken), len(taken))
    assert len(taken) - sum(taken) >= 0.05 * len(taken), (sum(taken), len(taken))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=string.ascii_letters + "äö .,:;'\"?()%/=+@$-0123456789", min_size=1, max_size=12)
                .map(lambda s: "A" + s.rstrip()), min_size=1, max_size=4))
def test_fast_path_equals_markdown_it_on_plain_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert _plain_paragraph(text)
    assert markdown_html(text) == _markdown().render(text)


def test_the_fast_paths_characters_are_the_documented_ones_for_every_code_point() -> None:
    """`_plain_paragraph` accepts a character when it is not ASCII and not a space of any
    kind, or one of the ASCII characters CommonMark gives no meaning mid-line (the rule
    as first written, one alternation; now two character classes): every code point."""
    import re

    rule = re.compile(r"(?:[^\x00-\x7f\s]|[A-Za-z0-9 \n,.;:'\"?()%/=+@$-])")
    differ = [
        hex(point) for point in range(0x110000)
        if not 0xD800 <= point < 0xE000
        and bool(rule.fullmatch(chr(point))) != _plain_paragraph("a" + chr(point) + "a")
    ]
    assert differ == []


def test_a_dicts_key_read_as_an_attribute_is_what_jinja2_gives() -> None:
    # `{{ s.home }}` takes the key of a plain dict at once; a name of a dict method stays
    # the method (jinja2 prefers the attribute), a missing key stays undefined (strict).
    import jinja2

    from journeyops_cli.render.env import html_environment

    env = html_environment()
    words = {"home": "Etusivu", "items": "not the method", "level.top": "<Ylin>"}
    template = env.from_string("{{ s.home }}|{{ s.items is callable }}|{{ s['level.top'] }}|{{ o.real }}")
    assert template.render(s=words, o=3) == "Etusivu|True|&lt;Ylin&gt;|3"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ s.nothing }}").render(s=words)


NUMBERS = [0, 1, -1, 12, 1234, -1234, 0.005, 0.015, 0.025, 2.675, 1.005, -0.006, -0.004, 999.995,
           999999.995, 1e14, 9.99e14, -9.99e14, 123456789.125, 0.1 + 0.2, 5e-324, -0.0, 1e15, 1e21]


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.floats(allow_nan=False, allow_infinity=False, min_value=-2e15, max_value=2e15),
                 st.integers(min_value=-10**16, max_value=10**16),
                 st.integers(min_value=-10**7, max_value=10**7).map(lambda n: n / 1000 + 0.0005),
                 st.sampled_from(NUMBERS)))
def test_a_number_is_written_as_babel_writes_it(value: float) -> None:
    # `number` writes fi, sv and en itself (Babel's pattern machinery was a sixth of an
    # opportunity page): the same text as Babel's `#,##0.##`, ties rounded half to even
    # on the float's shortest decimal form.
    from babel.numbers import format_decimal

    from journeyops_cli.render.formats import locale, number

    shown = 0.0 if round(value, 2) == 0 else value
    for language in ("fi", "sv", "en"):
        assert number.__wrapped__(value, language) == format_decimal(shown, format="#,##0.##", locale=locale(language))


@given(st.text())
def test_the_maps_escape_is_markupsafes(text: str) -> None:
    # The map grid returns a text with nothing to escape as it is (no Markup made of it).
    from markupsafe import Markup, escape

    from journeyops_cli.render.map_grid import html

    assert html(text) == str(escape(text))
    assert html(Markup("<b>&amp;</b>")) == "<b>&amp;</b>"  # already escaped: left alone
    for tricky in ("<script>", "a & b", 'say "hi"', "it's", "x > y"):
        assert html(tricky) == str(escape(tricky)) != tricky


class _Html:
    def __html__(self) -> str:
        return "<i>as it is</i>"


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.booleans(),
                 st.text().map(lambda text: __import__("markupsafe").Markup(text))))
def test_escaped_is_markupsafes_escape(value: object) -> None:
    # What every `{{ }}` of an HTML template writes: markupsafe's characters, without a
    # Markup made of each string; a Markup (already safe) as it is.
    from markupsafe import escape

    from journeyops_cli.render.safety import escaped

    assert escaped(value) == str(escape(value))
    assert escaped(_Html()) == "<i>as it is</i>"


ESCAPES = """{% macro m(x) %}<b>{{ x }}</b>{% endmacro %}{% set block %}[{{ a }}]{% endset %}
{{ a }}|{{ m(a) }}|{{ m(a) | length }}|{{ block }}|{{ block | length }}|{{ safe }}|{{ n }}|{{ none }}|{{ h }}
{{ a ~ safe }}|{{ [a, safe] | join(',') }}|{% filter upper %}{{ a }}{% endfilter %}
{% autoescape false %}{{ a }}{% endautoescape %}
{% for x in [a, safe, n] %}{{ x }}{{ loop.index }}{% endfor %}|{{ a | e }}|{{ a | safe }}|{{ m(a) is string }}
{{ 'x' ~ a ~ 'y' }}|{{ a ~ n }}|{{ (a ~ safe) is string }}|{{ ('a' ~ 'b') | length }}|{{ words['k.' ~ key] }}"""


def test_templates_write_what_jinja2s_own_escape_writes() -> None:
    # `render/env._Template` writes `{{ }}` through `safety.escaped` (a str, not a Markup):
    # macros, set blocks, filter blocks, joins and loops give jinja2's own bytes.
    import jinja2
    from markupsafe import Markup

    from journeyops_cli.render.env import html_environment

    plain = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                               lstrip_blocks=True, keep_trailing_newline=True)
    values = {"a": "<a href='x'>&\"</a>", "safe": Markup("<em>ok</em>"), "n": 3.5, "h": _Html(),
              "words": {"k.v": "<word>"}, "key": "v"}
    ours = html_environment().from_string(ESCAPES)
    assert ours.root_render_func.__globals__["escape"] is not jinja2.runtime.escape
    assert ours.root_render_func.__globals__["markup_join"] is not jinja2.runtime.markup_join
    assert ours.render(values) == plain.from_string(ESCAPES).render(values)
    assert "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;" in ours.render(values)


def test_a_global_added_after_a_template_is_loaded_is_seen() -> None:
    # `render/env._Template.new_context` gives jinja2 its globals as one dict, made again
    # when one is added (jinja2 reads them through a ChainMap on every render).
    from journeyops_cli.render.env import _environment

    env = _environment(autoescape=True)
    template = env.from_string("{{ count is defined }}|{{ greeting | default('-') }}")
    assert template.render() == "True|-"
    env.globals["greeting"] = "<hei>"
    assert template.render() == "True|&lt;hei&gt;"
