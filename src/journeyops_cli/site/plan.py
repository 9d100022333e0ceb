"""Plan the site: what every page of every language shows, and the fingerprints that tell
a rebuild which pages the previous build already wrote."""

from __future__ import annotations

from dataclasses import dataclass, field

from journeyops_cli.bank import Bank
from journeyops_cli.render.i18n import strings
from journeyops_cli.site.dashboards import SiteScorecard, site_scorecard
from journeyops_cli.site.fingerprint import ContextDigest, SiteFingerprints, digest
from journeyops_cli.site.gather import Source, ranked_backlog
from journeyops_cli.site.history import git_changes
from journeyops_cli.site.links import checked
from journeyops_cli.site.pages import BacklogRow, PagePlanner, SiteData
from journeyops_cli.speed.executor import start_background


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
    fingerprints. With `background`, the scorecard is made (and digested, for `world`)
    in a forked process (when this one may fork and has another CPU) while this one ranks
    the backlog and digests the records: the two halves of planning take about as long,
    and no page can start before both are done. What crosses back is small (a scorecard
    pickles in 0.04 s at 2,000 journeys; a backlog's explanations would take 1.3 s, and
    digesting the records there touched, and so copied, most of the forked memory)."""
    config = source.bank.config
    data = SiteData(
        bank=source.bank,
        title=config.site.title or config.name,
        languages=list(config.languages),
        changes=git_changes(source.root, config.site.recent_changes, source.personal.anywhere),
    )

    def scorecard() -> tuple[SiteScorecard, str]:
        made = site_scorecard(source.root, source.bank)
        return made, digest(made.world())

    making = start_background(scorecard) if background else None
    contexts = ContextDigest()
    try:
        data.backlog, notes = backlog_and_notes(source.bank)
        contexts.records(source.bank)  # what `world` digests, while the scorecard is made
    except BaseException:
        if making is not None:
            making.stop()
        raise
    made = making.result() if making is not None else None
    data.scorecard, scorecard_key = made if made is not None else scorecard()
    notes += data.scorecard.notes
    planners = {language: PagePlanner(data, language, strings(language)) for language in data.languages}
    fingerprints = SiteFingerprints(data.title, data.languages, data.backlog is not None, contexts)
    journey_files: dict[str, set[str]] = {}
    for journey in source.bank.journeys():
        journey_files.setdefault(f"journeys/{checked(journey.id)}.html", set()).add(journey.source_path)
    return SitePlan(
        source=source,
        data=data,
        planners=planners,
        fingerprints=fingerprints,
        world=fingerprints.world(source.bank, data.backlog, (data.changes, scorecard_key)),
        journey_files=journey_files,
        notes=notes,
    )


def backlog_and_notes(bank: Bank) -> tuple[list[BacklogRow] | None, list[str]]:
    """The ranked backlog (`gather.ranked_backlog`) and the notes it made."""
    notes: list[str] = []
    return ranked_backlog(bank, notes), notes
