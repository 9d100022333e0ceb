"""The workbook's layout, shared by the writer and the reader: which sheets, which rows and
columns, which are editable, which choices each fixed field has.

A journey sheet is the journey model: steps as columns from column C, lanes as rows. Column
A holds each row's key (`title`, `emotion`, ...) and row 3 each step's id: these are the
marked, stable ids that let the workbook come back. Row 1 holds the journey's id (C1) and
title (D1); below the lanes, the journey's details (level, theme, parent, ...) have their
value in column C. The same layout with no steps and no id is the blank sheet a new
journey is made from. The tables `insights`, `metrics` (one
row per observation) and `backlog` have their field names as the first row. The hidden
sheet `lists` holds the choice lists the dropdowns use, and what the workbook was made
from (`language`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from journeyops_cli.models.insight import Confidence, InsightType, Severity
from journeyops_cli.models.journey import Channel, JourneyState, JourneyStatus, Level
from journeyops_cli.models.opportunity import OpportunityStatus

FORMAT = "journeyops-workbook-1"
LISTS = "lists"
INSIGHTS = "insights"
METRICS = "metrics"
BACKLOG = "backlog"
JOURNEY_MARK = "journey"
FIRST_STEP_COLUMN = 3  # C


@dataclass(frozen=True, slots=True)
class Lane:
    """One row of a journey sheet."""

    key: str
    label: str
    """The interface string (render.i18n) shown in column B."""
    kind: str
    """`text` (one text), `texts` (one item a line), `channels`, `emotion`, `id` or `shown`
    (read-only, made from other records)."""

    @property
    def editable(self) -> bool:
        return self.kind not in ("id", "shown")


LANES = (
    Lane("phase", "lane.parent_step", "shown"),
    Lane("step", "lane.step_id", "id"),
    Lane("title", "step", "text"),
    Lane("description", "lane.description", "text"),
    Lane("cx_goals", "lane.cx_goals", "texts"),
    Lane("customer_actions", "lane.customer_actions", "texts"),
    Lane("channels", "lane.channel_list", "channels"),
    Lane("touchpoints", "lane.touchpoints", "texts"),
    Lane("emotion", "lane.emotion", "emotion"),
    Lane("pain_points", "lane.pain_points", "texts"),
    Lane("insights", "lane.insights", "shown"),
    Lane("metrics", "lane.metrics", "shown"),
    Lane("opportunities", "lane.opportunities", "shown"),
)
FIRST_LANE_ROW = 2  # row 1 holds the journey's id and title
LANE_ROWS = {lane.key: FIRST_LANE_ROW + i for i, lane in enumerate(LANES)}
FROZEN_ROW = LANE_ROWS["title"] + 1  # the phase band, ids and titles stay in view
ID_CELL = (1, FIRST_STEP_COLUMN)  # C1: the journey's id
TITLE_CELL = (1, FIRST_STEP_COLUMN + 1)  # D1: its title
TEMPLATE_STEPS = 5  # step columns of the blank new-journey sheet


@dataclass(frozen=True, slots=True)
class Detail:
    """One row of the journey's details below the lanes; its value is in column C."""

    key: str
    label: str
    """The interface string (render.i18n) shown in column B."""
    choice: str | None = None
    """The `CHOICES` list of a fixed choice (a dropdown)."""
    optional: bool = False
    """A row older exports lack: a new journey's sheet may leave it out."""
    default: str | None = None
    """What an empty cell means (a journey without the field)."""


DETAILS = (
    Detail("level", "level", "level"),
    Detail("theme", "theme"),
    Detail("parent", "parent"),
    Detail("status", "status", "journey_status", default="draft"),
    Detail("owner", "owner"),
    Detail("team", "team"),
    # As-is or to-be: an empty cell is a current journey; a target names the one it improves.
    Detail("state", "state", "journey_state", optional=True, default="current"),
    Detail("improves", "asis.improves", optional=True),
)
FIRST_DETAIL_ROW = FIRST_LANE_ROW + len(LANES) + 1  # one empty row after the lanes
DETAIL_ROWS = {detail.key: FIRST_DETAIL_ROW + i for i, detail in enumerate(DETAILS)}
# The bank's own lanes (journeyops.yaml `lanes:`) are rows below the details, after one
# empty row, in the order the bank declares them: column A holds `lane:<id>`, column B
# the lane's title, the step columns its values (a list one item a line, a choice by its
# id). Rows of lanes the bank does not declare are refused on import.
OWN_LANE = "lane:"


def own_lane_key(lane_id: str) -> str:
    """Column A of the row of the bank's own lane `lane_id`."""
    return OWN_LANE + lane_id

CHOICES: dict[str, tuple[str, ...]] = {
    "type": get_args(InsightType),
    "severity": get_args(Severity),
    "confidence": get_args(Confidence),
    "status": get_args(OpportunityStatus),
    "emotion": ("-2", "-1", "0", "1", "2"),
    "channel": get_args(Channel),
    # Added last, so the earlier lists keep their columns of the `lists` sheet.
    "level": get_args(Level),
    "journey_status": get_args(JourneyStatus),
    "journey_state": get_args(JourneyState),
}


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    editable: bool
    width: int
    choice: str | None = None
    """The `CHOICES` list of a fixed choice (a dropdown)."""


INSIGHT_COLUMNS = (
    Column("id", False, 28),
    Column("title", True, 40),
    Column("type", True, 16, "type"),
    Column("source", True, 24),
    Column("date", True, 12),
    Column("summary", True, 60),
    Column("severity", True, 11, "severity"),
    Column("confidence", True, 11, "confidence"),
    Column("steps", True, 40),
    Column("customer_groups", True, 24),
    Column("evidence", True, 30),
)
METRIC_COLUMNS = (
    Column("metric", False, 28),
    Column("title", False, 36),
    Column("unit", False, 10),
    Column("direction", False, 10),
    Column("target", False, 10),
    Column("date", True, 12),
    Column("value", True, 10),
    Column("note", True, 40),
)
BACKLOG_COLUMNS = (
    Column("rank", False, 6),
    Column("id", False, 28),
    Column("title", True, 40),
    Column("problem", True, 50),
    Column("status", True, 12, "status"),
    Column("score", False, 8),
    Column("driver", False, 14),
    Column("steps", True, 40),
)
TABLES = {INSIGHTS: INSIGHT_COLUMNS, METRICS: METRIC_COLUMNS, BACKLOG: BACKLOG_COLUMNS}


def column_letter(number: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
