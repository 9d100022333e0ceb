"""Plan the site: what every page of every language shows, and the fingerprints that tell
a rebuild which pages the previous build already wrote."""

from __future__ import annotations

from dataclasses import dataclass, field

from journeyops_cli.bank import Bank
from journeyops_cli.render.i18n import strings
from journeyops_cli.site.dashboards import SiteScorecard, site_scorecard
from journeyops_cli.site.fingerprint import ContextDigest, SiteFingerprints
from journeyops_cli.site.gather import Source, ranked_backlog
from journeyops_cli.site.history import git_changes, scorecard_inputs
from journeyops_cli.site.links import checked
from journeyops_cli.site.pages import BacklogRow, PagePlanner, SiteData
from journeyops_cli.site.search import index_script
from journeyops_cli.site.write import Manifest, read_manifest
from journeyops_cli.speed.executor import gc_paused, start_background

# How many languages' search indexes the scorecard's process makes after the scorecard, so
# that planning's two processes take about as long (at 2,000 journeys, in CPU s: this one
# 1.9 after the roll-up, that one's scorecard 0.9 and an index 1.0; in a rebuild that
# builds its own roll-up, 2.4 and 2.5). The others are made as pages render.
AHEAD_SEARCHES = 1


@dataclass(slots=True)
class SitePlan:
    """Every page of every language, before any is rendered."""

    source: Source
    data: SiteData
    planners: dict[str, PagePlanner]
    fingerprints: SiteFingerprints
    world: str
    """The fingerprint of everything the pages show but validation's findings."""
    journey_files: dict[str, set[str]]
    """Each journey page's key and the files whose findings it shows."""
    previous: Manifest = field(default_factory=Manifest)
    """What the previous build in the output folder recorded (read once, here)."""
    searches: dict[str, str] = field(default_factory=dict)
    """Search indexes (`search.index_script`) made ahead, in the scorecard's process."""
    notes: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        """The pages of every language (the root `index.html` not counted)."""
        return sum(planner.count() for planner in self.planners.values())

    @property
    def jobs(self) -> int:
        """Every page and each language's search index."""
        return self.pages + len(self.data.languages)


def plan_site(source: Source, background: bool = True) -> SitePlan:
    """The site's data (the masked bank, the ranked backlog, the scorecard and its trend,
    the git history with commit subjects masked), a page planner per language and the
    fingerprints.

    The scorecard is made in a forked process (with `background`, when this one may fork
    and has another CPU) while this one digests the records, builds the roll-up and ranks
    the backlog (a scorecard crosses back in 0.04 s at 2,000 journeys; a backlog's
    explanations would take 1.3 s). That process then makes search indexes, which show
    neither (`AHEAD_SEARCHES`): the two halves of planning take about as long, and those
    indexes are not made while pages render. The roll-up is built here before the page
    workers fork, so that they inherit it rather than each building its own; in a build
    from nothing (no previous site: every page is rendered), before the scorecard's
    process forks too (a rebuild makes it only when the pages' world changed). When the digest of what the
    pages show (`world`, made from the records, the config, the code, the git history and
    the day) is the previous build's, no page that shows the backlog or the scorecard is
    rendered again unless its file is gone: then neither is made unless a page asks
    (`SiteData.needed`), and the previous build's notes stand."""
    config = source.bank.config
    data = SiteData(
        bank=source.bank,
        title=config.site.title or config.name,
        languages=list(config.languages),
        changes=git_changes(source.root, config.site.recent_changes, source.personal.anywhere),
    )

    def scorecard() -> SiteScorecard:
        return site_scorecard(source.root, source.bank)

    def ahead() -> tuple[SiteScorecard, dict[str, str]]:
        return scorecard(), {language: index_script(data, language, strings(language))
                             for language in data.languages[:AHEAD_SEARCHES]}

    previous = read_manifest(source.out)
    fresh = not previous.pages
    if fresh:  # every page is rendered: the scorecard's process inherits the roll-up
        rolled_up(source.bank)
    making = start_background(ahead) if background else None
    contexts = ContextDigest()
    fingerprints = SiteFingerprints(data.title, data.languages, contexts=contexts)
    notes: list[str] = []
    try:
        contexts.records(source.bank)
        world = fingerprints.world(source.bank, data.changes, scorecard_inputs(source.root))
        if previous.world == world and previous.backlog is not None:
            if making is not None:
                making.stop()
                making = None

            def later() -> None:
                data.backlog, _ = backlog_and_notes(source.bank)
                data.scorecard = scorecard()

            data.later, data.backlog_known = later, previous.backlog
            notes = list(previous.notes)
        else:
            rolled_up(source.bank)  # what the journey pages and the scorecard show
            data.backlog, notes = backlog_and_notes(source.bank)
    except BaseException:
        if making is not None:
            making.stop()
        raise
    searches: dict[str, str] = {}
    if data.later is None:
        made = making.result() if making is not None else None
        data.scorecard, searches = made if made is not None else (scorecard(), {})
        notes += data.scorecard.notes
    fingerprints.backlog(data.has_backlog)
    planners = {language: PagePlanner(data, language, strings(language)) for language in data.languages}
    journey_files: dict[str, set[str]] = {}
    for journey in source.bank.journeys():
        journey_files.setdefault(f"journeys/{checked(journey.id)}.html", set()).add(journey.source_path)
    return SitePlan(
        source=source,
        data=data,
        planners=planners,
        fingerprints=fingerprints,
        world=world,
        journey_files=journey_files,
        notes=notes,
        previous=previous,
        searches=searches,
    )


def rolled_up(bank: Bank) -> None:
    """Build the bank's roll-up and leave it out of the collector's walks: it is a great
    many long-lived containers, and each full collection while the backlog was ranked
    walked it again (the ranking took 1.3 to 1.7 CPU s after it, 0.8 s without it)."""
    with gc_paused(freeze=True):
        bank.rollup()


def backlog_and_notes(bank: Bank) -> tuple[list[BacklogRow] | None, list[str]]:
    """The ranked backlog (`gather.ranked_backlog`) and the notes it made."""
    notes: list[str] = []
    return ranked_backlog(bank, notes), notes
