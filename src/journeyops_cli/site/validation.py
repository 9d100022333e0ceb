"""Validation's findings for the journey pages: the bank's lint exactly as `validate` runs
it, started in a forked process (`speed.executor.start_background`) while the pages that
show no findings render, or run in this process when it is asked for. When `validate`'s
last whole run judged the bank as it is now (`pipeline.load_checked`), its findings are
the answer and nothing runs; a whole run is kept for the next change to be judged by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeyops_cli.speed.executor import Background, start_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from journeyops_cli.findings import Finding
    from journeyops_cli.pipeline import Checked, Loaded
    from journeyops_cli.rules.engine import Plan
    from journeyops_cli.rules.incremental import Linted


def lint_loaded(loaded: Loaded, chosen: Plan, keep: Callable[[Linted], None] | None = None) -> list[Finding]:
    """Exactly what `validate` reports: loader findings and rules, with the bank's
    severities, per-path ignores and inline suppressions applied (in this process).
    `keep` is given the whole run, for `validate` and the next build to judge a change by
    (`pipeline.load_checked`)."""
    from journeyops_cli.rules.incremental import lint_all

    linted = lint_all(loaded.bank, loaded.findings, loaded.files, chosen, workers=1)
    if keep is not None:
        keep(linted)
    return linted.findings


class Validation:
    """The lint of `loaded`, in the background when asked for and this process may fork
    and has another CPU, else in this process at `result()`. A worker that fails gives no
    answer: the lint then runs here, so its error is raised in this process."""

    def __init__(self, checked: Checked, chosen: Plan, background: bool = True) -> None:
        self.loaded = checked.loaded
        self.chosen = chosen
        # Judged from the last whole run: nothing to run.
        self.known = None if checked.linted is None else checked.linted.findings
        self.keep = checked.keep
        self.background = background and self.known is None
        self._background: Background | None = None

    def __enter__(self) -> Validation:
        if self.background:
            self._background = start_background(lambda: lint_loaded(self.loaded, self.chosen, self.keep))
        return self

    def running(self) -> bool:
        """Whether the lint is still running in the other process."""
        return self._background is not None and not self._background.done()

    def result(self) -> list[Finding]:
        if self._background is not None:
            background, self._background = self._background, None
            found = background.result()
            if found is not None:
                return list(found)
        if self.known is not None:
            return list(self.known)
        return lint_loaded(self.loaded, self.chosen, self.keep)

    def __exit__(self, *_exc: object) -> None:
        if self._background is not None:  # the build failed: no one will read the findings
            self._background.stop()
            self._background = None
