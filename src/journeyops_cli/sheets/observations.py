"""Metric observations from a table (metric, date, value, note): a CSV or XLSX file, or the
result of an analyst's SQL over Parquet or CSV exports run with DuckDB."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.edit import EditError
from journeyops_cli.edit.changeset import Changeset
from journeyops_cli.edit.fields import Edit
from journeyops_cli.models import Metric
from journeyops_cli.sheets.plan import observation_edits
from journeyops_cli.sheets.rows import Rows, cells
from journeyops_cli.sheets.values import parse_date, parse_number
from journeyops_cli.slug import slugify

COLUMNS = ("metric", "date", "value", "note")


def query_rows(sql: str, files: list[Path]) -> Rows:
    """Run `sql` with DuckDB; each file is a view named after its stem (`events.parquet` ->
    `events`). The result must have the columns metric, date, value (and may have note)."""
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        for path in files:
            reader = "read_parquet" if path.suffix.lower() == ".parquet" else "read_csv_auto"
            name = slugify(path.stem).replace("-", "_") or "data"
            literal = "'" + str(path).replace("'", "''") + "'"
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM {reader}({literal})")
        result = con.execute(sql)
        header = [d[0] for d in result.description or []]
        rows = [list(r) for r in result.fetchall()]
    except duckdb.Error as error:
        raise EditError(f"--query: {str(error).splitlines()[0]}") from None
    finally:
        con.close()
    return Rows("--query", header, rows)


def plan_observations(bank: Bank, rows: Rows, update: bool) -> tuple[Changeset, list[str]]:
    problems: list[str] = []
    missing = [c for c in COLUMNS[:3] if c not in rows.header]
    if missing:
        return Changeset(bank.root, bank.config.limits), [
            f"{rows.where(-1, 0)}: no column '{missing[0]}'; the columns must be {', '.join(COLUMNS)} (note optional)"
        ]
    at = {name: rows.header.index(name) for name in COLUMNS if name in rows.header}
    wanted: dict[tuple[str, dt.date], tuple[float, str | None]] = {}
    for index, row in cells(rows):
        def cell(name: str, row: list[Any] = row) -> Any:
            column = at.get(name)
            return row[column] if column is not None and column < len(row) else None

        metric_id = str(cell("metric") or "").strip()
        if bank.get(Metric, metric_id) is None:
            problems.append(f"{rows.where(index, at['metric'])}: no metric '{metric_id}' in the bank")
            continue
        date, why = parse_date(cell("date"))
        value, why_value = parse_number(cell("value"))
        why = why or why_value
        if date is None or value is None:
            problems.append(f"{rows.where(index)}: {why}")
            continue
        note = cell("note")
        wanted[(metric_id, date)] = (value, str(note) if note not in (None, "") else None)
    changes = Changeset(bank.root, bank.config.limits)
    by_metric: dict[str, list[Edit]] = {}
    for (metric_id, date), (value, note) in sorted(wanted.items()):
        metric = bank.get(Metric, metric_id)
        assert metric is not None
        try:
            by_metric.setdefault(metric_id, []).extend(observation_edits(metric, date, value, note, update))
        except EditError as error:
            problems.append(error.message)
    for metric_id, edits in by_metric.items():
        metric = bank.get(Metric, metric_id)
        assert metric is not None
        try:
            changes.edit(metric, edits, f"metric '{metric_id}': {len(edits)} observation(s)")
        except EditError as error:
            problems.append(error.message)
    return changes, problems
