"""The Mermaid `journey` diagram of a journey's emotion curve (GitHub renders it).

- One task per step that has an emotion, in step order, labelled `N. step title` and
  scored `emotion + 3` (Mermaid's 1..5 scale: -2 -> 1, 0 -> 3, +2 -> 5).
- A step without an emotion is left out (no score is invented for it); the step number
  in the label keeps the gap visible. A journey with no emotion at all gets no diagram.
- Every label goes through `safety.mermaid_label` (no `:`, `;`, `#`, `%%`, braces,
  backticks or line breaks) and task labels start with the step number, so a title
  beginning with a Mermaid keyword (`section`, `title`, `journey`) stays a label.
- A target journey's diagram (the map has a `comparison`) has two sections, the as-is
  emotions of the steps it shares with the current journey first, then the to-be ones:
  Mermaid's journey diagram draws no second line, so the two curves stand side by side.
"""

from __future__ import annotations

from collections.abc import Mapping

from journeyops_cli.render.journey_map import JourneyMap
from journeyops_cli.render.safety import mermaid_label


def score(emotion: int) -> int:
    """Emotion -2..2 as Mermaid's journey score 1..5."""
    return emotion + 3


def journey_diagram(journey_map: JourneyMap, labels: Mapping[str, str]) -> str | None:
    """The diagram text (without the code fence), or None when no step has an emotion."""
    if not journey_map.has_emotion:
        return None
    lines = ["journey", f"  title {mermaid_label(journey_map.title)}"]
    compared = journey_map.comparison
    if compared is not None and any(emotion is not None for emotion in compared.emotions):
        lines.append(f"  section {mermaid_label(labels['state.current'])}")
        for step, before in zip(journey_map.steps, compared.emotions, strict=True):
            if before is not None:
                lines.append(f"    {step.number}. {mermaid_label(step.title)}: {score(before)}")
        lines.append(f"  section {mermaid_label(labels['state.target'])}")
    else:
        lines.append(f"  section {mermaid_label(labels['lane.emotion'])}")
    for step in journey_map.steps:
        if step.emotion is not None:
            lines.append(f"    {step.number}. {mermaid_label(step.title)}: {score(step.emotion)}")
    return "\n".join(lines) + "\n"
