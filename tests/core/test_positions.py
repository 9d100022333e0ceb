"""`load/positions.Locator` (libyaml's marks) gives exactly the positions PyYAML's own
pure-Python composer gives, for files of every style: the repository's banks, the
hostile corpus, the benchmark generator's varied and classic banks, and generated
documents in block and flow style."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchmarks.generate import generate
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops_cli.load import positions

REPO = Path(__file__).resolve().parents[2]
FOLDERS = [REPO / "examples", REPO / "tests" / "core" / "bank", REPO / "tests" / "hostile" / "corpus"]


def reference(text: str) -> positions.Locator:
    """A Locator over the nodes of PyYAML's pure-Python composer (its own scanner and
    parser, not libyaml): the same walk, marks from another implementation."""
    locator = positions.Locator(text)
    locator._documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    return locator


def every_path(node: Node, prefix: tuple[Any, ...], out: list[tuple[Any, ...]], depth: int = 0) -> None:
    out.append(prefix)
    if depth > 8 or len(out) > 20_000:  # aliases share nodes: stay bounded
        return
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                every_path(value, (*prefix, key.value), out, depth + 1)
        out += [(*prefix, "missing-key"), (*prefix, 0)]
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            every_path(item, (*prefix, index), out, depth + 1)
        out += [(*prefix, len(node.value)), (*prefix, "x")]
    else:
        out.append((*prefix, "deeper", 1))


def compare(text: str) -> int:
    """Number of positions compared; fails on the first difference."""
    checked = 0
    theirs = reference(text)
    ours = positions.Locator(text)
    nodes = theirs._docs()
    for index, node in enumerate(nodes):
        paths: list[tuple[Any, ...]] = []
        every_path(node, (), paths)
        for path in paths:
            for target in ("key", "value"):
                expected = theirs.locate(index, path, target)
                assert ours.locate(index, path, target) == expected, (index, path, target)
                checked += 1
    for index in (len(nodes), len(nodes) + 1):
        assert ours.locate(index, ("a",), "key") == theirs.locate(index, ("a",), "key")
    return checked


def compare_folder(folder: Path) -> int:
    compared = 0
    for path in sorted(folder.rglob("*.yaml")):
        if path.is_symlink():
            continue
        text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
        try:
            compare(text)
        except (yaml.YAMLError, RecursionError):
            continue  # files that do not parse have no positions to compare
        compared += 1
    return compared


@pytest.mark.slow
def test_every_file_of_the_repository_banks() -> None:
    assert sum(compare_folder(folder) for folder in FOLDERS) > 100


@pytest.mark.parametrize("style", ["varied", "classic"])
def test_every_file_of_a_generated_bank(style: str, tmp_path: Path) -> None:
    generate(4, tmp_path, seed=11, style=style)
    assert compare_folder(tmp_path) >= 60


def test_a_text_inside_a_value_is_found_where_it_is_written() -> None:
    text = 'a:\n  b: >-\n    call me at\n    mail@example.org today\n  c: "x\\u0041"\n'
    locator = positions.Locator(text)
    assert locator.locate(0, ("a", "b"), text="mail@example.org") == (4, 5)
    assert locator.locate(0, ("a", "b")) == (2, 6)
    # Escaped or split: the value's own place.
    assert locator.locate(0, ("a", "c"), text="xA") == (5, 6)


keys = st.text(string.ascii_lowercase + "_", min_size=1, max_size=8)
scalars = st.one_of(
    st.integers(-100, 100),
    st.booleans(),
    st.none(),
    st.text(string.ascii_letters + string.digits + " -:#'\"äö,[]{}", max_size=15),
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=3),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, values, min_size=1, max_size=5), st.booleans(), st.sampled_from([None, False, True]))
def test_generated_documents(data: dict[str, Any], two: bool, flow: bool | None) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    if two:
        text = text + "---\n" + yaml.safe_dump({"second": data}, allow_unicode=True, sort_keys=False)
    compare(text)
