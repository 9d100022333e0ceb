"""Small inline SVG trend lines for the metrics page, with a text alternative."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 120, 32, 4


def sparkline(values: Sequence[float], label: str, target: float | None = None) -> Markup:
    """An SVG line of `values` (oldest first), a dashed target line when given, and the
    last point marked; `label` is its accessible name (it lists the values in words)."""
    if not values:
        return Markup("")
    scale = [*values, *([target] if target is not None else [])]
    low, high = min(scale), max(scale)
    span = (high - low) or 1.0
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)

    def y(value: float) -> float:
        return round(HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD), 2)

    points = [(round(PAD + i * step, 2), y(v)) for i, v in enumerate(values)]
    if len(points) == 1:
        points = [(PAD, points[0][1]), (WIDTH - PAD, points[0][1])]
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" role="img" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
            f'aria-label="{escape(label)}">'
        ),
        f"<title>{escape(label)}</title>",
    ]
    if target is not None:
        ty = y(target)
        parts.append(f'<line class="target" x1="0" y1="{ty}" x2="{WIDTH}" y2="{ty}"/>')
    parts.append(
        '<polyline class="trend" points="' + " ".join(f"{x},{py}" for x, py in points) + '"/>'
    )
    last_x, last_y = points[-1]
    parts.append(f'<circle class="last" cx="{last_x}" cy="{last_y}" r="3"/>')
    parts.append("</svg>")
    return Markup("".join(parts))
