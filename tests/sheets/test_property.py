"""Property: random edits made in a workbook and imported give the same bank as the same
edits made in the YAML (with ruamel.yaml's round trip, independent of our edit path)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from functools import cache
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.sheets.helpers import EXAMPLE, cli

from journeyops_cli.models import Journey, Metric
from journeyops_cli.pipeline import load_bank
from journeyops_cli.sheets.layout import CHOICES, DETAIL_ROWS, FIRST_STEP_COLUMN, LANE_ROWS
from journeyops_cli.slug import slugify

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


METRIC = "daycare-decision-time"
# New observations: (days after 2027-01-01, value, typed as Finnish text with a decimal comma).
observation = st.tuples(
    st.integers(0, 400), st.one_of(st.integers(0, 500), st.integers(0, 5000).map(lambda n: n / 10)), st.booleans()
)
observations = st.lists(observation, max_size=3, unique_by=lambda o: o[0])


def when(days: int) -> dt.date:
    return dt.date(2027, 1, 1) + dt.timedelta(days=days)


def in_workbook(bank: Path, edits: list[tuple[str, int, object]], folder: Path,
                added: list[tuple[int, float, bool]]) -> None:
    book = folder / "book.xlsx"
    book.write_bytes(exported())
    wb = openpyxl.load_workbook(book)
    for days, value, as_text in added:
        typed = f"{value:g}".replace(".", ",") if as_text else value
        wb["metrics"].append([METRIC, None, None, None, None, when(days).strftime("%d.%m.%Y"), typed, None])
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


def in_yaml(bank: Path, edits: list[tuple[str, int, object]], added: list[tuple[int, float, bool]]) -> None:
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    yaml = YAML(typ="rt")
    metric = bank / "metrics" / f"{METRIC}.yaml"
    data = yaml.load(metric.read_text())
    for days, value, _ in added:
        data["observations"].append({"date": when(days), "value": value})
    with metric.open("w") as handle:
        yaml.dump(data, handle)
    path = bank / FILE
    data = yaml.load(path.read_text())
    for field, step, value in edits:
        target = data["steps"][step]
        if isinstance(value, str):
            # ruamel writes `:0` plain inside a flow mapping (`{fi: :0}`), which no YAML reader
            # reads: the reference side quotes its texts (their meaning is what is compared)
            value = DoubleQuotedScalarString(value)
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
@given(st.lists(edit, min_size=1, max_size=5), observations)
def test_workbook_edits_equal_yaml_edits(edits: list[tuple[str, int, object]],
                                         added: list[tuple[int, float, bool]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        by_sheet, by_yaml = base / "sheet", base / "yaml"
        shutil.copytree(EXAMPLE, by_sheet)
        shutil.copytree(EXAMPLE, by_yaml)
        in_workbook(by_sheet, edits, base, added)
        in_yaml(by_yaml, edits, added)
        loaded = [load_bank(root, cache=False) for root in (by_sheet, by_yaml)]
        assert [item.findings for item in loaded] == [[], []]
        sheet, yaml = (item.bank.get(Journey, JOURNEY) for item in loaded)
        assert sheet is not None and yaml is not None
        assert sheet.model_dump() == yaml.model_dump()
        measured = [item.bank.get(Metric, METRIC) for item in loaded]
        assert measured[0] is not None and measured[1] is not None
        assert measured[0].model_dump() == measured[1].model_dump()


PARENT_STEPS = ("find-options", "apply", "wait-for-decision", "accept-place", "start-daycare", "pay-fees")
titled = text.filter(lambda t: "," not in t and slugify(t) != "")  # `new --steps` splits at commas
new_step = st.fixed_dictionaries({
    "title": titled,
    "phase": st.sampled_from(PARENT_STEPS),
    "emotion": st.one_of(st.none(), st.integers(-2, 2)),
    "pain_points": st.lists(text, max_size=2),
    "channels": st.lists(st.sampled_from(CHOICES["channel"]), max_size=2, unique=True),
})


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(titled, st.lists(new_step, min_size=1, max_size=3))
def test_a_new_journey_in_the_blank_sheet_equals_new_journey_and_the_same_lanes_in_yaml(
    title: str, steps: list[dict[str, object]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        by_sheet, by_cli = base / "sheet", base / "cli"
        shutil.copytree(EXAMPLE, by_sheet)
        shutil.copytree(EXAMPLE, by_cli)
        book = base / "book.xlsx"
        book.write_bytes(exported())
        wb = openpyxl.load_workbook(book)
        ws = wb["Uusi polku"]
        ws["C1"], ws["D1"] = "uusi-polku", title
        ws.cell(DETAIL_ROWS["level"], 3).value = "detailed"
        ws.cell(DETAIL_ROWS["parent"], 3).value = "daycare-journey"
        for column, step in enumerate(steps, start=FIRST_STEP_COLUMN):
            for key in ("title", "phase", "emotion"):
                ws.cell(LANE_ROWS[key], column).value = step[key]  # type: ignore[assignment]
            ws.cell(LANE_ROWS["pain_points"], column).value = "\n".join(step["pain_points"]) or None  # type: ignore[arg-type]
            ws.cell(LANE_ROWS["channels"], column).value = ", ".join(step["channels"]) or None  # type: ignore[arg-type]
        wb.save(book)
        code, _, stderr = cli("import", str(book), "--bank", str(by_sheet))
        assert code == 0, stderr

        code, _, stderr = cli(
            "new", "journey", "--id", "uusi-polku", "--title", title, "--level", "detailed",
            "--parent", "daycare-journey", "--steps", ",".join(str(s["title"]) for s in steps),
            "--step-parents", ",".join(str(s["phase"]) for s in steps), "--no-input", "--bank", str(by_cli),
        )
        assert code == 0, stderr
        from ruamel.yaml import YAML

        yaml = YAML(typ="rt")
        path = by_cli / "journeys" / "detailed" / "uusi-polku.yaml"
        data = yaml.load(path.read_text())
        for target, step in zip(data["steps"], steps, strict=True):
            for key in ("emotion", "pain_points", "channels"):
                if step[key] not in (None, []):
                    target[key] = step[key]
        with path.open("w") as handle:
            yaml.dump(data, handle)

        loaded = [load_bank(root, cache=False) for root in (by_sheet, by_cli)]
        assert [item.findings for item in loaded] == [[], []]
        sheet, made = (item.bank.get(Journey, "uusi-polku") for item in loaded)
        assert sheet is not None and made is not None
        assert sheet.model_dump(exclude={"source_path"}) == made.model_dump(exclude={"source_path"})
