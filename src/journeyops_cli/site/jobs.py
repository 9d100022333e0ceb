"""Render the planned site into the writer: one job per output file, each rendering its
page (or taking the previous build's when its inputs are unchanged) and writing it.

Pages that show no findings are rendered while validation's rules run in the background
(`site/validation.py`); the journey pages, which show the findings, and the search
indexes follow, shared out between this process and forked workers in chunks
(`speed/executor`, the one executor). Each job writes its own output path, so whoever
renders a page, the site is the same bytes as one process gives (the reference).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool

from journeyops_cli.findings import Finding
from journeyops_cli.lint.withheld import Withheld
from journeyops_cli.render.i18n import LANGUAGE_NAMES, message, strings
from journeyops_cli.resources import templates_dir
from journeyops_cli.site.errors import SiteError
from journeyops_cli.site.frames import PageRenderer
from journeyops_cli.site.links import ASSETS, Linker, checked
from journeyops_cli.site.pages import Page, SiteData
from journeyops_cli.site.plan import SitePlan
from journeyops_cli.site.search import index_script
from journeyops_cli.site.validation import Validation
from journeyops_cli.site.write import MARKER, MARKER_TEXT, Progress, SiteWriter
from journeyops_cli.speed.executor import executor_for, gc_paused

Job = tuple[str, Callable[[], None]]
"""An output path and the function that renders (or reuses) and writes it."""

# Fewer page jobs than this are run in this process: forking workers costs more.
PARALLEL_MIN_PAGES = 256

ASSET_FILES = ("site.css", "site.js")
SCORECARD = "scorecard.html"


def render_site(site: SitePlan, writer: SiteWriter, rules: Validation,
                progress: Progress | None = None, workers: int | None = None) -> list[Finding]:
    """Render every file of `site` into `writer`; returns validation's findings (the
    journey pages show them). `workers`: None shares the pages out on every CPU when
    there are many, 1 renders them all in this process (the reference)."""
    data, planners, fingerprints = site.data, site.planners, site.fingerprints
    renderer = PageRenderer(data)
    writer.world = site.world
    writer.backlog = data.has_backlog
    writer.notes = site.notes
    same_world = writer.previous.world == site.world
    jobs = site.jobs
    done = 0

    def unchanged(key: str) -> bool:
        """Whether the page `key` shows what it showed in the previous build."""
        if not same_world:
            return False
        if key == SCORECARD:  # it counts every file's findings
            return writer.previous.findings == writer.findings
        files = site.journey_files.get(key) if key.startswith("journeys/") else None
        return files is None or all(
            writer.previous.findings.get(path) == writer.findings.get(path) for path in files
        )

    def page_jobs(language: str, pages: Iterator[tuple[str, Callable[[], Page]]]) -> Iterator[Job]:
        """A job for each page whose previous build cannot simply be linked: a page known
        unchanged is linked here and now (56,000 links cost less than sharing them out)."""
        for key, make in pages:
            if unchanged(key) and writer.reuse(f"{language}/{key}"):
                step()
            else:
                yield page_job(language, key, make)

    def page_job(language: str, key: str, make: Callable[[], Page]) -> Job:
        planner = planners[language]

        def run() -> None:
            if unchanged(key) and writer.reuse(f"{language}/{key}"):
                return
            page = make()
            rel = f"{language}/{page.key}"
            inputs = fingerprints.page(rel, page.template, page.title, page.context)
            writer.page(rel, inputs, lambda: renderer.render(language, planner.s, page))
        return (f"{language}/{key}", run)

    def search_job(language: str) -> Job:
        rel = f"{ASSETS}/search-{checked(language)}.js"
        words = planners[language].s

        def run() -> None:
            if same_world and writer.reuse(rel):
                return
            made = site.searches.get(language)  # made ahead while planning
            writer.page(rel, fingerprints.search(rel, words, data.bank),
                        lambda: made if made is not None else index_script(data, language, words))
        return (rel, run)

    def step(count: int = 1) -> None:
        nonlocal done
        done += count
        if progress:
            progress("render", done, jobs)

    writer.put(MARKER, MARKER_TEXT.encode())
    for name in ASSET_FILES:
        writer.put(f"{ASSETS}/{name}", asset_bytes(name))
    # The search indexes made while planning are written now and let go (15 MB each at
    # 2,000 journeys: held to the end, they were the build's peak memory); the others are
    # jobs, made as pages render.
    searches: list[Job] = []
    for language in data.languages:
        if language in site.searches:
            search_job(language)[1]()
            step()
        else:
            searches.append(search_job(language))
    site.searches.clear()
    # While the rules run on the other core, render pages that do not show findings.
    # Jobs are made one at a time: those not run by the time the rules end are shared out.
    common = itertools.chain.from_iterable(
        page_jobs(language, planner.common_jobs()) for language, planner in planners.items())
    while rules.running():
        job = next(common, None)
        if job is None:
            break
        job[1]()
        step()
    # Journey pages and the scorecard show the findings of validation: wait for the rules
    # here, then share out the rest between this process and forked workers.
    found = rules.result()
    data.findings = findings_by_path(found, site.source.personal)
    data.count_findings(found)
    writer.findings = {path: fingerprints.findings(items) for path, items in sorted(data.findings.items())}
    journeys = itertools.chain.from_iterable(
        page_jobs(language, planner.journey_jobs()) for language, planner in planners.items())
    with gc_paused():  # 56,000 closures and no cycle: the collector's walks (70 % of
        # making the list at 2,000 journeys, with the other CPU idle) would find nothing
        rest = list(itertools.chain(common, journeys, searches))
    run_jobs(rest, writer, workers, step)
    writer.put("index.html", render_root(data).encode())
    return found


def run_jobs(jobs: Sequence[Job], writer: SiteWriter, workers: int | None,
             step: Callable[[int], None]) -> None:
    """Run `jobs`, shared out in chunks between this process and forked workers when
    there are many (`speed.executor`, `chunks=True`; the workers report what they wrote,
    `writer.merge`).
    A path that comes twice (records with the same id) is written by its last job alone,
    as one process running them in order would leave it. The collector keeps running:
    a rendered page leaves cycles (jinja2's contexts and macros: 50,000 objects per
    language at 200 journeys) that would pile up while it waited; the bank it would walk
    is out of its reach already (`load_bank` freezes it)."""
    total = len(jobs)
    last = {rel: index for index, (rel, _) in enumerate(jobs)}
    jobs = [job for index, job in enumerate(jobs) if last[job[0]] == index]
    runner = executor_for(len(jobs), workers, minimum=PARALLEL_MIN_PAGES)
    here = os.getpid()
    stepped = 0

    def run_one(job: Job) -> tuple[str, tuple[str, int] | None]:
        nonlocal stepped
        rel, run = job
        run()
        if os.getpid() == here:  # progress is shown by this process only
            stepped += 1
            step(1)
        return writer.written([rel])[0]

    try:
        writer.merge(runner.map(run_one, jobs, chunks=True))
    except BrokenProcessPool:
        raise SiteError("cannot build the site: a page worker stopped") from None
    step(total - stepped)


# What the journey map shares with `journeyops render`, appended to the site's own asset.
MAP_ASSETS = {"site.css": "map.css", "site.js": "map.js"}


def asset_bytes(name: str) -> bytes:
    """An asset as written: the site's stylesheet and script carry the journey map's own
    (`templates/render/map.css` and `map.js`, shared with `journeyops render`) after theirs."""
    data = (templates_dir() / "site" / "assets" / name).read_bytes()
    if name in MAP_ASSETS:
        data += b"\n" + (templates_dir() / "render" / MAP_ASSETS[name]).read_bytes()
    return data


def findings_by_path(found: list[Finding], personal: Withheld) -> dict[str, list[Finding]]:
    """The findings of each file, in order, with reported personal data masked in the
    messages."""
    by_path: dict[str, list[Finding]] = {}
    for item in sorted(found, key=Finding.sort_key):
        by_path.setdefault(item.path, []).append(item.replace(message=personal.text(item.message)))
    return by_path


def render_root(data: SiteData) -> str:
    """The root `index.html`: a choice of language, forwarding to the first."""
    from journeyops_cli.render.env import html_environment

    link = Linker(data.languages[0], "")
    choices = [
        {"language": lang, "name": LANGUAGE_NAMES.get(lang, lang), "href": f"{lang}/index.html",
         "label": message("root_title", lang)}
        for lang in data.languages
    ]
    return html_environment().get_template("site/root.html.j2").render(
        site_title=data.title, language=data.languages[0], choices=choices,
        s=strings(data.languages[0]), link=link,
    )
