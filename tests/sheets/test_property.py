"""Property: random edits made in a workbook and imported give the same bank as the same
edits made in the YAML (with ruamel.yaml's round trip, independent of our edit path)."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.sheets.helpers import EXAMPLE, cli

from journeyops_cli.models import Journey
from journeyops_cli.pipeline import load_bank
from journeyops_cli.sheets.layout import CHOICES, DETAIL_ROWS, FIRST_STEP_COLUMN, LANE_ROWS

JOURNEY = "daycare-application"
FILE = Path("journeys/detailed/daycare-application.yaml")
STEPS = 7

text = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters=" äöÅ:#'\",.?!-"),
    min_size=1, max_size=30,
).map(str.strip).filter(lambda t: t != "" and not t.startswith(("=", "+", "-", "@")))
channels = st.lists(st.sampled_from(CHOICES["channel"]), min_size=1, max_size=3, unique=True)
edit = st.one_of(
    st.tuples(st.just("title"), st.integers(0, STEPS - 1), text),
    st.tuples(st.just("emotion"), st.integers(0, STEPS - 1), st.integers(-2, 2)),
    st.tuples(st.just("pain_points"), st.integers(0, STEPS - 1), text),
    st.tuples(st.just("cx_goals"), st.integers(0, STEPS - 1), text),
    st.tuples(st.just("channels"), st.integers(0, STEPS - 1), channels),
    st.tuples(st.just("owner"), st.just(0), text),  # a detail of the journey, not of a step
)


@cache
def exported() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "book.xlsx"
        assert cli("export", JOURNEY, "--bank", str(EXAMPLE), "--out", str(out))[0] == 0
        return out.read_bytes()


def in_workbook(bank: Path, edits: list[tuple[str, int, object]], folder: Path) -> None:
    book = folder / "book.xlsx"
    book.write_bytes(exported())
    wb = openpyxl.load_workbook(book)
    ws = wb[JOURNEY]
    for field, step, value in edits:
        if field == "owner":
            ws.cell(DETAIL_ROWS[field], FIRST_STEP_COLUMN).value = value
            continue
        cell = ws.cell(LANE_ROWS[field], FIRST_STEP_COLUMN + step)
        if field in ("pain_points", "cx_goals"):
            cell.value = f"{cell.value}\n{value}" if cell.value else value
        elif field == "channels":
            cell.value = ", ".join(value)  # type: ignore[arg-type]
        else:
            cell.value = value
    wb.save(book)
    code, _, stderr = cli("import", str(book), "--bank", str(bank))
    assert code == 0, stderr


def in_yaml(bank: Path, edits: list[tuple[str, int, object]]) -> None:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    path = bank / FILE
    data = yaml.load(path.read_text())
    for field, step, value in edits:
        target = data["steps"][step]
        if field == "owner":
            data["owner"] = value
        elif field == "title":
            target["title"]["fi"] = value
        elif field in ("emotion", "channels"):
            target[field] = value
        else:
            target.setdefault(field, []).append(value)
    with path.open("w") as handle:
        yaml.dump(data, handle)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edit, min_size=1, max_size=5))
def test_workbook_edits_equal_yaml_edits(edits: list[tuple[str, int, object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        by_sheet, by_yaml = base / "sheet", base / "yaml"
        shutil.copytree(EXAMPLE, by_sheet)
        shutil.copytree(EXAMPLE, by_yaml)
        in_workbook(by_sheet, edits, base)
        in_yaml(by_yaml, edits)
        loaded = [load_bank(root, cache=False) for root in (by_sheet, by_yaml)]
        assert [item.findings for item in loaded] == [[], []]
        sheet, yaml = (item.bank.get(Journey, JOURNEY) for item in loaded)
        assert sheet is not None and yaml is not None
        assert sheet.model_dump() == yaml.model_dump()
