"""The command through a real subprocess: formats, determinism, explain, errors."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest
from tests.score.conftest import BANK, run


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    formats = ("table", "csv", "json", "md")
    return {fmt: run("prioritise", "--bank", str(BANK), "--format", fmt).stdout for fmt in formats}


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "md"])
def test_same_bank_same_bytes(outputs: dict[str, bytes], fmt: str) -> None:
    again = run("prioritise", "--bank", str(BANK), "--format", fmt)
    assert again.returncode == 0
    assert again.stdout == outputs[fmt]
    assert outputs[fmt]


def test_csv_imports(outputs: dict[str, bytes]) -> None:
    raw = outputs["csv"]
    assert raw.startswith(b"rank,id,title,score,driver,journeys,status,model,"
                          b"problem,idea,owner,team,delivery_keys,delivery_urls\r\n")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert [r["id"] for r in rows] == ["better-search", "form-autosave", "chatbot", "faq-page"]
    assert rows[0] == {
        "rank": "1", "id": "better-search", "title": "Parempi haku", "score": "62.21", "driver": "pain",
        "journeys": "move-home", "status": "planned", "model": "journey",
        "problem": "People give up searching.", "idea": "", "owner": "", "team": "",
        "delivery_keys": "", "delivery_urls": "",
    }
    assert rows[1]["journeys"] == "move-home rental-application"
    assert rows[3]["title"] == "FAQ page, with | pipes"
    assert b'"FAQ page, with | pipes"' in raw  # RFC 4180 quoting of a comma


def test_json_has_stable_keys_and_factors(outputs: dict[str, bytes]) -> None:
    data = json.loads(outputs["json"])
    assert list(data) == ["model", "formula", "reference_date", "reference_date_source", "opportunities"]
    first = data["opportunities"][0]
    assert list(first) == ["rank", "id", "title", "score", "driver", "journeys", "status", "owner", "team",
                           "delivery", "evidence_count", "factors", "missing"]
    assert [f["name"] for f in first["factors"]] == ["pain", "evidence", "sources", "metric_gap", "level",
                                                     "volume", "estimates"]
    assert list(first["factors"][0]) == ["name", "raw", "normalised", "weight", "contribution", "detail",
                                         "missing", "default_used", "evidence"]
    for item in data["opportunities"]:
        assert math.fsum(f["contribution"] for f in item["factors"]) == item["score"]


def test_md_is_a_table(outputs: dict[str, bytes]) -> None:
    lines = outputs["md"].decode("utf-8").splitlines()
    assert lines[0] == "| Rank | ID | Title | Score | Driver | Journeys | Status |"
    assert lines[1] == "| ---: | --- | --- | ---: | --- | --- | --- |"
    table = lines[: lines.index("")]
    assert len(table) == 6
    for line in table:
        # every row has 7 cells: 8 unescaped pipes
        assert line.replace("\\|", "").count("|") == 8
    assert lines[2] == "| 1 | `better-search` | Parempi haku | 62.21 | pain | move-home | planned |"
    assert lines[5] == "| 4 | `faq-page` | FAQ page, with \\| pipes | 8.61 | volume | - | proposed |"
    assert lines[-1] == (
        "Ranked by the `journey` model (score = 100 × Σ (weight_f ÷ Σ weights) × normalised_f); "
        "reference date 2025-01-01."
    )


def test_table_and_warnings(outputs: dict[str, bytes]) -> None:
    result = run("prioritise", "--bank", str(BANK))
    text = result.stdout.decode("utf-8")
    assert "│    1 │ better-search │ Parempi haku " in text
    assert text.splitlines()[-1] == (
        "score = 100 × Σ (weight_f ÷ Σ weights) × normalised_f; reference date 2025-01-01 (latest date in the bank)"
    )
    warnings = result.stderr.decode("utf-8").splitlines()
    assert len(warnings) == 4  # once per opportunity with missing inputs
    assert warnings[1] == (
        "journeyops: warning: form-autosave: missing inputs, defaults used: pain: no "
        "emotion is recorded for move-home#sign "
        "(used 0); volume: no volume metric at the linked steps (used 0.5); estimates: confidence not estimated "
        "(used 0.5); estimates: effort not estimated (used 3)"
    )


def test_explain_text() -> None:
    result = run("prioritise", "--bank", str(BANK), "--explain", "form-autosave")
    assert result.returncode == 0
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines[0] == "form-autosave: Lomake tallentuu"
    assert lines[2] == "score 40.05 (rank 2; status proposed; reference date 2025-01-01, latest date in the bank)"
    assert (
        "metric_gap             0.25      0.250    0.15         3.75  "
        "the latest value of completion is 60, target 80 (higher is better)"
    ) in lines
    assert "                  evidence: form-feedback" in lines
    assert "sum of contributions: 17.71 + 3.98 + 0.00 + 3.75 + 6.00 + 5.00 + 3.61 = 40.05" in lines
    assert "  - estimates: effort not estimated (used 3)" in lines
    assert len(result.stderr.decode("utf-8").splitlines()) == 1  # only this opportunity warns


def test_explain_json_of_a_filtered_out_opportunity() -> None:
    result = run("prioritise", "--bank", str(BANK), "--explain", "old-search-fix", "--format", "json", "-m", "rice")
    data = json.loads(result.stdout)
    assert (data["rank"], data["score"], data["model"]) == (0, 15000.0, "rice")
    assert [f["contribution"] for f in data["factors"]] == [None] * 4


def test_help_documents_the_formula() -> None:
    text = run("prioritise", "--help").stdout.decode("utf-8")
    assert "score = 100 × Σ (w_f ÷ Σ w) × n_f" in text
    assert "evidence    1 − 2^−S, S = Σ severity × confidence × 0.5^(age days ÷ half-life)" in text


def _config(bank: Path, scoring: str) -> None:
    (bank / "journeyops.yaml").write_text(f"name: x\nlanguages: [fi, en]\nscoring:\n{scoring}", encoding="utf-8")


@pytest.mark.parametrize(
    ("scoring", "expected"),
    [
        ("  model: jorney\n",
         "journeyops.yaml:4:10: JO030 [error] 'jorney' is not allowed for 'model'; use one of: journey, rice, ice, "
         "wsjf, weighted\n    hint: did you mean 'journey'?\n"),
        ("  weights: {pain: -1}\n",
         "journeyops.yaml:4:19: JO030 [error] 'pain': weight -1.0 is negative\n"
         "    hint: weights are relative and at least 0; use 0 to leave a factor out\n"),
        ("  weights: {pian: 1}\n",
         "journeyops.yaml:4:19: JO030 [error] 'pian': not a factor of the journey model\n"
         "    hint: did you mean 'pain'? its factors are: pain, evidence, sources, metric_gap, level, volume, "
         "estimates\n"),
        ("  weighted: {impakt: 1}\n",
         "journeyops.yaml:4:22: JO030 [error] 'impakt': not a factor the weighted model can use\n"
         "    hint: did you mean 'impact'? it can use: pain, evidence, sources, metric_gap, level, volume, "
         "estimates, reach, impact, confidence, effort, ease, business_value, time_criticality, risk_reduction, "
         "job_size\n"),
        ("  model: weighted\n",
         "journeyops.yaml:4:3: JO030 [error] 'scoring': the weighted model needs factors\n"
         "    hint: add `weighted: {pain: 2, evidence: 1, impact: 1}` under `scoring:`\n"),
    ],
)
def test_bad_config_is_exit_2(bank_copy: Path, scoring: str, expected: str) -> None:
    _config(bank_copy, scoring)
    result = run("prioritise", "--bank", str(bank_copy))
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode("utf-8") == expected + "journeyops: error: journeyops.yaml has errors\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--model", "foo"],
         "journeyops: error: unknown model 'foo'\n    hint: models: journey, rice, ice, wsjf, weighted\n"),
        (["--status", "open"],
         "journeyops: error: unknown status 'open'\n"
         "    hint: statuses: idea, proposed, planned, in-progress, done, rejected\n"),
        (["--theme", "housng"],
         "journeyops: error: no theme 'housng' in the bank\n    hint: did you mean 'housing'?\n"),
        (["--explain", "chatbott"],
         "journeyops: error: no opportunity 'chatbott' in the bank\n    hint: did you mean 'chatbot'?\n"),
        (["--format", "xml"], "journeyops: error: --format xml: use one of table, csv, json, md\n"),
    ],
)
def test_bad_arguments_are_exit_2(args: list[str], expected: str) -> None:
    result = run("prioritise", "--bank", str(BANK), *args)
    assert (result.returncode, result.stderr.decode("utf-8")) == (2, expected)


def test_weighted_model_without_factors_from_the_command_line(bank_copy: Path) -> None:
    _config(bank_copy, "  model: journey\n")
    result = run("prioritise", "--bank", str(bank_copy), "--model", "weighted")
    assert result.returncode == 2
    assert result.stderr.decode("utf-8") == (
        "journeyops: error: the weighted model needs factors, and journeyops.yaml gives none\n"
        "    hint: add `weighted: {pain: 2, evidence: 1, impact: 1}` under `scoring:`\n"
    )


def test_load_errors_still_rank_what_loaded(bank_copy: Path) -> None:
    (bank_copy / "opportunities" / "broken.yaml").write_text("kind: Opportunity\nid: Broken Id\n", encoding="utf-8")
    result = run("prioritise", "--bank", str(bank_copy), "--format", "csv")
    assert result.returncode == 0
    assert len(result.stdout.decode("utf-8").splitlines()) == 5
    assert result.stderr.decode("utf-8").splitlines()[0] == (
        "journeyops: warning: 3 load errors in 1 file; records that did not load are not ranked "
        "(run `journeyops validate` for details)"
    )


def test_nothing_loaded_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "journeyops.yaml").write_text("name: x\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("kind: Opportunity\nid: [\n", encoding="utf-8")
    result = run("prioritise", "--bank", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.decode("utf-8").endswith(
        "journeyops: error: nothing could be loaded: 1 load error; run `journeyops validate` for details\n"
    )
