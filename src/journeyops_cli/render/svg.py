"""Inline SVG for journey maps: the emotion lane, the emotion face and the lane pictograms.

Interface for the site (stable):

- `emotion_plot(emotions, index) -> Markup`: the emotion lane's plot in step `index`'s
  cell; each cell draws its own half of the curve, so the points sit on the step columns
  by construction. A step without an emotion breaks the line there (no value is
  invented). Decorative: the cell says the emotion in words (`emotion_word`).
- `emotion_icon(emotion, size=20) -> Markup`: a small decorative face (`aria-hidden`);
  always put the emotion's words next to it, colour is never the only carrier.
- `lane_icon(lane) -> Markup`: the lane's decorative pictogram (`aria-hidden`).

Every text is escaped here; the output is deterministic (same input, same bytes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup

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
            start = _plot_y((before + current) / 2)
            lines.append(f'<line x1="0" y1="{start:g}" x2="50" y2="{y:g}" class="curve" {stroke}/>')
        if after is not None:
            end = _plot_y((current + after) / 2)
            lines.append(f'<line x1="50" y1="{y:g}" x2="100" y2="{end:g}" class="curve" {stroke}/>')
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
