"""Compare a read workbook with the bank and plan the edits: changed cells change the
records they came from (by id), new rows become new insights and observations. Cells equal
to what `export` would write change nothing, so re-importing an export changes no file.

Every problem is collected as `FILE:SHEET!C7: message`; the import is refused (nothing
written) when there is any.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.edit import EditError
from journeyops_cli.edit.changeset import Changeset
from journeyops_cli.edit.fields import AppendItem, Edit, RemoveItem, SetValue, list_edits, record_yaml
from journeyops_cli.models import Insight, Journey, Metric, Opportunity
from journeyops_cli.models.base import Record
from journeyops_cli.models.metric import ONE_VALUE_A_DATE, seen_before
from journeyops_cli.sheets.layout import (
    BACKLOG,
    CHOICES,
    DETAILS,
    FIRST_STEP_COLUMN,
    ID_CELL,
    INSIGHTS,
    JOURNEY_MARK,
    LANES,
    METRICS,
    OWN_LANE,
    TABLES,
    TITLE_CELL,
    own_lane_key,
)
from journeyops_cli.sheets.read import Book, Sheet
from journeyops_cli.sheets.tables import Texts
from journeyops_cli.sheets.values import lines, parse_date, parse_number
from journeyops_cli.slug import is_slug, slugify
from journeyops_cli.suggest import did_you_mean

# Two numbers a cell cannot tell apart: a spreadsheet keeps 15 significant digits.
SAME_IN_A_CELL = 1e-14


@dataclass(slots=True)
class Plan:
    changes: Changeset
    problems: list[str] = field(default_factory=list)


class _Planner:
    def __init__(self, bank: Bank, book: Book, language: str) -> None:
        self.bank = bank
        self.book = book
        self.language = language
        self.texts = Texts(bank, language)
        self.plan = Plan(Changeset(bank.root, bank.config.limits))
        self.new_journeys: dict[str, str] = {}  # id -> the sheet that makes it

    def problem(self, sheet: str, row: int, column: int, message: str) -> None:
        self.plan.problems.append(f"{self.book.where(sheet, row, column)}: {message}")

    def edit(self, record: Record, edits: list[Edit], what: str, sheet: str, row: int, column: int) -> None:
        try:
            self.plan.changes.edit(record, edits, what)
        except EditError as error:
            self.problem(sheet, row, column, error.message)

    # -- text in the workbook's language -------------------------------------------
    def text_edit(self, path: tuple[Any, ...], current: Any, cell: Any) -> Edit | None:
        new = "" if cell is None else str(cell)
        if new == self.texts.one(current):
            return None
        if isinstance(current, dict):
            return SetValue((*path, self.language), new)
        return SetValue(path, new if new else None)

    def texts_edits(self, path: tuple[Any, ...], current: list[Any], cell: Any) -> list[Edit]:
        new = lines("" if cell is None else str(cell))
        old = [self.texts.one(item) for item in current]
        if new == old:
            return []
        removed = _removed(old, new)
        if removed is not None:
            return [RemoveItem(path, i) for i in reversed(removed)]
        edits: list[Edit] = []
        for i, (before, after) in enumerate(zip(old, new, strict=False)):
            if before != after:
                item = current[i]
                edits.append(SetValue((*path, i, self.language) if isinstance(item, dict) else (*path, i), after))
        edits += [AppendItem(path, text) for text in new[len(old):]]
        edits += [RemoveItem(path, i) for i in reversed(range(len(new), len(old)))]
        return edits

    # -- journey sheets ------------------------------------------------------------
    def journey_sheet(self, sheet: Sheet) -> None:
        rows = {str(sheet.get(r, 1)): r for r in range(1, sheet.rows + 1) if sheet.get(r, 1) is not None}
        missing = [lane.key for lane in LANES if lane.key not in rows]
        if missing:
            self.problem(sheet.name, 1, 1, f"the rows {', '.join(missing)} are missing (column A names each row)")
            return
        own = self.own_rows(sheet, rows)
        if own is None:
            return
        journey_id = sheet.get(*ID_CELL)
        journey = self.bank.get(Journey, str(journey_id)) if journey_id is not None else None
        if journey is None:
            self.new_journey(sheet, rows, journey_id)
            return
        steps = {step.id: (i, step) for i, step in enumerate(journey.steps)}
        edits: list[Edit] = []
        title = self.text_edit(("title",), journey.title, sheet.get(*TITLE_CELL))
        edits += [title] if title else []
        edits += self.detail_edits(sheet, rows, journey)
        new_steps: list[tuple[int, int]] = []  # (column, index of the next existing step)
        for column in range(FIRST_STEP_COLUMN, sheet.columns + 1):
            step_id = sheet.get(rows["step"], column)
            if step_id is None:
                # A new column whose title makes the id of a step the journey has is that
                # step (so importing the same workbook twice adds it once).
                step_id = slugify(str(sheet.get(rows["title"], column) or "")) or None
                step_id = step_id if step_id in steps else None
            if step_id is None:
                if _filled(sheet, rows, column):
                    new_steps.append((column, len(journey.steps)))
                continue
            if str(step_id) not in steps:
                self.problem(sheet.name, rows["step"], column, f"no step '{step_id}' in journey '{journey.id}' "
                                                               "(leave the id empty for a new step)")
                continue
            index, step = steps[str(step_id)]
            new_steps = [(c, min(i, index)) for c, i in new_steps]
            for lane in LANES:
                if lane.editable:
                    edits += self.lane(sheet, rows[lane.key], column, index, step, lane.key, lane.kind)
            values = journey.lanes_of(index)
            for lane_id, row in own:
                edits += self.own_lane(sheet, row, column, ("steps", index, lane_id), lane_id, values.get(lane_id))
        taken = set(steps)
        parent = self.bank.parent(journey)
        for inserted, (column, before) in enumerate(new_steps):
            value = self.new_step(sheet, rows, column, parent, taken)
            if value is not None:
                edits.append(AppendItem(("steps",), value, before + inserted))
        self.edit(journey, edits, f"journey '{journey.id}': {len(edits)} change(s)", sheet.name, *ID_CELL)

    # -- the bank's own lanes ------------------------------------------------------
    def own_rows(self, sheet: Sheet, rows: dict[str, int]) -> list[tuple[str, int]] | None:
        """(lane id, row) of the rows of the bank's own lanes in the sheet; None after
        reporting a row of a lane the bank does not declare."""
        declared = self.bank.config.lanes
        own = []
        for key, row in rows.items():
            if not key.startswith(OWN_LANE):
                continue
            lane_id = key[len(OWN_LANE):]
            if lane_id not in declared:
                known = ", ".join(own_lane_key(name) for name in declared) or "none"
                self.problem(sheet.name, row, 1, f"no lane '{lane_id}' in journeyops.yaml `lanes:` "
                                                 f"(the bank's own lanes: {known}); remove the row or declare the lane")
                return None
            own.append((lane_id, row))
        return own

    def own_lane(self, sheet: Sheet, row: int, column: int, path: tuple[Any, ...], lane_id: str,
                 current: Any) -> list[Edit]:
        """The edits that make a step's value of the bank's own lane `lane_id` the cell's."""
        lane = self.bank.config.lanes[lane_id]
        cell = sheet.get(row, column)
        if lane.type == "text":
            found = self.text_edit(path, current, cell)
            return [found] if found else []
        if lane.type == "list":
            return self.texts_edits(path, current or [], cell)
        value = self.own_value(sheet, row, column, lane_id, cell)
        if value is False or value == current or (value is None and current is None):
            return []
        if lane.type == "number" and value is not None and current is not None \
                and math.isclose(value, current, rel_tol=SAME_IN_A_CELL):
            return []  # a spreadsheet keeps 15 significant digits: 30 digits come back rounded
        return [SetValue(path, value)]

    def own_value(self, sheet: Sheet, row: int, column: int, lane_id: str, cell: Any) -> Any:
        """A number or choice lane's value of a cell (None when empty); False after
        reporting one that does not fit the lane. A text or list lane's as `new_step`
        writes it."""
        lane = self.bank.config.lanes[lane_id]
        if cell is None or str(cell).strip() == "":
            return None
        if lane.type == "number":
            number, why = parse_number(cell)
            if number is None:
                self.problem(sheet.name, row, column, why or f"'{cell}' is not a number")
                return False
            return int(number) if number.is_integer() else number
        if lane.type == "choice":
            value = str(cell).strip()
            if value not in lane.choices:
                self.problem(sheet.name, row, column, f"'{value}' is not a choice of the lane '{lane_id}'; "
                                                      f"use {', '.join(lane.choices)}")
                return False
            return value
        if lane.type == "list":
            return lines(str(cell)) or None
        return str(cell)

    def detail_edits(self, sheet: Sheet, rows: dict[str, int], journey: Journey) -> list[Edit]:
        """Changed journey details (level, theme, ...); rows an older export lacks are skipped.
        An empty cell where the journey has what an empty cell gives a new journey (the
        default status, the parent's theme) is no change."""
        parent = self.bank.parent(journey)
        empty = {detail.key: detail.default for detail in DETAILS} | {"theme": parent.theme if parent else None}
        edits: list[Edit] = []
        for detail in DETAILS:
            row = rows.get(detail.key)
            if row is None:
                continue
            cell = sheet.get(row, FIRST_STEP_COLUMN)
            new = "" if cell is None else str(cell).strip()
            current = getattr(journey, detail.key) or ""
            if new == current or (not new and current == empty.get(detail.key)):
                continue
            if not new:
                self.problem(sheet.name, row, FIRST_STEP_COLUMN, f"an empty cell does not remove the {detail.key} "
                             f"'{current}'; remove it in {journey.source_path}")
            elif detail.choice is None or self.choice(sheet, row, FIRST_STEP_COLUMN, detail.choice, new):
                edits.append(SetValue((detail.key,), new))
        return edits

    def new_journey(self, sheet: Sheet, rows: dict[str, int], journey_id: Any) -> None:
        """A journey sheet whose id the bank lacks: a new journey, made by the code of
        `journeyops new journey` (scaffold.new.build) with the steps and lanes of the
        sheet. Every problem is reported at its cell; nothing is made when there is one."""
        from journeyops_cli.scaffold.new import PARENT_LEVEL, FieldError, NewRecord, build, missing

        title = str(sheet.get(*TITLE_CELL) or "").strip()
        if journey_id is None:
            if any(column >= FIRST_STEP_COLUMN for _, column in sheet.cells):
                example = f" (e.g. '{slugify(title)}')" if slugify(title) else ""
                self.problem(sheet.name, *ID_CELL, f"a new journey needs an id in C1{example}; a-z, 0-9 and -")
            return  # the blank sheet, not filled in
        record_id = str(journey_id).strip()
        if not is_slug(record_id):
            self.problem(sheet.name, *ID_CELL, f"'{record_id}' cannot be an id; use a-z, 0-9 and -")
            return
        if record_id in self.new_journeys:
            self.problem(sheet.name, *ID_CELL, f"journey '{record_id}' is made by the sheet "
                                               f"'{self.new_journeys[record_id]}' already")
            return
        absent = [detail.key for detail in DETAILS if detail.key not in rows and not detail.optional]
        if absent:
            self.problem(sheet.name, 1, 1, f"the rows {', '.join(absent)} are missing (column A names each row)")
            return
        before = len(self.plan.problems)
        details = [detail for detail in DETAILS if detail.key in rows]
        cells = {detail.key: (rows[detail.key], FIRST_STEP_COLUMN) for detail in details}
        cells |= {"id": ID_CELL, "title": TITLE_CELL, "steps": (rows["title"], FIRST_STEP_COLUMN),
                  "step_parents": (rows["phase"], FIRST_STEP_COLUMN)}
        values: dict[str, Any] = {"id": record_id, "title": title}
        for detail in details:
            cell = sheet.get(*cells[detail.key])
            if cell is not None and str(cell).strip() != detail.default:  # a copied sheet's default says nothing
                value = str(cell).strip()
                if detail.choice is None or self.choice(sheet, *cells[detail.key], detail.choice, value):
                    values[detail.key] = value
        parent = self.bank.get(Journey, values.get("parent") or "")
        steps: list[dict[str, Any]] = []
        taken: set[str] = set()
        for column in range(FIRST_STEP_COLUMN, sheet.columns + 1):
            if not _filled(sheet, rows, column):
                continue
            given = sheet.get(rows["step"], column)
            step = self.new_step(sheet, rows, column, parent, taken, None if given is None else str(given))
            if step is None:
                continue
            if parent is not None and step["parent_step"] is None:
                self.problem(sheet.name, rows["phase"], column, f"name the step of the parent journey "
                                                                f"'{parent.id}' this step belongs to (its title or id)")
            steps.append(step)
        record = NewRecord("journey", {**values, "steps": [step["title"] for step in steps],
                                       "step_parents": [step["parent_step"] for step in steps if step["parent_step"]],
                                       "step_details": steps})
        level = values.get("level")
        wanted = {
            "--title": "a new journey needs a title",
            "--level": "a new journey needs a level: top, mid or detailed",
            "--parent": f"a {level} journey needs a parent: the id of a {PARENT_LEVEL.get(level or '')} journey",
            "--theme": f"a {level} journey needs a theme"
                       + (f" (its parent '{parent.id}' has none to inherit)" if parent is not None else ""),
            "--steps": "a new journey needs at least one step: give its title in this row",
        }
        for option in missing(record, self.bank):
            if option in wanted and sheet.get(*cells[option[2:]]) is None:  # not a wrong value
                self.problem(sheet.name, *cells[option[2:]], wanted[option])
        if len(self.plan.problems) > before:
            return
        try:
            planned = build(record, self.bank)
        except FieldError as error:
            made = self.new_journeys.get(values.get("parent") or "") if error.field == "parent" else None
            hint = f" (the sheet '{made}' makes it: import once, then again for this journey)" if made else ""
            self.problem(sheet.name, *cells.get(error.field, ID_CELL), error.message + hint)
            return
        except EditError as error:
            self.problem(sheet.name, *ID_CELL, error.message)
            return
        self.new_journeys[record_id] = sheet.name
        self.plan.changes.add(planned.path, [planned.content.decode("utf-8")], f"new journey '{record_id}'")

    def new_step(self, sheet: Sheet, rows: dict[str, int], column: int, parent: Journey | None,
                 taken: set[str], given: str | None = None) -> dict[str, Any] | None:
        """A new step from a column: its id `given` (a new journey's sheet) or made from its
        title, its parent step named in the phase row (by id or title) of `parent`."""
        def cell(key: str) -> Any:
            return sheet.get(rows[key], column)

        title = str(cell("title") or "").strip()
        base = slugify(title)
        if not base:
            self.problem(sheet.name, rows["title"], column, "a new step needs a title")
            return None
        if given is not None:
            if not is_slug(given) or given in taken:
                why = "is taken by another step" if given in taken else "cannot be an id; use a-z, 0-9 and -"
                self.problem(sheet.name, rows["step"], column, f"'{given}' {why}")
                return None
            step_id = given
        else:
            step_id, n = base, 2
            while step_id in taken:
                step_id, n = f"{base}-{n}", n + 1
        taken.add(step_id)
        parent_step = None
        phase = str(cell("phase") or "").strip()
        if phase and parent is not None:
            found = [item.id for item in parent.steps if phase in (item.id, self.texts.one(item.title))]
            if not found:
                names = [name for item in parent.steps for name in (item.id, self.texts.one(item.title))]
                hint = did_you_mean(phase, names)
                self.problem(sheet.name, rows["phase"], column, f"no step '{phase}' in the parent journey "
                                                                f"'{parent.id}'" + (f"; {hint}" if hint else ""))
                return None
            parent_step = found[0]
        emotion = self.emotion(sheet, rows["emotion"], column, cell("emotion"))
        channels = self.channels(sheet, rows["channels"], column, cell("channels"))
        own = {
            key[len(OWN_LANE):]: self.own_value(sheet, row, column, key[len(OWN_LANE):], sheet.get(row, column))
            for key, row in rows.items() if key.startswith(OWN_LANE)
        }
        if channels is None or emotion is False or False in own.values():
            return None
        return {
            "id": step_id,
            "title": title,
            "description": str(cell("description") or "") or None,
            "parent_step": parent_step,
            "cx_goals": lines(str(cell("cx_goals") or "")),
            "channels": channels,
            "touchpoints": lines(str(cell("touchpoints") or "")),
            "customer_actions": lines(str(cell("customer_actions") or "")),
            "emotion": emotion,
            "pain_points": lines(str(cell("pain_points") or "")),
            **{lane_id: value for lane_id, value in own.items() if value is not None},
        }

    def lane(self, sheet: Sheet, row: int, column: int, index: int, step: Any, key: str, kind: str) -> list[Edit]:
        cell = sheet.get(row, column)
        path = ("steps", index, key)
        if kind == "text":
            found = self.text_edit(path, getattr(step, key), cell)
            return [found] if found else []
        if kind == "texts":
            return self.texts_edits(path, getattr(step, key), cell)
        if kind == "channels":
            new = self.channels(sheet, row, column, cell)
            return [] if new is None else list_edits(path, list(step.channels), new)
        value = self.emotion(sheet, row, column, cell)
        if value is False or value == step.emotion:
            return []
        return [SetValue(path, value)]

    def channels(self, sheet: Sheet, row: int, column: int, cell: Any) -> list[str] | None:
        """Channel codes separated by commas (or lines); None after reporting an unknown one."""
        new = [c.strip() for c in str(cell or "").replace("\n", ",").split(",") if c.strip()]
        wrong = [c for c in new if c not in CHOICES["channel"]]
        if wrong:
            self.problem(sheet.name, row, column, f"unknown channel '{wrong[0]}'; use {', '.join(CHOICES['channel'])}")
            return None
        return new

    def emotion(self, sheet: Sheet, row: int, column: int, cell: Any) -> int | bool | None:
        if cell is None:
            return None
        number, _ = parse_number(cell)
        if number is None or not number.is_integer() or not -2 <= number <= 2:
            self.problem(sheet.name, row, column, f"'{cell}' is not an emotion; use a whole number from -2 to 2")
            return False
        return int(number)

    # -- tables ---------------------------------------------------------------------
    @staticmethod
    def filled_rows(sheet: Sheet, columns: dict[str, int]) -> Iterator[tuple[int, dict[str, Any]]]:
        """(row number, cells by column key) of every table row below the header that is
        not blank."""
        for row in range(2, sheet.rows + 1):
            cells = {k: sheet.get(row, c) for k, c in columns.items()}
            if any(v is not None for v in cells.values()):
                yield row, cells

    def header(self, sheet: Sheet) -> dict[str, int] | None:
        known = [c.key for c in TABLES[sheet.name]]
        columns: dict[str, int] = {}
        for column in range(1, sheet.columns + 1):
            name = sheet.get(1, column)
            if name is None:
                continue
            if str(name) not in known:
                self.problem(sheet.name, 1, column, f"unknown column '{name}'; the columns are {', '.join(known)}")
                return None
            columns[str(name)] = column
        key = "metric" if sheet.name == METRICS else "id"
        if key not in columns:
            self.problem(sheet.name, 1, 1, f"the column '{key}' is missing")
            return None
        return columns

    def choice(self, sheet: Sheet, row: int, column: int, name: str, cell: Any) -> str | None:
        value = "" if cell is None else str(cell).strip()
        if value not in CHOICES[name]:
            self.problem(sheet.name, row, column,
                         f"'{value}' is not a {name.replace('_', ' ')}; use {', '.join(CHOICES[name])}")
            return None
        return value

    def date(self, sheet: Sheet, row: int, column: int, cell: Any) -> dt.date | None:
        value, why = parse_date(cell)
        if value is None:
            self.problem(sheet.name, row, column, why or "not a date")
        return value

    def insights(self, sheet: Sheet) -> None:
        columns = self.header(sheet)
        if columns is None:
            return
        for row, cells in self.filled_rows(sheet, columns):
            insight = self.bank.get(Insight, str(cells.get("id") or "") or new_id(cells))
            if insight is None:
                self.new_insight(sheet, row, columns, cells)
                continue
            edits: list[Edit] = []
            for key in ("title", "summary"):
                if key in cells:
                    found = self.text_edit((key,), getattr(insight, key), cells[key])
                    edits += [found] if found else []
            for key in ("type", "severity", "confidence"):
                if key in cells and str(cells[key] or "") != getattr(insight, key):
                    value = self.choice(sheet, row, columns[key], key, cells[key])
                    edits += [SetValue((key,), value)] if value else []
            if "source" in cells and str(cells["source"] or "") != insight.source:
                edits.append(SetValue(("source",), str(cells["source"] or "")))
            if "evidence" in cells and (cells["evidence"] or None) != insight.evidence:
                edits.append(SetValue(("evidence",), cells["evidence"] or None))
            if "date" in cells:
                date = self.date(sheet, row, columns["date"], cells["date"])
                if date is not None and date != insight.date:
                    edits.append(SetValue(("date",), date))
            for key in ("steps", "customer_groups"):
                if key in cells:
                    new = lines(str(cells[key] or ""))
                    old = list(getattr(insight, key))
                    edits += list_edits((key,), old, new)
            self.edit(insight, edits, f"insight '{insight.id}': {len(edits)} change(s)", sheet.name, row, 1)

    def new_insight(self, sheet: Sheet, row: int, columns: dict[str, int], cells: dict[str, Any]) -> None:
        record_id = str(cells.get("id") or "") or new_id(cells)
        if not is_slug(record_id):
            self.problem(sheet.name, row, columns.get("id", 1), f"'{record_id}' cannot be an id; use a-z, 0-9 and -")
            return
        if any(str(cells.get(k) or "").strip() == "" for k in ("title", "type", "source", "date", "summary")):
            self.problem(sheet.name, row, 1, "a new insight needs title, type, source, date and summary")
            return
        kind = self.choice(sheet, row, columns["type"], "type", cells["type"])
        date = self.date(sheet, row, columns["date"], cells["date"])
        if kind is None or date is None:
            return
        data: dict[str, Any] = {
            "kind": "Insight", "id": record_id, "title": str(cells["title"]), "type": kind,
            "source": str(cells["source"]), "date": date, "summary": str(cells["summary"]),
            "evidence": cells.get("evidence") or None,
        }
        for key in ("severity", "confidence"):
            if cells.get(key):
                data[key] = self.choice(sheet, row, columns[key], key, cells[key])
        data["steps"] = lines(str(cells.get("steps") or ""))
        data["customer_groups"] = lines(str(cells.get("customer_groups") or ""))
        self.plan.changes.add(f"insights/{record_id}.yaml", [record_yaml(data)], f"new insight '{record_id}'")

    def metrics(self, sheet: Sheet) -> None:
        columns = self.header(sheet)
        if columns is None:
            return
        planned: dict[str, list[Edit]] = {}
        created: dict[str, dict[str, Any]] = {}
        seen: dict[tuple[str, dt.date], int] = {}  # (metric, date) -> its row
        for row, get in self.filled_rows(sheet, columns):
            if get.get("date") is None and get.get("value") is None:
                continue
            metric_id = str(get.get("metric") or "") or new_id(get)
            metric = self.bank.get(Metric, metric_id)
            date = self.date(sheet, row, columns.get("date", 1), get.get("date"))
            value = self.number(sheet, row, columns.get("value", 1), get.get("value"))
            note = str(get["note"]) if get.get("note") is not None else None
            first = seen_before(seen, (metric_id, date), row) if date is not None else None
            if first is not None:
                assert date is not None
                self.problem(sheet.name, row, columns.get("date", 1), f"row {first} has "
                             f"'{metric_id}' on {date.isoformat()} too; {ONE_VALUE_A_DATE}, keep one row")
                continue
            if metric is None:
                self.new_metric_row(sheet, row, columns, get, created, metric_id, (date, value, note))
                continue
            if date is None or value is None:
                continue
            planned.setdefault(metric.id, []).extend(observation_edits(metric, date, value, note, update=True))
        for metric_id, edits in planned.items():
            metric = self.bank.get(Metric, metric_id)
            assert metric is not None
            self.edit(metric, edits, f"metric '{metric_id}': {len(edits)} change(s)", sheet.name, 1, 1)
        for metric_id, data in created.items():
            self.plan.changes.add(f"metrics/{metric_id}.yaml", [record_yaml(data)], f"new metric '{metric_id}'")

    def new_metric_row(self, sheet: Sheet, row: int, columns: dict[str, int], get: dict[str, Any],
                       created: dict[str, dict[str, Any]], metric_id: str,
                       observation: tuple[dt.date | None, float | None, str | None]) -> None:
        """A row of a metric the bank lacks: with a title and a unit it makes the metric,
        its id the given one or made from its title (the other rows with that id or title
        add observations); without them it is a problem."""
        date, value, note = observation
        data = created.get(metric_id)
        if data is None:
            title, unit = str(get.get("title") or "").strip(), str(get.get("unit") or "").strip()
            if not (is_slug(metric_id) and title and unit):
                self.problem(sheet.name, row, columns["metric"], f"no metric '{metric_id}' in the bank "
                             "(a new metric needs a title and a unit, and an id or a title to make it from)")
                return
            data = {"kind": "Metric", "id": metric_id, "title": title, "unit": unit,
                    "direction": str(get.get("direction") or "").strip() or None, "target": None,
                    "observations": []}
            if get.get("target") is not None:
                data["target"] = self.number(sheet, row, columns["target"], get["target"])
            created[metric_id] = data
        if date is not None and value is not None:
            entry: dict[str, Any] = {"date": date, "value": value}
            if note:
                entry["note"] = note
            data["observations"].append(entry)

    def number(self, sheet: Sheet, row: int, column: int, cell: Any) -> float | None:
        value, why = parse_number(cell)
        if value is None:
            self.problem(sheet.name, row, column, why or "not a number")
        return value

    def backlog(self, sheet: Sheet) -> None:
        columns = self.header(sheet)
        if columns is None:
            return
        for row, cells in self.filled_rows(sheet, columns):
            record_id = str(cells.get("id") or "") or new_id(cells)
            opportunity = self.bank.get(Opportunity, record_id)
            if opportunity is None:
                self.new_opportunity(sheet, row, columns, cells, record_id)
                continue
            edits: list[Edit] = []
            for key in ("title", "problem"):
                if key in cells:
                    found = self.text_edit((key,), getattr(opportunity, key), cells[key])
                    edits += [found] if found else []
            if "status" in cells and cells["status"] != opportunity.status:
                value = self.choice(sheet, row, columns["status"], "status", cells["status"])
                edits += [SetValue(("status",), value)] if value else []
            if "steps" in cells:
                edits += list_edits(("steps",), list(opportunity.steps), lines(str(cells["steps"] or "")))
            self.edit(opportunity, edits, f"opportunity '{opportunity.id}': {len(edits)} change(s)", sheet.name, row, 1)

    def new_opportunity(self, sheet: Sheet, row: int, columns: dict[str, int], cells: dict[str, Any],
                        record_id: str) -> None:
        if not is_slug(record_id):
            self.problem(sheet.name, row, columns.get("id", 1), f"'{record_id}' cannot be an id; use a-z, 0-9 and -")
            return
        if not str(cells.get("title") or "").strip() or not str(cells.get("problem") or "").strip():
            self.problem(sheet.name, row, columns.get("title", 1), "a new opportunity needs a title and a problem")
            return
        status = "idea"
        if cells.get("status"):
            chosen = self.choice(sheet, row, columns["status"], "status", cells["status"])
            if chosen is None:
                return
            status = chosen
        data = {"kind": "Opportunity", "id": record_id, "title": str(cells["title"]).strip(),
                "problem": str(cells["problem"]).strip(), "status": status,
                "steps": lines(str(cells.get("steps") or ""))}
        self.plan.changes.add(f"opportunities/{record_id}.yaml", [record_yaml(data)],
                              f"new opportunity '{record_id}'")

def _filled(sheet: Sheet, rows: dict[str, int], column: int) -> bool:
    """Whether a step column has anything in an editable lane (the bank's own included)."""
    return any(sheet.get(rows[lane.key], column) is not None for lane in LANES if lane.editable) or any(
        sheet.get(row, column) is not None for key, row in rows.items() if key.startswith(OWN_LANE)
    )


def _removed(old: list[str], new: list[str]) -> list[int] | None:
    """The positions of `old` whose removal leaves `new`, when that is all that changed."""
    if len(new) >= len(old):
        return None
    gone, j = [], 0
    for i, item in enumerate(old):
        if j < len(new) and new[j] == item:
            j += 1
        else:
            gone.append(i)
    return gone if j == len(new) else None


def new_id(cells: dict[str, Any]) -> str:
    """The id of a new insight, metric or opportunity row without one: from its title."""
    return slugify(str(cells.get("title") or ""))[:48].rstrip("-")


def observation_edits(metric: Metric, date: dt.date, value: float, note: str | None, update: bool) -> list[Edit]:
    """The edits that record `value` at `date` (an existing date changes only with `update`)."""
    for i, observation in enumerate(metric.observations):
        if observation.date == date:
            edits: list[Edit] = []
            if observation.value != value:
                if not update:
                    raise EditError(
                        f"metric '{metric.id}' already has {observation.value:g} on {date.isoformat()}; "
                        "give --update to change it"
                    )
                edits.append(SetValue(("observations", i, "value"), value))
            if note is not None and note != (observation.note or ""):
                edits.append(SetValue(("observations", i, "note"), note))
            return edits
    entry: dict[str, Any] = {"date": date, "value": value}
    if note:
        entry["note"] = note
    return [AppendItem(("observations",), entry)]


def plan_import(bank: Bank, book: Book, language: str) -> Plan:
    """What importing `book` would change; `problems` lists what is wrong with it."""
    planner = _Planner(bank, book, language)
    for sheet in book.sheets:
        if not sheet.cells:
            continue
        if sheet.get(1, 1) == JOURNEY_MARK:
            planner.journey_sheet(sheet)
        elif sheet.name == INSIGHTS:
            planner.insights(sheet)
        elif sheet.name == METRICS:
            planner.metrics(sheet)
        elif sheet.name == BACKLOG:
            planner.backlog(sheet)
        else:
            planner.problem(sheet.name, 1, 1, "not a journeyops sheet (no 'journey' in A1, and not insights, "
                                              "metrics or backlog); remove it or rename it")
    return planner.plan
