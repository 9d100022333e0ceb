"""`jsontext.dumps`: the C encoder's speed, a line per record, the same data as `json`."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops_cli.jsontext import dumps

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(values)
def test_the_text_reads_back_as_the_same_data(value: object) -> None:
    text = dumps(value)
    assert text.endswith("\n")
    assert json.loads(text) == value
    assert dumps(json.loads(text)) == text


def test_records_are_one_line_each_and_the_nesting_stays_visible() -> None:
    card = {"bank": {"steps": 3, "status": {"on": 1, "off": 0}, "trend": {"up": [1, 2]}},
            "journeys": [{"id": "a", "steps": ["x", "y"]}, {"id": "ö", "steps": []}], "empty": {}, "keys": {1: True}}
    assert dumps(card) == (
        '{\n'
        '  "bank": {\n'
        '    "steps": 3,\n'
        '    "status": {"on": 1, "off": 0},\n'
        '    "trend": {"up": [1, 2]}\n'
        '  },\n'
        '  "journeys": [\n'
        '    {"id": "a", "steps": ["x", "y"]},\n'
        '    {"id": "ö", "steps": []}\n'
        '  ],\n'
        '  "empty": {},\n'
        '  "keys": {"1": true}\n'
        '}\n'
    )
