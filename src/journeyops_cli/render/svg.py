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


def emotion_icon(emotion: int | None) -> Markup:
    """A small face whose mouth follows the emotion; decorative (`aria-hidden`)."""
    if emotion is None:
        return Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" class="emotion-icon" viewBox="0 0 20 20" '
            'width="20" height="20" aria-hidden="true" focusable="false">'
            '<circle cx="10" cy="10" r="8.5" fill="none" stroke="#525252" stroke-dasharray="3 2"/>'
            "</svg>"
        )
    bend = 13 + emotion * 2
    colour = COLOURS[emotion]
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="emotion-icon" viewBox="0 0 20 20" '
        'width="20" height="20" aria-hidden="true" focusable="false">'
        f'<circle cx="10" cy="10" r="8.5" fill="{colour}"/>'
        '<circle cx="7" cy="8" r="1.3" fill="#fff"/><circle cx="13" cy="8" r="1.3" fill="#fff"/>'
        f'<path d="M6 13 Q10 {bend} 14 13" stroke="#fff" stroke-width="1.6" fill="none" '
        'stroke-linecap="round"/></svg>'
    )
