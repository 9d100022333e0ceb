"""Delivery items: where the work on an opportunity is tracked, carried to a tracker import."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from journeyops_cli.pipeline import load_bank
from journeyops_cli.score import Request, rank
from journeyops_cli.score.output import render_csv, render_json


def test_csv_and_json_carry_the_delivery_items(levels_bank: Path) -> None:
    save = levels_bank / "opportunities" / "save.yaml"
    text = save.read_text()
    save.write_text(text.replace(
        "insights: [timeout]\n",
        "insights: [timeout]\nowner: Product owner\nteam: core\nidea: Save every field as it is filled in\n"
        "delivery:\n  - key: HEL-1\n    url: https://jira.example.org/browse/HEL-1\n  - key: PORTFOLIO-7\n",
    ))
    ranking = rank(load_bank(levels_bank, cache=False).bank, Request())
    row = next(csv.DictReader(io.StringIO(render_csv(ranking), newline="")))
    assert {k: row[k] for k in ("id", "problem", "idea", "owner", "team", "delivery_keys", "delivery_urls")} == {
        "id": "autosave", "problem": "Answers are lost", "idea": "Save every field as it is filled in",
        "owner": "Product owner", "team": "core", "delivery_keys": "HEL-1 PORTFOLIO-7",
        "delivery_urls": "https://jira.example.org/browse/HEL-1",
    }
    first = json.loads(render_json(ranking))["opportunities"][0]
    assert first["delivery"] == [{"key": "HEL-1", "url": "https://jira.example.org/browse/HEL-1"},
                                 {"key": "PORTFOLIO-7"}]
