"""The pages of the site for one language: which pages exist, and what each one shows.

Each page is a key (its path inside the language folder), a template and a context of
plain values picked in the page's language. Nothing here reads files or writes them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from journeyops_cli.bank import Bank
from journeyops_cli.findings import Finding
from journeyops_cli.models import Insight, Journey, Metric, Opportunity, Theme
from journeyops_cli.models.base import pick_text
from journeyops_cli.models.vocabulary import CustomerGroup, LifeEvent, Team
from journeyops_cli.render.i18n import quantity
from journeyops_cli.render.journey_map import SEVERITY_ORDER, Made
from journeyops_cli.site.dashboards import Dashboards, SiteScorecard
from journeyops_cli.site.guide import INDEX as GUIDE_INDEX
from journeyops_cli.site.guide import Chapter, guide
from journeyops_cli.site.history import Change
from journeyops_cli.site.links import checked
from journeyops_cli.site.sparkline import sparkline
from journeyops_cli.site.vocabulary import Known, known_about, linked, owned_by_team, team_context

if TYPE_CHECKING:
    from journeyops_cli.score.explain import Explanation

LEVELS = ("top", "mid", "detailed")


@dataclass(frozen=True, slots=True)
class BacklogRow:
    """One ranked opportunity from the scoring model."""

    rank: int
    opportunity_id: str
    score: str
    total: float = 0.0
    driver: str = ""
    """The factor that weighs most (`score.base.Score.driver`); `factor.<name>` in the catalogue."""
    parts: tuple[tuple[str, float], ...] = ()
    """The factors that add to the score, largest first: (name, points) for additive
    models, (name, input) for multiplicative ones."""
    explanation: Explanation | None = None
    """The score's explanation (`score/explain.py`, the same as `prioritise --explain`),
    written in each page's language by `explained()`."""


@dataclass(slots=True)
class SiteData:
    """Everything the site shows, gathered and checked before any page is rendered."""

    bank: Bank
    title: str
    languages: list[str]
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    changes: list[Change] | None = None
    backlog: list[BacklogRow] | None = None
    scorecard: SiteScorecard | None = None
    known: Known | None = None
    """What is known about each customer group and life event (`site/vocabulary.Known`),
    worked out on first use and shared by every language's pages."""
    later: Callable[[], None] | None = None
    """Makes `backlog` and `scorecard` when a page first asks for them (`needed()`): a
    rebuild in which nothing the pages show changed (`site/plan.py`) makes them only if
    some page must be rendered again that shows them."""
    backlog_known: bool | None = None
    """Whether there is a backlog, when it is known without making it (the previous
    build's, in such a rebuild)."""
    found: list[Finding] | None = None
    """Validation's findings once the rules are done, to count into a scorecard made later."""

    def needed(self) -> SiteData:
        """This data with `backlog` and `scorecard` made (when they were left for later)."""
        if self.later is not None:
            later, self.later = self.later, None
            later()
            if self.scorecard is not None and self.found is not None:
                self.scorecard.count_findings(self.bank, self.found)
        return self

    @property
    def has_backlog(self) -> bool:
        """Whether the site has a backlog page (without making the backlog when that is
        known already)."""
        if self.later is not None and self.backlog_known is not None:
            return self.backlog_known
        return self.needed().backlog is not None

    def count_findings(self, found: list[Finding]) -> None:
        """Count validation's findings into the scorecard (now, or when it is made)."""
        self.found = found
        if self.later is None and self.scorecard is not None:
            self.scorecard.count_findings(self.bank, found)


@dataclass(frozen=True, slots=True)
class TreeNode:
    """A journey and the journeys one level below it."""

    journey: Journey
    children: list[TreeNode]


@dataclass(frozen=True, slots=True)
class Page:
    """One page in one language."""

    key: str
    template: str
    title: str
    context: dict[str, Any]


PageJob = tuple[str, Callable[[], Page]]
"""A page's key and the function that builds it (context included)."""


def json_script(value: Any) -> Markup:
    """JSON safe inside `<script type="application/json">`: no `<`, `>` or `&` in it."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class PagePlanner:
    """Builds the pages of one language."""

    def __init__(self, data: SiteData, language: str, strings: dict[str, str]) -> None:
        self.data = data
        self.bank = data.bank
        self.language = language
        self.s = strings
        self._metric_refs: dict[str, set[str]] | None = None
        self._metric_views: dict[int, tuple[Metric, dict[str, Any]]] = {}
        self._dashboards: Dashboards | None = None
        self._owned: dict[str, dict[str, list[Any]]] | None = None
        self._ranked: dict[str, BacklogRow] | None = None
        self._step_labels: dict[str, tuple[str, str] | None] = {}
        self._map_views = Made()  # journey(): each insight's and metric's view on the maps, made once
        self._written: dict[Any, str] = {}  # explained(): sentences of score lines, written once

    # --- helpers ------------------------------------------------------------------------

    def t(self, value: Any) -> str:
        """Record text in this page's language."""
        return pick_text(value, self.language, self.data.languages)

    @property
    def known_index(self) -> Known:
        """`SiteData.known`, made on first use."""
        if self.data.known is None:
            backlog = self.data.needed().backlog
            ranked = None if backlog is None else [row.opportunity_id for row in sorted(backlog, key=lambda r: r.rank)]
            self.data.known = Known(self.bank, ranked)
        return self.data.known

    @property
    def ranked(self) -> dict[str, BacklogRow]:
        """The backlog's rows by opportunity id (empty without a backlog), made once."""
        if self._ranked is None:  # once, not once per page (6,000 x 6,000 at 2,000 journeys)
            self._ranked = {row.opportunity_id: row for row in self.data.needed().backlog or []}
        return self._ranked

    def by_title(self, record: Any) -> tuple[str, str]:
        """A sort key: the record's title in this language, then its id."""
        return (self.t(record.title).casefold(), record.id)

    def choices(self, records: Iterable[Any]) -> list[tuple[str, str]]:
        """(id, title in this language) of each record, by title: a filter's options."""
        return [(r.id, self.t(r.title)) for r in sorted(records, key=self.by_title)]

    @property
    def dashboards(self) -> Dashboards | None:
        """The scorecard's figures in this language (None when the site has no scorecard)."""
        scorecard = self.data.needed().scorecard if self._dashboards is None else None
        if scorecard is not None:
            self._dashboards = Dashboards(self.bank, scorecard, self.s, self.language, self.t)
        return self._dashboards

    def num(self, value: float | None, unit: str = "") -> str:
        if value is None:
            return self.s["no_data"]
        return quantity(value, unit, self.language)

    def journeys_sorted(self, journeys: list[Journey]) -> list[Journey]:
        return sorted(journeys, key=lambda j: (LEVELS.index(j.level), self.t(j.title).casefold(), j.id))

    def children(self, journey: Journey) -> list[Journey]:
        return self.journeys_sorted(self.bank.children.get(journey.id, []))

    def tree(self, roots: list[Journey], within: set[str] | None = None) -> list[TreeNode]:
        """The level tree below `roots` (optionally only journeys in `within`); a journey
        already shown is not shown again, so a parent cycle cannot loop."""
        seen: set[str] = set()

        def grow(journey: Journey) -> TreeNode:
            seen.add(journey.id)
            kids = [
                grow(child) for child in self.children(journey)
                if child.id not in seen and (within is None or child.id in within)
            ]
            return TreeNode(journey, kids)

        return [grow(root) for root in roots if root.id not in seen]

    def journey_insights(self, journey: Journey) -> list[Insight]:
        found: dict[str, Insight] = {}
        for step in journey.steps:
            for insight in self.bank.step_insights.get((journey.id, step.id), []):
                found.setdefault(insight.id, insight)
        return self.insights_sorted(list(found.values()))

    def insights_sorted(self, insights: list[Insight]) -> list[Insight]:
        return sorted(insights, key=lambda i: (SEVERITY_ORDER[i.severity], -i.date.toordinal(), i.id))

    def journey_metrics(self, journey: Journey) -> list[Metric]:
        found: dict[str, Metric] = {}
        for step in journey.steps:
            for metric in self.bank.step_metrics.get((journey.id, step.id), []):
                found.setdefault(metric.id, metric)
        return sorted(found.values(), key=lambda m: m.id)

    def journey_opportunities(self, journey: Journey) -> list[Opportunity]:
        found: dict[str, Opportunity] = {}
        for step in journey.steps:
            for opportunity in self.bank.step_opportunities.get((journey.id, step.id), []):
                found.setdefault(opportunity.id, opportunity)
        return sorted(found.values(), key=lambda o: o.id)

    def step_label(self, ref: str) -> tuple[str, str] | None:
        """(journey title, step title) for `journey#step`, None when it does not resolve;
        each reference looked up once (pages name the same steps again and again)."""
        if ref in self._step_labels:
            return self._step_labels[ref]
        found = self.bank.step(ref)
        label = None if found is None else (self.t(found[0].title), self.t(found[1].title))
        self._step_labels[ref] = label
        return label

    def metric_view(self, metric: Metric) -> dict[str, Any]:
        """What the metrics table shows of `metric` (made once per metric: the metrics
        page and its journeys' pages show the same; templates only read it)."""
        known = self._metric_views.get(id(metric))
        if known is not None and known[0] is metric:
            return known[1]
        view = self._metric_view(metric)
        self._metric_views[id(metric)] = (metric, view)
        return view

    def _metric_view(self, metric: Metric) -> dict[str, Any]:
        observations = sorted(metric.observations, key=lambda o: o.date)
        latest = metric.latest()
        on_target = metric.on_target()
        status = None if on_target is None else "on_target" if on_target else "off_target"
        title = self.t(metric.title)
        values = ", ".join(f"{o.date.isoformat()} {self.num(o.value, metric.unit)}" for o in observations)
        label = self.s["trend_alt"].format(title=title, values=values or self.s["no_data"])
        return {
            "metric": metric,
            "title": title,
            "latest": latest,
            "latest_text": self.num(latest.value, metric.unit) if latest else self.s["no_data"],
            "target_text": self.num(metric.target, metric.unit) if metric.target is not None else self.s["no_target"],
            "status": status,
            "sparkline": (
                sparkline([o.value for o in observations], label, metric.target)
                if len(observations) > 1 else Markup("")
            ),
            "steps": [(ref, self.step_label(ref)) for ref in self.metric_steps(metric)],
        }

    def metric_steps(self, metric: Metric) -> list[str]:
        if self._metric_refs is None:
            # Which steps name each metric, gathered once (not once per metric).
            self._metric_refs = {}
            for journey in self.bank.journeys():
                for step in journey.steps:
                    for metric_id in step.metrics:
                        self._metric_refs.setdefault(metric_id, set()).add(f"{journey.id}#{step.id}")
        return sorted(set(metric.steps) | self._metric_refs.get(metric.id, set()))

    def insight_journeys(self, insight: Insight) -> list[Journey]:
        found = {}
        for ref in insight.steps:
            hit = self.bank.step(ref)
            if hit is not None:
                found[hit[0].id] = hit[0]
        return [found[k] for k in sorted(found)]

    # --- pages --------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        """Every page of this language."""
        return [*self.common_pages(), *self.journey_pages()]

    def count(self) -> int:
        """How many pages `pages()` gives, without building them."""
        bank = self.bank
        return (6 + 1 + len(guide(self.language).chapters)
                + len(bank.themes()) + len(bank.journeys()) + len(bank.insights())
                + len(bank.opportunities()) + self.data.has_backlog
                + len(bank.teams()) + len(bank.customer_groups()) + len(bank.life_events()))

    def common_pages(self) -> Iterator[Page]:
        """Every page but those that show `data.findings` (the journey pages and the
        scorecard), one at a time."""
        return (make() for _, make in self.common_jobs())

    def journey_pages(self) -> Iterator[Page]:
        """A page per journey and the scorecard, one at a time."""
        return (make() for _, make in self.journey_jobs())

    def common_jobs(self) -> Iterator[PageJob]:
        """`common_pages()` as (key, make) pairs, one at a time: each page's key is known
        before its context is built, so pages can be shared out between processes."""
        yield from (
            ("index.html", self.home), ("levels.html", self.levels),
            ("insights/index.html", self.insight_explorer), ("metrics.html", self.metrics),
            ("search.html", self.search), (GUIDE_INDEX, self.guide_index),
        )
        for chapter in guide(self.language).chapters:
            yield (f"guide/{checked(chapter.name)}.html", partial(self.guide_chapter, chapter))
        for theme in sorted(self.bank.themes(), key=lambda r: r.id):
            yield (f"themes/{checked(theme.id)}.html", partial(self.theme, theme))
        for insight in sorted(self.bank.insights(), key=lambda r: r.id):
            yield (f"insights/{checked(insight.id)}.html", partial(self.insight, insight))
        for opportunity in sorted(self.bank.opportunities(), key=lambda r: r.id):
            yield (f"opportunities/{checked(opportunity.id)}.html", partial(self.opportunity, opportunity))
        if self.data.has_backlog:
            yield ("backlog.html", self.backlog)
        for team in sorted(self.bank.teams(), key=lambda r: r.id):
            yield (f"teams/{checked(team.id)}.html", partial(self.team, team))
        for group in sorted(self.bank.customer_groups(), key=lambda r: r.id):
            yield (f"groups/{checked(group.id)}.html", partial(self.known, group))
        for event in sorted(self.bank.life_events(), key=lambda r: r.id):
            yield (f"life-events/{checked(event.id)}.html", partial(self.known, event))

    def journey_jobs(self) -> Iterator[PageJob]:
        """`journey_pages()` as (key, make) pairs, one at a time, and the scorecard: the
        pages that show validation's findings."""
        yield ("scorecard.html", self.scorecard)
        for journey in sorted(self.bank.journeys(), key=lambda r: r.id):
            yield (f"journeys/{checked(journey.id)}.html", partial(self.journey, journey))

    def home(self) -> Page:
        bank = self.bank
        themes = sorted(bank.themes(), key=lambda th: (self.t(th.title).casefold(), th.id))
        per_theme = {
            th.id: sum(1 for j in bank.journeys() if j.theme == th.id) for th in themes
        }
        top = self.journeys_sorted([j for j in bank.journeys() if j.level == "top"])
        counts = [
            ("record_count_themes", len(bank.themes())),
            ("record_count_journeys", len(bank.journeys())),
            ("record_count_insights", len(bank.insights())),
            ("record_count_metrics", len(bank.metrics())),
            ("record_count_opportunities", len(bank.opportunities())),
        ]
        changes = []
        by_file: dict[str, list[Any]] = {}
        for record in bank.records():
            if record.kind in ("Journey", "Theme", "Insight", "Opportunity", "Metric"):
                by_file.setdefault(record.source_path, []).append(record)
        for change in self.data.changes or []:
            records = [r for path in change.files for r in sorted(by_file.get(path, []), key=lambda r: (r.kind, r.id))]
            changes.append({"date": change.date, "subject": change.subject, "records": records[:8],
                            "more": max(len(records) - 8, 0)})
        reviewed = sorted(
            (j for j in bank.journeys() if j.reviewed is not None),
            key=lambda j: (-j.reviewed.toordinal(), j.id),  # type: ignore[union-attr]
        )[:10]
        return Page("index.html", "site/home.html.j2", self.data.title, {
            "themes": themes, "per_theme": per_theme, "top": top, "counts": counts,
            "changes": changes, "git": bool(self.data.changes), "reviewed": reviewed,
            "health": self.dashboards.health() if self.dashboards else None,
            "vocabulary": [
                ("teams", "team", sorted(bank.teams(), key=self.by_title)),
                ("customer_groups", "customergroup", sorted(bank.customer_groups(), key=self.by_title)),
                ("life_events", "lifeevent", sorted(bank.life_events(), key=self.by_title)),
            ],
        })

    def levels(self) -> Page:
        journeys = self.bank.journeys()
        roots = self.journeys_sorted([j for j in journeys if j.level == "top" or not j.parent])
        tree = self.tree(roots)
        reached: set[str] = set()
        pending = list(tree)
        while pending:
            node = pending.pop()
            reached.add(node.journey.id)
            pending += node.children
        # Journeys whose parent is missing (or that sit in a parent cycle) hang nowhere.
        rest = self.journeys_sorted([j for j in journeys if j.id not in reached])
        return Page("levels.html", "site/levels.html.j2", self.s["levels"], {
            "tree": tree, "orphans": [TreeNode(j, []) for j in rest],
        })

    def theme(self, theme: Theme) -> Page:
        journeys = [j for j in self.bank.journeys() if j.theme == theme.id]
        in_theme = {j.id for j in journeys}
        # Show the theme's journeys as a tree: those whose parent is outside the theme
        # start a branch (a top journey may span themes).
        roots = self.journeys_sorted([j for j in journeys if j.parent not in in_theme])
        return Page(f"themes/{checked(theme.id)}.html", "site/theme.html.j2", self.t(theme.title), {
            "theme": theme, "tree": self.tree(roots, in_theme), "count": len(journeys),
            "team": self.bank.get_kind("Team", theme.team) if theme.team else None,
            "dashboard": self.dashboards.theme_panel(theme.id) if self.dashboards else None,
        })

    def journey(self, journey: Journey) -> Page:
        from journeyops_cli.render.journey_map import build_map

        journey_map = build_map(self.bank, journey, self.language, self._map_views)
        return Page(f"journeys/{checked(journey.id)}.html", "site/journey.html.j2", self.t(journey.title), {
            "journey": journey,
            "map": journey_map,
            "ancestors": list(reversed(self.bank.ancestors(journey))),
            "children": self.children(journey),
            "theme": self.bank.get(Theme, journey.theme) if journey.theme else None,
            "insights": self.journey_insights(journey),
            "metrics": [self.metric_view(m) for m in self.journey_metrics(journey)],
            "opportunities": self.journey_opportunities(journey),
            "findings": self.data.findings.get(journey.source_path, []),
            "linked": [*linked(self.bank, "Team", [journey.team] if journey.team else []),
                       *linked(self.bank, "CustomerGroup", journey.customer_groups),
                       *linked(self.bank, "LifeEvent", journey.life_events)],
        })

    def insight(self, insight: Insight) -> Page:
        return Page(f"insights/{checked(insight.id)}.html", "site/insight.html.j2", self.t(insight.title), {
            "insight": insight,
            "steps": [(ref, self.step_label(ref)) for ref in insight.steps],
            "opportunities": sorted(self.bank.insight_opportunities.get(insight.id, []), key=lambda o: o.id),
            "groups": [g for g in (self.bank.get(CustomerGroup, g) for g in insight.customer_groups) if g],
        })

    def insight_explorer(self) -> Page:
        insights = sorted(self.bank.insights(), key=lambda i: (-i.date.toordinal(), i.id))
        about = self.known_index.insight_about()
        # Which groups and events each insight is known about, as an index into the few
        # distinct pairs (at 2,000 journeys, 20,000 insights share a handful of them).
        pairs: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
        rows = []
        types: set[str] = set()
        themes: dict[str, str] = {}
        journeys: dict[str, str] = {}
        for insight in insights:
            linked = self.insight_journeys(insight)
            theme_ids = sorted({j.theme for j in linked if j.theme})
            for j in linked:
                journeys[j.id] = self.t(j.title)
                if j.theme:
                    theme = self.bank.get(Theme, j.theme)
                    if theme is not None:
                        themes[theme.id] = self.t(theme.title)
            types.add(insight.type)
            pair = about.get(insight.id, ((), ()))
            rows.append({"id": insight.id, "type": insight.type, "date": insight.date.isoformat(),
                         "themes": theme_ids, "journeys": [j.id for j in linked],
                         "about": pairs.setdefault(pair, len(pairs))})
        return Page("insights/index.html", "site/insights.html.j2", self.s["insights"], {
            "insights": insights,
            "data": json_script(rows),
            "about": json_script([{"groups": list(g), "events": list(e)} for g, e in pairs]),
            "group_options": self.choices(self.bank.customer_groups()),
            "event_options": self.choices(self.bank.life_events()),
            "types": sorted(types),
            "theme_options": sorted(themes.items(), key=lambda kv: (kv[1].casefold(), kv[0])),
            "journey_options": sorted(journeys.items(), key=lambda kv: (kv[1].casefold(), kv[0])),
        })

    def metrics(self) -> Page:
        metrics = sorted(self.bank.metrics(), key=lambda m: (self.t(m.title).casefold(), m.id))
        groups = self.choices(self.bank.customer_groups())
        events = self.choices(self.bank.life_events())
        # Filters by customer group and life event (what their pages count), and by status.
        filters = [
            *((name, label, options) for name, label, options in (
                ("group", self.s["customer_group"], groups), ("event", self.s["life_event"], events)) if options),
            ("status", self.s["status"], [("off_target", self.s["off_target"]), ("on_target", self.s["on_target"]),
                                          ("unknown", self.s["metric_unknown"])]),
        ] if groups or events else []
        return Page("metrics.html", "site/metrics.html.j2", self.s["metrics"], {
            "metrics": [self.metric_view(m) for m in metrics],
            "filters": filters,
            "about": self.known_index.metric_about() if filters else None,
        })

    def opportunity(self, opportunity: Opportunity) -> Page:
        from journeyops_cli.render.safety import safe_url

        estimates = opportunity.estimates.model_dump() if opportunity.estimates else {}
        row = self.ranked.get(opportunity.id)
        return Page(
            f"opportunities/{checked(opportunity.id)}.html", "site/opportunity.html.j2",
            self.t(opportunity.title), {
                "opportunity": opportunity,
                # The page shows the score's explanation in words (`why`), never the
                # explanation itself: left out of the row, it is not digested for the
                # page's fingerprint (a third of an opportunity page's digest).
                "row": row if row is None or row.explanation is None else replace(row, explanation=None),
                "why": self.explained(row),
                "estimates": [(name, value) for name, value in estimates.items() if value is not None],
                "delivery": [(item.key, safe_url(item.url), self.t(item.title) if item.title else "")
                             for item in opportunity.delivery],
                "steps": [(ref, self.step_label(ref)) for ref in opportunity.steps],
                "insights": [i for i in (self.bank.get(Insight, x) for x in opportunity.insights) if i],
                "metrics": [m for m in (self.bank.get(Metric, x) for x in opportunity.metrics) if m],
                "team": self.bank.get_kind("Team", opportunity.team) if opportunity.team else None,
            })

    def explained(self, row: BacklogRow | None) -> tuple[list[str], list[str]]:
        """A ranked opportunity's score explained in this language: a sentence per factor
        and per missing input, records by their titles."""
        if row is None or row.explanation is None:
            return [], []
        from journeyops_cli.score.explain import in_words

        return in_words(row.explanation, self.language, self.record_label, self._written)

    def record_label(self, kind: str, ref: str) -> str | None:
        """What this language's pages call a step (`Journey › Step`), a journey or a metric."""
        if kind == "step":
            label = self.step_label(ref)
            return f"{label[0]} › {label[1]}" if label else None
        record: Journey | Metric | None = (
            self.bank.get(Journey, ref) if kind == "journey" else self.bank.get(Metric, ref))
        return self.t(record.title) if record is not None else None

    def opportunity_themes(self, opportunity: Opportunity) -> list[str]:
        """The themes of the journeys whose steps the opportunity addresses."""
        found = set()
        for ref in opportunity.steps:
            journey = self.bank.get(Journey, ref.partition("#")[0])
            if journey is not None and journey.theme:
                found.add(journey.theme)
        return sorted(found)

    def backlog(self) -> Page:
        """The ranked backlog as a lean table: rank, title, score, driver and status, with
        what the filters read (theme, team, status, customer group, life event) as
        attributes of each row. A score's explanation and the steps an opportunity
        addresses are on its own page, one link away."""
        rows = []
        themes: dict[str, str] = {}
        teams: dict[str, str] = {}
        statuses: set[str] = set()
        about = self.known_index.opportunity_about()
        for row in self.data.needed().backlog or []:
            opportunity = self.bank.get(Opportunity, row.opportunity_id)
            if opportunity is not None:
                theme_ids = self.opportunity_themes(opportunity)
                for theme_id in theme_ids:
                    if theme_id not in themes:
                        theme = self.bank.get(Theme, theme_id)
                        themes[theme_id] = self.t(theme.title) if theme is not None else theme_id
                if opportunity.team and opportunity.team not in teams:
                    team = self.bank.get_kind("Team", opportunity.team)
                    teams[opportunity.team] = self.t(getattr(team, "title", None)) or opportunity.team
                statuses.add(opportunity.status)
                groups, events = about.get(opportunity.id, ((), ()))
                # Plain values only: what the table shows, and a page fingerprint that
                # need not digest 6,000 records and their explanations.
                rows.append({"rank": row.rank, "id": opportunity.id, "title": self.t(opportunity.title),
                             "total": row.total, "driver": row.driver, "status": opportunity.status,
                             "team": opportunity.team or "", "themes": " ".join(theme_ids),
                             "groups": " ".join(groups), "events": " ".join(events)})

        def options(found: dict[str, str]) -> list[tuple[str, str]]:
            return sorted(found.items(), key=lambda kv: (kv[1].casefold(), kv[0]))

        vocabulary = [
            ("group", self.s["customer_group"], self.choices(self.bank.customer_groups())),
            ("event", self.s["life_event"], self.choices(self.bank.life_events())),
        ]
        filters = [
            ("theme", self.s["theme"], options(themes)),
            ("team", self.s["team"], options(teams)),
            ("status", self.s["status"], options({v: self.s[f"opportunity_status.{v}"] for v in statuses})),
            *((name, label, found) for name, label, found in vocabulary if found),
        ]
        return Page("backlog.html", "site/backlog.html.j2", self.s["backlog"], {"rows": rows, "filters": filters})

    def search(self) -> Page:
        return Page("search.html", "site/search.html.j2", self.s["search"], {})

    def guide_index(self) -> Page:
        """The playbook's contents (`site/guide.py`)."""
        found = guide(self.language)
        return Page(GUIDE_INDEX, "site/guide.html.j2", self.s["playbook"], {
            "chapter": None, "chapters": found.chapters, "text_language": found.language,
            "previous": None, "next": found.chapters[0] if found.chapters else None,
        })

    def guide_chapter(self, chapter: Chapter) -> Page:
        """A chapter of the playbook, with links to the one before and after it."""
        found = guide(self.language)
        chapters = found.chapters
        at = chapters.index(chapter)
        # A page's <title> cannot be marked as another language: a chapter shown in
        # English on a page of another language is titled in the page's own words.
        title = chapter.title if found.language == self.language else self.s["playbook_chapter"].format(n=at + 1)
        return Page(f"guide/{checked(chapter.name)}.html", "site/guide.html.j2", title, {
            "chapter": chapter, "chapters": chapters, "text_language": found.language,
            "previous": chapters[at - 1] if at else None,
            "next": chapters[at + 1] if at + 1 < len(chapters) else None,
        })

    def scorecard(self) -> Page:
        context = self.dashboards.page() if self.dashboards else {}
        return Page("scorecard.html", "site/scorecard.html.j2", self.s["scorecard"], context)

    def team(self, team: Team) -> Page:
        if self._owned is None:
            self._owned = owned_by_team(self.bank)
        return Page(f"teams/{checked(team.id)}.html", "site/team.html.j2", self.t(team.title),
                    team_context(team, self._owned, self.by_title))

    def known(self, record: CustomerGroup | LifeEvent) -> Page:
        folder = "groups" if isinstance(record, CustomerGroup) else "life-events"
        return Page(f"{folder}/{checked(record.id)}.html", "site/known.html.j2", self.t(record.title),
                    known_about(self.known_index, record, self.by_title))
