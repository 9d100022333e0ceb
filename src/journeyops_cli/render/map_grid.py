"""The journey map grid as HTML, written in Python: `map_grid(map, link, strings) -> Markup`.

The grid is the biggest part of every journey page (a lane per row, a cell per step and
lane, the insights, metrics and opportunities in them), and the site writes thousands of
them: jinja2 spent most of a journey page's time in the many small macros of each cell.
Here each cell is a few string joins; what a reader gets is what the template gave (the
same bytes; `tests/render/golden` and the site's pages pin them).

The macro `journey_map(map, link, strings)` of `templates/render/_map.html.j2` (which
documents the grid: a real table, "lane, step" announced for every cell, the emotion lane,
the lanes "from below", the as-is curve of a target journey) calls this. Every text of
`map` is escaped here; `link(kind, id)` gives a URL or None (then the text is not linked).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from markupsafe import Markup

from journeyops_cli.render.formats import count
from journeyops_cli.render.journey_map import InsightRef, JourneyMap, MetricRef, OpportunityRef, StepView
from journeyops_cli.render.safety import escaped, markdown_markup
from journeyops_cli.render.svg import curve_key, emotion_icon, emotion_plot, emotion_word, lane_icon

Link = Callable[[str, str], "str | None"]

_GRAVE = ("high", "critical")
# The rows "from below", top to bottom.
_BELOW_LANES = ("below_journeys", "below_pain_points", "below_emotion", "below_insights", "below_metrics",
                "below_opportunities")
# `text` escaped (markupsafe's `escape`), as a plain string (no `Markup` made of it).
html = escaped


class _Labels(dict[str, str]):
    """The interface strings of one map, each escaped once when first used."""

    def __init__(self, strings: Mapping[str, str]) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: str) -> str:
        value = self[key] = html(self.strings[key])
        return value


class _Grid:
    """What writing one map's grid needs: its labels, its links and its counts."""

    def __init__(self, journey_map: JourneyMap, link: Link, strings: Mapping[str, str]) -> None:
        self.map = journey_map
        self.link = link
        self.strings = strings
        self.s = _Labels(strings)
        self.language = journey_map.language
        self.none = f'<span class="none">{self.s["none"]}</span>'
        self._links: dict[tuple[str, str], str | None] = {}

    def linked(self, kind: str, record_id: str, text: str) -> str:
        """`text` (escaped) as a link to the record, or alone when it has no link."""
        key = (kind, record_id)
        try:
            url = self._links[key]
        except KeyError:
            url = self._links[key] = self.link(kind, record_id)
        if url:
            return f'<a href="{html(url)}">{html(text)}</a>'
        return html(text)

    def count(self, key: str, n: int) -> str:
        return html(count(self.strings, key, n, self.language))

    def lane_head(self, key: str) -> str:
        return (f'<th scope="row" id="{html(self.map.id)}--lane-{key}" class="lane-head"><span class="lane-label">'
                f'{lane_icon(key)}<span>{self.s[f"lane.{key}"]}</span></span></th>')

    def row(self, key: str, cells: Sequence[str]) -> str:
        return f'<tr class="lane lane-{key}">{self.lane_head(key)}{"".join(cells)}</tr>\n'

    def items(self, texts: Sequence[str]) -> str:
        return "<ul>" + "".join(f"<li>{html(text)}</li>" for text in texts) + "</ul>"

    def listed(self, texts: Sequence[str]) -> str:
        """A cell of texts as a list, or "none"."""
        return f"<td>{self.items(texts)}</td>" if texts else f"<td>{self.none}</td>"

    def insight_items(self, insights: Sequence[InsightRef]) -> str:
        s = self.s
        out = ["<ul>"]
        for i in insights:
            out.append(f'<li>{self.linked("insight", i.id, i.title)} <span class="tag">{s[f"insight_type.{i.type}"]}'
                       f'</span> <span class="tag sev-{html(i.severity)}">{s[f"severity.{i.severity}"]}</span>')
            if i.evidence:  # already checked with safe_url (journey_map._insight)
                out.append(f' <a href="{html(i.evidence)}" rel="noopener noreferrer">{s["evidence"]}'
                           f'<span class="visually-hidden">: {html(i.title)}</span></a>')
            out.append("</li>")
        out.append("</ul>")
        return "".join(out)

    def metric_summary(self, metrics: Sequence[MetricRef]) -> str:
        text = self.count("metrics", len(metrics))
        judged = [m for m in metrics if m.on_target is not None]
        if judged:
            on = sum(1 for m in judged if m.on_target)
            words = html(self.strings["metric.on_of"].format(on=on, total=len(judged)))
            text += f' · <span class="{"on" if on == len(judged) else "off"}">{words}</span>'
        return text

    def metric_items(self, metrics: Sequence[MetricRef]) -> str:
        s = self.s
        out = ["<ul>"]
        for m in metrics:
            latest = html(m.latest_text) if m.latest_text else s["metric.no_data"]
            out.append(f'<li>{self.linked("metric", m.id, m.title)}: <strong>{latest}</strong>')
            if m.target_text:
                out.append(f' ({s["metric.target"]} {html(m.target_text)})')
            if m.on_target is not None:
                out.append(f' <span class="metric-status on">✓ {s["metric.on_target"]}</span>' if m.on_target
                           else f' <span class="metric-status off">✗ {s["metric.off_target"]}</span>')
            out.append("</li>")
        out.append("</ul>")
        return "".join(out)

    def opportunity_items(self, opportunities: Sequence[OpportunityRef]) -> str:
        s = self.s
        return "<ul>" + "".join(
            f'<li>{self.linked("opportunity", o.id, o.title)} <span class="tag">{s[f"opportunity_status.{o.status}"]}'
            "</span></li>"
            for o in opportunities
        ) + "</ul>"

    # -- the rows ---------------------------------------------------------------------------

    def head(self, steps: Sequence[StepView]) -> list[str]:
        s, map_id = self.s, html(self.map.id)
        out = ["<thead>\n"]
        phases = self.map.phases()
        if phases:
            out.append(f'<tr class="phase-band"><th scope="row" class="lane-head">{lane_icon("parent_step")}'
                       f'{s["lane.parent_step"]}</th>\n')
            for phase in phases:
                if phase.step:
                    title = self.linked("journey", phase.step.journey_id, phase.step.step_title)
                    out.append(f'<th scope="colgroup" colspan="{phase.span}" class="phase">{title}</th>')
                else:
                    out.append(f'<td colspan="{phase.span}" class="phase none">{s["none"]}</td>')
            out.append("</tr>\n")
        out.append(f'<tr class="step-row"><th scope="col" class="corner">{s["lanes"]}</th>\n')
        for step in steps:
            out.append(f'<th scope="col" id="{map_id}--{html(step.id)}" class="step-head"><span class="step-number">'
                       f'{step.number}</span> <span class="step-title">{html(step.title)}</span></th>\n')
        out.append("</tr>\n</thead>\n")
        return out

    def own_lanes(self, steps: Sequence[StepView]) -> list[str]:
        map_id, out = html(self.map.id), []
        for index, lane in enumerate(self.map.lanes):
            described = f' title="{html(lane.description)}"' if lane.description else ""
            cells = []
            for step in steps:
                values = step.own[index]
                if not values:
                    cells.append(f"<td>{self.none}</td>")
                elif lane.type == "list":
                    cells.append(f"<td>{self.items(values)}</td>")
                elif lane.type == "choice":
                    cells.append(f'<td><p class="channels"><span class="chip">{html(values[0])}</span></p></td>')
                else:
                    cells.append(f"<td><p>{html(values[0])}</p></td>")
            out.append(f'<tr class="lane lane-own lane-own-{html(lane.type)}"><th scope="row" '
                       f'id="{map_id}--own-{html(lane.id)}" class="lane-head"{described}><span class="lane-label">'
                       f'<span>{html(lane.title)}</span></span></th>{"".join(cells)}</tr>\n')
        return out

    def emotion_cells(self, steps: Sequence[StepView]) -> list[str]:
        s, strings, compared = self.s, self.strings, self.map.comparison
        emotions = [step.emotion for step in steps]
        cells = []
        for index, step in enumerate(steps):
            unrecorded = " none" if step.emotion is None else ""
            word = html(emotion_word(step.emotion, strings))
            if compared:
                if compared.matched[index]:
                    asis = html(strings["asis.cell"].format(
                        emotion=emotion_word(compared.emotions[index], strings)))
                else:
                    asis = s["asis.new_step"]
                cells.append(f'<td class="emotion-cell">{emotion_plot(emotions, index, compared.emotions)}'
                             f'<span class="emotion-word{unrecorded}">{s["state.target"]}: {word}</span>'
                             f'<span class="emotion-word asis">{asis}</span></td>')
            else:
                cells.append(f'<td class="emotion-cell">{emotion_plot(emotions, index)}'
                             f'<span class="emotion-word{unrecorded}">{word}</span></td>')
        return cells

    def body(self, steps: Sequence[StepView]) -> list[str]:
        none = self.none
        out = ["<tbody>\n"]
        if any(step.description for step in steps):
            out.append(self.row("description", [
                f'<td class="description">{markdown_markup(step.description)}</td>' if step.description
                else f'<td class="description">{none}</td>'
                for step in steps
            ]))
        if any(step.cx_goals for step in steps):
            out.append(self.row("cx_goals", [self.listed(step.cx_goals) for step in steps]))
        out.append(self.row("customer_actions", [self.listed(step.customer_actions) for step in steps]))
        out.append(self.row("channels", [self.channels(step) for step in steps]))
        out += self.own_lanes(steps)
        out.append(self.row("emotion", self.emotion_cells(steps)))
        pain_icon = lane_icon("pain_points")
        out.append(self.row("pain_points", [
            f'<td class="has-items"><p class="lane-count">{pain_icon}{self.count("pain_points", len(step.pain_points))}'
            f"</p>{self.items(step.pain_points)}</td>" if step.pain_points else f"<td>{none}</td>"
            for step in steps
        ]))
        out.append(self.row("insights", [self.insights(step.insights) for step in steps]))
        out.append(self.row("metrics", [
            folded(self.metric_summary(step.metrics), self.metric_items(step.metrics)) if step.metrics
            else f"<td>{none}</td>"
            for step in steps
        ]))
        opportunity_icon = lane_icon("opportunities")
        out.append(self.row("opportunities", [
            f'<td class="has-items"><p class="lane-count">{opportunity_icon}'
            f'{self.count("opportunities", len(step.opportunities))}</p>{self.opportunity_items(step.opportunities)}'
            "</td>" if step.opportunities else f"<td>{none}</td>"
            for step in steps
        ]))
        if any(step.child_steps for step in steps):
            out.append(self.row("child_steps", [
                "<td><ul>" + "".join(
                    f"<li>{self.linked('journey', c.journey_id, c.journey_title + ' › ' + c.step_title)}</li>"
                    for c in step.child_steps
                ) + "</ul></td>" if step.child_steps else f"<td>{none}</td>"
                for step in steps
            ]))
        out.append("</tbody>\n")
        return out

    def channels(self, step: StepView) -> str:
        s, cell = self.s, ["<td>"]
        if step.channels:
            chips = " ".join(f'<span class="chip">{s[f"channel.{c}"]}</span>' for c in step.channels)
            cell.append(f'<p class="channels">{chips}</p>')
        if step.touchpoints:
            cell.append(self.items(step.touchpoints))
        elif not step.channels:
            cell.append(self.none)
        cell.append("</td>")
        return "".join(cell)

    def insights(self, insights: Sequence[InsightRef]) -> str:
        if not insights:
            return f"<td>{self.none}</td>"
        summary = self.count("insights", len(insights))
        grave = [i for i in insights if i.severity in _GRAVE]
        if grave:
            summary += f' · <span class="sev-high">{len(grave)} {self.s[f"severity.{grave[0].severity}"]}</span>'
        return folded(summary, self.insight_items(insights))

    def below(self, steps: Sequence[StepView]) -> list[str]:
        s, none = self.s, self.none
        out = [
            '<tbody class="from-below">\n',
            f'<tr class="below-head"><th scope="rowgroup" colspan="{len(steps) + 1}" '
            f'id="{html(self.map.id)}--from-below"><span class="below-title">{lane_icon("below")}'
            f'{s["map.from_below"]} <span class="below-note">({s["map.from_below_note"]})</span></span></th></tr>\n',
        ]
        pain_icon, empty = lane_icon("pain_points"), f"<td>{none}</td>"
        rows: dict[str, list[str]] = {key: [] for key in _BELOW_LANES}
        for step in steps:
            below = step.below
            if below is None:
                for cells in rows.values():
                    cells.append(empty)
                continue
            rows["below_journeys"].append("<td><ul>" + "".join(
                f"<li>{self.linked('journey', j.id, j.title)}</li>" for j in below.journeys
            ) + "</ul></td>" if below.journeys else empty)
            rows["below_pain_points"].append(
                f'<td class="has-items"><p class="lane-count">{pain_icon}'
                f'{self.count("pain_points", below.pain_points)}</p></td>' if below.pain_points else empty)
            rows["below_emotion"].append(
                f'<td><span class="emotion">{emotion_icon(below.worst_emotion)}'
                f'{html(emotion_word(below.worst_emotion, self.strings))}</span></td>'
                if below.worst_emotion is not None else empty)
            rows["below_insights"].append(folded(
                self.count("insights", len(below.insights)), self.insight_items(below.insights)
            ) if below.insights else empty)
            rows["below_metrics"].append(folded(
                self.metric_summary(below.metrics), self.metric_items(below.metrics)
            ) if below.metrics else empty)
            rows["below_opportunities"].append(folded(
                self.count("opportunities", len(below.opportunities)), self.opportunity_items(below.opportunities)
            ) if below.opportunities else empty)
        for key, cells in rows.items():
            out.append(self.row(key, cells))
        out.append("</tbody>\n")
        return out

    def write(self) -> str:
        journey_map, s = self.map, self.s
        steps = journey_map.steps
        n = len(steps)
        map_id, compared = html(journey_map.id), journey_map.comparison
        out = ['<div class="map-frame">\n']
        if compared:
            current = html(self.strings["asis.key_current"].format(title=compared.current.title))
            out.append(f'<div class="curve-legend" id="{map_id}--legend"><p class="legend-title">'
                       f'{s["asis.legend"]}</p>\n<ul><li>{curve_key(False)} {s["asis.key_target"]}</li>'
                       f'<li>{curve_key(True)} {current}</li></ul>\n'
                       f'<p class="legend-note">{s["asis.key_note"]}</p></div>\n')
        hint = html(self.strings["map.scroll_hint"].format(steps=count(self.strings, "steps", n, self.language)))
        out.append(f'<p class="map-hint" id="{map_id}--map-hint">{lane_icon("journeys")}{hint}</p>\n'
                   f'<div class="map-scroll" role="region" aria-labelledby="{map_id}--map-caption" '
                   f'aria-describedby="{map_id}--map-hint" tabindex="0">\n'
                   f'<table class="journey-map steps-{n if n <= 16 else "many"}">\n'
                   f'<caption id="{map_id}--map-caption">{s["journey_map"]}: {html(journey_map.title)}</caption>\n'
                   '<colgroup><col class="lane-col">' + '<col class="step-col">' * n + "</colgroup>\n")
        out += self.head(steps)
        out += self.body(steps)
        if any(step.below for step in steps):
            out += self.below(steps)
        out.append("</table>\n</div>\n</div>\n")
        return "".join(out)


def folded(summary: str, body: str) -> str:
    """A cell whose items fold under their summary (a count)."""
    return f"<td><details><summary>{summary}</summary>{body}</details></td>"


def map_grid(journey_map: JourneyMap, link: Link, strings: Mapping[str, str]) -> Markup:
    """The map grid of `journey_map` (see the module docstring)."""
    return Markup(_Grid(journey_map, link, strings).write())
