"""The one factory for ruamel.yaml on the edit path, configured so that a round trip keeps
what a person wrote: quoting styles, `~` and `null` as written, long lines unwrapped,
flow lists as flow lists, and the bank's indentation (2 spaces, lists indented under their
key). Only `fmt` dumps through it; every result is checked against the read path."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter

NO_WRAP = 1 << 30
NULL_TAG = "tag:yaml.org,2002:null"


class KeptNull:
    """A null as it was written (`~`, `null`, or nothing), so a round trip keeps it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return other is None or isinstance(other, KeptNull)

    def __hash__(self) -> int:
        return hash(None)


class _Constructor(RoundTripConstructor):
    def construct_kept_null(self, node: Any) -> KeptNull:
        return KeptNull(node.value)


_Constructor.add_constructor(NULL_TAG, _Constructor.construct_kept_null)


class _Representer(RoundTripRepresenter):
    def represent_kept_null(self, data: KeptNull) -> Any:
        return self.represent_scalar(NULL_TAG, data.text)


_Representer.add_representer(KeptNull, _Representer.represent_kept_null)


def roundtrip_yaml() -> YAML:
    """A round-trip YAML 1.2 reader and writer with journeyops' settings."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = NO_WRAP
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_duplicate_keys = False
    return yaml


def reindent(text: str) -> str:
    """One YAML document (LF line endings) loaded and dumped again with canonical indentation."""
    yaml = roundtrip_yaml()
    data = yaml.load(text)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
