"""Run the journeyops benchmarks and print medians and ratios against yardsticks measured
in the same run.

    python benchmarks/run.py [--journeys 200 2000] [--runs 5] [--quick] [--style varied|classic]
                             [--baseline /tmp/base/src] [--cpu]

Banks are generated once into benchmarks/.banks/ (git-ignored), in the style asked for
(`generate.py --style`). Every time is a whole process, wall clock, median of --runs;
with `--cpu`, CPU seconds instead (user + system of the process and of every worker it
reaped: what to read on a loaded machine, where wall clock is mostly waiting for a core).
Slow yardsticks (yamllint, check-jsonschema, mkdocs) run at most 3 times. With
`--baseline SRC` every journeyops row is also run with `PYTHONPATH=SRC` (another checkout's
`src/`, e.g. `git archive base | tar -x -C /tmp/base`), on its own copy of the bank (so the
two never share a cache), alternating run by run with this tree: the table then has a
"before" row under each, and the paired ratio (median of after/before of each pair).
Needs the `bench` extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# Where site outputs go (see `measure`): a tmpfs when there is one, else the work folder.
OUTPUTS = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PY = sys.executable
JO = [PY, "-m", "journeyops_cli"]

READ_ALL = """
import sys
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    with open(path, "rb") as handle:
        handle.read()
"""
CSAFE_ALL = """
import sys, yaml
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    with open(path, encoding="utf-8") as handle:
        list(yaml.load_all(handle.read(), Loader=yaml.CSafeLoader))
"""
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def bank_for(journeys: int, style: str = "varied") -> Path:
    """The cached bank of this size and style, generated when missing or made by another
    generator."""
    folder = HERE / ".banks" / f"{style}-j{journeys}"
    stamp = folder / "generator.stamp"
    source = (HERE / "generate.py").read_bytes()
    import hashlib

    digest = hashlib.sha256(source).hexdigest()
    if not (stamp.is_file() and stamp.read_text() == digest):
        print(f"generating a bank of {journeys} journeys ({style})…", file=sys.stderr)
        generate(journeys, folder / "bank", style=style)
        shutil.rmtree(folder / "bank-before", ignore_errors=True)
        stamp.write_text(digest)
    return folder / "bank"


# With --baseline: the other checkout's src/, and each bank's copy it runs on.
BASELINE: str | None = None
# With --cpu: every row is CPU seconds of the process tree, not wall clock.
CPU = False


def env_for(before: bool) -> dict[str, str]:
    env = dict(os.environ)
    if before and BASELINE:
        env["PYTHONPATH"] = BASELINE
    return env


def paired(
    out: dict[str, float | str],
    name: str,
    command: list[str],
    before_command: list[str] | None,
    runs: int,
    setup=None,  # type: ignore[no-untyped-def]
    before_setup=None,  # type: ignore[no-untyped-def]
) -> None:
    """Time `command` as row `name`; with a baseline, also `before_command` run by the
    baseline code, alternating with it run by run, as row `before: name`, and the median
    of the per-pair ratios as `after/before: name`."""
    if before_command is None:
        out[name] = timed(command, runs, setup=setup)
        return
    after: list[float] = []
    before: list[float] = []
    for _ in range(runs):
        after.append(timed(command, 1, setup=setup))
        before.append(timed(before_command, 1, setup=before_setup, before=True))
    out[name] = statistics.median(after)
    out["before: " + name] = statistics.median(before)
    out["after/before: " + name] = f"{statistics.median(a / b for a, b in zip(after, before, strict=True)):.2f}×"


class Progress(dict):  # type: ignore[type-arg]
    """The results of one size, each also shown on stderr as soon as it is measured (a
    long run shows what it has so far)."""

    def __init__(self, journeys: int) -> None:
        super().__init__()
        self.journeys = journeys

    def __setitem__(self, name: str, value: float | str) -> None:
        super().__setitem__(name, value)
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)[:200]
        print(f"  {self.journeys} journeys: {name}: {shown}", file=sys.stderr, flush=True)


def timed(command: list[str], runs: int, setup=None, cwd: Path | None = None, before: bool = False) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        started, used = time.perf_counter(), _children_cpu()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env_for(before))
        times.append(_children_cpu() - used if CPU else time.perf_counter() - started)
    return statistics.median(times)


def _children_cpu() -> float:
    """CPU seconds (user + system) of every ended child process and what it reaped."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def has_command(*words: str) -> bool:
    done = subprocess.run([*JO, *words, "--help"], capture_output=True)
    return done.returncode == 0


def mkdocs_project(bank: Path, into: Path) -> Path:
    """One Markdown page per journey: its title, description and steps."""
    import yaml

    docs = into / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Journeys\n", encoding="utf-8")
    for path in sorted((bank / "journeys").rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        lines = [f"# {data['title']['fi']}", "", data["description"]["fi"], "", "## Steps", ""]
        for step in data["steps"]:
            lines += [f"### {step['title']['fi']}", "", step["description"]["fi"], ""]
        (docs / f"{data['id']}.md").write_text("\n".join(lines), encoding="utf-8")
    (into / "mkdocs.yml").write_text("site_name: Journeys\n", encoding="utf-8")
    return into


def measure(
    journeys: int, runs: int, quick: bool, validate_only: bool = False, style: str = "varied"
) -> dict[str, float | str]:
    bank = bank_for(journeys, style)
    other = None  # the baseline's own copy of the bank
    if BASELINE:
        other = bank.parent / "bank-before"
        if not other.is_dir():
            shutil.copytree(bank, other, ignore=shutil.ignore_patterns(".journeyops_cache"))
    slow_runs = min(runs, 3)
    out: dict[str, float | str] = Progress(journeys)
    sys.path.insert(0, str(REPO / "src"))
    from journeyops_cli.load.files import discover

    files = discover(bank, [], "site").files
    journeys_files = [str(bank / f) for f in files if f.startswith("journeys/")]
    work = Path(tempfile.mkdtemp(prefix="jo-bench-"))
    # Sites (ours and mkdocs') are written to memory when the machine has a tmpfs: both
    # write hundreds of MB in tens of thousands of files at 2,000 journeys, and on a disk
    # the time a file takes to create then depends on what the disk is still writing back
    # from the previous run (measured here: 26 to 380 µs per file in the same minute).
    outputs = Path(tempfile.mkdtemp(prefix="jo-bench-out-", dir=OUTPUTS)) if OUTPUTS else work
    try:
        listing = work / "files.txt"
        listing.write_text("\n".join(str(bank / f) for f in files), encoding="utf-8")
        out["files"] = len(files)
        out["python -c pass"] = timed([PY, "-c", "pass"], runs)
        out["read every file"] = timed([PY, "-c", READ_ALL, str(listing)], runs)
        out["libyaml C parse (CSafeLoader)"] = timed([PY, "-c", CSAFE_ALL, str(listing)], runs)
        def validate_in(where: Path | None) -> list[str] | None:
            return None if where is None else [*JO, "validate", "--bank", str(where), "-q"]

        validate = [*JO, "validate", "--bank", str(bank), "-q"]
        before = validate_in(other)
        cold = [*validate, "--no-cache"]
        paired(out, "validate, cold (--no-cache)", cold, before and [*before, "--no-cache"], runs)
        for where, command in ((bank, validate), (other, before)):
            if where is not None and command is not None:
                shutil.rmtree(where / ".journeyops_cache", ignore_errors=True)
                subprocess.run(command, capture_output=True, env=env_for(where is other))
        paired(out, "validate, warm, nothing changed", validate, before, runs)
        rel = sorted((bank / "journeys" / "detailed").rglob("*.yaml"))[0].relative_to(bank)
        original = (bank / rel).read_text(encoding="utf-8")
        flip = [0]

        def changer(where: Path | None):  # type: ignore[no-untyped-def]
            def change_one() -> None:
                # A comment at the end: the file's bytes change, its records do not.
                flip[0] += 1
                if where is not None:
                    (where / rel).write_text(original + f"# edit {flip[0]}\n", "utf-8")
            return change_one

        change_one = changer(bank)

        def restore() -> None:
            for where in (bank, other):
                if where is not None:
                    (where / rel).write_text(original, encoding="utf-8")

        try:
            paired(out, "validate, warm, one journey changed", validate, before, runs,
                   setup=change_one, before_setup=changer(other))
        finally:
            restore()
        for name, where, command in (("", bank, validate), ("before: ", other, before)):
            if where is None or command is None:
                continue
            peak = subprocess.run(
                [PY, "-c", PEAK, *command, "--no-cache"], capture_output=True, text=True,
                env=env_for(where is other),
            )
            out[f"{name}peak RSS, cold validate (MB)"] = int(peak.stdout.strip() or 0) / 1024
        if validate_only:
            return out
        out["journeyops --version"] = timed([*JO, "--version"], runs)
        out["journeyops --help"] = timed([*JO, "--help"], runs)
        if has_command("prioritise"):
            prioritise = [*JO, "prioritise", "--bank", str(bank)]
            subprocess.run(prioritise, capture_output=True)  # warm, as validate is
            out["prioritise (warm)"] = timed(prioritise, runs)
        else:
            out["prioritise (warm)"] = "missing"
        if has_command("site", "build"):
            site = outputs / "site"
            site_before = outputs / "site-before"
            build = [*JO, "site", "build", "--bank", str(bank), "--out", str(site)]
            build_before = (
                [*JO, "site", "build", "--bank", str(other), "--out", str(site_before)] if other else None
            )
            subprocess.run(build, capture_output=True)
            if build_before:
                subprocess.run(build_before, capture_output=True, env=env_for(True))
            paired(out, "site build", build, build_before, slow_runs,
                   setup=lambda: shutil.rmtree(site, ignore_errors=True),
                   before_setup=lambda: shutil.rmtree(site_before, ignore_errors=True))
            subprocess.run(build, capture_output=True)
            if build_before:
                subprocess.run(build_before, capture_output=True, env=env_for(True))
            try:
                paired(out, "site build again, one file changed", build, build_before, slow_runs,
                       setup=change_one, before_setup=changer(other))
            finally:
                restore()
        else:
            out["site build"] = "missing"
        if not quick:
            # check-jsonschema reads only the journey files and checks only their format:
            # validate gets the same files (with the bank's config) and the same job (the
            # yaml, file and schema checks), for a like-for-like row.
            alone = work / "journeys-alone"
            shutil.copytree(bank / "journeys", alone / "journeys")
            shutil.copy(bank / "journeyops.yaml", alone / "journeyops.yaml")
            out["validate, format checks, journey files alone"] = timed(
                [*JO, "validate", "--bank", str(alone), "-q", "--no-cache", "--select", "yaml,file,schema"], runs
            )
            project = mkdocs_project(bank, work / "mkdocs")
            out["mkdocs build, one page per journey"] = timed(
                [PY, "-m", "mkdocs", "build", "-q", "-d", str(outputs / "mk-site")], slow_runs, cwd=project
            )
            out["check-jsonschema, journey files"] = timed(
                [PY, "-m", "check_jsonschema", "--schemafile", str(REPO / "schemas" / "journey.schema.json"),
                 *journeys_files],
                slow_runs,
            )
            out["yamllint -d relaxed, whole bank"] = timed(
                [PY, "-m", "yamllint", "-d", "relaxed", "-f", "parsable", str(bank)], 1
            )
        phases = subprocess.run(
            [PY, str(HERE / "rules_timing.py"), str(bank)], capture_output=True, text=True
        )
        try:
            out["phases"] = json.dumps(json.loads(phases.stdout))
        except json.JSONDecodeError:
            out["phases"] = "failed: " + phases.stderr[-300:]
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(outputs, ignore_errors=True)
    return out


RATIOS = [
    # (row, yardstick row, target text)
    ("read every file", "libyaml C parse (CSafeLoader)", ""),
    ("validate, cold (--no-cache)", "libyaml C parse (CSafeLoader)", "≤ 1.0×"),
    ("validate, warm, nothing changed", "libyaml C parse (CSafeLoader)", "≤ 0.15×"),
    ("validate, warm, one journey changed", "libyaml C parse (CSafeLoader)", "≤ 0.2×"),
    ("check-jsonschema, journey files", "validate, format checks, journey files alone", "≥ 5× (validate faster)"),
    ("yamllint -d relaxed, whole bank", "validate, cold (--no-cache)", "≥ 15× (validate faster)"),
    ("site build", "mkdocs build, one page per journey", "≤ 1.0×"),
    ("site build again, one file changed", "site build", "≤ 0.2×"),
    ("prioritise (warm)", "validate, warm, nothing changed", "≤ 1.2×"),
    ("journeyops --version", "python -c pass", "≤ 5×"),
    ("journeyops --help", "python -c pass", "≤ 10×"),
]


# How a yardstick is named after a ratio, where its first words would be ambiguous.
LABELS = {
    "validate, cold (--no-cache)": "cold validate",
    "validate, warm, nothing changed": "warm validate",
    "validate, format checks, journey files alone": "validate (same files, format checks)",
    "libyaml C parse (CSafeLoader)": "libyaml parse",
}


def table(results: dict[int, dict[str, float | str]]) -> str:
    sizes = sorted(results)
    head = "| what | target | " + " | ".join(f"{n} journeys: time | ratio" for n in sizes) + " |"
    rule = "| --- | --- | " + " | ".join("--- | ---" for _ in sizes) + " |"
    rows = [head, rule]
    names = [k for k in results[sizes[0]] if k not in ("phases", "files")]
    targets = {row: (base, target) for row, base, target in RATIOS}
    for name in names:
        base, target = targets.get(name.removeprefix("before: "), (None, ""))
        if name.startswith("before: ") and base is not None and "before: " + base in results[sizes[0]]:
            base = "before: " + base
        cells = []
        for n in sizes:
            value = results[n].get(name)
            if isinstance(value, float) and "MB" in name:
                cells += [f"{value:.0f} MB", ""]
                continue
            if not isinstance(value, float):
                cells += [str(value) if value is not None else "–", ""]
                continue
            ratio = ""
            reference = results[n].get(base) if base else None
            if isinstance(reference, float) and reference > 0:
                ratio = f"{value / reference:.2f}× {LABELS.get(base, base.split(',')[0].split(' (')[0])}"
            cells += [f"{value:.3f} s", ratio]
        rows.append(f"| {name} | {target} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def machine() -> str:
    cpu = "unknown CPU"
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.1f} GiB memory"
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return (
        f"{os.cpu_count()} CPUs ({cpu}){memory}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average at the start {load:.1f}; "
        f"sites written to {OUTPUTS or 'the disk'}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, nargs="+", default=None)
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="200 journeys, 1 run, no slow yardsticks")
    parser.add_argument(
        "--validate-only", action="store_true",
        help="only the read, parse and validate rows (for very big banks)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--style", choices=("varied", "classic"), default="varied", help="how the bank is written")
    parser.add_argument("--baseline", help="another checkout's src/ to run beside this one, run by run")
    parser.add_argument("--cpu", action="store_true", help="CPU seconds of each process tree instead of wall clock")
    args = parser.parse_args(argv)
    global BASELINE, CPU
    CPU = args.cpu
    BASELINE = str(Path(args.baseline).resolve()) if args.baseline else None
    sizes = args.journeys or ([200] if args.quick else [200, 2000])
    runs = args.runs or (1 if args.quick else 5)
    print(f"machine: {machine()}")
    print(f"bank style: {args.style}; baseline: {BASELINE or 'none'}")
    results = {n: measure(n, runs, args.quick, args.validate_only, args.style) for n in sizes}
    print(f"\nwhole-process medians of {runs} runs, {'CPU seconds' if CPU else 'wall clock'}\n")
    print(table(results))
    print()
    for n in sizes:
        print(f"{n} journeys, {results[n]['files']} files: phases (s) {results[n].get('phases', '–')}")
    # Growth of the time per journey from each size to the next, for validate and for
    # the libyaml parse of the same files (which shows what the machine itself adds as
    # the bank outgrows caches).
    for small, big in itertools.pairwise(sizes):
        growth = []
        for key in ("validate, cold (--no-cache)", "libyaml C parse (CSafeLoader)"):
            a, b = results[small].get(key), results[big].get(key)
            if isinstance(a, float) and isinstance(b, float):
                growth.append(f"{LABELS.get(key, key)} ×{(b / big) / (a / small):.2f}")
        if growth:
            print(f"linearity {small}→{big}, time per journey: " + ", ".join(growth))
    if args.json:
        args.json.write_text(json.dumps({str(k): v for k, v in results.items()}, indent=1))


if __name__ == "__main__":
    main()
