"""`report`, `diff` and `report --history` against a warm `validate`, in the same run.

    python benchmarks/management.py [--journeys 2000] [--runs 3] [--style varied] [--no-history]
                                    [--repository /tmp/mgmt-bank]

Targets (issue 17): `report` and `diff` within 1.5x of a warm `validate`; `report
--history` over 12 monthly revisions within 12x of one `report`. The bank comes from
`generate.py` (written the ways people write YAML), committed to a git repository as 12
monthly revisions, each changing one journey. Every time is a whole process, wall clock
and CPU seconds (user + system), the median of --runs, the commands taking turns run by
run so a drift of the machine's speed hits them alike. `diff HEAD~1` compares with the
working tree.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import STYLES, generate

JO = [sys.executable, "-m", "journeyops_cli"]


def git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def make_repository(journeys: int, style: str, into: Path) -> Path:
    """A git repository whose bank had 12 monthly revisions, one journey changed each time."""
    generate(journeys, into, style=style)
    git(into, "init", "-q", "-b", "main")
    files = sorted((into / "journeys").rglob("*.yaml"))
    for month in range(1, 13):
        if month > 1:
            target = files[month % len(files)]
            target.write_text(target.read_text(encoding="utf-8") + f"# reviewed in month {month}\n", encoding="utf-8")
        git(into, "add", "-A")
        git(into, "commit", "-qm", f"month {month}", when=f"2026-{month:02d}-15T12:00:00")
    return into


def run(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall clock, CPU seconds of the process: user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--style", choices=STYLES, default="varied")
    parser.add_argument("--no-history", action="store_true", help="leave out report --history (its cold start is long)")
    parser.add_argument("--repository", type=Path, help="make the repository here and keep it, or time in the "
                        "one an earlier run kept there (its caches warm)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="journeyops-bench-mgmt-") as scratch:
        bank = args.repository or Path(scratch) / "bank"
        if not (bank / ".git").is_dir():
            make_repository(args.journeys, args.style, bank)
        commands = {
            "validate (warm)": [*JO, "validate"],
            "report (warm)": [*JO, "report", "--format", "json"],
            "diff HEAD~1 HEAD": [*JO, "diff", "HEAD~1", "HEAD", "--format", "json"],
            "diff HEAD~1": [*JO, "diff", "HEAD~1", "--format", "json"],
            "report --history 12": [*JO, "report", "--history", "12", "--format", "json"],
        }
        if args.no_history:
            del commands["report --history 12"]
        for command in commands.values():  # prime the caches: every timed run is warm
            run(command, bank)
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                wall, seconds = run(command, bank)
                times[name].append(wall)
                cpu[name].append(seconds)
    median = {name: statistics.median(values) for name, values in times.items()}
    used = {name: statistics.median(values) for name, values in cpu.items()}
    print(f"{args.journeys} journeys ({args.style}), medians of {args.runs} runs, whole processes "
          "(wall clock; CPU seconds, user + system, which a loaded machine inflates less):")
    for name, value in median.items():
        print(f"  {name:<22} {value:8.2f} s   CPU {used[name]:6.2f} s")
    for label, table in (("wall", median), ("CPU", used)):
        validate, report = table["validate (warm)"], table["report (warm)"]
        print(f"  {label}: report / warm validate        {report / validate:6.2f}x   (target <= 1.5x)")
        for name in ("diff HEAD~1 HEAD", "diff HEAD~1"):
            print(f"  {label}: {name} / warm validate {table[name] / validate:6.2f}x   (target <= 1.5x)")
        if "report --history 12" in table:
            history = table["report --history 12"] / report
            print(f"  {label}: history of 12 / one report    {history:6.2f}x   (target <= 12x)")


if __name__ == "__main__":
    main()
