"""Time the load, index and each rule of `journeyops validate` in one process; print JSON.

    python benchmarks/rules_timing.py BANK
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> None:
    from journeyops_cli.pipeline import load_bank, load_config
    from journeyops_cli.rules.registry import all_rules

    root = Path(sys.argv[1]).resolve()
    started = time.perf_counter()
    config = load_config(root)
    loaded = load_bank(root, config, cache=False)
    out: dict[str, float] = {"load+index": time.perf_counter() - started}
    total = 0.0
    for code, rule_class in all_rules().items():
        rule = rule_class()
        if getattr(rule, "source", False):
            continue
        started = time.perf_counter()
        try:
            list(rule.check(loaded.bank))
        except Exception as error:  # noqa: BLE001 - a benchmark reports, never stops
            print(f"{code}: {error!r}", file=sys.stderr)
        spent = time.perf_counter() - started
        out[code] = spent
        total += spent
    out["rules"] = total
    out["records"] = sum(len(t) for t in loaded.bank.by_kind.values())
    print(json.dumps(out))


if __name__ == "__main__":
    main()
