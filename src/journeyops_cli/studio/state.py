"""The bank as the studio holds it: loaded once, every file's load result kept, so a
planned change is checked by reloading only the files it touches, deriving the bank with
the change in it from the one loaded (`bank.replace.replaced`) and judging it with the
incremental lint (`rules.incremental`): what `validate` would say of the bank with the
change in it, at the cost of what the change touches.

A file changed on disk by someone else (an editor, `git pull`) is noticed by its
modification time and size before each request, and the bank is loaded again.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from journeyops_cli.bank import Bank
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.load.files import FileResult, digest_of, discover, load_bytes
from journeyops_cli.models.config import BankConfig

if TYPE_CHECKING:
    from journeyops_cli.rules.engine import Plan
    from journeyops_cli.rules.incremental import Linted


@dataclass(slots=True)
class View:
    """One loaded state of the bank: its records, and two runs of the rules, each made
    when first asked for: `judged`, the rules that report errors (what a change is judged
    by), and `whole`, every rule (what pages show; answered from `validate`'s stored
    result when the bank is as `validate` last saw it)."""

    bank: Bank
    results: dict[str, FileResult]
    # The loader's findings (discovery's included) and the bank's files, in file order.
    loaded: tuple[list[Finding], list[str]]
    make_judged: Callable[[], Linted]
    make_whole: Callable[[], Linted]
    stored: list[Finding] | None = None
    _judged: Linted | None = None
    _whole: Linted | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def judged(self) -> Linted:
        with self._lock:
            if self._judged is None:
                self._judged = self.make_judged()
            return self._judged

    def is_judged(self) -> bool:
        return self._judged is not None

    def whole(self) -> Linted | None:
        """The run of every rule, when it was made."""
        return self._whole

    @property
    def findings(self) -> list[Finding]:
        """Every finding of `validate`."""
        if self.stored is not None:
            return self.stored
        with self._lock:
            if self._whole is None:
                self._whole = self.make_whole()
            return self._whole.findings

    @property
    def error_findings(self) -> list[Finding]:
        return [f for f in self.judged().findings if f.severity >= Severity.ERROR]

    def errors(self) -> dict[tuple[str, str, str], Finding]:
        return {(f.path, f.code, f.message): f for f in self.error_findings}

    def findings_for(self, paths: set[str]) -> list[Finding]:
        return [f for f in self.findings if f.path in paths]


class BankState:
    """The bank at `root`, kept current; `lock` serialises every check and write."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.lock = threading.RLock()
        self._stamp: dict[str, tuple[int, int]] = {}
        self.config: BankConfig
        self.view: View
        self._plans_made: tuple[Plan, Plan] | None = None
        self.reload()

    def reload(self) -> None:
        from journeyops_cli.load.parallel import load_files
        from journeyops_cli.pipeline import cache_enabled, load_config, validate_answers

        with self.lock:
            self.config = load_config(self.root)
            self._plans_made = None
            found = discover(self.root, self.config.exclude, self.config.site.out)
            store = answers = None
            if cache_enabled():  # unchanged files from the load cache, as `validate` reads them
                from journeyops_cli.load.cache import LoadCache

                answers = validate_answers(self.root, self.config, found)
                store = LoadCache.open(self.root, self.config)
            results = load_files(self.root, found.files, self.config.limits, store,
                                 stats=answers.stats if answers is not None else None)
            if store is not None:
                store.save()
            self._stamp = self._stamps(found.files)
            loaded = list(found.findings)
            for result in results:
                loaded.extend(result.findings)
            bank = Bank.of_results(self.root, self.config, results, digests=store is not None)
            self.view = self._view(bank, {r.path: r for r in results}, (loaded, found.files), None, None)
            if answers is not None:
                from journeyops_cli.lint.results import Stored

                stored = answers.get()
                if isinstance(stored, Stored):
                    self.view.stored = stored.findings  # the pages' findings, as validate found them
                else:
                    answers.put(Stored(self.view.findings, sum(len(t) for t in bank.by_kind.values())))

    def prepare(self) -> None:
        """Run the rules a change is judged by on the bank as it is now, ahead of the first
        save. A failure here is not reported: the save that needs the run makes it again
        and reports what goes wrong there."""
        view = self.view
        try:
            view.judged()
        except Exception:  # noqa: BLE001 - made again, and reported, by the save that needs it
            return

    def _stamps(self, files: list[str]) -> dict[str, tuple[int, int]]:
        stamps: dict[str, tuple[int, int]] = {}
        base = str(self.root) + os.sep
        for rel in files:
            try:
                stat = os.stat(base + rel)
            except OSError:
                continue
            stamps[rel] = (stat.st_mtime_ns, stat.st_size)
        return stamps

    def refresh(self) -> bool:
        """Load the bank again when any of its files changed on disk; True when it did."""
        with self.lock:
            found = discover(self.root, self.config.exclude, self.config.site.out)
            if self._stamps(found.files) == self._stamp:
                return False
            self.reload()
            return True

    def _view(self, bank: Bank, results: dict[str, FileResult], loaded: tuple[list[Finding], list[str]],
              before: View | None, change: object, texts: dict[str, bytes] | None = None) -> View:
        """The view of `bank`: from scratch, or (`before`, `change`) from the view before
        the change, each run of the rules judging only what the change touches."""
        from journeyops_cli.bank.replace import Change
        from journeyops_cli.rules.incremental import lint_all, lint_change

        def run(which: int, earlier: Callable[[], Linted | None]) -> Callable[[], Linted]:
            def make() -> Linted:
                findings, files = loaded
                previous = earlier()
                if previous is not None and isinstance(change, Change):
                    return lint_change(previous, change, findings, files, texts)
                return lint_all(bank, findings, files, self._plans()[which])
            return make

        # The rules are planned (and imported) when a run is first asked for: a first
        # page answered from validate's stored result needs none.
        return View(bank, results, loaded,
                    run(1, lambda: before.judged() if before is not None else None),
                    run(0, lambda: before.whole() if before is not None else None))

    def _plans(self) -> tuple[Plan, Plan]:
        """The bank's whole rule plan, and the part of it that judges a change: the rules
        that report errors with the bank's severities, and the per-record rules (the same
        set as a whole run's keeps one memo of their findings for both)."""
        from journeyops_cli.rules.engine import Selection, plan

        if self._plans_made is None:
            whole = plan(self.config, Selection(), self.root)
            codes = {rule.code for rule in whole.rules if rule.effective_severity >= Severity.ERROR or rule.per_record}
            self._plans_made = (whole, whole.only(codes))
        return self._plans_made

    def digest(self, rel: str) -> str:
        """The digest of a bank file as it is on disk now ("" when it does not exist)."""
        try:
            data = (self.root / rel).read_bytes()
        except OSError:
            return ""
        return digest_of(data).hex()

    def planned(self, texts: dict[str, bytes]) -> View:
        """The bank as it would be with these files' new bytes (bank-relative paths),
        with its errors judged."""
        from journeyops_cli.bank.replace import replaced

        before = self.view
        new: dict[str, FileResult | None] = {}
        for rel, data in texts.items():
            new[rel] = load_bytes(rel, data, [], self.config.limits)
            new[rel].digest = digest_of(data)  # type: ignore[union-attr]
        change = replaced(before.bank, new)
        results = dict(before.results)
        for rel, result in new.items():
            if result is None:
                results.pop(rel, None)
            else:
                results[rel] = result
        loaded = [item for item in before.loaded[0] if item.path not in new]
        loaded += [item for result in new.values() if result is not None for item in result.findings]
        files = before.loaded[1] if results.keys() == before.results.keys() else sorted(results)
        after = self._view(change.after, results, (loaded, files), before, change, texts)
        after.judged()
        return after

    def new_errors(self, after: View) -> list[Finding]:
        """Errors in `after` that the bank as loaded does not have."""
        before = self.view.errors()
        return [f for key, f in sorted(after.errors().items()) if key not in before]

    def adopt(self, after: View, written: list[str]) -> None:
        """`after` was written (the files `written`): it is the bank now."""
        self.view = after
        self._stamp.update(self._stamps(written))
