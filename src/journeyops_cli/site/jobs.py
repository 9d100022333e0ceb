"""Render the planned site into the writer: one job per output file, each rendering its
page (or taking the previous build's when its inputs are unchanged) and writing it.

Pages that show no findings are rendered while validation's rules run on the other core;
the journey pages, which show the findings, and the search indexes follow, shared out
between processes (`processes.run_shared`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from journeyops_cli.findings import Finding
from journeyops_cli.lint.withheld import Withheld
from journeyops_cli.render.i18n import LANGUAGE_NAMES, message, strings
from journeyops_cli.resources import templates_dir
from journeyops_cli.site.frames import PageRenderer
from journeyops_cli.site.links import ASSETS, Linker, checked
from journeyops_cli.site.pages import Page, SiteData
from journeyops_cli.site.plan import SitePlan
from journeyops_cli.site.processes import Job, RulesInBackground, run_shared
from journeyops_cli.site.search import index_script
from journeyops_cli.site.write import MARKER, MARKER_TEXT, Progress, SiteWriter

ASSET_FILES = ("site.css", "site.js")
SCORECARD = "scorecard.html"


def render_site(site: SitePlan, writer: SiteWriter, rules: RulesInBackground,
                progress: Progress | None = None) -> list[Finding]:
    """Render every file of `site` into `writer`; returns validation's findings (the
    journey pages show them)."""
    data, planners, fingerprints = site.data, site.planners, site.fingerprints
    renderer = PageRenderer(data)
    writer.world = site.world
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
            writer.page(rel, fingerprints.search(rel, words, data.bank),
                        lambda: index_script(data, language, words))
        return (rel, run)

    def step(count: int = 1) -> None:
        nonlocal done
        done += count
        if progress:
            progress("render", done, jobs)

    writer.put(MARKER, MARKER_TEXT.encode())
    for name in ASSET_FILES:
        writer.put(f"{ASSETS}/{name}", asset_bytes(name))
    # While the rules run on the other core, render pages that do not show findings.
    # Jobs are made one at a time (a forked process goes on from where its parent was).
    common = (page_job(language, key, make)
              for language, planner in planners.items() for key, make in planner.common_jobs())
    first = 0
    while rules.running():
        job = next(common, None)
        if job is None:
            break
        job[1]()
        first += 1
        step()
    # Journey pages and the scorecard show the findings of validation: wait for the rules
    # here, then share out the rest between this process and forked ones, one per free CPU.
    found = rules.result()
    data.findings = findings_by_path(found, site.source.personal)
    if data.scorecard is not None:
        data.scorecard.count_findings(data.bank, found)
    writer.findings = {path: fingerprints.findings(items) for path, items in sorted(data.findings.items())}
    journeys = (page_job(language, key, make)
                for language, planner in planners.items() for key, make in planner.journey_jobs())
    searches = (search_job(language) for language in data.languages)
    run_shared(itertools.chain(common, journeys, searches), jobs - first, writer, rules.parallel, step)
    writer.put("index.html", render_root(data).encode())
    return found


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
