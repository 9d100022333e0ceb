"""Findings of the per-record rules by file, kept in `.journeyops_cache/rules.bin`, so that
a warm run runs those rules only on the records of files that changed.

A rule is per-record (`Rule.per_record`) when what it finds on a record depends on that
record alone (with the config, the rule's options and severity): the privacy scan, the
translation check and the duplicate-step, no-theme and unsafe-link checks. Their
findings on a file whose content (blake2b digest of the bytes loaded) is the one stored
are taken from the memo; the records of every other file are checked again. Cross-file
rules always run on the whole bank (the studio's incremental lint is another matter:
rules/incremental.py).

The memo is keyed by the tool's code, the config, the per-record rules chosen with their
options and severities, and today's date; any change starts it afresh. Signed and written
atomically like every cache blob (`speed/store.py`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.speed import store

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.rules.base import Rule

FILE = "rules.bin"
# (the content digest of every file checked, {path: {rule code: the rule's findings in
# that file, in rule order}} for the files with findings)
Stored = tuple[dict[str, bytes], dict[str, dict[str, list[Finding]]]]


class RuleMemo:
    """Per-record rules' findings by file. Use `RuleMemo.open(bank, rules)`."""

    def __init__(self, path: Path, secret: bytes | None, key: str, stored: Stored) -> None:
        self.path = path
        self.secret = secret
        self.key = key
        self.digests, self.found = stored

    @classmethod
    def open(cls, bank: Bank, rules: list[Rule]) -> RuleMemo:
        from journeyops_cli.rules import base

        key = store.key(
            bank.config,
            base.today().isoformat(),
            *(f"{r.code}:{r.effective_severity}:{r.options.model_dump_json()}" for r in rules),
        )
        path = bank.root / store.CACHE_DIR / FILE
        secret = store.secret()
        stored = store.load(path, secret, key) if secret is not None else None
        return cls(path, secret, key, stored if isinstance(stored, tuple) else ({}, {}))

    def fresh(self, digests: dict[str, bytes]) -> set[str]:
        """The files whose stored findings are for the content loaded now."""
        stored = self.digests
        return {path for path, digest in digests.items() if stored.get(path) == digest}

    def findings(self, fresh: set[str], code: str) -> list[Finding]:
        """What rule `code` found in the `fresh` files."""
        return [item for path, by_code in self.found.items() if path in fresh for item in by_code.get(code, [])]

    def save(self, digests: dict[str, bytes], found: dict[str, list[Finding]], fresh: set[str]) -> None:
        """Store each rule's findings (`found`: by code, for the whole bank) by file, for
        every file with a digest; nothing to write when every file was `fresh`."""
        if len(fresh) == len(digests) == len(self.digests):
            return
        by_path: dict[str, dict[str, list[Finding]]] = {}
        for code, items in found.items():
            for item in items:
                if item.path in digests:
                    by_path.setdefault(item.path, {}).setdefault(code, []).append(item)
        self.digests, self.found = dict(digests), by_path
        store.dump(self.path, self.secret, self.key, (self.digests, self.found))
