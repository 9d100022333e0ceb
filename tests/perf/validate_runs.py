"""validate() with and without the caches, counting how each cached run answered: the
tests of the stored answer (test_result_cache.py) and of the kept whole run
(test_last_run.py) share it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from journeyops_cli import pipeline
from journeyops_cli.lint.last_run import LastRun
from journeyops_cli.pipeline import Selection, validate


class Runs:
    """validate() with and without the caches, counting how each cached run answered."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.whole = 0
        self.judged = 0
        real, judge = pipeline.load_bank, LastRun.judge

        def loading(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.whole += pipeline.cache_enabled()  # a cached run that loaded the bank
            return real(*args, **kwargs)

        def judging(*args, **kwargs):  # type: ignore[no-untyped-def]
            judged = judge(*args, **kwargs)
            self.judged += judged is not None
            return judged

        monkeypatch.setattr(pipeline, "load_bank", loading)
        monkeypatch.setattr(LastRun, "judge", judging)

    def findings(self, root: Path, cache: bool = True, selection: Selection | None = None) -> list[tuple]:
        os.environ["JOURNEYOPS_NO_CACHE"] = "" if cache else "1"
        try:
            result = validate(root, selection=selection)
        finally:
            os.environ.pop("JOURNEYOPS_NO_CACHE", None)
        return [(f.code, f.severity, f.path, f.line, f.column, f.message, f.hint, f.name) for f in result.findings]

    def agree(self, root: Path, selection: Selection | None = None) -> list[tuple]:
        """The cached run's findings are the cold run's (made first, so that it cannot
        read what the cached run wrote)."""
        cold = self.findings(root, cache=False, selection=selection)
        assert self.findings(root, selection=selection) == cold
        return cold

    @property
    def loads(self) -> int:
        """The cached runs that did not answer from the stored result."""
        return self.whole + self.judged

    def warm_equals_cold(self, root: Path, *, stored: bool) -> list[tuple]:
        """A warm run gives the cold run's findings; `stored`: it came from result.bin."""
        cold = self.findings(root, cache=False)
        before = self.loads
        assert self.findings(root) == cold
        assert (self.loads == before) is stored
        return cold
