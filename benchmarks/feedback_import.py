"""A 100,000-row feedback CSV imported as insights, against reading the same file with the
`csv` module, both measured in the same run (target: the import at most 5x the read).

    python benchmarks/feedback_import.py [--rows 100000] [--runs 3]

The CSV is Finnish Excel style (UTF-8 with BOM, `;`, dates 15.11.2026), made
deterministically; one row in 50 has a phone number, masked by the import. The import runs
in-process into a fresh copy of the example bank each run: read, map, privacy scan, stable
ids, monthly files, each file read back with the read path (in this process and forked
workers at once, as the CLI does), atomic writes. The stages are timed too, so the ratio
can be explained; the machine's load average is printed, as other jobs skew both sides.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
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


def make_csv(path: Path, rows: int) -> None:
    rng = random.Random(20261115)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Päivämäärä", "Kanava", "Palaute", "Polun vaihe", "Vakavuus", "Asiakasryhmä"])
    for i in range(rows):
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        text = f"{rng.choice(TEXTS)} (palaute {i})"
        if i % 50 == 0:
            text += " Soittakaa numeroon 040 123 4567."
        writer.writerow([f"{day}.{month}.2026", rng.choice(["Verkko", "Puhelin", "Chat"]), text,
                         rng.choice(STEPS), rng.choice(["matala", "keskitaso", "korkea"]),
                         rng.choice(["families-with-children", "newcomers", ""])])
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def read_with_csv(path: Path) -> int:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.reader(handle, delimiter=";"))


def import_once(path: Path, scratch: Path) -> tuple[float, dict[str, float]]:
    from journeyops_cli.edit.changeset import Changeset
    from journeyops_cli.pipeline import load_bank
    from journeyops_cli.sheets.feedback import plan_insights
    from journeyops_cli.sheets.rows import read_rows

    bank_root = scratch / "bank"
    shutil.rmtree(bank_root, ignore_errors=True)
    shutil.copytree(EXAMPLE, bank_root)
    stages: dict[str, float] = {}
    start = time.perf_counter()
    bank = load_bank(bank_root, cache=False).bank
    profile = bank.config.import_profiles["palaute"]
    stages["load bank"] = time.perf_counter() - start
    mark = time.perf_counter()
    rows = read_rows(path, str(path))
    stages["read CSV"] = time.perf_counter() - mark
    mark = time.perf_counter()
    planned = plan_insights(bank, rows, profile, "palaute", path.stem)
    stages["map, privacy, ids, YAML"] = time.perf_counter() - mark
    assert not planned.problems, planned.problems[:3]
    mark = time.perf_counter()
    changes = Changeset(bank.root, bank.config.limits)
    for file, records in planned.files.items():
        changes.add(file, records, f"{len(records)} new insight(s)", planned.events[file])
    errors = changes.file_errors()
    assert not errors, errors[:3]
    stages["read back"] = time.perf_counter() - mark
    mark = time.perf_counter()
    changes.write()
    stages["write"] = time.perf_counter() - mark
    return time.perf_counter() - start, stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    with tempfile.TemporaryDirectory(prefix="journeyops-bench-") as folder:
        scratch = Path(folder)
        path = scratch / "palaute.csv"
        make_csv(path, args.rows)
        reads, imports, all_stages = [], [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            assert read_with_csv(path) == args.rows + 1
            reads.append(time.perf_counter() - start)
            total, stages = import_once(path, scratch)
            imports.append(total)
            all_stages.append(stages)
        read, done = statistics.median(reads), statistics.median(imports)
        size = path.stat().st_size
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{args.rows:,} rows, {size / 1e6:.1f} MB CSV, median of {args.runs} run(s), "
              f"load average {load:.1f} on {os.cpu_count()} CPU(s)")
        print(f"  csv module read        {read:7.2f} s")
        print(f"  journeyops import      {done:7.2f} s   ratio {done / read:.1f}x (target <= 5x)")
        for name in all_stages[0]:
            print(f"    {name:24} {statistics.median(s[name] for s in all_stages):6.2f} s")


if __name__ == "__main__":
    main()
