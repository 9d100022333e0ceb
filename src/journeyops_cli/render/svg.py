"""Inline SVG for journey maps: the emotion lane, the emotion face and the lane pictograms.

Interface for the site (stable):

- `emotion_plot(emotions, index) -> Markup`: the emotion lane's plot in step `index`'s
  cell; each cell draws its own half of the curve, so the points sit on the step columns
  by construction. A step without an emotion breaks the line there (no value is
  invented). Decorative: the cell says the emotion in words (`emotion_word`).
  With `asis` (a target journey), the as-is curve is drawn in the same plot: dashed, its
  points hollow diamonds (`curve_key(asis)` draws either curve's sample for the legend).
- `emotion_icon(emotion, size=20) -> Markup`: a small decorative face (`aria-hidden`);
  always put the emotion's words next to it, colour is never the only carrier.
- `lane_icon(lane) -> Markup`: the lane's decorative pictogram (`aria-hidden`).
- `share_bars`, `status_bar`, `trend_lines`: the charts of figures on the site's
  scorecard and dashboards (see their section).

Every text is escaped here; the output is deterministic (same input, same bytes).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from markupsafe import Markup, escape

COLOURS = {-2: "#a4161a", -1: "#b54708", 0: "#525252", 1: "#2b6a30", 2: "#1d4d21"}


def emotion_word(emotion: int | None, labels: Mapping[str, str]) -> str:
    """`Good (+1)`, `Neutral (0)`, or `Not recorded`."""
    if emotion is None:
        return labels["emotion.none"]
    return f"{labels[f'emotion.{emotion}']} ({emotion:+d})" if emotion else f"{labels['emotion.0']} (0)"


def emotion_icon(emotion: int | None, size: int = 20) -> Markup:
    """A small face whose mouth follows the emotion; decorative (`aria-hidden`)."""
    if emotion is None:
        return Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" class="emotion-icon" viewBox="0 0 20 20" '
            f'width="{size}" height="{size}" aria-hidden="true" focusable="false">'
            '<circle cx="10" cy="10" r="8.5" fill="none" stroke="#525252" stroke-dasharray="3 2"/>'
            "</svg>"
        )
    bend = 13 + emotion * 2
    colour = COLOURS[emotion]
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="emotion-icon" viewBox="0 0 20 20" '
        f'width="{size}" height="{size}" aria-hidden="true" focusable="false">'
        f'<circle cx="10" cy="10" r="8.5" fill="{colour}"/>'
        '<circle cx="7" cy="8" r="1.3" fill="#fff"/><circle cx="13" cy="8" r="1.3" fill="#fff"/>'
        f'<path d="M6 13 Q10 {bend} 14 13" stroke="#fff" stroke-width="1.6" fill="none" '
        'stroke-linecap="round"/></svg>'
    )


# The emotion lane of the map grid: one plot per step cell, so every point sits on its step
# column by construction. Each cell draws its half-segments to the midpoints between its
# value and its neighbours' (the cells' edges meet, so the line is continuous); the face is
# positioned by a class (`lvl-m2` … `lvl-p2`), never an inline style (the site's CSP).
_LEVEL_CLASS = {-2: "lvl-m2", -1: "lvl-m1", 0: "lvl-0", 1: "lvl-p1", 2: "lvl-p2"}


def _plot_y(emotion: float) -> float:
    return 12 + (2 - emotion) * 19


def _half_segments(values: Sequence[int | None], index: int, css: str) -> list[str]:
    """The two half-segments of a curve in step `index`'s cell: from the midpoint with the
    previous value to this one, and on to the midpoint with the next (none where either
    value is missing: the line breaks)."""
    current = values[index]
    if current is None:
        return []
    before = values[index - 1] if index > 0 else None
    after = values[index + 1] if index + 1 < len(values) else None
    stroke = 'vector-effect="non-scaling-stroke"'
    y = _plot_y(current)
    lines = []
    if before is not None:
        start = _plot_y((before + current) / 2)
        lines.append(f'<line x1="0" y1="{start:g}" x2="50" y2="{y:g}" class="{css}" {stroke}/>')
    if after is not None:
        end = _plot_y((current + after) / 2)
        lines.append(f'<line x1="50" y1="{y:g}" x2="100" y2="{end:g}" class="{css}" {stroke}/>')
    return lines


# The as-is point: a hollow diamond (the to-be point is the face), drawn over the face so
# that an unchanged emotion shows both.
_ASIS_MARK = (
    '<svg xmlns="http://www.w3.org/2000/svg" class="asis-mark" viewBox="0 0 14 14" width="14" height="14" '
    'aria-hidden="true" focusable="false"><path d="M7 1.2 12.8 7 7 12.8 1.2 7z" fill="#fff" '
    'stroke="#1f2933" stroke-width="2"/></svg>'
)


def emotion_plot(emotions: Sequence[int | None], index: int, asis: Sequence[int | None] | None = None) -> Markup:
    """The emotion lane's plot for step `index` of `emotions` (decorative: the cell's words
    say the emotion). With `asis` (a target journey's map: the as-is emotion under each of
    its steps, None where there is none), the as-is curve is drawn dashed in the same
    plot, its point a hollow diamond; the to-be curve stays solid with the face."""
    lines = ['<line x1="0" y1="50" x2="100" y2="50" class="zero" vector-effect="non-scaling-stroke"/>']
    mark = ""
    if asis is not None:
        lines += _half_segments(asis, index, "curve asis")
        before = asis[index]
        if before is not None:
            mark = f'<span class="asis-point {_LEVEL_CLASS[before]}">{_ASIS_MARK}</span>'
    lines += _half_segments(emotions, index, "curve")
    current = emotions[index]
    level = _LEVEL_CLASS[current] if current is not None else "lvl-0"
    return Markup(
        '<span class="emotion-plot" aria-hidden="true">'
        '<svg xmlns="http://www.w3.org/2000/svg" class="emotion-line" viewBox="0 0 100 100" '
        'preserveAspectRatio="none" focusable="false">' + "".join(lines) + "</svg>"
        f'<span class="emotion-point {level}">{emotion_icon(current, 28)}</span>{mark}</span>'
    )


def curve_key(asis: bool) -> Markup:
    """A sample of a curve for the legend (decorative): dashed with the diamond for the
    as-is curve, solid with the face for the to-be one."""
    if asis:
        line = '<line x1="2" y1="10" x2="46" y2="10" class="curve asis"/>'
        point = '<path d="M24 4.5 29.5 10 24 15.5 18.5 10z" fill="#fff" stroke="#1f2933" stroke-width="2"/>'
    else:
        line = '<line x1="2" y1="10" x2="46" y2="10" class="curve"/>'
        point = '<circle cx="24" cy="10" r="7" fill="#2b6a30"/>'
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="curve-key" viewBox="0 0 48 20" width="48" height="20" '
        f'aria-hidden="true" focusable="false">{line}{point}</svg>'
    )


_LANE_ICONS = {
    # 20×20 outline pictograms, drawn with currentColor (the lane's colour).
    "description": '<path d="M4 4h12M4 8h12M4 12h8"/>',
    "parent_step": '<path d="M10 16V5M5 9l5-5 5 5"/>',
    "cx_goals": '<circle cx="10" cy="10" r="7.5"/><circle cx="10" cy="10" r="4"/><circle cx="10" cy="10" r=".8"/>',
    "customer_actions": '<circle cx="10" cy="5" r="2.5"/><path d="M5 18l2-8h6l2 8M7 10l-3 3M13 10l3 3"/>',
    "channels": '<rect x="6" y="2.5" width="8" height="15" rx="1.5"/><path d="M9 14.5h2"/>',
    "emotion": '<circle cx="10" cy="10" r="7.5"/><path d="M6.5 12.5q3.5 3 7 0"/><path d="M7.5 8h.01M12.5 8h.01"/>',
    "pain_points": '<path d="M10 2.5l8 14H2z"/><path d="M10 8v4M10 14.5v.01"/>',
    "insights": '<circle cx="8.5" cy="8.5" r="5"/><path d="M12.5 12.5l5 5"/>',
    "metrics": '<path d="M3 17h14M5 17V10M10 17V5M15 17v-5"/>',
    "opportunities": '<path d="M10 2.5l2.3 4.8 5.2.7-3.8 3.6.9 5.2L10 14.3l-4.6 2.5.9-5.2L2.5 8l5.2-.7z"/>',
    "child_steps": '<path d="M10 4v11M5 11l5 5 5-5"/>',
    "below": '<path d="M10 3v12M5 10l5 5 5-5M4 18h12"/>',
    "journeys": '<path d="M3 15c4 0 4-10 8-10h6M14 2l3 3-3 3"/>',
}


def _icon(lane: str) -> str:
    """A lane "from below" shares its lane's pictogram."""
    return lane if lane in _LANE_ICONS else lane.removeprefix("below_")


def lane_icon(lane: str) -> Markup:
    """The lane's pictogram (decorative, `aria-hidden`; the lane's label says the same)."""
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="lane-icon" viewBox="0 0 20 20" width="18" '
        'height="18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" '
        f'stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">{_LANE_ICONS[_icon(lane)]}</svg>'
    )


# --- charts of figures (the site's scorecard and dashboards) -------------------------------
#
# `share_bars(rows, title)`, `status_bar(parts, title)` and `trend_lines(series, dates,
# title)` draw inline SVG (`role="img"`, `<title>`, an `aria-label` that says every value in
# words) with no script, no style attribute and no request: they work offline under the
# site's Content-Security-Policy. Colour is never the only carrier: bars carry their value
# as text and lines differ in dash and marker. Callers put a table of the same figures next
# to each chart (the text alternative a screen reader or a printout uses).

BAR_WIDTH = 300
BAR_HEIGHT = 14
BAR_TEXT = 18
BAR_GAP = 10
SERIES_DASHES = ("", "6 3", "2 3", "10 3 2 3")


def _chart_open(css: str, width: int, height: int, title: str, spoken: str) -> list[str]:
    """A chart's `<svg>` start tag and `<title>`; its accessible name is the title and
    `spoken`, every value in words."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css}" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{escape(title + ": " + spoken)}">',
        f"<title>{escape(title)}</title>",
    ]


def _round(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def share_bars(rows: Sequence[tuple[str, float | None, str]], title: str) -> Markup:
    """Horizontal bars, one per `(label, share 0..1 or None, value in words)`, each under
    its label and value as text; the `<svg>`'s accessible name lists every label and value.
    A share of None draws no bar."""
    row_height = BAR_TEXT + BAR_HEIGHT + BAR_GAP
    height = max(len(rows), 1) * row_height
    width = BAR_WIDTH + 2
    spoken = "; ".join(f"{label}: {words}" for label, _, words in rows)
    parts = [
        *_chart_open("share-bars", width, height, title, spoken),
    ]
    for i, (label, share, words) in enumerate(rows):
        top = i * row_height
        parts.append(f'<text class="value" x="1" y="{top + BAR_TEXT - 5}">{escape(f"{label}: {words}")}</text>')
        y = top + BAR_TEXT
        parts.append(f'<rect class="track" x="1" y="{y}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}"/>')
        if share is not None:
            filled = _round(max(0.0, min(1.0, share)) * BAR_WIDTH)
            parts.append(f'<rect class="bar" x="1" y="{y}" width="{filled}" height="{BAR_HEIGHT}">'
                         f"<title>{escape(f'{label}: {words}')}</title></rect>")
    parts.append("</svg>")
    return Markup("".join(parts))


def status_bar(parts: Sequence[tuple[str, int, str]], title: str) -> Markup:
    """One bar split by count, each `(label, count, css class)` (e.g. metrics on target,
    off target, without a value), with every count written under it."""
    total = sum(count for _, count, _ in parts)
    width, height = BAR_WIDTH + 8, BAR_HEIGHT + 2 * BAR_GAP
    spoken = "; ".join(f"{label}: {count}" for label, count, _ in parts)
    out = [
        *_chart_open("status-bar", width, height, title, spoken),
        f'<rect class="track" x="0" y="{BAR_GAP}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}"/>',
    ]
    x = 0.0
    for label, count, css in parts:
        if not count or not total:
            continue
        span = count / total * BAR_WIDTH
        out.append(f'<rect class="part {escape(css)}" x="{_round(x)}" y="{BAR_GAP}" width="{_round(span)}" '
                   f'height="{BAR_HEIGHT}"><title>{escape(f"{label}: {count}")}</title></rect>')
        x += span
    out.append("</svg>")
    return Markup("".join(out))


def trend_lines(series: Sequence[tuple[str, Sequence[float | None]]], dates: Sequence[str],
                title: str, percent: Callable[[float], str] | None = None) -> Markup:
    """Shares (0..1) over time, one line per `(name, values by date)`, dates oldest first
    on the x axis (0 % to 100 % on the y axis). A missing value breaks its line. Each line
    has its own dash in the key; the accessible name lists every value, each share written
    by `percent` (default `75 %`)."""
    percent = percent or (lambda share: f"{_round(100 * share)} %")
    left, top, plot_h, bottom, key = 44, 12, 140, 40, 230
    column = max(72, 432 // max(len(dates), 1))
    width = left + column * max(len(dates), 1) + key
    height = top + plot_h + bottom

    def y(value: float) -> str:
        return _round(top + (1 - max(0.0, min(1.0, value))) * plot_h)

    def x(index: int) -> int:
        return left + column * index + column // 2

    spoken = "; ".join(
        f"{name}: " + ", ".join(f"{date} {'–' if v is None else percent(v)}"
                                for date, v in zip(dates, values, strict=False))
        for name, values in series
    )
    out = [
        *_chart_open("trend-lines", width, height, title, spoken),
    ]
    for tick in (0, 50, 100):
        ty = y(tick / 100)
        out.append(f'<line class="grid" x1="{left}" y1="{ty}" x2="{left + column * len(dates)}" y2="{ty}"/>')
        out.append(f'<text class="axis" x="{left - 6}" y="{ty}" text-anchor="end" '
                   f'dominant-baseline="middle">{escape(percent(tick / 100))}</text>')
    for index, date in enumerate(dates):
        out.append(f'<text class="axis" x="{x(index)}" y="{top + plot_h + 18}" '
                   f'text-anchor="middle">{escape(date)}</text>')
    for number, (name, values) in enumerate(series):
        dash = SERIES_DASHES[number % len(SERIES_DASHES)]
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        runs: list[list[str]] = [[]]
        for index, value in enumerate(values):
            if value is None:
                runs.append([])
            else:
                runs[-1].append(f"{x(index)},{y(value)}")
        for run in runs:
            if len(run) > 1:
                out.append(f'<polyline class="line s{number}" points="{" ".join(run)}"{dashed}/>')
            for point in run:
                px, py = point.split(",")
                out.append(f'<circle class="dot s{number}" cx="{px}" cy="{py}" r="3.5"/>')
        key_x, key_y = left + column * len(dates) + 12, top + 10 + 20 * number
        out.append(f'<line class="line s{number}" x1="{key_x}" y1="{key_y}" x2="{key_x + 28}" y2="{key_y}"{dashed}/>')
        out.append(f'<text class="name" x="{key_x + 34}" y="{key_y}" dominant-baseline="middle">{escape(name)}</text>')
    out.append("</svg>")
    return Markup("".join(out))
