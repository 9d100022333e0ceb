"""The ranked backlog as a table (rich), CSV, JSON or Markdown. Nothing here prints.

Every format gives the same bytes for the same bank: no timestamps, fixed key order.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from journeyops_cli import jsontext
from journeyops_cli.models.base import pick_text
from journeyops_cli.render.safety import md_cell
from journeyops_cli.score.base import Factor, Score
from journeyops_cli.score.rank import Ranked, Ranking

FORMATS: tuple[str, ...] = ("table", "csv", "json", "md")
CSV_COLUMNS: tuple[str, ...] = (
    "rank", "id", "title", "score", "driver", "journeys", "status", "model",
    # what a tracker import needs besides
    "problem", "idea", "owner", "team", "delivery_keys", "delivery_urls",
)
HEADINGS: tuple[str, ...] = ("Rank", "ID", "Title", "Score", "Driver", "Journeys", "Status")


def shown(value: float) -> str:
    """A score for people: two decimals."""
    return f"{value:.2f}"


def cells(row: Ranked) -> list[str]:
    return [
        str(row.rank),
        row.opportunity.id,
        row.title,
        shown(row.score.total),
        row.score.driver or "-",
        ", ".join(row.journeys) or "-",
        row.opportunity.status,
    ]


def render_table(ranking: Ranking, *, color: bool = False, width: int = 120) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Backlog by the {ranking.model} model", title_justify="left")
    for heading in HEADINGS:
        justify = "right" if heading in ("Rank", "Score") else "left"
        wraps = heading in ("Title", "Journeys")
        table.add_column(heading, justify=justify, overflow="fold", no_wrap=not wraps)  # type: ignore[arg-type]
    for row in ranking.rows:
        table.add_row(*cells(row))
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="auto" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(table)
    if not ranking.rows:
        console.print("No opportunities match.")
    console.print(f"{ranking.formula}; reference date {ranking.today.isoformat()} ({ranking.today_source})")
    return buffer.getvalue()


def render_csv(ranking: Ranking) -> str:
    """RFC 4180: a header row, CRLF line ends, fields quoted when they need it, UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    text = _texts(ranking)
    for row in ranking.rows:
        opportunity = row.opportunity
        writer.writerow(
            [
                row.rank,
                opportunity.id,
                row.title,
                shown(row.score.total),
                row.score.driver,
                " ".join(row.journeys),
                opportunity.status,
                ranking.model,
                text(opportunity.problem),
                text(opportunity.idea),
                opportunity.owner or "",
                opportunity.team or "",
                " ".join(item.key for item in opportunity.delivery),
                " ".join(item.url for item in opportunity.delivery if item.url),
            ]
        )
    return buffer.getvalue()


def _texts(ranking: Ranking) -> Callable[[Any], str]:
    """Text in the bank's first language."""
    config = ranking.context.bank.config if ranking.context is not None else None
    if config is None:
        return lambda value: pick_text(value, "en", [])
    return lambda value: pick_text(value, config.default_language, config.languages)


def factor_dict(factor: Factor) -> dict[str, Any]:
    return {
        "name": factor.name,
        "raw": factor.raw,
        "normalised": factor.normalised,
        "weight": factor.weight,
        "contribution": factor.contribution,
        "detail": factor.detail,
        "missing": factor.missing,
        "default_used": factor.default_used,
        "evidence": list(factor.evidence),
    }


def score_dict(row: Ranked) -> dict[str, Any]:
    score: Score = row.score
    return {
        "rank": row.rank,
        "id": row.opportunity.id,
        "title": row.title,
        "score": score.total,
        "driver": score.driver,
        "journeys": list(row.journeys),
        "status": row.opportunity.status,
        "owner": row.opportunity.owner,
        "team": row.opportunity.team,
        "delivery": [item.model_dump(mode="json", exclude_none=True) for item in row.opportunity.delivery],
        "evidence_count": score.evidence_count,
        "factors": [factor_dict(f) for f in score.factors],
        "missing": [
            {"factor": m.factor, "input": m.input, "default": m.default, "note": m.note} for m in score.missing
        ],
    }


def render_json(ranking: Ranking) -> str:
    data = {
        "model": ranking.model,
        "formula": ranking.formula,
        "reference_date": ranking.today.isoformat(),
        "reference_date_source": ranking.today_source,
        "opportunities": [score_dict(row) for row in ranking.rows],
    }
    return jsontext.dumps(data)


def render_md(ranking: Ranking) -> str:
    lines = [
        "| " + " | ".join(HEADINGS) + " |",
        "| ---: | --- | --- | ---: | --- | --- | --- |",
    ]
    for row in ranking.rows:
        values = [md_cell(value) for value in cells(row)]
        values[1] = f"`{values[1]}`"  # an id (a slug): nothing in it is escaped
        lines.append("| " + " | ".join(values) + " |")
    lines.append("")
    lines.append(
        f"Ranked by the `{ranking.model}` model ({md_cell(ranking.formula)}); "
        f"reference date {ranking.today.isoformat()}."
    )
    return "\n".join(lines) + "\n"


def render(ranking: Ranking, output_format: str, *, color: bool = False, width: int = 120) -> str:
    if output_format == "csv":
        return render_csv(ranking)
    if output_format == "json":
        return render_json(ranking)
    if output_format == "md":
        return render_md(ranking)
    return render_table(ranking, color=color, width=width)
