"""The last whole run of `validate` on a bank, kept so that a run after a few files changed
judges only the change.

`.journeyops_cache/run.bin` (signed, small) holds the key, every file's stat when that
run started and the digest of the bytes it loaded, the files written just before it (read
again every time), and where the parts of `run.parts` lie; `run.parts` holds the Bank that run
checked and what the rules found on it (`rules/incremental.Linted`: each rule's findings
with logical locations, each one's place, the loader's findings). When `validate`'s
stored answer (`lint/results.py`) does not fit because some files were edited, added or
removed, `pipeline.validate` asks `LastRun.judge`: the files whose stat differs from the
kept one are read (a file with the same bytes counts as unchanged): unchanged files are
neither read nor unpickled from the load cache. The Bank with them
replaced is derived from the kept one (`bank/replace.replaced`), and every rule judges
again only the records the change can affect (`rules/incremental.lint_change`); only the
changed files' findings are placed. Nothing but the answer is written: the kept run stays the base of
every later change until more than `MOST_CHANGED` files differ from it, when the whole
run is made (the load cache sparing the unchanged files) and kept instead.

The key is the one recipe's (`speed/store.Key`: the code) with the config, the rules
chosen on the command line, today's date (rules such as JO402 count days) and the bank's
folder (a bank copied with its cache is read where it is now): another key is another
base. The whole run is the reference: tests/perf/test_last_run.py holds a
judged change to it on random edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journeyops_cli.findings import Finding
from journeyops_cli.speed import store
from journeyops_cli.speed.store import FileStat

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.load.files import Discovery, FileResult
    from journeyops_cli.models.config import BankConfig
    from journeyops_cli.rules.engine import Plan
    from journeyops_cli.rules.incremental import Linted

HEAD_FILE = "run.bin"
PARTS_FILE = "run.parts"
# More files than this changed since the kept run: the whole run is made again (and kept).
MOST_CHANGED = 200


@dataclass(slots=True)
class Kept:
    """What `run.parts` holds: a whole run, without its plan (made again from the key's
    config and selection)."""

    bank: Bank
    # The loader's findings of each file that has some (discovery's are made again).
    loaded: dict[str, list[Finding]]
    found: dict[str, list[Finding]]
    placed: dict[Finding, Finding]


# What run.bin holds of each file of the kept run: its stat when the run started (None:
# it could not be asked) and the digest of the bytes loaded (None: they could not be read).
Known = tuple[FileStat | None, bytes | None]


class LastRun:
    """The kept whole run of one bank for one key. Use `LastRun.open`."""

    def __init__(self, root: Path, config: BankConfig, key: str, secret: bytes | None) -> None:
        self.root = root
        self.config = config
        self.folder = root / store.CACHE_DIR
        self.key = key
        self.secret = secret

    @classmethod
    def open(cls, root: Path, config: BankConfig, request: str) -> LastRun:
        """The kept run of `validate` with options `request` (`pipeline.validate_request`)."""
        from journeyops_cli.rules.base import today

        # The root too: the kept Bank reads and places in its own root, and a bank copied
        # with its cache (or a CI cache restored elsewhere) is another bank.
        key = store.Key().add(config, request, today().isoformat(), HEAD_FILE, str(root)).hexdigest()
        return cls(root, config, key, store.secret())

    def judge(self, found: Discovery, stats: dict[str, FileStat], chosen: Plan) -> Linted | None:
        """What the whole run of `chosen` reports on the bank as it is now (`found`: its
        files; `stats`: their stat keys now), judged from the kept run; None when no run
        is kept for this key, or more than MOST_CHANGED files changed since."""
        head = store.load(self.folder / HEAD_FILE, self.secret, self.key)
        if not isinstance(head, tuple):
            return None
        known, racy, parts = head
        changed = self._changed(found.files, stats, known, racy)
        if changed is None:
            return None
        from journeyops_cli.speed.executor import gc_paused

        # A bank is a great many small objects that live until the command ends.
        with gc_paused(freeze=True):
            values = store.load_parts(self.folder / PARTS_FILE, parts)
            if values is None or not isinstance(values[0], Kept):
                return None
            return _judged(values[0], changed, found, chosen)

    def _changed(
        self, files: list[str], stats: dict[str, FileStat], known: dict[str, Known], racy: set[str]
    ) -> dict[str, FileResult | None] | None:
        """The load result of every file that is not as the kept run read it (None: it is
        gone), or None when more than MOST_CHANGED are. A file whose stat is the one kept
        (and was not written just before that run) is as it was; one whose bytes are the
        ones loaded then is too."""
        from journeyops_cli.load.parallel import load_one

        changed: dict[str, FileResult | None] = {}
        for rel in files:
            stat, digest = known.get(rel, (None, None))
            if stat is not None and stats.get(rel) == stat and rel not in racy:
                continue
            item = load_one(self.root, rel, self.config.limits, digest)
            if item is None:  # the same bytes under another stat
                continue
            changed[rel] = item.result
            if len(changed) > MOST_CHANGED:
                return None
        changed.update((rel, None) for rel in known.keys() - set(files))
        return changed if len(changed) <= MOST_CHANGED else None

    def keep(self, linted: Linted, discovered: int, stats: dict[str, FileStat], started_ns: int) -> None:
        """Keep `linted`, a whole run of the bank whose files had `stats` when the run
        started at `started_ns` (its loader's findings: `discovered` of discovery's, then
        each file's)."""
        if self.secret is None:
            return
        loaded: dict[str, list[Finding]] = {}
        for item in linted.loaded[discovered:]:
            loaded.setdefault(item.path, []).append(item)
        bank = linted.bank
        # Made once here rather than by every judged change.
        bank.referrers()
        bank.files  # noqa: B018 - made when first asked for
        parts = store.dump_parts(self.folder / PARTS_FILE, [Kept(bank, loaded, linted.found, linted.placed)])
        if parts is not None:
            known = {rel: (stats.get(rel), bank.digests.get(rel)) for rel in linted.files}
            # Files written just before the run may change again behind the same stat.
            racy = {rel for rel, stat in known.items() if stat[0] is None or store.is_racy(stat[0], started_ns)}
            store.dump(self.folder / HEAD_FILE, self.secret, self.key, (known, racy, parts))


def _judged(kept: Kept, changed: dict[str, FileResult | None], found: Discovery, chosen: Plan) -> Linted:
    from journeyops_cli.bank.replace import replaced
    from journeyops_cli.rules.incremental import Linted, lint_change

    loaded = list(found.findings)
    for rel in found.files:
        if rel in changed:
            result = changed[rel]
            if result is not None:
                loaded.extend(result.findings)
        else:
            loaded.extend(kept.loaded.get(rel, ()))
    # What the change is judged by (`lint_change` reads neither the files nor the
    # findings of the run before).
    before = Linted(kept.bank, chosen, [], [], kept.found, kept.placed, [])
    return lint_change(before, replaced(kept.bank, changed), loaded, found.files)
