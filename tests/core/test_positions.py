"""The fast line scanner of `load/positions.py` gives exactly the composer's positions."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from journeyops_cli.load import positions

REPO = Path(__file__).resolve().parents[2]
FOLDERS = [REPO / "examples", REPO / "tests" / "core" / "bank", REPO / "tests" / "hostile" / "corpus"]


def composer_only(text: str) -> positions.Locator:
    locator = positions.Locator(text)
    locator._fast_tried = True  # force the composer
    locator._fast = None
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
    slow = composer_only(text)
    fast = positions.Locator(text)
    nodes = slow._docs()
    for index, node in enumerate(nodes):
        paths: list[tuple[Any, ...]] = []
        every_path(node, (), paths)
        for path in paths:
            for target in ("key", "value"):
                expected = slow.locate(index, path, target)  # type: ignore[arg-type]
                assert fast.locate(index, path, target) == expected, (index, path, target)  # type: ignore[arg-type]
                checked += 1
    for index in (len(nodes), len(nodes) + 1):
        assert fast.locate(index, ("a",), "key") == slow.locate(index, ("a",), "key")
    return checked


@pytest.mark.slow
def test_every_file_of_the_repository_banks() -> None:
    fast_files = 0
    for folder in FOLDERS:
        for path in sorted(folder.rglob("*.yaml")):
            if path.is_symlink():
                continue
            text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
            if positions._fast_documents(text) is not None:
                fast_files += 1
            try:
                compare(text)
            except yaml.YAMLError:
                continue  # files that do not parse have no positions to compare
    assert fast_files > 50  # the fast path is really taken


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
