"""Generate a deterministic synthetic journey bank of any size, written the ways people
write YAML.

    python benchmarks/generate.py --journeys 2000 --out /tmp/bank [--seed 7] [--style varied]

The shape follows a large city's bank: about one anchor theme per 20 journeys; a few top
journeys, mid journeys under them and detailed journeys under the mids, every child step
naming a step of its parent; 6–10 steps per journey; Finnish and English text; comments;
per journey 10 insights (nine one-record files from research and user tests, and one
feedback insight in multi-document import files of 10 records), 2 metrics and 3
opportunities, every reference valid. 2,000 journeys make about 30,000 files.

The records are built as data first and then written in a style chosen per file
(`--style varied`, the default): folded (`>-`) and literal (`|-`) scalars, plain, single-
and double-quoted strings, quoted and plain URLs, flow and block lists and mappings,
own-line and trailing comments, 2- or 4-space indentation, indented and non-indented
sequences, an explicit `---` at the top of some files. Each file's style comes from the
seed and the file's path, never from the records, so the records (their meaning) are
the same whatever the style. `--style classic` writes every file in the one layout the
first generator used (double-quoted text, 2 spaces, indented sequences): the
developers' bank the earlier benchmarks ran on.

The same arguments always give byte-identical files, so timings are comparable across runs.
The output validates clean with `journeyops validate`.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import textwrap
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FI_WORDS = [
    "hakemus", "päätös", "asiakas", "palvelu", "neuvonta", "ajanvaraus", "lomake",
    "maksu", "asunto", "päiväkoti", "terveysasema", "työnhaku", "yritys", "kirje",
    "sähköinen", "asiointi", "odotus", "selvitys", "liite", "tunnistautuminen",
    "vastaus", "käsittely", "muistutus", "perhe", "koulu", "kotihoito", "ohjaus",
    "kysely", "palaute", "tieto",
]
EN_WORDS = [
    "application", "decision", "customer", "service", "advice", "booking", "form",
    "fee", "home", "daycare", "health-station", "jobseeking", "business", "letter",
    "online", "transaction", "waiting", "clarification", "attachment", "sign-in",
    "answer", "processing", "reminder", "family", "school", "home-care", "guidance",
    "survey", "feedback", "information",
]
CHANNELS = ("web", "mobile-app", "e-service", "phone", "email", "chat", "letter", "service-point")
INSIGHT_TYPES = ("research", "interview", "usability-test", "survey", "analytics", "observation")
SEVERITIES = ("low", "medium", "high", "critical")
CONFIDENCES = ("low", "medium", "high")
STATUSES = ("idea", "proposed", "planned", "in-progress")
GROUPS = (
    ("residents", "Kaupunkilaiset", "Residents"),
    ("families-with-children", "Lapsiperheet", "Families with children"),
    ("newcomers", "Maahan muuttaneet", "International newcomers"),
    ("jobseekers", "Työnhakijat", "Jobseekers"),
    ("entrepreneurs", "Yrittäjät", "Entrepreneurs"),
    ("young-adults", "Nuoret aikuiset", "Young adults"),
    ("seniors", "Ikääntyneet", "Seniors"),
    ("students", "Opiskelijat", "Students"),
)
EVENTS = (
    ("having-a-child", "Lapsen syntymä", "Having a child"),
    ("child-starts-daycare", "Lapsi aloittaa varhaiskasvatuksen", "A child starts daycare"),
    ("moving-to-helsinki", "Muutto Helsinkiin", "Moving to Helsinki"),
    ("finding-a-home", "Asunnon etsiminen", "Finding a home"),
    ("losing-a-job", "Työpaikan menetys", "Losing a job"),
    ("starting-a-business", "Yrityksen perustaminen", "Starting a business"),
    ("falling-ill", "Sairastuminen", "Falling ill"),
    ("retiring", "Eläkkeelle jääminen", "Retiring"),
)
TEAMS_PER_THEME = 2
INSIGHTS_PER_JOURNEY = 10
FEEDBACK_PER_FILE = 10
METRICS_PER_JOURNEY = 2
OPPORTUNITIES_PER_JOURNEY = 3
STYLES = ("varied", "classic")


class Raw(str):
    """A scalar written as it is, never quoted (dates, numbers kept as text)."""


def q(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- styles -------------------------------------------------------------------------------

# Text that means the same string plain: starts with a letter or digit, no `: ` or ` #`,
# no flow indicators, no trailing colon or space, and is not a YAML keyword or number.
_PLAIN = re.compile(r"[A-Za-zÀ-ÿ][^\n:#,\[\]{}\"']*")
_KEYWORD = re.compile(r"(?i:true|false|null|yes|no|on|off|y|n|~)|[-+.0-9].*")
TEXT_STYLES = ("double", "single", "plain", "folded", "literal")
COMMENTS = (
    "checked with the service team",
    "from the 2025 interviews",
    "TODO: ask the owner",
    "keep in sync with the service catalogue",
    "see the research wiki",
)


@dataclass(frozen=True)
class Style:
    """How one file is written."""

    indent: int = 2  # spaces per level of block mappings
    indent_sequences: bool = True  # "key:\n  - a" (True) or "key:\n- a"
    text: tuple[str, ...] = ("double",)  # styles for text, one picked per value
    lang_flow: float = 0.0  # share of short {fi, en} texts written as a flow mapping
    title_flow: bool = True  # titles as {fi: …, en: …}
    flow_lists: float = 1.0  # share of lists of plain words written as [a, b]
    comments: float = 0.0  # share of keys with an own-line comment above
    trailing: float = 0.0  # share of scalar values with a trailing comment
    quote_urls: bool = False
    quote_ids: float = 0.0  # share of ids and references written quoted
    document_start: bool = False  # an explicit `---` at the top
    width: int = 60  # where folded text wraps


CLASSIC = Style()


def style_for(rel: str, seed: int, kind: str) -> Style:
    """The style of the file at `rel`, from the seed and the path alone."""
    if kind == "classic":
        return CLASSIC
    rng = random.Random(zlib.crc32(f"{seed}:{rel}".encode()))
    favourite = rng.choice(TEXT_STYLES)
    mix = rng.random()
    text = (favourite,) if mix < 0.6 else tuple(rng.sample(TEXT_STYLES, k=rng.randint(2, 4)))
    return Style(
        indent=rng.choice((2, 2, 4)),
        indent_sequences=rng.random() < 0.6,
        text=text,
        lang_flow=rng.choice((0.0, 0.3, 1.0)),
        title_flow=rng.random() < 0.5,
        flow_lists=rng.choice((0.0, 0.5, 1.0)),
        comments=rng.choice((0.0, 0.05, 0.2)),
        trailing=rng.choice((0.0, 0.05, 0.15)),
        quote_urls=rng.random() < 0.5,
        quote_ids=rng.choice((0.0, 0.0, 0.3)),
        document_start=rng.random() < 0.3,
        width=rng.choice((50, 72, 88)),
    )


class Emitter:
    """Writes records (dicts, lists, strings, numbers) as YAML in one Style."""

    def __init__(self, style: Style, rng: random.Random) -> None:
        self.style = style
        self.rng = rng
        self.out: list[str] = []

    def chance(self, share: float) -> bool:
        return share > 0 and self.rng.random() < share

    # scalars

    def inline(self, value: Any, flow: bool = False) -> str:
        """A scalar on one line (inside a flow collection when `flow`)."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float, Raw)):
            return str(value)
        text = str(value)
        if text.startswith(("http://", "https://")):
            return q(text) if self.style.quote_urls else text
        if _is_slug(text):
            return ("'" + text + "'") if self.chance(self.style.quote_ids) else text
        choice = self.rng.choice(self.style.text)
        if choice in ("folded", "literal"):
            choice = "double" if flow else choice
        if choice == "plain" and _plain(text):
            return text
        if choice == "single" and "\n" not in text:
            return "'" + text.replace("'", "''") + "'"
        return q(text)

    def scalar(self, value: Any, indent: int) -> str:
        """A scalar after `key:` or `- ` in block context: inline, or a block scalar whose
        lines are indented by `indent`."""
        if isinstance(value, str) and not isinstance(value, Raw) and " " in value and not _is_slug(value):
            choice = self.rng.choice(self.style.text)
            pad = " " * indent
            if choice == "folded" and "\n" not in value and value == value.strip():
                lines = textwrap.wrap(value, self.style.width, break_long_words=False, break_on_hyphens=False)
                if " ".join(lines) == value:
                    return ">-\n" + "".join(f"{pad}{line}\n" for line in lines)[:-1]
            if choice == "literal" and "\n" not in value and value == value.strip():
                return f"|-\n{pad}{value}"
        return self.inline(value)

    def after(self, text: str) -> str:
        """A trailing comment after an inline scalar, sometimes."""
        return "" if "\n" in text else self.trailing()

    def trailing(self) -> str:
        return f"  # {self.rng.choice(COMMENTS)}" if self.chance(self.style.trailing) else ""

    # collections

    def flow(self, value: Any) -> str:
        """A flow collection (or a scalar inside one)."""
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k}: {self.flow(v)}" for k, v in value.items()) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.flow(v) for v in value) + "]"
        return self.inline(value, True)

    def flowable(self, key: str, value: Any) -> bool:
        if isinstance(value, dict):
            if not value or not all(isinstance(v, str) for v in value.values()) or set(value) - {"fi", "en", "sv"}:
                return False
            if key == "title":
                return self.style.title_flow
            return self.chance(self.style.lang_flow)
        if isinstance(value, list):
            if not value:
                return True
            if all(isinstance(v, (str, int, float)) and (not isinstance(v, str) or " " not in v) for v in value):
                return self.chance(self.style.flow_lists)
            if all(isinstance(v, dict) and self.flowable("title", v) for v in value):
                return self.chance(self.style.lang_flow) or self.style is CLASSIC
        return False

    def mapping(self, value: dict[str, Any], column: int, first_prefix: str | None = None) -> None:
        """Write a block mapping whose keys start at `column`; the first key follows
        `first_prefix` on its line when given (a `- ` entry)."""
        pad = " " * column
        for number, (key, item) in enumerate(value.items()):
            if number == 0 and first_prefix is not None:
                lead = first_prefix
            else:
                if self.chance(self.style.comments):
                    self.out.append(f"{pad}# {self.rng.choice(COMMENTS)}\n")
                lead = pad
            self.entry(f"{lead}{key}:", key, item, column)

    def entry(self, head: str, key: str, item: Any, column: int) -> None:
        step = self.style.indent
        if isinstance(item, (dict, list)) and self.flowable(key, item):
            self.out.append(f"{head} {self.flow(item)}{self.trailing()}\n")
        elif isinstance(item, dict):
            self.out.append(head + "\n")
            self.mapping(item, column + step)
        elif isinstance(item, list):
            self.out.append(head + "\n")
            self.sequence(item, column + (step if self.style.indent_sequences else 0))
        else:
            text = self.scalar(item, column + step)
            self.out.append(f"{head} {text}{self.after(text)}\n")

    def sequence(self, items: list[Any], column: int) -> None:
        pad = " " * column
        for item in items:
            if isinstance(item, dict) and not self.flowable("title", item):
                self.mapping(item, column + 2, first_prefix=f"{pad}- ")
            elif isinstance(item, (dict, list)):
                self.out.append(f"{pad}- {self.flow(item)}\n")
            else:
                text = self.scalar(item, column + 2)
                self.out.append(f"{pad}- {text}{self.after(text)}\n")

    def document(self, record: dict[str, Any]) -> str:
        self.out = []
        self.mapping(record, 0)
        return "".join(self.out)


def _is_slug(text: str) -> bool:
    return re.fullmatch(r"[a-z0-9][a-z0-9#-]*", text) is not None and not text.isdigit()


def _plain(text: str) -> bool:
    return (
        _PLAIN.fullmatch(text) is not None
        and _KEYWORD.fullmatch(text) is None
        and not text.endswith(" ")
        and " -" not in text
    )


# --- the bank -----------------------------------------------------------------------------


class Writer:
    def __init__(self, out: Path, seed: int, style: str) -> None:
        self.out = out
        self.seed = seed
        self.style = style
        self.rng = random.Random(seed)
        self.files = 0

    def words(self, vocabulary: tuple[str, ...] | list[str], low: int, high: int) -> str:
        n = self.rng.randint(low, high)
        return " ".join(self.rng.choice(vocabulary) for _ in range(n))

    def sentence(self, low: int = 6, high: int = 14) -> tuple[str, str]:
        fi = self.words(FI_WORDS, low, high)
        en = self.words(EN_WORDS, low, high)
        return fi.capitalize() + ".", en.capitalize() + "."

    def text(self, low: int = 6, high: int = 14) -> dict[str, str]:
        fi, en = self.sentence(low, high)
        return {"fi": fi, "en": en}

    def date(self, year: int = 2026, months: tuple[int, int] = (1, 10)) -> Raw:
        return Raw(f"{year}-{self.rng.randint(*months):02d}-{self.rng.randint(1, 28):02d}")

    def write(self, rel: str, comment: str, records: list[dict[str, Any]]) -> None:
        """Write `records` as one file (several documents when more than one)."""
        style = style_for(rel, self.seed, self.style)
        # The style's own random choices (which value gets which quoting) come from the
        # path too, so they never disturb the records' random stream.
        emitter = Emitter(style, random.Random(zlib.crc32(f"{self.seed}:{rel}:emit".encode())))
        head = comment if not style.document_start else comment + "---\n"
        body = head + "---\n".join(emitter.document(record) for record in records)
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        self.files += 1

    def write_text(self, rel: str, body: str) -> None:
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        self.files += 1


def plan(journeys: int) -> list[tuple[str, str, int | None]]:
    """(level, id, parent index) for every journey: a few tops, mids, detaileds."""
    tops = max(1, min(5, journeys // 100))
    mids = max(1, (journeys - tops) // 8) if journeys > tops else 0
    items: list[tuple[str, str, int | None]] = []
    for i in range(tops):
        items.append(("top", f"top-journey-{i + 1:02d}", None))
    for i in range(mids):
        items.append(("mid", f"mid-journey-{i + 1:04d}", i % tops))
    for i in range(journeys - tops - mids):
        items.append(("detailed", f"detailed-journey-{i + 1:05d}", tops + i % mids))
    return items[:journeys]


def generate(journeys: int, out: Path, seed: int = 7, style: str = "varied") -> int:
    """Write the bank into `out` (emptied first); return the number of files written."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; use one of: {', '.join(STYLES)}")
    if out.exists():
        shutil.rmtree(out)
    w = Writer(out, seed, style)
    rng = w.rng
    themes = max(1, journeys // 20)
    w.write_text(
        "journeyops.yaml",
        "# A synthetic journey bank made by benchmarks/generate.py; do not edit by hand.\n"
        f"name: Synteettinen pankki ({journeys} polkua)\n"
        "languages: [fi, en]\n"
        "lint:\n  stale_after_days: 730\n",
    )
    w.write_text(".gitignore", ".journeyops_cache/\n/site/\n")
    # Vocabulary: one multi-document file per kind.
    for rel, kind, items in (
        ("vocabulary/customer-groups.yaml", "CustomerGroup", GROUPS),
        ("vocabulary/life-events.yaml", "LifeEvent", EVENTS),
    ):
        docs = [
            {"kind": kind, "id": slug, "title": {"fi": fi, "en": en}, "description": w.text()}
            for slug, fi, en in items
        ]
        w.write(rel, f"# Shared vocabulary: {kind}.\n", docs)
    team_ids = [f"team-{t + 1:04d}" for t in range(themes * TEAMS_PER_THEME)]
    docs = [
        {
            "kind": "Team",
            "id": team,
            "title": {"fi": "Tiimi " + team[5:], "en": "Team " + team[5:]},
            "description": w.text(),
            "contact": f"Teams: #{team}",
        }
        for team in team_ids
    ]
    w.write("vocabulary/teams.yaml", "# Teams that own journeys and themes.\n", docs)
    theme_ids = [f"theme-{t + 1:04d}" for t in range(themes)]
    for t, theme in enumerate(theme_ids):
        fi, en = w.sentence(1, 3)
        w.write(
            f"themes/{theme}.yaml",
            "# An anchor theme.\n",
            [{
                "kind": "Theme", "id": theme, "title": {"fi": fi, "en": en},
                "description": w.text(),
                "owner": f"Teemapäällikkö {t + 1}", "team": team_ids[t * TEAMS_PER_THEME],
            }],
        )

    items = plan(journeys)
    step_ids: list[list[str]] = []
    groups_of: list[list[str]] = []
    theme_of: list[str | None] = []
    feedback: list[dict[str, Any]] = []
    feedback_files = 0

    def flush_feedback(force: bool = False) -> None:
        nonlocal feedback, feedback_files
        if feedback and (force or len(feedback) >= FEEDBACK_PER_FILE):
            feedback_files += 1
            w.write(
                f"insights/feedback/import-{feedback_files:05d}.yaml",
                "# Feedback imported from the city's feedback system; anonymised.\n",
                feedback,
            )
            feedback = []

    all_group_ids = [g[0] for g in GROUPS]
    for j, (level, jid, parent) in enumerate(items):
        # Steps: a child has at least as many steps as its parent, so every parent step
        # is elaborated by some child step.
        if level == "top":
            count = 6
        else:
            assert parent is not None
            count = rng.randint(max(6, len(step_ids[parent])), 10)
        steps = [f"step-{s + 1:02d}" for s in range(count)]
        step_ids.append(steps)
        if level == "top":
            groups = list(all_group_ids)
            theme = None
        else:
            assert parent is not None
            pool = groups_of[parent]
            groups = sorted(rng.sample(pool, k=min(len(pool), rng.randint(1, 3))), key=pool.index)
            theme = theme_of[parent] if level == "detailed" else theme_ids[j % themes]
        groups_of.append(groups)
        theme_of.append(theme)
        team = team_ids[(theme_ids.index(theme) if theme else 0) * TEAMS_PER_THEME + j % 2]
        fi, en = w.sentence(2, 5)
        journey: dict[str, Any] = {
            "kind": "Journey", "id": jid, "title": {"fi": fi, "en": en}, "level": level,
            "description": w.text(10, 30),
        }
        if theme:
            journey["theme"] = theme
        if parent is not None:
            journey["parent"] = items[parent][1]
        journey.update({
            "owner": f"Palvelupolun omistaja {j + 1}", "team": team, "status": "active",
            "reviewed": w.date(), "customer_groups": groups,
        })
        journey["life_events"] = sorted(rng.sample([e[0] for e in EVENTS], k=2))
        goals = []
        for _ in range(2):
            gfi, gen = w.sentence(5, 9)
            goals.append({"fi": gfi, "en": gen})
        journey["cx_goals"] = goals
        metric_ids = [f"{jid}-m{m + 1}" for m in range(METRICS_PER_JOURNEY)]
        journey_steps = []
        for s, sid in enumerate(steps):
            sfi, sen = w.sentence(2, 4)
            step: dict[str, Any] = {"id": sid, "title": {"fi": sfi, "en": sen}, "description": w.text(8, 20)}
            if parent is not None:
                parent_steps = step_ids[parent]
                step["parent_step"] = parent_steps[s * len(parent_steps) // count]
            step["channels"] = list(rng.sample(CHANNELS, k=2))
            step["touchpoints"] = ["hel.fi/" + sid, "Asiakaspalvelu"]
            afi, aen = w.sentence(3, 6)
            step["customer_actions"] = [{"fi": afi, "en": aen}]
            step["emotion"] = rng.randint(-2, 2)
            if rng.random() < 0.5:
                pfi, pen = w.sentence(4, 8)
                step["pain_points"] = [{"fi": pfi, "en": pen}]
            if s < METRICS_PER_JOURNEY:
                step["metrics"] = [metric_ids[s]]
            journey_steps.append(step)
        journey["steps"] = journey_steps
        folder = {"top": "top", "mid": "mid", "detailed": f"detailed/{theme}"}[level]
        w.write(
            f"journeys/{folder}/{jid}.yaml",
            "# yaml-language-server: $schema=../../schemas/journey.schema.json\n"
            f"# {level} journey {jid}; keep step ids stable, they are referenced across the bank.\n",
            [journey],
        )

        def ref(jid: str = jid, steps: list[str] = steps) -> str:
            # bound now: a reference is to a step of this iteration's journey
            return f"{jid}#{rng.choice(steps)}"

        insight_ids = []
        for i in range(INSIGHTS_PER_JOURNEY):
            iid = f"{jid}-i{i + 1:02d}"
            insight_ids.append(iid)
            is_feedback = i == INSIGHTS_PER_JOURNEY - 1
            kind = "feedback" if is_feedback else rng.choice(INSIGHT_TYPES)
            tfi, ten = w.sentence(4, 8)
            insight: dict[str, Any] = {
                "kind": "Insight", "id": iid, "title": {"fi": tfi, "en": ten}, "type": kind,
                "source": "Tutkimus " + str(j % 97), "date": w.date(2025), "summary": w.text(15, 40),
                "evidence": f"https://example.org/evidence/{iid}",
                "severity": rng.choice(SEVERITIES), "confidence": rng.choice(CONFIDENCES),
            }
            insight["steps"] = [ref()]
            insight["customer_groups"] = [rng.choice(groups)]
            insight["tags"] = [rng.choice(EN_WORDS), rng.choice(EN_WORDS)]
            if is_feedback:
                feedback.append(insight)
                flush_feedback()
            else:
                w.write(f"insights/{jid}/{iid}.yaml", "# An insight from the journey's research.\n", [insight])
        for m, mid in enumerate(metric_ids):
            tfi, ten = w.sentence(2, 5)
            observations = [
                {"date": Raw(f"2026-{month:02d}-01"), "value": rng.randint(20, 95)} for month in range(1, 7)
            ]
            metric: dict[str, Any] = {
                "kind": "Metric", "id": mid, "title": {"fi": tfi, "en": ten}, "description": w.text(),
                "unit": "%", "direction": "increase", "target": 90, "volume": m == 0,
                "source": "Palvelun tilastot", "observations": observations,
            }
            metric["steps"] = [f"{jid}#{steps[m]}"]
            w.write(f"metrics/{jid}/{mid}.yaml", "# Measured monthly from the service's own data.\n", [metric])
        for o in range(OPPORTUNITIES_PER_JOURNEY):
            oid = f"{jid}-o{o + 1}"
            tfi, ten = w.sentence(3, 7)
            opportunity: dict[str, Any] = {
                "kind": "Opportunity", "id": oid, "title": {"fi": tfi, "en": ten},
                "problem": w.text(10, 20), "idea": w.text(8, 16),
                "status": rng.choice(STATUSES), "owner": f"Tuoteomistaja {j % 50 + 1}", "team": team,
            }
            opportunity["steps"] = [ref(), ref()]
            opportunity["insights"] = [insight_ids[o], insight_ids[o + 3]]
            opportunity["metrics"] = [metric_ids[o % METRICS_PER_JOURNEY]]
            opportunity["estimates"] = {
                "reach": rng.randint(100, 50000), "impact": rng.choice([0.25, 0.5, 1, 2, 3]),
                "confidence": rng.choice([0.5, 0.8, 1]), "effort": rng.randint(1, 12),
            }
            w.write(
                f"opportunities/{jid}/{oid}.yaml",
                "# A development opportunity; estimates by the team.\n",
                [opportunity],
            )
    flush_feedback(force=True)
    return w.files


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, required=True, help="number of journeys")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (emptied first)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--style", choices=STYLES, default="varied", help="how the files are written")
    args = parser.parse_args(argv)
    if args.journeys < 1:
        parser.error("--journeys must be at least 1")
    files = generate(args.journeys, args.out, args.seed, args.style)
    print(f"wrote {files} files for {args.journeys} journeys into {args.out}")


if __name__ == "__main__":
    main()
