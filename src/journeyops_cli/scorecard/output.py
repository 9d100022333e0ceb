"""The scorecard as text (rich tables), Markdown or JSON."""

from __future__ import annotations

import io
from collections.abc import Iterator

from journeyops_cli import jsontext
from journeyops_cli.render.safety import md_cell
from journeyops_cli.scorecard.figures import Figures, Scorecard, stale_journeys, uncovered_phases, unowned_journeys

FORMATS = ("text", "md", "json", "html")

COLUMNS = ("", "steps", "emotion", "insight", "metric", "insights", "metrics", "open opps",
           "stale", "no owner", "findings")
LEGEND = (
    "steps: steps of the scope; emotion, insight, metric: share of steps with one on them or "
    "beneath them; insights: count (fresh ones); metrics: on/off target; open opps: "
    "opportunities not done or rejected; stale, no owner: journeys; findings: errors/warnings"
)


def _share(count: int, total: int) -> str:
    return f"{round(100 * count / total)} %" if total else "–"


def _open(figures: Figures) -> int:
    return sum(figures.opportunities[s] for s in ("idea", "proposed", "planned", "in-progress"))


def row(figures: Figures, label: str) -> list[str]:
    """One table row of `figures`, labelled `label`."""
    c = figures.coverage
    return [
        label,
        str(c.steps),
        _share(c.emotion, c.steps),
        _share(c.insight, c.steps),
        _share(c.metric, c.steps),
        f"{figures.insights} ({figures.fresh_insights})",
        f"{figures.metrics['on']}/{figures.metrics['off']}",
        str(_open(figures)),
        str(len(figures.stale)),
        str(len(figures.unowned)),
        f"{figures.findings.get('error', 0)}/{figures.findings.get('warning', 0)}",
    ]


def sections(card: Scorecard) -> Iterator[tuple[str, list[list[str]]]]:
    """(title, rows) of each table: the bank and its themes, the journeys of each theme,
    and the phases of each top and mid journey."""
    bank = card.bank
    rows = [row(bank, "bank")]
    rows += [row(theme, theme.title or "(no theme)") for theme in bank.children]
    yield "Bank and anchor themes", rows
    for theme in bank.children:
        yield (f"Journeys of {theme.title or '(no theme)'}",
               [row(j, f"{j.title} ({j.level})") for j in theme.children])
    for theme in bank.children:
        for journey in theme.children:
            if journey.children:
                yield (f"Steps of {journey.title} ({journey.level}), with what lies beneath them",
                       [row(step, step.title) for step in journey.children])


def notes(card: Scorecard) -> list[str]:
    """Lines under the tables: what needs attention."""
    bank = card.bank
    lines = []
    stale = stale_journeys(card)
    if stale:
        lines.append(f"Stale journeys ({len(stale)}): " + ", ".join(stale))
    unowned = unowned_journeys(card)
    if unowned:
        lines.append(f"Active journeys without owner or team ({len(unowned)}): " + ", ".join(unowned))
    off = bank.metrics["off"]
    if off:
        lines.append(f"Metrics off target: {off} of {sum(bank.metrics.values())}")
    uncovered = uncovered_phases(card)
    if uncovered:
        lines.append("Top-level phases without evidence: " + ", ".join(uncovered))
    newest = bank.newest_evidence
    lines.append(
        f"Insights from the last {card.fresh_days} days: {bank.fresh_insights} of {bank.insights}"
        + (f" (newest {newest.isoformat()})" if newest else "")
    )
    return lines


def as_text(card: Scorecard, *, color: bool = False, width: int = 120) -> str:
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False)
    console.print(f"Customer-experience scorecard, {card.today.isoformat()}")
    for title, rows in sections(card):
        table = Table(title=title, title_justify="left", show_edge=False)
        for index, name in enumerate(COLUMNS):
            if index == 0:
                table.add_column(name, justify="left", min_width=24, overflow="fold")
            else:
                table.add_column(name, justify="right", no_wrap=True)
        for cells in rows:
            table.add_row(*cells)
        console.print()
        console.print(table)
    console.print()
    console.print(LEGEND, markup=False, style="dim")
    console.print()
    for line in notes(card):
        console.print(line, markup=False)
    return buffer.getvalue()


def as_markdown(card: Scorecard) -> str:
    out = [f"# Customer-experience scorecard, {card.today.isoformat()}", ""]
    for title, rows in sections(card):
        out += [f"## {md_cell(title)}", "", "| " + " | ".join(COLUMNS) + " |",
                "|" + "|".join(["---"] + ["--:"] * (len(COLUMNS) - 1)) + "|"]
        out += ["| " + " | ".join(md_cell(cell) for cell in cells) + " |" for cells in rows]
        out.append("")
    out += [f"_{md_cell(LEGEND)}_", ""]
    out += [f"- {md_cell(line)}" for line in notes(card)]
    return "\n".join(out) + "\n"


def as_html(card: Scorecard) -> str:
    """The scorecard as one standalone, offline HTML page (tables, no script)."""
    from journeyops_cli.render.env import html_environment

    template = html_environment().get_template("render/scorecard.html.j2")
    return template.render(
        title=f"Customer-experience scorecard, {card.today.isoformat()}",
        sections=list(sections(card)),
        columns=COLUMNS,
        legend=LEGEND,
        notes=notes(card),
    )


def as_json(card: Scorecard) -> str:
    return jsontext.dumps(card.to_dict())


HISTORY_COLUMNS = ("date", "commit", "steps", "emotion", "insight", "metric", "insights", "metrics",
                   "open opps", "stale", "findings")


def history_rows(cards: list[tuple[str, Scorecard]]) -> list[list[str]]:
    """One row per revision (oldest first): the bank's figures then."""
    rows = []
    for commit, card in cards:
        cells = row(card.bank, card.today.isoformat())
        rows.append([cells[0], commit[:10], *cells[1:9], cells[10]])
    return rows


def history(cards: list[tuple[str, Scorecard]], output_format: str, *, color: bool = False, width: int = 120) -> str:
    """The bank's figures at each revision: the trend of coverage and of metrics on target."""
    rows = history_rows(cards)
    if output_format == "json":
        return jsontext.dumps([{"commit": commit, **card.to_dict()} for commit, card in cards])
    if output_format == "html":
        from journeyops_cli.render.env import html_environment

        return html_environment().get_template("render/scorecard.html.j2").render(
            title="Customer-experience scorecard over time", sections=[("The bank, month by month", rows)],
            columns=HISTORY_COLUMNS, legend=LEGEND, notes=[],
        )
    if output_format == "md":
        out = ["# Customer-experience scorecard over time", "",
               "| " + " | ".join(HISTORY_COLUMNS) + " |",
               "|" + "|".join(["---", "---"] + ["--:"] * (len(HISTORY_COLUMNS) - 2)) + "|"]
        out += ["| " + " | ".join(md_cell(cell) for cell in cells) + " |" for cells in rows]
        return "\n".join([*out, "", f"_{md_cell(LEGEND)}_", ""])
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False)
    table = Table(title="Customer-experience scorecard over time", title_justify="left", show_edge=False)
    for index, name in enumerate(HISTORY_COLUMNS):
        table.add_column(name, justify="left" if index < 2 else "right", no_wrap=True)
    for cells in rows:
        table.add_row(*cells)
    console.print(table)
    console.print()
    console.print(LEGEND, markup=False, style="dim")
    return buffer.getvalue()


def render(card: Scorecard, output_format: str, *, color: bool = False, width: int = 120) -> str:
    if output_format == "json":
        return as_json(card)
    if output_format == "html":
        return as_html(card)
    if output_format == "md":
        return as_markdown(card)
    return as_text(card, color=color, width=width)
