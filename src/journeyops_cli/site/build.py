"""`journeyops site build`: the static journey bank site, in one readable function.

Like mkdocs' build, everything is gathered and checked before anything is written: the
bank is loaded and validated, personal data handled, every page of every language
rendered in memory and every output path checked to lie inside the output folder. Only
then is the site written, into a temporary folder next to the output folder that is
swapped in at the end, so a failed build never leaves a half-written site.

The output is deterministic: the same bank (and git history) gives the same bytes.
"""

from __future__ import annotations

import gc
import importlib
import itertools
import json
import os
import pickle
import posixpath
import shutil
import signal
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISLNK
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.errors import JourneyopsError
from journeyops_cli.findings import Finding
from journeyops_cli.pipeline import Selection, load_bank, load_config
from journeyops_cli.render.i18n import LANGUAGE_NAMES, message, strings
from journeyops_cli.render.withheld import Withheld, withheld
from journeyops_cli.resources import templates_dir
from journeyops_cli.site.fingerprint import FORMAT, ContextDigest, code_digest, digest
from journeyops_cli.site.frames import PageRenderer
from journeyops_cli.site.history import git_changes
from journeyops_cli.site.links import ASSETS, Linker, UnsafeId, checked
from journeyops_cli.site.pages import BacklogRow, Page, PagePlanner, SiteData
from journeyops_cli.site.search import index_script

MARKER = ".journeyops-site"
MANIFEST = ".journeyops-manifest.json"
MARKER_TEXT = "This folder is written by `journeyops site build` and replaced on every build.\n"
ASSET_FILES = ("site.css", "site.js")

Progress = Callable[[str, int, int], None]
"""Called as `progress(stage, done, total)` while pages are rendered and written."""

Job = tuple[str, Callable[[], None]]
"""An output path and the function that renders (or reuses) and writes it."""


class SiteError(JourneyopsError):
    """The site cannot be built (bad output folder, personal data with `privacy: refuse`,
    a file that cannot be written): exit 2; nothing was changed on disk."""


@dataclass(slots=True)
class SiteResult:
    """What a build wrote; the CLI prints it."""

    out: Path
    languages: list[str]
    pages: int
    files: int
    records: dict[str, int]
    findings: int
    shown: int
    """How many of the findings are on a journey page (those in a journey's file)."""
    redacted: int
    notes: list[str] = field(default_factory=list)


def build_site(root: Path, out: Path | None = None, progress: Progress | None = None) -> SiteResult:
    """Build the site of the bank at `root` into `out` (default: the config's `site.out`)."""
    # 1. Load the bank; validation's rules run meanwhile on another core when there is one.
    root = root.resolve()
    config = load_config(root)
    out = (out if out is not None else root / config.site.out).resolve()
    check_out_folder(root, out)
    loaded = load_bank(root, config)
    # 2. Personal data validation reports: refuse or mask it, as configured.
    personal = withheld(loaded.bank, loaded.files)
    bank, redacted = apply_privacy(loaded.bank, personal)
    with RulesInBackground(loaded.bank, loaded.findings, loaded.files) as rules:
        languages = list(config.languages)
        data = SiteData(
            bank=bank,
            title=config.site.title or config.name,
            languages=languages,
            changes=git_changes(root, config.site.recent_changes, personal.anywhere),
        )
        notes: list[str] = []
        data.backlog = ranked_backlog(bank, notes)
        planners = {language: PagePlanner(data, language, strings(language)) for language in languages}
        total = sum(planner.count() for planner in planners.values())
        jobs = total + len(languages)  # every page and each language's search index

        # 3. Render every page of every language into a temporary folder (a page whose
        # inputs are those of the previous build is taken from it), then swap it in.
        site_inputs = digest(code_digest(), data.title, *languages, str(data.backlog is not None))
        fingerprint = ContextDigest()
        # Everything the pages show but validation's findings (every record by its content
        # and file, the config, the backlog, the git history). When it is what the previous
        # build saw, a page that shows no findings is the previous build's page: it is
        # linked without building its context.
        world = fingerprint(site_inputs, bank.config.model_dump_json(), list(bank.records()),
                            data.backlog, data.changes)
        renderer = PageRenderer(data)
        journey_files: dict[str, set[str]] = {}
        for journey in bank.journeys():
            journey_files.setdefault(f"journeys/{checked(journey.id)}.html", set()).add(journey.source_path)
        done = 0
        with SiteWriter(out) as writer:
            writer.world = world
            same_world = writer.previous.world == world

            def unchanged(key: str) -> bool:
                """Whether the page `key` shows what it showed in the previous build."""
                if not same_world:
                    return False
                files = journey_files.get(key) if key.startswith("journeys/") else None
                return files is None or all(
                    writer.previous.findings.get(path) == writer.findings.get(path) for path in files
                )

            writer.put(MARKER, MARKER_TEXT.encode())
            for name in ASSET_FILES:
                writer.put(f"{ASSETS}/{name}", (templates_dir() / "site" / "assets" / name).read_bytes())

            def page_job(language: str, key: str, make: Callable[[], Page]) -> Job:
                planner = planners[language]

                def run() -> None:
                    if unchanged(key) and writer.reuse(f"{language}/{key}"):
                        return
                    page = make()
                    rel = f"{language}/{page.key}"
                    inputs = fingerprint(site_inputs, rel, page.template, page.title, page.context)
                    writer.page(rel, inputs, lambda: renderer.render(language, planner.s, page))
                return (f"{language}/{key}", run)

            def search_job(language: str) -> Job:
                rel = f"{ASSETS}/search-{checked(language)}.js"
                words = planners[language].s

                def run() -> None:
                    if same_world and writer.reuse(rel):
                        return
                    # What `search.entries` reads: the strings and these records (ids sorted).
                    records = [sorted(table(), key=lambda r: r.id)
                               for table in (bank.journeys, bank.insights, bank.opportunities)]
                    inputs = fingerprint(site_inputs, rel, words, records)
                    writer.page(rel, inputs, lambda: index_script(data, language, words))
                return (rel, run)

            def step(count: int = 1) -> None:
                nonlocal done
                done += count
                if progress:
                    progress("render", done, jobs)

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
            # Journey pages show the findings of validation: wait for the rules here, then
            # share out the rest between this process and forked ones, one per free CPU.
            found = rules.result()
            data.findings = findings_by_path(found, personal)
            writer.findings = {path: fingerprint(items) for path, items in sorted(data.findings.items())}
            journeys = (page_job(language, key, make)
                        for language, planner in planners.items() for key, make in planner.journey_jobs())
            searches = (search_job(language) for language in languages)
            run_shared(itertools.chain(common, journeys, searches), jobs - first, writer, rules.parallel, step)
            writer.put("index.html", render_root(data).encode())
            writer.commit(progress)
    return SiteResult(
        out=out,
        languages=languages,
        pages=total + 1,
        files=writer.count,
        records={kind: len(table) for kind, table in bank.by_kind.items()},
        findings=len(found),
        shown=sum(len(items) for path, items in data.findings.items()
                  if any(path in files for files in journey_files.values())),
        redacted=redacted,
        notes=notes,
    )


def findings_by_path(found: list[Finding], personal: Withheld) -> dict[str, list[Finding]]:
    """The findings of each file, in order, with reported personal data masked in the
    messages."""
    by_path: dict[str, list[Finding]] = {}
    for item in sorted(found, key=Finding.sort_key):
        by_path.setdefault(item.path, []).append(item.replace(message=personal.text(item.message)))
    return by_path


# What the rules' worker process checks; set in the parent before it forks.
_RULES_JOB: tuple[Bank, list[Finding], list[str]] | None = None


def _lint(bank: Bank, loaded: list[Finding], files: list[str]) -> list[Finding]:
    """Exactly what `validate` reports: loader findings and rules, with the bank's
    severities, per-path ignores and inline suppressions applied."""
    from journeyops_cli.rules.engine import lint

    return lint(bank, loaded, files, Selection())


def _run_rules_job() -> list[Finding]:
    assert _RULES_JOB is not None
    return _lint(*_RULES_JOB)


class RulesInBackground:
    """The bank's lint (as `validate` runs it) in a forked process while pages render,
    when this machine has more than one CPU and can fork; else in this process, when asked."""

    def __init__(self, bank: Bank, loaded: list[Finding], files: list[str]) -> None:
        self.bank = bank
        self.loaded = loaded
        self.files = files
        self._pool: Any = None
        self._future: Any = None
        self._forks = False

    def __enter__(self) -> RulesInBackground:
        global _RULES_JOB
        import multiprocessing

        from journeyops_cli.load.parallel import workers_available

        if workers_available() > 1 and "fork" in multiprocessing.get_all_start_methods():
            from concurrent.futures import ProcessPoolExecutor

            _RULES_JOB = (self.bank, self.loaded, self.files)
            self._forks = True
            try:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
                self._future = self._pool.submit(_run_rules_job)
            except OSError:
                self._close()
        return self

    @property
    def parallel(self) -> int:
        """How many processes may render pages once the rules are done (1: only this one)."""
        from journeyops_cli.load.parallel import workers_available

        return workers_available() if self._forks else 1

    def running(self) -> bool:
        """Whether the rules are still running in the other process."""
        return self._future is not None and not self._future.done()

    def result(self) -> list[Finding]:
        if self._future is not None:
            try:
                return list(self._future.result())
            except Exception as error:  # noqa: BLE001 - the worker died: check here instead
                from concurrent.futures.process import BrokenProcessPool

                if not isinstance(error, BrokenProcessPool):
                    raise
            finally:
                self._close()
        return _lint(self.bank, self.loaded, self.files)

    def _close(self, stop: bool = False) -> None:
        global _RULES_JOB
        if self._pool is not None:
            if stop and self._future is not None and not self._future.done():
                # The build failed: do not wait for rules nobody will read.
                for process in list(getattr(self._pool, "_processes", {}).values()):
                    process.terminate()
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._future = None
        _RULES_JOB = None

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self._close(stop=kind is not None)


# --- sharing pages out between processes ---------------------------------------------

# At most this many processes render pages (more rarely pay for their fork).
MAX_PROCESSES = 8
# Fewer jobs than this per process are not worth a fork.
MIN_SHARE = 64


def run_shared(jobs: Iterator[Job], count: int, writer: SiteWriter, processes: int,
               step: Callable[[int], None]) -> None:
    """Run the `count` jobs of `jobs` (each writes its own output path), shared out between
    this process and `processes - 1` forked ones. Every process goes through all jobs (a
    fork continues the iterator from where it was) and runs those whose path hashes to it,
    so a path always goes to the same process and each process keeps their order: the
    output is the same bytes whoever renders what. The forks report what they wrote to
    `writer` when done."""
    processes = max(1, min(processes, MAX_PROCESSES, count // MIN_SHARE))
    if processes == 1 or not hasattr(os, "fork"):
        for _, run in jobs:
            run()
            step(1)
        return
    children: list[tuple[int, int]] = []
    mine = {0}
    # What exists now is shared with the forks as it is: the cyclic GC leaves it out for
    # good, as the loader does the bank (walking it would touch, and so copy, every page of
    # it in each process); reference counting still frees it.
    gc.freeze()
    try:
        for share in range(1, processes):
            child = _fork_share(jobs, share, processes, writer)
            if child is None:  # cannot fork: run that share here (its paths stay in order)
                mine.add(share)
            else:
                children.append(child)
        for rel, run in jobs:
            if _share_of(rel, processes) in mine:
                run()
                step(1)
        while children:
            pid, fd = children[0]
            outcome = _collect(pid, fd)
            children.pop(0)
            if outcome[0] != "ok":
                raise outcome[1]
            writer.merge(outcome[1])
            step(len(outcome[1][0]))
    finally:
        for pid, fd in children:  # this process failed: stop the others before cleaning up
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                pass
            _collect(pid, fd)


def _share_of(rel: str, processes: int) -> int:
    return zlib.crc32(rel.encode("utf-8", "surrogatepass")) % processes


def _fork_share(jobs: Iterator[Job], share: int, processes: int, writer: SiteWriter) -> tuple[int, int] | None:
    """Fork a process that runs the jobs of `share` and sends back what it wrote; (pid,
    pipe) or None."""
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid:
        os.close(write)
        return pid, read
    # The child: never returns, never runs the parent's cleanup (`os._exit`).
    code = 0
    try:
        os.close(read)
        writer.start_share()
        for rel, run in jobs:
            if _share_of(rel, processes) == share:
                run()
        payload = pickle.dumps(("ok", writer.share()))
    except BaseException as error:  # noqa: BLE001 - every failure goes to the parent
        code = 1
        try:
            payload = pickle.dumps(("error", error))
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled
            payload = pickle.dumps(("error", SiteError(f"cannot build the site: {error}")))
    try:
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(code)


def _collect(pid: int, fd: int) -> tuple[str, Any]:
    """What the child `pid` sent through `fd` (it is waited for)."""
    chunks = []
    try:
        with os.fdopen(fd, "rb") as pipe:
            chunks.append(pipe.read())
    finally:
        _, status = os.waitpid(pid, 0)
    try:
        outcome = pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 - the child died before it could answer
        return ("error", SiteError(f"cannot build the site: a page worker stopped ({status})"))
    return outcome  # type: ignore[no-any-return]


# --- stages ---------------------------------------------------------------------------


def check_out_folder(root: Path, out: Path) -> None:
    """Refuse an output folder that would replace the bank or a folder we did not build."""
    if out == root or root.is_relative_to(out):
        raise SiteError(f"--out {out}: the site cannot replace the bank's own folder")
    if out.exists() and not out.is_dir():
        raise SiteError(f"--out {out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SiteError(
            f"--out {out}: the folder is not empty and was not built by journeyops "
            f"(no {MARKER} file); choose an empty or new folder"
        )


def apply_privacy(bank: Bank, personal: Withheld) -> tuple[Bank, int]:
    """The bank with the personal data validation reports masked, or a SiteError with
    those findings when the config says `privacy: refuse`. Returns the bank and how many
    records changed."""
    if personal.findings and bank.config.site.privacy == "refuse":
        files = len({item.path for item in personal.findings})
        raise SiteError(
            f"personal data in {files} file(s); the site is not built (site.privacy is refuse)",
            personal.findings,
        )
    return personal.bank(bank)


def ranked_backlog(bank: Bank, notes: list[str]) -> list[BacklogRow] | None:
    """The ranked backlog from `journeyops_cli.score` when this journeyops has it; a note
    (and no backlog page) when it does not or the bank's scoring config is unusable."""
    try:
        score = importlib.import_module("journeyops_cli.score")
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("journeyops_cli"):
            notes.append("the backlog page is left out: this journeyops has no scoring (journeyops_cli.score)")
            return None
        raise
    try:
        ranking = score.rank(bank, score.Request())
    except score.ScoreError as error:
        notes.append(f"the backlog page is left out: {error.message}")
        return None
    return [BacklogRow(row.rank, row.opportunity.id, f"{row.score.total:.1f}") for row in ranking.rows]


def render_page(data: SiteData, language: str, strings: dict[str, str], page: Page) -> str:
    """One page rendered whole (the build renders through `PageRenderer.render`, which
    gives the same bytes)."""
    return PageRenderer(data).plain(language, strings, page)


def render_root(data: SiteData) -> str:
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


def plain(rel: str) -> list[str]:
    """The parts of `rel`, asserting that it is a plain relative POSIX path."""
    parts = rel.split("/")
    if (
        rel != posixpath.normpath(rel)
        or rel.startswith("/")
        or any(p in ("", ".", "..") or "\\" in p or "\x00" in p for p in parts)
    ):
        raise UnsafeId(f"output path {rel!r} is not a plain relative path")
    return parts


def inside(out: Path, rel: str) -> Path:
    """`out / rel`, asserting that it stays inside `out` whatever `rel` holds."""
    target = out.joinpath(*plain(rel))
    if not target.resolve().is_relative_to(out.resolve()):
        raise UnsafeId(f"output path {rel!r} leaves the output folder")
    return target


class SiteWriter:
    """Writes the site into a temporary folder next to `out` as pages are rendered and
    swaps it in at `commit()`; on any error the temporary folder is removed and `out`
    is left as it was.

    A page whose fingerprint is the one the previous build recorded (in `MANIFEST`) and
    whose file is still there with its recorded size is linked from the previous site
    instead of being rendered again; so is a page `reuse()` is asked for (the build knows
    its inputs are unchanged: the same `world` and findings, so its context need not even
    be built). The manifest holds no time and no absolute path: a rebuild gives the same
    bytes as a build from nothing.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.temp = out.parent / f".{out.name}.journeyops-new"
        self.old = out.parent / f".{out.name}.journeyops-old"
        self.count = 0
        self._dirs: set[str] = set()
        self._written: set[str] = set()
        self._temp = os.fspath(self.temp)
        self._out = os.fspath(out)
        self._pages: dict[str, tuple[str, int]] = {}
        self._added: list[str] = []
        self.previous = read_manifest(out)
        self._previous = self.previous.pages
        self.world = ""
        self.findings: dict[str, str] = {}

    def __enter__(self) -> SiteWriter:
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            for leftover in (self.temp, self.old):
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover)
            self.temp.mkdir()
        except OSError as error:
            raise self._error(error) from None
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: Any) -> None:
        if kind is None:
            return
        shutil.rmtree(self.temp, ignore_errors=True)
        if self.old.exists() and not self.out.exists():
            os.replace(self.old, self.out)
        if isinstance(error, OSError):
            raise self._error(error) from None

    def _error(self, error: OSError) -> SiteError:
        return SiteError(f"cannot write the site to {self.out}: {error.strerror or error}")

    def _target(self, rel: str) -> str:
        """Where `rel` goes in the temporary folder (a plain relative path, checked)."""
        plain(rel)
        folder, _, _ = rel.rpartition("/")
        if folder and folder not in self._dirs:
            (self.temp / folder).mkdir(parents=True, exist_ok=True)
            self._dirs.add(folder)
        target = f"{self._temp}/{rel}"
        if rel in self._written:  # the same path twice (duplicate ids): the last one wins
            try:
                os.unlink(target)
            except FileNotFoundError:  # a link from the previous site that failed
                pass
        else:
            self._written.add(rel)
            self._added.append(rel)
            self.count += 1
        return target

    def start_share(self) -> None:
        """In a forked process: from here on, keep what `share()` reports."""
        self._pages = {}
        self._added = []

    def share(self) -> tuple[dict[str, tuple[str, int]], list[str]]:
        """What this (forked) process wrote since `start_share()`: pages and new paths."""
        return self._pages, self._added

    def merge(self, shared: tuple[dict[str, tuple[str, int]], list[str]]) -> None:
        """Take in what a forked process wrote (its `share()`)."""
        pages, added = shared
        self._pages.update(pages)
        for rel in added:
            if rel not in self._written:
                self._written.add(rel)
                self.count += 1

    def put(self, rel: str, data: bytes) -> None:
        _write(self._target(rel), data)

    def reuse(self, rel: str) -> bool:
        """Link the page `rel` from the previous site as it is (its inputs are known to be
        unchanged); False when the previous site does not have it whole."""
        known = self._previous.get(rel)
        return known is not None and self._link_previous(rel, known, self._target(rel))

    def _link_previous(self, rel: str, known: tuple[str, int], target: str) -> bool:
        """Hard-link `rel` from the previous site to `target` when it is there whole (the
        size recorded, not a symbolic link); False when it is not."""
        try:
            source = f"{self._out}/{rel}"
            stat = os.lstat(source)
            if stat.st_size != known[1] or S_ISLNK(stat.st_mode):
                return False
            os.link(source, target)
        except OSError:
            return False
        self._pages[rel] = known
        return True

    def page(self, rel: str, fingerprint: str, render: Callable[[], str]) -> None:
        """The page `rel`: linked from the previous site when its fingerprint is unchanged,
        else rendered by `render()` and written."""
        target = self._target(rel)
        known = self._previous.get(rel)
        if known is not None and known[0] == fingerprint and self._link_previous(rel, known, target):
            return
        data = render().encode()
        _write(target, data)
        self._pages[rel] = (fingerprint, len(data))

    def commit(self, progress: Progress | None = None) -> None:
        """Write the manifest and swap the new site in."""
        manifest = {
            "format": FORMAT, "world": self.world, "findings": self.findings,
            "pages": {rel: list(v) for rel, v in sorted(self._pages.items())},
        }
        text = json.dumps(manifest, sort_keys=True, separators=(",", ":")) + "\n"
        self.put(MANIFEST, text.encode())
        if progress:
            progress("write", self.count, self.count)
        if self.out.exists():
            os.replace(self.out, self.old)
        os.replace(self.temp, self.out)
        shutil.rmtree(self.old, ignore_errors=True)


def _write(path: str, data: bytes) -> None:
    """Write a new file (`open` and `write` without the layers of `Path.write_bytes`)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


@dataclass(slots=True)
class Manifest:
    """What the previous build recorded: each page's fingerprint and size, the digest of
    everything the site shows but validation's findings (`world`), and a digest of the
    findings of each file that had any."""

    pages: dict[str, tuple[str, int]] = field(default_factory=dict)
    world: str = ""
    findings: dict[str, str] = field(default_factory=dict)


def read_manifest(out: Path) -> Manifest:
    """The previous build's manifest in `out` (an empty one when unreadable)."""
    try:
        manifest = json.loads((out / MANIFEST).read_text("utf-8"))
        if manifest.get("format") != FORMAT or not (out / MARKER).is_file():
            return Manifest()
        return Manifest(
            pages={str(rel): (str(v[0]), int(v[1])) for rel, v in manifest["pages"].items()},
            world=str(manifest["world"]),
            findings={str(k): str(v) for k, v in manifest["findings"].items()},
        )
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return Manifest()


__all__ = ["SiteError", "SiteResult", "build_site"]
