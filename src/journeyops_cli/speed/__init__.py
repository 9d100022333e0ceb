"""Speed, behind three seams; nothing else in the package forks, caches or tunes the GC
(but the console script's `main`, which freezes what a command leaves at exit).

- `executor`: how a list of independent jobs runs: `Sequential` (the reference) or
  `Forked` (this process and forked workers share the jobs from both ends), with the
  cyclic garbage collector paused once around the work (`gc_paused`); one job in a
  forked process with CPU and memory limits (`run_limited`, for templates that are not
  the tool's own).
- `store`: the one signed store in `.journeyops_cache/` and the one recipe for a cache
  key (`store.key`).
- `places`: the memo of finding places by file content, used by the place stage.

The sequential, cache-free run is the reference: every accelerated run (forked, cached,
cold or warm) gives the same findings (tests/perf/test_reference.py).
"""
