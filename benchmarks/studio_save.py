"""The studio's save against a warm `validate`, in the same run.

    python benchmarks/studio_save.py [--journeys 2000] [--runs 5]

Generates (once, into benchmarks/.banks/) a bank with `generate.py` and copies it to a
scratch folder, then measures in one process:

- `validate` warm: `pipeline.validate` of the unchanged bank answered from its cache (the
  third run);
- studio start-up: `BankState` loading the bank and running every rule once;
- a save: one observation added to a metric through the studio's path (`studio.save`:
  the digest check, the changeset, the whole bank checked with the change in memory, the
  atomic write), median of `--runs` saves (a different date each).

The target is a save under 300 ms at 2,000 journeys; the ratio to the warm validate is
printed next to it. `--startup` instead measures the whole `journeyops studio` process on
the example bank, from start to the first page served behind the opening link (target:
under 1 s), next to `python -c pass` and `journeyops validate` in the same run.
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


def _whole(command: list[str]) -> float:
    import subprocess

    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def startup(runs: int) -> None:
    """The studio process on the example bank until its first page, median of `runs`."""
    import os
    import subprocess

    import httpx

    example = HERE.parent / "examples" / "helsinki"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "journeyops_cli", "studio", "--bank", str(example),
                                    "--no-browser"], stdout=subprocess.PIPE, text=True, env=env)
        try:
            assert process.stdout is not None
            process.stdout.readline()
            link = process.stdout.readline().removeprefix("Open (once): ").strip()
            while True:
                try:
                    httpx.get(link, follow_redirects=True).raise_for_status()
                    break
                except httpx.ConnectError:
                    time.sleep(0.005)
            times.append(time.perf_counter() - start)
        finally:
            process.terminate()
            process.wait()
    bare = statistics.median(_whole([sys.executable, "-c", "pass"]) for _ in range(runs))
    check = statistics.median(
        _whole([sys.executable, "-m", "journeyops_cli", "validate", "--bank", str(example)]) for _ in range(runs)
    )
    median = statistics.median(times)
    print(f"python -c pass:                         {bare:.3f} s")
    print(f"journeyops validate, example bank:      {check:.3f} s")
    print(f"studio start-up to first page, example: {median:.3f} s  "
          f"({median / check:.2f}x validate; target 1.0 s: {'met' if median < 1.0 else 'NOT met'})")


def main(argv: list[str] | None = None) -> None:
    from journeyops_cli.models import Metric
    from journeyops_cli.pipeline import validate
    from journeyops_cli.studio import forms
    from journeyops_cli.studio.save import save
    from journeyops_cli.studio.state import BankState

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--startup", action="store_true", help="measure the start-up on the example bank")
    args = parser.parse_args(argv)
    if args.startup:
        startup(args.runs)
        return
    with tempfile.TemporaryDirectory(prefix="journeyops-studio-bench-") as scratch:
        root = Path(scratch) / "bank"
        shutil.copytree(bank_of(args.journeys), root)
        # The answer cache trusts a file's stat only once it is older than the run that
        # stored it: the third run is the warm one (nothing changed).
        validate(root)
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
        print(f"validate, warm, nothing changed (same process): {warm:.3f} s")
        print(f"studio start-up (load + rules):  {load:.3f} s")
        print(f"studio save, median of {args.runs}:     {median:.3f} s  "
              f"({median / warm:.2f}x warm validate; target 0.300 s: {'met' if median < 0.3 else 'NOT met'})")
        print("saves: " + ", ".join(f"{t:.3f}" for t in times))


if __name__ == "__main__":
    main()
