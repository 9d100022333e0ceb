"""The bank as the studio holds it: loaded once, every file's load result kept, so a
planned change is checked by reloading only the files it touches and running the rules
on the whole bank in memory (what `validate` would say of the bank with the change in it).

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


@dataclass(slots=True)
class View:
    """One loaded state of the bank: its records, the errors `validate` finds in it (what a
    change is judged by) and, when first asked for, all its findings (what pages show)."""

    bank: Bank
    error_findings: list[Finding]
    results: dict[str, FileResult]
    loader_findings: list[Finding] = field(default_factory=list)
    all_findings: Callable[[], list[Finding]] | None = None
    _findings: list[Finding] | None = None

    @property
    def findings(self) -> list[Finding]:
        """Every finding of `validate` (run the first time it is asked for)."""
        if self._findings is None:
            self._findings = self.all_findings() if self.all_findings is not None else list(self.error_findings)
        return self._findings

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
        from journeyops_cli.pipeline import cache_enabled, load_config

        with self.lock:
            self.config = load_config(self.root)
            self._plans_made = None
            found = discover(self.root, self.config.exclude, self.config.site.out)
            store = None
            if cache_enabled():  # unchanged files from the load cache, as `validate` reads them
                from journeyops_cli.load.cache import LoadCache

                store = LoadCache.open(self.root, self.config)
            results = load_files(self.root, found.files, self.config.limits, store)
            if store is not None:
                store.save()
            self._stamp = self._stamps(found.files)
            self.view = self._view({r.path: r for r in results}, list(found.findings))

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

    def _view(self, results: dict[str, FileResult], loader_findings: list[Finding],
              texts: dict[str, bytes] | None = None, errors_only: bool = False) -> View:
        from journeyops_cli.pipeline import cache_enabled
        from journeyops_cli.rules.engine import Selection, lint

        records = [record for result in results.values() for record in result.records]
        unloaded = [item for result in results.values() for item in result.unloaded]
        unread = {result.path: result.unread for result in results.values() if result.unread is not None}
        loaded = list(loader_findings)
        for result in results.values():
            loaded.extend(result.findings)
        bank = Bank.build(self.root, self.config, records, unloaded, unread)
        bank.comments = {result.path: result.comments for result in results.values() if result.comments}
        if cache_enabled():
            # The places memo, as `validate` uses it: findings in files whose content was
            # placed before are not read again. (A planned file is placed in the text on
            # disk; its findings' lines are approximate until it is written.)
            bank.digests = {r.path: r.digest for r in results.values() if r.digest is not None}
        files = sorted(results)

        whole, judges = self._plans()

        def everything() -> list[Finding]:
            found = lint(bank, loaded, files, Selection(), chosen=whole)
            found.sort(key=Finding.sort_key)
            return found

        if not errors_only:
            findings = everything()
            errors = [f for f in findings if f.severity >= Severity.ERROR]
            return View(bank, errors, results, loader_findings, None, findings)
        # Only the rules that report errors (with the bank's severities) judge a change:
        # the rest run when a page first shows the findings.
        errors = [f for f in lint(bank, loaded, files, Selection(), chosen=judges) if f.severity >= Severity.ERROR]
        errors.sort(key=Finding.sort_key)
        return View(bank, errors, results, loader_findings, everything)

    def _plans(self) -> tuple[Plan, Plan]:
        """The bank's whole rule plan, and the part of it that judges a change: the rules
        that report errors with the bank's severities, and the per-record rules (answered
        from their memo for files that did not change; the memo is kept per set of
        per-record rules, so the same set as a whole run keeps one memo for both)."""
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
        """The bank as it would be with these files' new bytes (bank-relative paths)."""
        results = dict(self.view.results)
        for rel, data in texts.items():
            results[rel] = load_bytes(rel, data, [], self.config.limits)
            results[rel].digest = digest_of(data)
        return self._view(results, self.view.loader_findings, texts, errors_only=True)

    def new_errors(self, after: View) -> list[Finding]:
        """Errors in `after` that the bank as loaded does not have."""
        before = self.view.errors()
        return [f for key, f in sorted(after.errors().items()) if key not in before]

    def adopt(self, after: View, written: list[str]) -> None:
        """`after` was written (the files `written`): it is the bank now."""
        self.view = after
        self._stamp.update(self._stamps(written))
