"""The read-path parser: YAML 1.2 meaning, exact problem positions, bounded work."""

from __future__ import annotations

import re
import string
import time

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from journeyops_cli.load.yaml_read import parse


def data(text: str):
    result = parse(text)
    assert result.problems == []
    return [d.data for d in result.documents]


def test_yaml_1_1_surprises_stay_text() -> None:
    text = "a: no\nb: on\nc: NO\nd: yes\ne: off\nf: y\n"
    assert data(text) == [{"a": "no", "b": "on", "c": "NO", "d": "yes", "e": "off", "f": "y"}]


def test_core_schema_scalars() -> None:
    text = "a: true\nb: 12\nc: 0x1F\nd: 0o17\ne: 1.5\nf: ~\ng: null\nh: .inf\ni: -3\nj: 1e3\nk:\n"
    assert data(text) == [
        {"a": True, "b": 12, "c": 31, "d": 15, "e": 1.5, "f": None, "g": None,
         "h": float("inf"), "i": -3, "j": 1000.0, "k": None}
    ]


def test_not_a_number_is_read_not_a_traceback() -> None:
    """`.nan` is a YAML 1.2 float: it was handed to float() as written and raised."""
    values = data("a: .nan\nb: .NaN\nc: .NAN\nd: -.inf\n")[0]
    assert [v != v for v in (values["a"], values["b"], values["c"])] == [True, True, True]
    assert values["d"] == float("-inf")


def test_dates_and_sexagesimals_stay_text() -> None:
    assert data("a: 2024-05-01\nb: 1:20\nc: 010\n") == [{"a": "2024-05-01", "b": "1:20", "c": 10}]


def test_quoted_values_are_always_text() -> None:
    assert data("a: 'true'\nb: \"12\"\nc: !!str 5\n") == [{"a": "true", "b": "12", "c": "5"}]


def test_multi_document_stream() -> None:
    result = parse("a: 1\n---\nb: 2\n---\n- x\n")
    assert [(d.index, d.line, d.data) for d in result.documents] == [
        (0, 1, {"a": 1}), (1, 3, {"b": 2}), (2, 5, ["x"])
    ]


def test_duplicate_key_position() -> None:
    result = parse("kind: Theme\nsteps:\n  - id: a\n    id: b\n")
    (problem,) = result.problems
    assert (problem.code, problem.line, problem.column) == ("JO003", 4, 5)
    assert problem.message == "duplicate key 'id' (first defined at line 3)"


def test_duplicate_key_on_one_line_names_the_first_column() -> None:
    (problem,) = parse("kind: Team\nid: t\nlabels: {a: 1, b: 2, a: 3}\n").problems
    assert (problem.code, problem.line, problem.column) == ("JO003", 3, 22)
    assert problem.message == "duplicate key 'a' (first defined at line 3, column 10)"


UNCLOSED = (
    "kind: Team\n"
    "id: t\n"
    'title: "Apply for daycare\n'
    "description: Families apply\n"
    "\n"
    "# more below\n"
)


@pytest.mark.parametrize(
    ("text", "ending"),
    [
        (UNCLOSED, "found unexpected end of stream at line 7"),
        (UNCLOSED.replace('"', "'"), "found unexpected end of stream at line 7"),
        (UNCLOSED + "---\nkind: Team\nid: u\n", "found unexpected document indicator at line 7"),
    ],
)
def test_unclosed_quote_is_reported_where_it_opens(text: str, ending: str) -> None:
    # libyaml notices the missing quote only at the end of the stream or document.
    (problem,) = parse(text).problems
    assert (problem.code, problem.line, problem.column) == ("JO001", 3, 8)
    assert problem.message == (
        f"YAML syntax error: this quote is never closed ({ending}, while scanning a quoted scalar)"
    )
    assert problem.hint == "close the quote; write '' for a quote inside single quotes, \\\" inside double quotes"


def test_a_bad_escape_inside_quotes_stays_where_it_is() -> None:
    (problem,) = parse('title: "bad \\q escape"\n').problems
    assert (problem.line, problem.column) == (1, 13)
    assert problem.message == "YAML syntax error: found unknown escape character (while parsing a quoted scalar)"


def test_syntax_error_position_and_hint() -> None:
    (problem,) = parse("title: Apply: now\n").problems
    assert (problem.code, problem.line, problem.column) == ("JO001", 1, 13)
    assert problem.message == "YAML syntax error: mapping values are not allowed in this context"
    assert problem.hint == "a value containing ': ' must be quoted"


def test_tab_indentation_hint() -> None:
    (problem,) = parse("a:\n\t- b\n").problems
    assert (problem.line, problem.column) == (2, 1)
    assert problem.hint == "YAML does not allow tabs for indentation; use spaces"


def test_aliases_forbidden_by_default_at_the_alias() -> None:
    (problem,) = parse("a: &x [1]\nb: *x\n").problems
    assert (problem.code, problem.line, problem.column) == ("JO005", 2, 4)
    assert problem.message == "YAML aliases (*name) are not allowed in a journey bank"


def test_alias_budget() -> None:
    assert parse("a: &x 1\nb: *x\n", max_aliases=1).documents[0].data == {"a": 1, "b": 1}
    (problem,) = parse("a: &x 1\nb: *x\nc: *x\n", max_aliases=1).problems
    assert (problem.line, problem.column) == (3, 4)
    assert problem.message == "more than 1 YAML aliases in one file"


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly() -> None:
    started = time.perf_counter()
    for budget in (0, 100):
        (problem,) = parse(billion_laughs(), max_aliases=budget).problems
        assert problem.code == "JO005"
    # A generous bound only to catch an explosion (seconds or memory), not a speed test.
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("depth", [65, 2_000, 200_000])
def test_deep_flow_nesting_is_refused_without_crashing(depth: int) -> None:
    (problem,) = parse("a: " + "[" * depth + "]" * depth + "\n").problems
    assert problem.code == "JO006"
    # The mapping is level 1, so the 64th bracket opens level 65.
    assert (problem.line, problem.column) == (1, 67)
    assert problem.message == "nesting is deeper than 64 levels"


def test_deep_block_nesting_is_refused() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "x\n"
    (problem,) = parse(text).problems
    assert problem.code == "JO006"
    assert problem.line == 65


def test_nesting_at_the_limit_is_fine() -> None:
    assert parse("[" * 64 + "]" * 64).problems == []


def test_unsupported_tags() -> None:
    (problem,) = parse("a: !!python/object:os.system x\n").problems
    assert (problem.code, problem.line, problem.column) == ("JO007", 1, 4)
    (problem,) = parse("a: !custom {b: 1}\n").problems
    assert problem.code == "JO007"


def test_control_character_position() -> None:
    (problem,) = parse("a: b\nc: d\x1f\n").problems
    assert (problem.code, problem.line, problem.column) == ("JO001", 2, 5)
    assert problem.message == "YAML syntax error: control character U+001F is not allowed"


def test_complex_key_is_a_problem() -> None:
    (problem,) = parse("? [a, b]\n: c\n").problems
    assert problem.code == "JO001"
    assert problem.message == "a mapping key must be a plain value, not a list or mapping"


json_like = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6)
    | st.text(string.ascii_letters + string.digits + " :-#'\"äö", max_size=12),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(string.ascii_lowercase, min_size=1, max_size=6), children, max_size=4),
    max_leaves=20,
)


# Plain scalars that are numbers in YAML 1.2 but text in PyYAML's YAML 1.1 (`0E0`, `1e5`:
# 1.1 wants a dot and a signed exponent; `0o17`): PyYAML writes them unquoted and the
# reader, which gives YAML 1.2 meaning (test_core_schema_scalars), reads numbers.
_NUMBER_ONLY_IN_1_2 = re.compile(r"[-+]?[0-9]+[eE][-+]?[0-9]+|0o[0-7]+")


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


@settings(max_examples=150, deadline=None)
@given(json_like)
def test_round_trips_what_a_yaml_writer_writes(value) -> None:
    """Anything PyYAML dumps (it quotes 1.1 booleans) reads back as the same data, but
    for the texts YAML 1.2 reads as numbers and 1.1 does not (the next test)."""
    assume(not any(_NUMBER_ONLY_IN_1_2.fullmatch(text) for text in _texts(value)))
    text = yaml.safe_dump({"v": value}, allow_unicode=True)
    assert data(text) == [{"v": value}]


def test_what_only_yaml_1_2_calls_a_number_is_read_as_one() -> None:
    """PyYAML (1.1) leaves `0E0` and `1e5` unquoted; they are numbers to the reader."""
    assert yaml.safe_dump({"v": "0E0"}) == "v: 0E0\n"
    assert data(yaml.safe_dump({"a": "0E0", "b": "1e5"})) == [{"a": 0.0, "b": 100000.0}]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_any_text(text: str) -> None:
    result = parse(text)
    assert all(p.line >= 1 and p.column >= 1 for p in result.problems)


def test_a_quote_left_open_until_the_next_quote_is_reported_where_it_opens() -> None:
    # The open quote swallows `description: x` and closes at the next quote, where the
    # parser stops: the mistake is on line 3.
    text = 'kind: Team\nid: t\ntitle: "Apply for daycare\ndescription: x\nowner: "Anna"\n'
    (problem,) = parse(text).problems
    assert (problem.code, problem.line, problem.column) == ("JO001", 3, 8)
    assert problem.message == (
        "YAML syntax error: this quote closes only on line 5, where the parser stops "
        "(did not find expected key, while parsing a block mapping)"
    )
    assert problem.hint == "is the closing quote missing on this line?"


def test_a_quote_inside_quotes_gets_a_hint() -> None:
    (problem,) = parse("kind: Team\nid: t\ntitle: 'it's fine'\n").problems
    assert (problem.line, problem.column) == (3, 12)
    assert problem.message == "YAML syntax error: did not find expected key (while parsing a block mapping)"
    assert problem.hint == (
        "the quoted value ends before this: write '' for a quote inside single quotes, \\\" inside double quotes"
    )


def test_only_plain_scalars_are_resolved_and_quoted_text_stays_text() -> None:
    parsed = parse(
        'a: ! "123"\nb: "true"\nc: !!str 5\nd: [1, 0x1f, .inf, ~, yes, no, 2025-01-01]\ne: |\n  12\n'
    )
    assert parsed.problems == []
    # The non-specific tag `!` on a quoted scalar is text (YAML 1.2), as quoting is.
    assert parsed.documents[0].data == {
        "a": "123", "b": "true", "c": "5", "d": [1, 31, float("inf"), None, "yes", "no", "2025-01-01"], "e": "12\n",
    }
