"""A 100,000-row feedback CSV imported as insights, against reading the same file with the
`csv` module, both measured in the same run (target: the import at most 5x the read).

    python benchmarks/feedback_import.py [--rows 100000] [--runs 3] [--src /tmp/base/src]

The CSV is Finnish Excel style (UTF-8 with BOM, `;`, dates 15.11.2026), made
deterministically; one row in 50 has a phone number, masked by the import. Two files are
measured in turn: one without quotes, and one as Excel exports real feedback, where one
text in 20 holds a `;` or a quote and is quoted (a quote in it doubled); `--kinds` picks
one. The import runs in-process into a fresh copy of the example bank each run: read, map,
privacy scan, stable ids, monthly files, the new files checked (as the CLI does), atomic
writes. The stages are timed too, so the ratio can be explained. Both sides are measured in
wall-clock seconds and in CPU seconds (user + system of this process and of any forked
worker, which is steadier on a busy machine); the machine's load average is printed, as
other jobs skew both. The CPU seconds of this process alone ("own") leave out what its
forked workers did at the same time: a lower bound of the wall time on a quiet machine
(this process may still wait for a worker). `--src` imports journeyops from another
checkout's `src/` (e.g. `git archive main | tar -x -C /tmp/base`) to compare before and
after.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "helsinki"
STEPS = [
    "daycare-application#sign-in",
    "daycare-application#fill-in-application",
    "daycare-application#attach-documents",
    "daycare-application#follow-application-status",
    "",
]
TEXTS = [
    "Hakemus katkesi, kun liitteen lataus kesti liian kauan.",
    "En ymmärrä, mitä palveluntarpeen vaihtoehdot tarkoittavat.",
    "Päätös tuli nopeasti ja oli selkeä. Kiitos!",
    "Tunnistautuminen ei onnistu ilman suomalaisia pankkitunnuksia.",
    "Hakemuksen tila näyttää viikkoja samaa.",
]


QUOTED = ["Lomake oli pitkä; liitteet katosivat.", 'Painike "Lähetä" ei toiminut.']


def make_csv(path: Path, rows: int, quotes: bool = False) -> None:
    """`quotes`: one text in 20 holds a `;` or a quote (Excel quotes it)."""
    rng = random.Random(20261115)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Päivämäärä", "Kanava", "Palaute", "Polun vaihe", "Vakavuus", "Asiakasryhmä"])
    for i in range(rows):
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        text = f"{rng.choice(TEXTS)} (palaute {i})"
        if quotes and i % 20 == 7:
            text = f"{QUOTED[i % 40 // 20]} (palaute {i})"
        if i % 50 == 0:
            text += " Soittakaa numeroon 040 123 4567."
        writer.writerow([f"{day}.{month}.2026", rng.choice(["Verkko", "Puhelin", "Chat"]), text,
                         rng.choice(STEPS), rng.choice(["matala", "keskitaso", "korkea"]),
                         rng.choice(["families-with-children", "newcomers", ""])])
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def cpu() -> float:
    """CPU seconds of this process and of its ended children (forked workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def own_cpu() -> float:
    """CPU seconds of this process alone (not its forked workers', done at the same time)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


class Clock:
    """Wall, CPU and this process's own CPU seconds of each stage."""

    def __init__(self) -> None:
        self.stages: dict[str, tuple[float, float, float]] = {}
        self.start = self.mark = (time.perf_counter(), cpu(), own_cpu())

    def stage(self, name: str) -> None:
        now = (time.perf_counter(), cpu(), own_cpu())
        self.stages[name] = (now[0] - self.mark[0], now[1] - self.mark[1], now[2] - self.mark[2])
        self.mark = now

    def total(self) -> tuple[float, float, float]:
        return self.mark[0] - self.start[0], self.mark[1] - self.start[1], self.mark[2] - self.start[2]


def read_with_csv(path: Path) -> int:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.reader(handle, delimiter=";"))


def import_once(path: Path, scratch: Path) -> Clock:
    from journeyops_cli.edit.changeset import Changeset
    from journeyops_cli.pipeline import load_bank
    from journeyops_cli.sheets.feedback import plan_insights
    from journeyops_cli.sheets.rows import read_rows

    bank_root = scratch / "bank"
    shutil.rmtree(bank_root, ignore_errors=True)
    shutil.copytree(EXAMPLE, bank_root)
    clock = Clock()
    bank = load_bank(bank_root, cache=False).bank
    profile = bank.config.import_profiles["palaute"]
    clock.stage("load bank")
    rows = read_rows(path, str(path))
    clock.stage("read CSV")
    planned = plan_insights(bank, rows, profile, "palaute", path.stem)
    clock.stage("map, privacy, ids, YAML")
    assert not planned.problems, planned.problems[:3]
    changes = Changeset(bank.root, bank.config.limits)
    # The lines (or, in a checkout from before the line check, the parser events) of each
    # record; None: a checkout from before either check.
    counts = getattr(planned, "lines", getattr(planned, "events", None))
    for file, records in planned.files.items():
        # How many records a file holds (a checkout from before `counts`: one text a record).
        what = f"{getattr(planned, 'counts', {}).get(file, len(records))} new insight(s)"
        # Records in UTF-8 (as the CLI adds them), or a checkout's from before them: text.
        add = changes.add_encoded if records and isinstance(records[0], bytes) else changes.add
        if counts is None:
            add(file, records, what)
        else:
            add(file, records, what, counts[file])
    errors = changes.file_errors()
    assert not errors, errors[:3]
    clock.stage("check new files")
    changes.write()
    clock.stage("write")
    return clock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the journeyops sources to import")
    parser.add_argument("--kinds", choices=["both", "plain", "quoted"], default="both",
                        help="the CSV without quotes, the one with Excel's quotes, or both (default)")
    args = parser.parse_args()
    sys.path.insert(0, str(args.src))
    kinds = {"both": (False, True), "plain": (False,), "quoted": (True,)}[args.kinds]
    with tempfile.TemporaryDirectory(prefix="journeyops-bench-") as folder:
        scratch = Path(folder)
        for quotes in kinds:
            path = scratch / ("palaute-lainattu.csv" if quotes else "palaute.csv")
            make_csv(path, args.rows, quotes)
            measure(path, scratch, args, "with Excel's quotes (one text in 20)" if quotes else "without quotes")


def measure(path: Path, scratch: Path, args: argparse.Namespace, kind: str) -> None:
    reads, clocks = [], []
    for _ in range(args.runs):
        start = (time.perf_counter(), cpu())
        assert read_with_csv(path) == args.rows + 1
        reads.append((time.perf_counter() - start[0], cpu() - start[1]))
        clocks.append(import_once(path, scratch))
    size = path.stat().st_size
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.rows:,} rows, {size / 1e6:.1f} MB CSV {kind}, median of {args.runs} run(s), "
          f"load average {load:.1f} on {os.cpu_count()} CPU(s), journeyops from {args.src}")
    print(f"{'':28}{'wall s':>9}{'CPU s':>9}{'own CPU s':>11}")
    read = [statistics.median(r[i] for r in reads) for i in (0, 1)]
    done = [statistics.median(c.total()[i] for c in clocks) for i in (0, 1, 2)]
    print(f"  {'csv module read':26}{read[0]:9.2f}{read[1]:9.2f}{read[1]:11.2f}")
    print(f"  {'journeyops import':26}{done[0]:9.2f}{done[1]:9.2f}{done[2]:11.2f}")
    for name in clocks[0].stages:
        wall, used, own = (statistics.median(c.stages[name][i] for c in clocks) for i in (0, 1, 2))
        print(f"    {name:24}{wall:9.2f}{used:9.2f}{own:11.2f}")
    # The ratio of each run's own import and read, then the median (paired in time).
    ratios = [[c.total()[i] / r[i] for c, r in zip(clocks, reads, strict=True)] for i in (0, 1)]
    own = statistics.median(c.total()[2] / r[1] for c, r in zip(clocks, reads, strict=True))
    print(f"  ratio import / read: wall {statistics.median(ratios[0]):.1f}x, "
          f"CPU {statistics.median(ratios[1]):.1f}x, own CPU {own:.1f}x (target <= 5x)")


if __name__ == "__main__":
    main()
