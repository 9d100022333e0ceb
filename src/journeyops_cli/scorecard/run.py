"""The scorecard of a bank folder: load, lint, judge staleness as JO402 does, build."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from journeyops_cli.scorecard.figures import DEFAULT_FRESH_DAYS, Scorecard, build

if TYPE_CHECKING:
    from journeyops_cli.bank import Bank
    from journeyops_cli.findings import Finding
    from journeyops_cli.rules.engine import Plan


def scorecard_of(root: Path, today: dt.date, *, cache: bool | None = None) -> Scorecard:
    """The scorecard of the bank at `root`, counting freshness and staleness from `today`.
    When no file, config or code changed since the last report for the same day, the
    answer comes from `.journeyops_cache/report.bin` (unless `cache` is False or
    JOURNEYOPS_NO_CACHE is set). Raises a JourneyopsError when the bank cannot be used."""
    from journeyops_cli.pipeline import Loaded, Selection, answer_once, load_bank, load_config
    from journeyops_cli.rules.engine import lint, plan

    config = load_config(root)
    chosen = plan(config, Selection(), root)  # before any file is read

    def compute(loaded: Loaded) -> Scorecard:
        findings = lint(loaded.bank, loaded.findings, loaded.files, Selection(), chosen=chosen)
        return scorecard_of_bank(loaded.bank, findings, today, chosen)

    if cache is False:
        return compute(load_bank(root, config, cache=False))
    return answer_once(root, config, "report", today.isoformat(), compute)


def scorecard_of_bank(
    bank: Bank, findings: Iterable[Finding], today: dt.date, chosen: Plan | None = None, recount: bool = False
) -> Scorecard:
    """The scorecard of a loaded bank with its findings; staleness is JO402's judgement
    (with its `days` and `today` options), nothing is stale when JO402 is not selected.
    `chosen` is the rules' plan when the caller has made it; `recount` as in `build`."""
    from journeyops_cli.pipeline import Selection
    from journeyops_cli.rules.engine import plan
    from journeyops_cli.rules.hygiene.stale import StaleJourney

    if chosen is None:
        chosen = plan(bank.config, Selection(), bank.root)
    rule = chosen.rule(StaleJourney.code)
    if not isinstance(rule, StaleJourney):  # JO402 not selected: nothing is stale
        return build(bank, findings, today=today, fresh_days=DEFAULT_FRESH_DAYS, recount=recount)
    if rule.options.today is None:  # type: ignore[attr-defined]
        rule.options = rule.options.model_copy(update={"today": today})
    return build(bank, findings, today=today, fresh_days=rule.options.days,  # type: ignore[attr-defined]
                 is_stale=rule.stale, recount=recount)


def history(root: Path, months: int) -> list[tuple[str, Scorecard]]:
    """The scorecard at the last commit of each of the last `months` months that changed
    the bank (oldest first), each counted from its commit's date. A commit's files never
    change, so each revision's scorecard is kept in `.journeyops_cache/history.bin` by its
    commit id (and the code): a later run reads only the revisions it has not seen."""
    import tempfile

    from journeyops_cli.pipeline import cache_enabled
    from journeyops_cli.revisions import bank_at, monthly
    from journeyops_cli.speed import store

    stored_path = root / store.CACHE_DIR / "history.bin"
    secret = store.secret() if cache_enabled() else None
    code = store.key("history")
    known: dict[str, Scorecard] = {}
    if secret is not None:
        loaded = store.load(stored_path, secret, code)
        known = loaded if isinstance(loaded, dict) else {}
    cards: list[tuple[str, Scorecard]] = []
    new = False
    with tempfile.TemporaryDirectory(prefix="journeyops-history-") as scratch:
        for index, (date, commit) in enumerate(reversed(monthly(root, months))):
            card = known.get(commit)
            if card is None:
                folder = bank_at(root, commit, Path(scratch) / str(index))
                card = known[commit] = scorecard_of(folder, date, cache=False)
                new = True
            cards.append((commit, card))
    if secret is not None and new:  # written again only when a revision was added
        store.dump(stored_path, secret, code, known)
    return cards
