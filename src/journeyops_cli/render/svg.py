"""Inline SVG for journey maps: the emotion curve and the emotion face icon.

Interface for the site (stable):

- `emotion_curve(points, labels=None) -> Markup`: a `<figure>` with an inline SVG
  (`role="img"`, `<title>`, `aria-label`) of the emotion per step, and as its caption a text
  alternative listing every step's emotion. `points` are `(step title, emotion -2..2 or
  None)` in step order, e.g. `JourneyMap.emotion_points()`. A step without an emotion
  breaks the line there (no value is invented) and is listed as "not recorded".
  `labels` is a `render.i18n.strings()` dict (English when omitted).
- `emotion_icon(emotion) -> Markup`: a small decorative face (`aria-hidden`); always put
  the emotion's words next to it, colour is never the only carrier.

Every text is escaped here; the output is deterministic (same input, same bytes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

from journeyops_cli.render.i18n import strings

COLUMN = 120
LEFT = 112
TOP = 16
LEVEL = 36
BOTTOM = 34
COLOURS = {-2: "#a4161a", -1: "#b54708", 0: "#525252", 1: "#2b6a30", 2: "#1d4d21"}


def emotion_word(emotion: int | None, labels: Mapping[str, str]) -> str:
    """`Good (+1)`, `Neutral (0)`, or `Not recorded`."""
    if emotion is None:
        return labels["emotion.none"]
    return f"{labels[f'emotion.{emotion}']} ({emotion:+d})" if emotion else f"{labels['emotion.0']} (0)"


def _y(emotion: int) -> int:
    return TOP + (2 - emotion) * LEVEL


def emotion_curve(
    points: Sequence[tuple[str, int | None]], labels: Mapping[str, str] | None = None
) -> Markup:
    """The emotion curve figure; see the module docstring."""
    labels = labels or strings("en")
    title = labels["emotion_curve"]
    width = LEFT + COLUMN * max(len(points), 1)
    height = TOP + LEVEL * 4 + BOTTOM
    summary = "; ".join(
        f"{i}. {name}: {emotion_word(emotion, labels)}" for i, (name, emotion) in enumerate(points, 1)
    )
    parts: list[str] = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="emotion-curve-svg" role="img" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'aria-label="{escape(title + ": " + summary)}">'
        ),
        f"<title>{escape(title)}</title>",
    ]
    for level in range(2, -3, -1):
        y = _y(level)
        parts.append(
            f'<line x1="{LEFT - 8}" y1="{y}" x2="{width - 8}" y2="{y}" class="grid'
            f'{" zero" if level == 0 else ""}"/>'
        )
        parts.append(
            f'<text x="{LEFT - 14}" y="{y + 4}" text-anchor="end" class="axis">'
            f"{escape(labels[f'emotion.{level}'])}</text>"
        )
    segment: list[str] = []
    lines: list[list[str]] = [segment]
    for i, (_, emotion) in enumerate(points):
        x = LEFT + COLUMN * i + COLUMN // 2 - 8
        if emotion is None:
            segment = []
            lines.append(segment)
        else:
            segment.append(f"{x},{_y(emotion)}")
    for line in lines:
        if len(line) > 1:
            parts.append(f'<polyline points="{" ".join(line)}" class="curve"/>')
    for i, (name, emotion) in enumerate(points):
        x = LEFT + COLUMN * i + COLUMN // 2 - 8
        number = i + 1
        if emotion is None:
            parts.append(
                f'<text x="{x}" y="{_y(0) + 4}" text-anchor="middle" class="missing">?</text>'
            )
        else:
            parts.append(
                f'<circle cx="{x}" cy="{_y(emotion)}" r="7" fill="{COLOURS[emotion]}" class="point">'
                f"<title>{escape(f'{number}. {name}: {emotion_word(emotion, labels)}')}</title>"
                "</circle>"
            )
        parts.append(
            f'<text x="{x}" y="{height - 10}" text-anchor="middle" class="step">{number}</text>'
        )
    parts.append("</svg>")
    items = "".join(
        f"<li>{escape(name)}: {escape(emotion_word(emotion, labels))}</li>" for name, emotion in points
    )
    return Markup(
        '<figure class="emotion-curve">'
        + "".join(parts)
        + f"<figcaption><p>{escape(labels['emotion_curve.summary'])}</p>"
        + f"<ol>{items}</ol></figcaption></figure>"
    )


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


def emotion_plot(emotions: Sequence[int | None], index: int) -> Markup:
    """The emotion lane's plot for step `index` of `emotions` (decorative: the cell's words
    say the emotion)."""
    current = emotions[index]
    before = emotions[index - 1] if index > 0 else None
    after = emotions[index + 1] if index + 1 < len(emotions) else None
    stroke = 'vector-effect="non-scaling-stroke"'
    lines = [f'<line x1="0" y1="50" x2="100" y2="50" class="zero" {stroke}/>']
    if current is not None:
        y = _plot_y(current)
        if before is not None:
            lines.append(f'<line x1="0" y1="{_plot_y((before + current) / 2):g}" x2="50" y2="{y:g}" class="curve" {stroke}/>')
        if after is not None:
            lines.append(f'<line x1="50" y1="{y:g}" x2="100" y2="{_plot_y((current + after) / 2):g}" class="curve" {stroke}/>')
    level = _LEVEL_CLASS[current] if current is not None else "lvl-0"
    return Markup(
        '<span class="emotion-plot" aria-hidden="true">'
        '<svg xmlns="http://www.w3.org/2000/svg" class="emotion-line" viewBox="0 0 100 100" '
        'preserveAspectRatio="none" focusable="false">' + "".join(lines) + "</svg>"
        f'<span class="emotion-point {level}">{emotion_icon(current, 28)}</span></span>'
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
