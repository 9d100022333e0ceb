"""The scorecard on the site: its figures (`scorecard.figures`, computed once per build),
the trend over time from git (`scorecard.run.history`), and what the scorecard page, each
theme's dashboard and the home page's health at a glance show of them in one language.

The figures are counted as of the bank's last commit (or the build's date when the bank
is not in git), so the same repository state gives the same pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import Markup

from journeyops_cli.bank import Bank
from journeyops_cli.errors import JourneyopsError
from journeyops_cli.findings import Finding
from journeyops_cli.models import Journey, Theme
from journeyops_cli.render.formats import date, percent
from journeyops_cli.render.svg import share_bars, status_bar, trend_lines
from journeyops_cli.scorecard.figures import SEVERITY_LABELS, Figures, Scorecard, stale_journeys, uncovered_phases

TREND_MONTHS = 12
GLANCE = 10
"""How many of each list the home page's health at a glance shows."""
OPEN = ("idea", "proposed", "planned", "in-progress")


@dataclass(slots=True)
class SiteScorecard:
    """The scorecard the site shows, and its trend (None, with the reason, without git)."""

    card: Scorecard
    trend: list[tuple[str, Scorecard]] | None = None
    trend_missing: str = ""
    """Why there is no trend: `trend_no_git` or `trend_failed` (catalogue ids)."""
    notes: list[str] = field(default_factory=list)

    def count_findings(self, bank: Bank, found: list[Finding]) -> None:
        """Count validation's findings (`found`, once the rules are done) into the figures,
        by severity per scope, as `report` does (`scorecard_of_bank` with them gives the
        same figures; a card made with `recount=True` is not rolled up again)."""
        if self.card.counted is not None:
            self.card = self.card.recounted(found)
            return
        from journeyops_cli.scorecard.run import scorecard_of_bank

        self.card = scorecard_of_bank(bank, found, self.card.today)

    def world(self) -> Any:
        """What the pages show of it, for the site's fingerprint."""
        return [self.card.to_dict(), [c.to_dict() for _, c in self.trend or []], self.trend_missing]


def site_scorecard(root: Path, bank: Bank) -> SiteScorecard:
    """The scorecard of `bank` (the masked bank the site shows) as of its last commit, and
    the monthly trend from git; without git, as of today and without a trend."""
    from journeyops_cli.revisions import monthly, repository_root
    from journeyops_cli.scorecard.run import history, scorecard_of_bank

    if repository_root(root) is None:
        return SiteScorecard(scorecard_of_bank(bank, [], dt.date.today(), recount=True), None, "trend_no_git")
    try:
        last = monthly(root, 1)
        today = last[0][0] if last else dt.date.today()
        card = scorecard_of_bank(bank, [], today, recount=True)
        return SiteScorecard(card, history(root, TREND_MONTHS) if last else None,
                             "" if last else "trend_no_git")
    except JourneyopsError as error:
        card = scorecard_of_bank(bank, [], dt.date.today(), recount=True)
        return SiteScorecard(card, None, "trend_failed",
                             [f"the scorecard's trend is left out: {error.message}"])


class Dashboards:
    """The scorecard's figures as one language's pages show them."""

    def __init__(self, bank: Bank, scorecard: SiteScorecard, s: Mapping[str, str], language: str,
                 t: Callable[[Any], str]) -> None:
        self.bank = bank
        self.scorecard = scorecard
        self.s = s
        self.language = language
        self.t = t

    def share(self, count: int, total: int) -> str:
        return f"{count} / {total} ({percent(count / total, self.language)})" if total else self.s["no_data"]

    def label(self, figures: Figures) -> tuple[str, tuple[str, str] | None]:
        """The row's label in this language and what it links to (kind, id)."""
        if figures.scope == "bank":
            return self.s["scorecard_bank"], None
        if figures.scope == "theme":
            theme = self.bank.get(Theme, figures.id) if figures.id else None
            if theme is None:
                return figures.id or self.s["no_theme"], None
            return self.t(theme.title), ("theme", theme.id)
        if figures.scope == "journey":
            journey = self.bank.get(Journey, figures.id)
            return (self.t(journey.title) if journey else figures.id), ("journey", figures.id)
        found = self.bank.step(figures.id)
        return (self.t(found[1].title) if found else figures.id), ("step", figures.id)

    def row(self, figures: Figures, findings: bool = False) -> dict[str, Any]:
        """One row of a scorecard table (every cell as text); with `findings` (the
        scorecard page, rendered once the rules are done), validation's findings by
        severity."""
        label, target = self.label(figures)
        c = figures.coverage
        row = {
            "label": label,
            "target": target,
            "level": figures.level,
            "steps": str(c.steps),
            "emotion": self.share(c.emotion, c.steps),
            "insight": self.share(c.insight, c.steps),
            "metric": self.share(c.metric, c.steps),
            "insights": self.s["insights_fresh"].format(n=figures.insights, fresh=figures.fresh_insights),
            "metrics": self.s["metrics_status"].format(on=figures.metrics["on"], off=figures.metrics["off"],
                                                       unknown=figures.metrics["unknown"]),
            "open": str(sum(figures.opportunities[name] for name in OPEN)),
            "stale": str(len(figures.stale)),
            "unowned": str(len(figures.unowned)),
        }
        if findings:
            row["findings"] = " / ".join(str(figures.findings.get(label, 0)) for label in SEVERITY_LABELS)
        return row

    def coverage_chart(self, figures: Figures) -> Markup:
        c = figures.coverage
        rows = [(self.s[f"coverage_{name}"], c.share(count), self.share(count, c.steps))
                for name, count in (("emotion", c.emotion), ("insight", c.insight), ("metric", c.metric))]
        return share_bars(rows, self.s["coverage_chart"].format(scope=self.label(figures)[0]))

    def status_chart(self, figures: Figures) -> Markup:
        parts = [(self.s["on_target"], figures.metrics["on"], "on"),
                 (self.s["off_target"], figures.metrics["off"], "off"),
                 (self.s["metric_unknown"], figures.metrics["unknown"], "unknown")]
        return status_bar(parts, self.s["status_chart"].format(scope=self.label(figures)[0]))

    def panel(self, figures: Figures) -> dict[str, Any]:
        """A scope's dashboard: its row, its coverage bars and its metric status."""
        return {"row": self.row(figures), "coverage": self.coverage_chart(figures),
                "status": self.status_chart(figures), "metrics": figures.metrics}

    def theme_figures(self, theme_id: str) -> Figures | None:
        return next((f for f in self.scorecard.card.bank.children if f.id == theme_id), None)

    def theme_panel(self, theme_id: str) -> dict[str, Any] | None:
        """The dashboard of a theme page: its panel and its journeys' rows."""
        figures = self.theme_figures(theme_id)
        if figures is None:
            return None
        return {**self.panel(figures), "journeys": [self.row(j) for j in figures.children]}

    def trend(self) -> dict[str, Any]:
        """The trend chart and its table, or the reason there is none."""
        cards = self.scorecard.trend
        if not cards:
            return {"missing": self.scorecard.trend_missing or "trend_no_git"}
        dates = [card.today.isoformat() for _, card in cards]
        names = [self.s["coverage_emotion"], self.s["coverage_insight"], self.s["coverage_metric"],
                 self.s["metrics_on_target_share"]]
        series: list[list[float | None]] = [[], [], [], []]
        for _, card in cards:
            c, m = card.bank.coverage, card.bank.metrics
            series[0].append(c.share(c.emotion))
            series[1].append(c.share(c.insight))
            series[2].append(c.share(c.metric))
            known = m["on"] + m["off"]
            series[3].append(m["on"] / known if known else None)
        chart = trend_lines(list(zip(names, series, strict=True)), dates, self.s["trend_chart"],
                            lambda share: percent(share, self.language))
        rows = [{"date": day, "cells": [self.s["no_data"] if v is None else percent(v, self.language)
                                          for v in values]}
                for day, *values in zip(dates, *series, strict=True)]
        return {"missing": "", "chart": chart, "names": names, "rows": rows}

    def health(self) -> dict[str, Any]:
        """The bank's health at a glance: stale journeys, metrics off target, top-level
        phases without evidence."""
        card = self.scorecard.card
        stale = [j for j in (self.bank.get(Journey, i) for i in stale_journeys(card)) if j is not None]
        off = sorted((m for m in self.bank.metrics() if m.status() == "off"),
                     key=lambda m: (self.t(m.title).casefold(), m.id))
        phases = []
        for ref in uncovered_phases(card):
            found = self.bank.step(ref)
            if found is not None:
                phases.append((ref, (self.t(found[0].title), self.t(found[1].title))))
        # At a glance: the first few of each list, with how many there are in all.
        return {"as_of": date(card.today, self.language), "fresh_days": card.fresh_days,
                "stale": stale[:GLANCE], "off": off[:GLANCE], "phases": phases[:GLANCE],
                "counts": {"stale": len(stale), "off": len(off), "phases": len(phases)},
                "panel": self.panel(card.bank)}

    def page(self) -> dict[str, Any]:
        """The scorecard page: the bank and its themes, each theme's journeys, the phases
        of each top and mid journey, and the trend."""
        card = self.scorecard.card
        themes = card.bank.children
        row = partial(self.row, findings=True)
        steps = [(row(journey), [row(step) for step in journey.children])
                 for theme in themes for journey in theme.children if journey.children]
        return {
            "as_of": date(card.today, self.language),
            "fresh_days": card.fresh_days,
            "panel": self.panel(card.bank),
            "themes": [row(card.bank)] + [row(theme) for theme in themes],
            "journeys": [(row(theme), [row(j) for j in theme.children]) for theme in themes],
            "steps": steps,
            "trend": self.trend(),
        }
