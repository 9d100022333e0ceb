"""The studio's save against a warm `validate`, in the same run.

    python benchmarks/studio_save.py [--journeys 2000] [--runs 5]

Generates (once, into benchmarks/.banks/) a bank with `generate.py` and copies it to a
scratch folder, then measures in one process:

- `validate` warm: the second `pipeline.validate` of the unchanged bank (the answer cache);
- studio start-up: `BankState` loading the bank and running every rule once;
- a save: one observation added to a metric through the studio's path (`studio.save`:
  the digest check, the changeset, the whole bank checked with the change in memory, the
  atomic write), median of `--runs` saves (a different date each).

The target is a save under 300 ms at 2,000 journeys; the ratio to the warm validate is
printed next to it.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def bank_of(journeys: int) -> Path:
    root = HERE / ".banks" / f"j{journeys}"
    if not (root / "journeyops.yaml").exists():
        generate(journeys, root)
    return root


def main(argv: list[str] | None = None) -> None:
    from journeyops_cli.models import Metric
    from journeyops_cli.pipeline import validate
    from journeyops_cli.studio import forms
    from journeyops_cli.studio.save import save
    from journeyops_cli.studio.state import BankState

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="journeyops-studio-bench-") as scratch:
        root = Path(scratch) / "bank"
        shutil.copytree(bank_of(args.journeys), root)
        validate(root)
        start = time.perf_counter()
        validate(root)
        warm = time.perf_counter() - start
        start = time.perf_counter()
        state = BankState(root)
        load = time.perf_counter() - start
        metric = sorted(state.view.bank.all(Metric), key=lambda m: m.id)[0]
        times = []
        for run in range(args.runs):
            form = {"date": [f"2031-01-{run + 1:02d}"], "value": [str(run + 1)]}
            digests = {metric.source_path: state.digest(metric.source_path)}
            start = time.perf_counter()
            done = save(state, digests, lambda f=form: forms.add_observation(state.view.bank, metric.id, f))
            times.append(time.perf_counter() - start)
            assert done, "nothing was saved"
        median = statistics.median(times)
        print(f"journeys: {args.journeys}, files: {len(state.view.results)}")
        print(f"validate, warm (same process):   {warm:.3f} s")
        print(f"studio start-up (load + rules):  {load:.3f} s")
        print(f"studio save, median of {args.runs}:     {median:.3f} s  "
              f"({median / warm:.2f}x warm validate; target 0.300 s: {'met' if median < 0.3 else 'NOT met'})")
        print("saves: " + ", ".join(f"{t:.3f}" for t in times))


if __name__ == "__main__":
    main()
