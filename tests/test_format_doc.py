"""docs/format.md cannot drift: every YAML example in it parses, every record example
validates against its model (and equals the record of the example bank it was copied
from), and every field table lists exactly the fields of its model."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from journeyops_cli.load.yaml_read import parse
from journeyops_cli.models import KINDS, DeliveryItem, Estimates, Observation, Review, Step
from journeyops_cli.models.config import BankConfig, LimitsConfig
from journeyops_cli.models.config_import import ImportProfile
from journeyops_cli.pipeline import load_bank

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "format.md"
BANK = ROOT / "examples" / "helsinki"

FENCE = re.compile(r"^```yaml\n(.*?)^```$", re.DOTALL | re.MULTILINE)
HEADING = re.compile(r"^### (\w+)\n(.*?)(?=^#{2,3} |\Z)", re.DOTALL | re.MULTILINE)
ROW = re.compile(r"^\| `(\w+)` \|", re.MULTILINE)

# Models whose fields the page documents in a table under `### <ModelName>`.
TABLES: dict[str, type[BaseModel]] = {
    "BankConfig": BankConfig,
    "LimitsConfig": LimitsConfig,
    "ImportProfile": ImportProfile,
    "Step": Step,
    "Observation": Observation,
    "Estimates": Estimates,
    "DeliveryItem": DeliveryItem,
    "Review": Review,
    **KINDS,
}


def _blocks() -> list[str]:
    return FENCE.findall(DOC.read_text(encoding="utf-8"))


def _documents(block: str) -> list[Any]:
    result = parse(block)
    assert result.problems == [], f"example does not parse: {result.problems}\n{block}"
    return [document.data for document in result.documents]


def _record_documents() -> list[dict[str, Any]]:
    return [
        data
        for block in _blocks()
        for data in _documents(block)
        if isinstance(data, dict) and "kind" in data
    ]


def test_the_page_has_yaml_examples() -> None:
    assert len(_blocks()) >= 15


@pytest.mark.parametrize("block", _blocks(), ids=lambda b: b.splitlines()[0][:40])
def test_every_yaml_example_parses(block: str) -> None:
    documents = _documents(block)
    only_comments = all(line.startswith("#") for line in block.splitlines() if line.strip())
    assert documents or only_comments


def test_every_record_example_validates_against_its_model() -> None:
    records = _record_documents()
    assert len(records) >= len(KINDS)
    for data in records:
        record = KINDS[data["kind"]].model_validate(data)  # raises if the example is wrong
        assert (record.kind, record.id) == (data["kind"], data["id"])


def test_there_is_a_complete_example_of_every_kind() -> None:
    kinds = {data["kind"] for data in _record_documents()}
    assert kinds == set(KINDS)


def test_the_config_example_validates() -> None:
    configs = [
        data
        for block in _blocks()
        for data in _documents(block)
        if isinstance(data, dict) and "kind" not in data and "name" in data
    ]
    assert len(configs) == 1
    config = BankConfig.model_validate(configs[0])
    assert config.languages == ["fi", "en"]


def test_record_examples_are_copies_of_the_example_bank() -> None:
    bank = load_bank(BANK).bank
    compared = 0
    for data in _record_documents():
        model = KINDS[data["kind"]]
        original = bank.get(model, data["id"])
        if original is None:
            continue
        assert model.model_validate(data).model_dump() == original.model_dump(), data["id"]
        compared += 1
    assert compared >= len(KINDS)


def test_every_field_table_lists_exactly_the_models_fields() -> None:
    sections = {name: body for name, body in HEADING.findall(DOC.read_text(encoding="utf-8"))}
    for name, model in TABLES.items():
        assert name in sections, f"docs/format.md has no '### {name}' section"
        documented = ROW.findall(sections[name])
        fields = [info.alias or field for field, info in model.model_fields.items()]  # `import`
        assert sorted(documented) == sorted(fields), name
        assert len(documented) == len(set(documented)), f"{name}: a field is listed twice"


def test_flow_mapping_pitfall_is_real() -> None:
    # The page warns that an unquoted comma in a flow mapping splits the value; keep
    # the quoted example valid and the warning's message true.
    from journeyops_cli.models import Theme

    bad = parse(
        "kind: Theme\nid: x\ntitle: {fi: Perhe ei tiedä, milloin päätös tulee., en: When}\n"
    )
    assert bad.problems == []
    data = bad.documents[0].data
    assert "milloin päätös tulee." in data["title"]
    with pytest.raises(ValidationError, match="milloin päätös tulee"):
        Theme.model_validate(data)
    assert "`'milloin päätös tulee.' is not a language code`" in DOC.read_text(encoding="utf-8")
