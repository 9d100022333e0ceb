"""Validation's findings for the journey pages: the bank's lint exactly as `validate` runs
it, started in a forked process (`speed.executor.start_background`) while the pages that
show no findings render, or run in this process when it is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeyops_cli.speed.executor import Background, start_background

if TYPE_CHECKING:
    from journeyops_cli.findings import Finding
    from journeyops_cli.pipeline import Loaded


def lint_loaded(loaded: Loaded) -> list[Finding]:
    """Exactly what `validate` reports: loader findings and rules, with the bank's
    severities, per-path ignores and inline suppressions applied (in this process)."""
    from journeyops_cli.pipeline import Selection
    from journeyops_cli.rules.engine import lint

    return lint(loaded.bank, loaded.findings, loaded.files, Selection(), workers=1)


class Validation:
    """The lint of `loaded`, in the background when asked for and this process may fork
    and has another CPU, else in this process at `result()`. A worker that fails gives no
    answer: the lint then runs here, so its error is raised in this process."""

    def __init__(self, loaded: Loaded, background: bool = True) -> None:
        self.loaded = loaded
        self.background = background
        self._background: Background | None = None

    def __enter__(self) -> Validation:
        if self.background:
            self._background = start_background(lambda: lint_loaded(self.loaded))
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
        return lint_loaded(self.loaded)

    def __exit__(self, *_exc: object) -> None:
        if self._background is not None:  # the build failed: no one will read the findings
            self._background.stop()
            self._background = None
