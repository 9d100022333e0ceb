"""`journeyops site build`: the static journey bank site, in one readable function.

Like mkdocs' build, everything is gathered and checked before anything is written: the
bank is loaded and validated, personal data handled, every page of every language
rendered in memory and every output path checked to lie inside the output folder. Only
then is the site written, into a temporary folder next to the output folder that is
swapped in at the end, so a failed build never leaves a half-written site.

The output is deterministic: the same bank (and git history) gives the same bytes.
"""

from __future__ import annotations

import importlib
import os
import posixpath
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from journeyops_cli.bank import Bank
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.models import Insight
from journeyops_cli.models.base import Record
from journeyops_cli.pipeline import BankError, Selection, load_bank, load_config
from journeyops_cli.resources import templates_dir
from journeyops_cli.rules.registry import name_of
from journeyops_cli.site import privacy
from journeyops_cli.site.history import git_changes
from journeyops_cli.site.links import ASSETS, Linker, UnsafeId, checked
from journeyops_cli.site.pages import BacklogRow, Page, PagePlanner, SiteData
from journeyops_cli.site.search import index_script
from journeyops_cli.site.strings import LANGUAGE_NAMES, site_strings

MARKER = ".journeyops-site"
MARKER_TEXT = "This folder is written by `journeyops site build` and replaced on every build.\n"
ASSET_FILES = ("site.css", "site.js")

Progress = Callable[[str, int, int], None]
"""Called as `progress(stage, done, total)` while pages are rendered and written."""


class SiteError(Exception):
    """The site cannot be built (bad output folder, personal data with `privacy: refuse`,
    a file that cannot be written); nothing was changed on disk."""

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.findings = findings or []


@dataclass(slots=True)
class SiteResult:
    """What a build wrote; the CLI prints it."""

    out: Path
    languages: list[str]
    pages: int
    files: int
    records: dict[str, int]
    findings: int
    redacted: int
    notes: list[str] = field(default_factory=list)


def build_site(root: Path, out: Path | None = None, progress: Progress | None = None) -> SiteResult:
    """Build the site of the bank at `root` into `out` (default: the config's `site.out`)."""
    # 1. Load the bank and everything validation says about it.
    root = root.resolve()
    config = load_config(root)
    out = (out if out is not None else root / config.site.out).resolve()
    check_out_folder(root, out)
    loaded = load_bank(root, config)
    from journeyops_cli.rules.engine import run_rules

    found = loaded.findings + run_rules(loaded.bank, Selection())
    by_path: dict[str, list[Finding]] = {}
    for item in sorted(found, key=Finding.sort_key):
        by_path.setdefault(item.path, []).append(item.replace(message=privacy.mask(item.message)))

    # 2. Personal data in insights: refuse or redact, as configured.
    bank, redacted = apply_privacy(loaded.bank)
    languages = list(config.languages)
    data = SiteData(
        bank=bank,
        title=config.site.title or config.name,
        languages=languages,
        findings=by_path,
        changes=git_changes(root, config.site.recent_changes),
    )
    notes: list[str] = []
    data.backlog = ranked_backlog(bank, notes)

    # 3. Render every page of every language in memory.
    files: dict[str, bytes] = {MARKER: MARKER_TEXT.encode()}
    for name in ASSET_FILES:
        files[f"{ASSETS}/{name}"] = (templates_dir() / "site" / "assets" / name).read_bytes()
    plans = {}
    for language in languages:
        strings = site_strings(language)
        plans[language] = (strings, PagePlanner(data, language, strings).pages())
        files[f"{ASSETS}/search-{checked(language)}.js"] = index_script(data, language, strings).encode()
    total = sum(len(pages) for _, pages in plans.values())
    done = 0
    for language, (strings, pages) in plans.items():
        for page in pages:
            files[f"{language}/{page.key}"] = render_page(data, language, strings, page).encode()
            done += 1
            if progress:
                progress("render", done, total)
    files["index.html"] = render_root(data).encode()

    # 4. Check every output path, then write the whole site and swap it in.
    for rel in files:
        inside(out, rel)
    write_site(out, files, progress)
    return SiteResult(
        out=out,
        languages=languages,
        pages=total + 1,
        files=len(files),
        records={kind: len(table) for kind, table in bank.by_kind.items()},
        findings=len(found),
        redacted=redacted,
        notes=notes,
    )


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


def apply_privacy(bank: Bank) -> tuple[Bank, int]:
    """The bank with personal data in insights masked, or a SiteError naming each place
    when the config says `privacy: refuse`. Returns the bank and how many insights changed."""
    hits = privacy.scan(bank.insights())
    if not hits:
        return bank, 0
    if bank.config.site.privacy == "refuse":
        findings = []
        for hit in hits:
            line, column = bank.locate(hit.insight, hit.path)
            field_name = ".".join(str(p) for p in hit.path)
            code = privacy.CODES[hit.what]
            findings.append(Finding(
                code, Severity.ERROR, hit.insight.source_path, line, column,
                f"insight '{hit.insight.id}' has {hit.what} in `{field_name}`",
                "remove it from the file; the site never publishes personal data "
                "(or set `site: {privacy: redact}` to mask it)",
                name_of(code),
            ))
        findings.sort(key=Finding.sort_key)
        raise SiteError(
            f"personal data in {len({h.insight.id for h in hits})} insight(s); "
            "the site is not built (site.privacy is refuse)",
            findings,
        )
    changed = {hit.insight.id for hit in hits}
    records: list[Record] = [
        privacy.redacted(r) if isinstance(r, Insight) and r.id in changed else r
        for r in bank.records()
    ]
    return Bank.build(bank.root, bank.config, records), len(changed)


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
    from journeyops_cli.models.base import pick_text
    from journeyops_cli.render.env import html_environment

    link = Linker(language, page.key)
    alternates = [
        {"language": lang, "name": LANGUAGE_NAMES.get(lang, lang), "href": link.page(page.key, lang),
         "current": lang == language}
        for lang in data.languages
    ]
    template = html_environment().get_template(page.template)
    return template.render(
        page=page,
        site_title=data.title,
        language=language,
        languages=data.languages,
        s=strings,
        link=link,
        alternates=alternates,
        has_backlog=data.backlog is not None,
        t=lambda value: pick_text(value, language, data.languages),
        **page.context,
    )


def render_root(data: SiteData) -> str:
    from journeyops_cli.render.env import html_environment

    link = Linker(data.languages[0], "")
    choices = [
        {"language": lang, "name": LANGUAGE_NAMES.get(lang, lang), "href": f"{lang}/index.html",
         "label": site_strings(lang)["root_title"]}
        for lang in data.languages
    ]
    return html_environment().get_template("site/root.html.j2").render(
        site_title=data.title, language=data.languages[0], choices=choices,
        s=site_strings(data.languages[0]), link=link,
    )


def inside(out: Path, rel: str) -> Path:
    """`out / rel`, asserting that it stays inside `out` whatever `rel` holds."""
    parts = rel.split("/")
    if (
        rel != posixpath.normpath(rel)
        or rel.startswith("/")
        or any(p in ("", ".", "..") or "\\" in p or "\x00" in p for p in parts)
    ):
        raise UnsafeId(f"output path {rel!r} is not a plain relative path")
    target = out.joinpath(*parts)
    if not target.resolve().is_relative_to(out.resolve()):
        raise UnsafeId(f"output path {rel!r} leaves the output folder")
    return target


def write_site(out: Path, files: dict[str, bytes], progress: Progress | None = None) -> None:
    """Write `files` into a temporary folder next to `out`, then swap it in."""
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.parent / f".{out.name}.journeyops-new"
    old = out.parent / f".{out.name}.journeyops-old"
    for leftover in (temp, old):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover)
    try:
        temp.mkdir()
        for done, rel in enumerate(sorted(files), 1):
            target = inside(temp, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
            if progress:
                progress("write", done, len(files))
        if out.exists():
            os.replace(out, old)
        os.replace(temp, out)
    except OSError as error:
        shutil.rmtree(temp, ignore_errors=True)
        if old.exists() and not out.exists():
            os.replace(old, out)
        raise SiteError(f"cannot write the site to {out}: {error.strerror or error}") from None
    shutil.rmtree(old, ignore_errors=True)


__all__ = ["BankError", "SiteError", "SiteResult", "build_site"]
