"""`journeyops site build`: the static journey bank site, in one readable function.

Like mkdocs' build, everything is gathered and checked before anything is written: the
config, the output folder, the bank, the personal data validation reports (`gather`);
then every page of every language is planned (`plan`), rendered (`jobs`) into a temporary
folder next to the output folder and swapped in at the end (`write`), so a failed build
never leaves a half-written site. Validation's rules run on another core meanwhile
(`validation`), and pages are shared out between processes; both through
`speed/executor`, the one executor: `workers=1` builds in this process alone, the
reference every other build gives the same bytes as.

The output is deterministic: the same bank (and git history) gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from journeyops_cli.site.errors import SiteError
from journeyops_cli.site.gather import gather
from journeyops_cli.site.jobs import render_site
from journeyops_cli.site.plan import plan_site
from journeyops_cli.site.validation import Validation
from journeyops_cli.site.write import Progress, SiteWriter
from journeyops_cli.speed.executor import gc_frozen


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


def build_site(root: Path, out: Path | None = None, progress: Progress | None = None,
               workers: int | None = None) -> SiteResult:
    """Build the site of the bank at `root` into `out` (default: the config's `site.out`).
    `workers=1` runs everything in this process; None uses every CPU when it pays."""
    source = gather(root, out)
    with Validation(source.checked, source.chosen, background=workers != 1) as rules:
        site = plan_site(source, background=workers != 1)
        with gc_frozen(), SiteWriter(source.out, site.previous) as writer:
            found = render_site(site, writer, rules, progress, workers)
            writer.commit(progress)
    on_pages = {path for files in site.journey_files.values() for path in files}
    return SiteResult(
        out=source.out,
        languages=site.data.languages,
        pages=site.pages + 1,
        files=writer.count,
        records={kind: len(table) for kind, table in source.bank.by_kind.items()},
        findings=len(found),
        shown=sum(len(items) for path, items in site.data.findings.items() if path in on_pages),
        redacted=source.redacted,
        notes=site.notes,
    )


__all__ = ["SiteError", "SiteResult", "build_site"]
