"""Where `site build` spends its CPU, in one process: gather, plan, lint, the search index,
and for each kind of page (one language) building its context, its fingerprint and
rendering it, with the bytes it writes. Prints a table; writes nothing.

    python benchmarks/site_pages.py BANK [LANGUAGE]
"""

from __future__ import annotations

import resource
import sys
from collections import defaultdict
from pathlib import Path


def cpu() -> float:
    """CPU seconds of this process (user and system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    from journeyops_cli.site.frames import PageRenderer
    from journeyops_cli.site.gather import gather
    from journeyops_cli.site.jobs import findings_by_path
    from journeyops_cli.site.plan import plan_site
    from journeyops_cli.site.search import index_script
    from journeyops_cli.site.validation import lint_loaded

    root = Path(sys.argv[1])
    started = cpu()
    source = gather(root, root.parent / f".{root.name}-site-pages")  # checked, never written
    site = plan_site(source)
    planned = cpu()
    found = lint_loaded(source.loaded, source.chosen)
    linted = cpu()
    print(f"gather and plan {planned - started:.2f} s, lint {linted - planned:.2f} s")
    site.data.findings = findings_by_path(found, source.personal)
    language = sys.argv[2] if len(sys.argv) > 2 else site.data.languages[0]
    planner, renderer = site.planners[language], PageRenderer(site.data)
    seconds: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    size: dict[str, int] = defaultdict(int)
    count: dict[str, int] = defaultdict(int)
    for key, make in [*planner.common_jobs(), *planner.journey_jobs()]:
        kind = key.partition("/")[0] if "/" in key else key
        a = cpu()
        page = make()
        b = cpu()
        site.fingerprints.page(f"{language}/{key}", page.template, page.title, page.context)
        c = cpu()
        size[kind] += len(renderer.render(language, planner.s, page).encode())
        d = cpu()
        for i, spent in enumerate((b - a, c - b, d - c)):
            seconds[kind][i] += spent
        count[kind] += 1
    a = cpu()
    index = index_script(site.data, language, planner.s)
    print(f"search index ({language}) {cpu() - a:.2f} s, {len(index.encode()) / 1e6:.1f} MB")
    print(f"{'pages':22} {'count':>6} {'context':>8} {'digest':>8} {'render':>8} {'total':>8} {'MB':>7}")
    for kind in sorted(count, key=lambda k: -sum(seconds[k])):
        context, digest, render = seconds[kind]
        print(f"{kind:22} {count[kind]:6} {context:8.2f} {digest:8.2f} {render:8.2f} "
              f"{context + digest + render:8.2f} {size[kind] / 1e6:7.1f}")
    print(f"every page of {language}: {sum(sum(v) for v in seconds.values()):.2f} s")


if __name__ == "__main__":
    main()
