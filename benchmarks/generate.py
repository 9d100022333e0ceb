"""Generate a deterministic synthetic journey bank of any size.

    python benchmarks/generate.py --journeys 2000 --out /tmp/bank [--seed 7]

The shape follows a large city's bank: about one anchor theme per 20 journeys; a few top
journeys, mid journeys under them and detailed journeys under the mids, every child step
naming a step of its parent; 6–10 steps per journey; Finnish and English text; comments;
per journey 10 insights (nine one-record files from research and user tests, and one
feedback insight in multi-document import files of 10 records), 2 metrics and 3
opportunities, every reference valid. 2,000 journeys make about 30,000 files.

The same arguments always give byte-identical files, so timings are comparable across runs.
The output validates clean with `journeyops validate`.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

FI_WORDS = (
    "hakemus päätös asiakas palvelu neuvonta ajanvaraus lomake maksu asunto päiväkoti "
    "terveysasema työnhaku yritys kirje sähköinen asiointi odotus selvitys liite tunnistautuminen "
    "vastaus käsittely muistutus perhe koulu kotihoito ohjaus kysely palaute tieto"
).split()
EN_WORDS = (
    "application decision customer service advice booking form fee home daycare "
    "health-station jobseeking business letter online transaction waiting clarification "
    "attachment sign-in answer processing reminder family school home-care guidance survey "
    "feedback information"
).split()
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


def q(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Writer:
    def __init__(self, out: Path, seed: int) -> None:
        self.out = out
        self.rng = random.Random(seed)
        self.files = 0

    def words(self, vocabulary: tuple[str, ...] | list[str], low: int, high: int) -> str:
        n = self.rng.randint(low, high)
        return " ".join(self.rng.choice(vocabulary) for _ in range(n))

    def sentence(self, low: int = 6, high: int = 14) -> tuple[str, str]:
        fi = self.words(FI_WORDS, low, high)
        en = self.words(EN_WORDS, low, high)
        return fi.capitalize() + ".", en.capitalize() + "."

    def text(self, indent: str, key: str, low: int = 6, high: int = 14) -> str:
        fi, en = self.sentence(low, high)
        return f"{indent}{key}:\n{indent}  fi: {q(fi)}\n{indent}  en: {q(en)}\n"

    def date(self, year: int = 2026, months: tuple[int, int] = (1, 10)) -> str:
        return f"{year}-{self.rng.randint(*months):02d}-{self.rng.randint(1, 28):02d}"

    def write(self, rel: str, body: str) -> None:
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


def generate(journeys: int, out: Path, seed: int = 7) -> int:
    """Write the bank into `out` (emptied first); return the number of files written."""
    if out.exists():
        shutil.rmtree(out)
    w = Writer(out, seed)
    rng = w.rng
    themes = max(1, journeys // 20)
    w.write(
        "journeyops.yaml",
        "# A synthetic journey bank made by benchmarks/generate.py; do not edit by hand.\n"
        f"name: Synteettinen pankki ({journeys} polkua)\n"
        "languages: [fi, en]\n"
        "lint:\n  stale_after_days: 730\n",
    )
    w.write(".gitignore", ".journeyops_cache/\n/site/\n")
    # Vocabulary: one multi-document file per kind.
    for rel, kind, items in (
        ("vocabulary/customer-groups.yaml", "CustomerGroup", GROUPS),
        ("vocabulary/life-events.yaml", "LifeEvent", EVENTS),
    ):
        docs = [
            f"kind: {kind}\nid: {slug}\ntitle: {{fi: {q(fi)}, en: {q(en)}}}\n"
            + w.text("", "description")
            for slug, fi, en in items
        ]
        w.write(rel, f"# Shared vocabulary: {kind}.\n" + "---\n".join(docs))
    team_ids = [f"team-{t + 1:04d}" for t in range(themes * TEAMS_PER_THEME)]
    docs = [
        f"kind: Team\nid: {team}\ntitle: {{fi: {q('Tiimi ' + team[5:])}, en: {q('Team ' + team[5:])}}}\n"
        + w.text("", "description")
        + f'contact: "Teams: #{team}"\n'
        for team in team_ids
    ]
    w.write("vocabulary/teams.yaml", "# Teams that own journeys and themes.\n" + "---\n".join(docs))
    theme_ids = [f"theme-{t + 1:04d}" for t in range(themes)]
    for t, theme in enumerate(theme_ids):
        fi, en = w.sentence(1, 3)
        w.write(
            f"themes/{theme}.yaml",
            "# An anchor theme.\n"
            f"kind: Theme\nid: {theme}\ntitle: {{fi: {q(fi)}, en: {q(en)}}}\n"
            + w.text("", "description")
            + f"owner: Teemapäällikkö {t + 1}\nteam: {team_ids[t * TEAMS_PER_THEME]}\n",
        )

    items = plan(journeys)
    step_ids: list[list[str]] = []
    groups_of: list[list[str]] = []
    theme_of: list[str | None] = []
    feedback: list[str] = []
    feedback_files = 0

    def flush_feedback(force: bool = False) -> None:
        nonlocal feedback, feedback_files
        if feedback and (force or len(feedback) >= FEEDBACK_PER_FILE):
            feedback_files += 1
            w.write(
                f"insights/feedback/import-{feedback_files:05d}.yaml",
                "# Feedback imported from the city's feedback system; anonymised.\n"
                + "---\n".join(feedback),
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
        lines = [
            f"# yaml-language-server: $schema=../../schemas/journey.schema.json\n",
            f"# {level} journey {jid}; keep step ids stable, they are referenced across the bank.\n",
            f"kind: Journey\nid: {jid}\ntitle: {{fi: {q(fi)}, en: {q(en)}}}\nlevel: {level}\n",
            w.text("", "description", 10, 30),
        ]
        if theme:
            lines.append(f"theme: {theme}\n")
        if parent is not None:
            lines.append(f"parent: {items[parent][1]}\n")
        lines.append(f"owner: Palvelupolun omistaja {j + 1}\nteam: {team}\nstatus: active\n")
        lines.append(f"reviewed: {w.date()}\n")
        lines.append("customer_groups: [" + ", ".join(groups) + "]\n")
        events = sorted(rng.sample([e[0] for e in EVENTS], k=2))
        lines.append("life_events: [" + ", ".join(events) + "]\n")
        lines.append("cx_goals:\n")
        for _ in range(2):
            gfi, gen = w.sentence(5, 9)
            lines.append(f"  - {{fi: {q(gfi)}, en: {q(gen)}}}\n")
        metric_ids = [f"{jid}-m{m + 1}" for m in range(METRICS_PER_JOURNEY)]
        lines.append("steps:\n")
        for s, sid in enumerate(steps):
            sfi, sen = w.sentence(2, 4)
            lines.append(f"  - id: {sid}\n    title: {{fi: {q(sfi)}, en: {q(sen)}}}\n")
            lines.append(w.text("    ", "description", 8, 20))
            if parent is not None:
                parent_steps = step_ids[parent]
                lines.append(f"    parent_step: {parent_steps[s * len(parent_steps) // count]}\n")
            lines.append("    channels: [" + ", ".join(rng.sample(CHANNELS, k=2)) + "]\n")
            lines.append(f"    touchpoints:\n      - {q('hel.fi/' + sid)}\n      - Asiakaspalvelu\n")
            lines.append("    customer_actions:\n")
            afi, aen = w.sentence(3, 6)
            lines.append(f"      - {{fi: {q(afi)}, en: {q(aen)}}}\n")
            lines.append(f"    emotion: {rng.randint(-2, 2)}\n")
            if rng.random() < 0.5:
                pfi, pen = w.sentence(4, 8)
                lines.append(f"    # A pain point heard in interviews.\n    pain_points:\n      - {{fi: {q(pfi)}, en: {q(pen)}}}\n")
            if s < METRICS_PER_JOURNEY:
                lines.append(f"    metrics: [{metric_ids[s]}]\n")
        folder = {"top": "top", "mid": "mid", "detailed": f"detailed/{theme}"}[level]
        w.write(f"journeys/{folder}/{jid}.yaml", "".join(lines))

        def ref() -> str:
            return f"{jid}#{rng.choice(steps)}"

        insight_ids = []
        for i in range(INSIGHTS_PER_JOURNEY):
            iid = f"{jid}-i{i + 1:02d}"
            insight_ids.append(iid)
            is_feedback = i == INSIGHTS_PER_JOURNEY - 1
            kind = "feedback" if is_feedback else rng.choice(INSIGHT_TYPES)
            tfi, ten = w.sentence(4, 8)
            body = (
                f"kind: Insight\nid: {iid}\ntitle: {{fi: {q(tfi)}, en: {q(ten)}}}\n"
                f"type: {kind}\nsource: {q('Tutkimus ' + str(j % 97))}\ndate: {w.date(2025)}\n"
                + w.text("", "summary", 15, 40)
                + f"evidence: https://example.org/evidence/{iid}\n"
                f"severity: {rng.choice(SEVERITIES)}\nconfidence: {rng.choice(CONFIDENCES)}\n"
                f"steps: [{ref()}]\ncustomer_groups: [{rng.choice(groups)}]\n"
                f"tags: [{rng.choice(EN_WORDS)}, {rng.choice(EN_WORDS)}]\n"
            )
            if is_feedback:
                feedback.append(body)
                flush_feedback()
            else:
                w.write(f"insights/{jid}/{iid}.yaml", "# An insight from the journey's research.\n" + body)
        for m, mid in enumerate(metric_ids):
            tfi, ten = w.sentence(2, 5)
            observations = "".join(
                f"  - date: 2026-{month:02d}-01\n    value: {rng.randint(20, 95)}\n"
                for month in range(1, 7)
            )
            w.write(
                f"metrics/{jid}/{mid}.yaml",
                "# Measured monthly from the service's own data.\n"
                f"kind: Metric\nid: {mid}\ntitle: {{fi: {q(tfi)}, en: {q(ten)}}}\n"
                + w.text("", "description")
                + f"unit: \"%\"\ndirection: increase\ntarget: 90\nvolume: {'true' if m == 0 else 'false'}\n"
                f"source: Palvelun tilastot\nobservations:\n{observations}"
                f"steps: [{jid}#{steps[m]}]\n",
            )
        for o in range(OPPORTUNITIES_PER_JOURNEY):
            oid = f"{jid}-o{o + 1}"
            tfi, ten = w.sentence(3, 7)
            w.write(
                f"opportunities/{jid}/{oid}.yaml",
                "# A development opportunity; estimates by the team.\n"
                f"kind: Opportunity\nid: {oid}\ntitle: {{fi: {q(tfi)}, en: {q(ten)}}}\n"
                + w.text("", "problem", 10, 20)
                + w.text("", "idea", 8, 16)
                + f"status: {rng.choice(STATUSES)}\nowner: Tuoteomistaja {j % 50 + 1}\nteam: {team}\n"
                f"steps: [{ref()}, {ref()}]\n"
                f"insights: [{insight_ids[o]}, {insight_ids[o + 3]}]\n"
                f"metrics: [{metric_ids[o % METRICS_PER_JOURNEY]}]\n"
                "estimates:\n"
                f"  reach: {rng.randint(100, 50000)}\n  impact: {rng.choice([0.25, 0.5, 1, 2, 3])}\n"
                f"  confidence: {rng.choice([0.5, 0.8, 1])}\n  effort: {rng.randint(1, 12)}\n",
            )
    flush_feedback(force=True)
    return w.files


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, required=True, help="number of journeys")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (emptied first)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.journeys < 1:
        parser.error("--journeys must be at least 1")
    files = generate(args.journeys, args.out, args.seed)
    print(f"wrote {files} files for {args.journeys} journeys into {args.out}")


if __name__ == "__main__":
    main()
