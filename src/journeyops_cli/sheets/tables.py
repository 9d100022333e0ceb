"""The bank as tables of cells, in one language: what `export` writes to a workbook or to CSV
files, and what `import` compares a read workbook against."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.models import Insight, Journey, Metric
from journeyops_cli.models.base import pick_text
from journeyops_cli.models.lanes import Lane as OwnLane
from journeyops_cli.models.lanes import Lanes
from journeyops_cli.render.i18n import strings
from journeyops_cli.sheets.layout import (
    BACKLOG,
    BACKLOG_COLUMNS,
    DETAILS,
    INSIGHT_COLUMNS,
    INSIGHTS,
    JOURNEY_MARK,
    LANES,
    METRIC_COLUMNS,
    METRICS,
    TEMPLATE_STEPS,
    Column,
    own_lane_key,
)

Cell = str | int | float | None


@dataclass(slots=True)
class Table:
    """One sheet: its name and rows of cells (row 1 first)."""

    name: str
    rows: list[list[Cell]]
    steps: int | None = None
    """The number of step columns of a journey sheet; None for a table."""


class Texts:
    """Record text in the export's language, falling back to the bank's other languages."""

    def __init__(self, bank: Bank, language: str) -> None:
        self.language = language
        self.fallback = [lang for lang in bank.config.languages if lang != language]

    def one(self, value: Any) -> str:
        return pick_text(value, self.language, self.fallback)

    def many(self, values: list[Any]) -> str:
        return "\n".join(self.one(v) for v in values)


def journey_table(bank: Bank, journey: Journey, texts: Texts) -> Table:
    labels = strings(texts.language)
    parent = bank.parent(journey)
    rows: list[list[Cell]] = [[JOURNEY_MARK, labels["journey"], journey.id, texts.one(journey.title)]]
    for lane in LANES:
        row: list[Cell] = [lane.key, labels[lane.label]]
        for step in journey.steps:
            row.append(_lane_cell(bank, journey, parent, step, lane.key, texts))
        rows.append(row)
    rows.append([])
    for detail in DETAILS:
        rows.append([detail.key, labels[detail.label], getattr(journey, detail.key) or ""])
    lanes = bank.config.lanes
    if lanes:
        rows.append([])
        for lane_id, own in lanes.items():
            values = [own_cell(own, journey.lanes_of(index).get(lane_id), texts) for index in range(len(journey.steps))]
            rows.append([own_lane_key(lane_id), texts.one(own.title), *values])
    return Table(journey.id, rows, len(journey.steps))


def own_cell(lane: OwnLane, value: Any, texts: Texts) -> Cell:
    """A step's value of one of the bank's own lanes as a cell: a text in the workbook's
    language, a list one item a line, a number as a number, a choice by its id."""
    if value is None:
        return ""
    if lane.type == "list":
        return texts.many(value)
    if lane.type == "text":
        return texts.one(value)
    return value  # type: ignore[no-any-return]


def new_journey_table(language: str, lanes: Lanes | None = None) -> Table:
    """The blank journey sheet a new journey is made from: the keys and labels of the
    lanes and details (and of the bank's own `lanes`), no id, no steps."""
    labels = strings(language)
    rows: list[list[Cell]] = [[JOURNEY_MARK, labels["journey"]]]
    rows += [[lane.key, labels[lane.label]] for lane in LANES]
    rows.append([])
    rows += [[detail.key, labels[detail.label]] for detail in DETAILS]
    if lanes:
        rows.append([])
        rows += [[own_lane_key(lane_id), pick_text(lane.title, language, [])] for lane_id, lane in lanes.items()]
    return Table(labels["sheet.new_journey"], rows, TEMPLATE_STEPS)


def _lane_cell(bank: Bank, journey: Journey, parent: Journey | None, step: Any, key: str, texts: Texts) -> Cell:
    ref = (journey.id, step.id)
    if key == "phase":
        found = parent.step(step.parent_step) if parent and step.parent_step else None
        return texts.one(found.title) if found else (step.parent_step or "")
    if key == "step":
        return str(step.id)
    if key in ("title", "description"):
        return texts.one(getattr(step, key))
    if key in ("cx_goals", "customer_actions", "touchpoints", "pain_points"):
        return texts.many(getattr(step, key))
    if key == "channels":
        return ", ".join(step.channels)
    if key == "emotion":
        return step.emotion
    if key == "insights":
        return "\n".join(f"{texts.one(i.title)} [{i.id}]" for i in bank.step_insights.get(ref, []))
    if key == "metrics":
        return "\n".join(_metric_line(m, texts) for m in bank.step_metrics.get(ref, []))
    return "\n".join(
        f"{texts.one(o.title)} [{o.id}, {o.status}]" for o in bank.step_opportunities.get(ref, [])
    )


def _metric_line(metric: Metric, texts: Texts) -> str:
    latest = metric.latest()
    value = f"{latest.value:g} {metric.unit} ({latest.date.isoformat()})" if latest else "–"
    word = strings(texts.language)["metric.target"]
    target = f"; {word} {metric.target:g} {metric.unit}" if metric.target is not None else ""
    return f"{texts.one(metric.title)} [{metric.id}]: {value}{target}"


def insight_row(insight: Insight, texts: Texts) -> list[Cell]:
    values: dict[str, Cell] = {
        "id": insight.id,
        "title": texts.one(insight.title),
        "type": insight.type,
        "source": insight.source,
        "date": insight.date.isoformat(),
        "summary": texts.one(insight.summary),
        "severity": insight.severity,
        "confidence": insight.confidence,
        "steps": "\n".join(insight.steps),
        "customer_groups": "\n".join(insight.customer_groups),
        "evidence": insight.evidence or "",
    }
    return [values[c.key] for c in INSIGHT_COLUMNS]


def metric_rows(metric: Metric, texts: Texts) -> list[list[Cell]]:
    head: list[Cell] = [
        metric.id, texts.one(metric.title), metric.unit, metric.direction or "", metric.target,
    ]
    observations = sorted(metric.observations, key=lambda o: o.date)
    if not observations:
        return [[*head, None, None, None]]
    return [[*head, o.date.isoformat(), o.value, o.note or ""] for o in observations]


def backlog_rows(bank: Bank, texts: Texts) -> list[list[Cell]]:
    from journeyops_cli.score.rank import Request, rank

    ranking = rank(bank, Request(statuses=tuple(sorted({o.status for o in bank.opportunities()}))))
    return [
        [
            row.rank,
            row.opportunity.id,
            texts.one(row.opportunity.title),
            texts.one(row.opportunity.problem),
            row.opportunity.status,
            round(row.score.total, 2),
            row.score.driver,
            "\n".join(row.opportunity.steps),
        ]
        for row in ranking.everyone
    ]


def bank_tables(bank: Bank, journeys: list[Journey], language: str, blank: bool = False) -> list[Table]:
    """Every sheet of the export of `journeys` (insights, metrics and backlog are those
    linked to them; all of them when every journey is exported); with `blank`, the blank
    sheet for a new journey after the journey sheets."""
    texts = Texts(bank, language)
    tables = [journey_table(bank, journey, texts) for journey in journeys]
    if blank:
        tables.append(new_journey_table(language, bank.config.lanes))
    everything = len(journeys) == len(bank.journeys())
    chosen = {j.id for j in journeys}

    def linked(refs: list[str]) -> bool:
        return everything or any(ref.split("#", 1)[0] in chosen for ref in refs)

    insights = [i for i in bank.insights() if linked(i.steps)]
    metrics = [m for m in bank.metrics() if linked(m.steps) or _on_steps(bank, m, chosen)]
    tables.append(Table(INSIGHTS, [_header(INSIGHT_COLUMNS)] + [insight_row(i, texts) for i in insights]))
    tables.append(Table(METRICS, [_header(METRIC_COLUMNS)] + [r for m in metrics for r in metric_rows(m, texts)]))
    backlog = [r for r in backlog_rows(bank, texts) if everything or linked(str(r[7]).split("\n"))]
    tables.append(Table(BACKLOG, [_header(BACKLOG_COLUMNS), *backlog]))
    return tables


def _header(columns: tuple[Column, ...]) -> list[Cell]:
    return [c.key for c in columns]


def _on_steps(bank: Bank, metric: Metric, chosen: set[str]) -> bool:
    return any(metric.id in step.metrics for j in bank.journeys() if j.id in chosen for step in j.steps)
