"""Untrusted text stays text (issue 8, requirement 4): Markdown tables, Mermaid labels, HTML."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from tests.render.helpers import HOSTILE, bank

from journeyops_cli.models import Journey
from journeyops_cli.render.i18n import strings
from journeyops_cli.render.journey_map import JourneyMap, StepView, build_map
from journeyops_cli.render.journey_page import map_script, render_html, render_markdown
from journeyops_cli.render.mermaid import journey_diagram
from journeyops_cli.render.safety import md_cell, mermaid_label
from journeyops_cli.render.svg import emotion_plot, lane_icon


def hostile_map() -> JourneyMap:
    b = bank(HOSTILE)
    journey = b.get(Journey, "hostile")
    assert journey is not None
    return build_map(b, journey, "en")


def _rows(text: str) -> list[int]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    rows: list[int] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append(0)
        elif token.type in ("th_open", "td_open"):
            rows[-1] += 1
    return rows


def test_markdown_table_keeps_its_columns() -> None:
    m = hostile_map()
    rows = _rows(render_markdown(m))
    assert rows == [len(m.steps) + 1] * 8  # header + 7 lanes (no parent or child steps)


def test_markdown_has_no_live_html_or_links_from_data() -> None:
    text = render_markdown(hostile_map())
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "<svg" not in html and "<b>" not in html
    assert "href=" not in re.sub(r'href="[a-z-]+\.md"', "", html)


def test_mermaid_labels_are_neutered() -> None:
    diagram = journey_diagram(hostile_map(), strings("en"))
    assert diagram is not None
    lines = diagram.splitlines()
    assert lines[:3] == ["journey", "  title Evil | journey /scriptscriptalert('title')/script", "  section Emotion"]
    tasks = lines[3:]
    assert [t.split(".")[0].strip() for t in tasks] == ["1", "2", "3", "4", "6"]  # step 5 has no emotion
    for task in tasks:
        assert re.fullmatch(r"    \d+\. [^:#;%{}\n`]*(%[^%:#;{}\n`]*)*: [1-5]", task), task
    assert "%%" not in diagram and "{" not in diagram and "#" not in diagram


def test_html_has_no_script_but_its_own_and_no_javascript_href() -> None:
    page = render_html(hostile_map())
    script, source = map_script()
    # the one script is the map's own, and the CSP allows exactly it
    assert page.lower().count("<script") == 1 and f"<script>{script}</script>" in page
    assert f"script-src {source};" in page and source.startswith("'sha256-")
    assert "javascript:" not in page.lower().replace("javascript:alert", "")  # only as text
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith(("https://", "#")) or h.endswith(".html") for h in hrefs), hrefs
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "<iframe" not in page and "onerror=" not in page.replace("onerror=alert", "")
    # the evidence links were refused: javascript:, case and leading space, a tab in the scheme
    assert [i.evidence for i in hostile_map().steps[0].insights] == [None, None]


def test_md_cell_escapes_structure() -> None:
    assert md_cell("a|b") == "a\\|b"
    assert md_cell("end\\") == "end\\\\"  # a trailing backslash cannot escape the next `|`
    assert md_cell("x\\|y") == "x\\\\\\|y"
    assert md_cell("[a](javascript:x)") == "\\[a\\](javascript:x)"
    assert md_cell("one\ntwo\r\nthree") == "one two  three"
    assert md_cell("<script>&") == "&lt;script&gt;&amp;"


def test_mermaid_label_escapes_structure() -> None:
    assert mermaid_label("%%{init: {'theme':'dark'}}%%") == "%init - 'theme' -'dark'%"
    assert mermaid_label("%%%%x") == "%x"
    assert mermaid_label("a;b#c:d\ne`f<g>") == "a,bno.c -d efg"
    assert mermaid_label(" \n ") == "-"


_TEXT = st.text(alphabet=st.sampled_from(list("ab |\\\n\r[]()`<>&%{}:;#*_-!")), max_size=30)


@settings(max_examples=150, deadline=None)
@given(title=_TEXT, action=_TEXT)
def test_any_step_text_keeps_the_table_and_diagram_shape(title: str, action: str) -> None:
    base = hostile_map()
    step = StepView(1, "s", title, "", [action], [], [title], -1, [title], [], [], [], None, [])
    m = JourneyMap(base.id, "en", title or "t", "", "mid", "draft", None, None, None, None, [], [],
                   [], None, [], [step, step])
    assert _rows(render_markdown(m)) == [3] * 8
    diagram = journey_diagram(m, strings("en"))
    assert diagram is not None and len(diagram.splitlines()) == 5


def test_emotion_lane_draws_each_cells_half_of_the_curve_and_breaks_at_a_gap() -> None:
    emotions = [1, -1, None, 2]
    first, second, gap, last = (str(emotion_plot(emotions, i)) for i in range(4))
    # Neighbouring cells meet at the midpoint between their values (y 31 and 69 -> 50).
    assert '<line x1="50" y1="31" x2="100" y2="50" class="curve"' in first
    assert '<line x1="0" y1="50" x2="50" y2="69" class="curve"' in second
    assert second.count('class="curve"') == 1  # nothing drawn towards the step without an emotion
    assert 'class="curve"' not in gap and 'class="curve"' not in last
    assert 'class="emotion-point lvl-p1"' in first and 'class="emotion-point lvl-p2"' in last
    assert 'aria-hidden="true"' in first and "style=" not in first + second + gap + last  # CSP: no inline style
    assert 'aria-hidden="true"' in str(lane_icon("below_insights"))
