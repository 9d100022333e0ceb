"""The read pipeline in one readable place: find the bank, read its config, load every
file, index the Bank, run the rules. Nothing here prints or exits."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import ValidationError

from journeyops_cli.bank import Bank
from journeyops_cli.errors import JourneyopsError
from journeyops_cli.findings import Finding, Severity
from journeyops_cli.load.files import Discovery, discover, finding, read_text
from journeyops_cli.load.messages import problems_from
from journeyops_cli.load.positions import Locator
from journeyops_cli.load.yaml_read import parse
from journeyops_cli.models.config import CONFIG_FILE, BankConfig, LimitsConfig
from journeyops_cli.rules.engine import Selection
from journeyops_cli.speed.store import FileStat

if TYPE_CHECKING:
    from journeyops_cli.lint.results import ResultCache
    from journeyops_cli.rules.engine import Plan
    from journeyops_cli.rules.incremental import Linted

T = TypeVar("T")


# The old name of JourneyopsError; branches written before the one error type still use
# it. Remove once they are merged.
BankError = JourneyopsError


def find_bank_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds `journeyops.yaml`."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate
    raise JourneyopsError(
        f"no {CONFIG_FILE} found in {folder} or any folder above it; "
        "run the command inside a journey bank, pass --bank PATH, or create one with `journeyops init`"
    )


def load_config(root: Path) -> BankConfig:
    """Read and validate `journeyops.yaml`; any problem is a JourneyopsError with findings."""
    text, findings = read_text(root, CONFIG_FILE, LimitsConfig())
    if text is None:
        raise JourneyopsError(f"{CONFIG_FILE} cannot be read", findings)
    parsed = parse(text)
    errors = [
        finding(p.code, CONFIG_FILE, p.line, p.column, p.message, p.hint) for p in parsed.problems
    ]
    if errors:
        raise JourneyopsError(f"{CONFIG_FILE} is not valid YAML", errors)
    data = parsed.documents[0].data if parsed.documents else None
    if len(parsed.documents) > 1:
        raise JourneyopsError(
            f"{CONFIG_FILE} must hold one document",
            [finding("JO030", CONFIG_FILE, parsed.documents[1].line, 1,
                     f"{CONFIG_FILE} must hold exactly one document")],
        )
    if not isinstance(data, dict):
        raise JourneyopsError(
            f"{CONFIG_FILE} is not a mapping",
            [finding("JO030", CONFIG_FILE, 1, 1, f"{CONFIG_FILE} must be a mapping with at least `name`")],
        )
    try:
        return BankConfig.model_validate(data)
    except ValidationError as error:
        locator = Locator(text)
        problems = problems_from(error, data, BankConfig)
        raise JourneyopsError(
            f"{CONFIG_FILE} has errors",
            [
                finding(
                    "JO031" if p.path[:1] == ("lanes",) else "JO030",
                    CONFIG_FILE, *locator.locate(0, p.path, p.target), p.message, p.hint,
                )
                for p in problems
            ],
        ) from None


@dataclass(slots=True)
class Loaded:
    """A loaded bank and what loading found."""

    bank: Bank
    findings: list[Finding]
    files: list[str]


NO_CACHE_ENV = "JOURNEYOPS_NO_CACHE"


def cache_enabled() -> bool:
    """False when `JOURNEYOPS_NO_CACHE` is set (what `validate --no-cache` does)."""
    return os.environ.get(NO_CACHE_ENV, "") in ("", "0")


def load_bank(
    root: Path,
    config: BankConfig | None = None,
    *,
    cache: bool | None = None,
    workers: int | None = None,
    found: Discovery | None = None,
    stats: dict[str, FileStat] | None = None,
) -> Loaded:
    """Read every file of the bank and index the records.

    Unchanged files come from `.journeyops_cache/` unless `cache` is False (default: on
    unless JOURNEYOPS_NO_CACHE is set); the rest are read on all CPUs when there are many
    (`workers=1` forces one process). The findings never depend on either. `found` and
    `stats` are the bank's files and their stat keys when already known.
    """
    from journeyops_cli.load.parallel import load_files

    root = root.resolve()
    config = config or load_config(root)
    if found is None:
        found = discover(root, config.exclude, config.site.out)
    from journeyops_cli.speed.executor import gc_paused

    # A bank is a great many small objects that live until the command ends and hold no
    # cycles: the collector waits while it is built and leaves it out of its walks after.
    with gc_paused(freeze=True):
        store = None
        if cache if cache is not None else cache_enabled():
            from journeyops_cli.load.cache import LoadCache

            store = LoadCache.open(root, config)
        results = load_files(root, found.files, config.limits, store, workers, stats)
        if store is not None:
            store.save()
        findings = list(found.findings)
        for result in results:
            findings.extend(result.findings)
        bank = Bank.of_results(root, config, results, digests=store is not None)
    return Loaded(bank, findings, found.files)


def answer_once(root: Path, config: BankConfig, name: str, request: str, compute: Callable[[Loaded], T]) -> T:
    """`compute(the loaded bank)`, or the answer it gave last time when no file, option
    (`request`), config or code changed since (`.journeyops_cache/<name>.bin`)."""
    found = discover(root, config.exclude, config.site.out)
    if not cache_enabled():
        return compute(load_bank(root, config, found=found))
    from journeyops_cli.lint.results import ResultCache

    results = ResultCache.open(root, config, found, request, f"{name}.bin")
    answer = results.get()
    if answer is None:
        answer = compute(load_bank(root, config, found=found, stats=results.stats))
        results.put(answer)
    return answer  # type: ignore[no-any-return]


@dataclass(slots=True)
class ValidationResult:
    """Everything `validate` learned; reporters turn it into text."""

    root: Path
    findings: list[Finding]
    files: int
    records: int
    fail_on: Severity = Severity.ERROR
    language: str = "en"
    """The bank's first language (the text report speaks it: `cli.words.cli_language`)."""

    def counts(self) -> dict[Severity, int]:
        counts = {severity: 0 for severity in Severity}
        for item in self.findings:
            counts[item.severity] += 1
        return counts

    @property
    def failed(self) -> bool:
        return any(item.severity >= self.fail_on for item in self.findings)


def validate(
    root: Path,
    *,
    only: list[str] | None = None,
    selection: Selection | None = None,
    fail_on: Severity | None = None,
) -> ValidationResult:
    """Load the bank, run every active rule, and keep the findings in `only` when given
    (bank-relative files and folders, "" for the whole bank): references still resolve
    against the whole bank."""
    from journeyops_cli.rules.engine import lint, plan

    started_ns = time.time_ns()
    config = load_config(root)
    selection = selection or Selection()
    found = discover(root, config.exclude, config.site.out)
    if not cache_enabled():
        # The reference: every file read, every rule run on the whole bank.
        chosen = plan(config, selection, root)
        loaded = load_bank(root, config, found=found)
        # Rules, severities, per-path ignores, place, inline suppressions (rules/engine.py).
        findings = lint(loaded.bank, loaded.findings, loaded.files, selection, chosen=chosen)
        findings.sort(key=Finding.sort_key)
        records = sum(len(table) for table in loaded.bank.by_kind.values())
    else:
        from journeyops_cli.lint.results import Stored
        from journeyops_cli.rules.incremental import lint_all

        results = validate_answers(root, config, found, selection)
        answer = results.get()
        if isinstance(answer, Stored):  # nothing changed since the last run
            findings, records = answer.findings, answer.records
        else:
            # Plan before any file is read (a stored answer was planned when it was made:
            # its key holds the config and the selection).
            chosen = plan(config, selection, root)
            # Judged from the last whole run when few files changed since; else the whole
            # run (what `lint` reports), kept to judge later changes by.
            bank = load_checked(root, config, found, chosen, selection, results.stats, started_ns)
            linted = bank.linted
            if linted is None:
                loaded = bank.loaded
                linted = lint_all(loaded.bank, loaded.findings, loaded.files, chosen)
                bank.keep(linted)
            findings = linted.findings
            records = sum(len(table) for table in linted.bank.by_kind.values())
            results.put(Stored(findings, records))
    checked = len(found.files)
    if only is not None:
        inside = _within(only)
        findings = [f for f in findings if inside(f.path)]
        # The bank's files in scope, and a file named outright even where the bank's
        # discovery skips it (an excluded file).
        checked = len({path for path in found.files if inside(path)} | {s for s in only if (root / s).is_file()})
    return ValidationResult(
        root,
        findings,
        checked,
        records,
        fail_on or Severity.parse(config.lint.fail_on),
        config.default_language,
    )


@dataclass(slots=True)
class Checked:
    """A bank loaded for a whole lint (`load_checked`), and that lint when the last whole
    run could judge it."""

    loaded: Loaded
    # What the whole run reports of the bank as it is now, judged from the last one.
    linted: Linted | None
    # Keeps a whole run of `loaded` (`rules/incremental.lint_all`) for the next change to
    # be judged by; it does nothing when `linted` was judged (that run stays the base).
    keep: Callable[[Linted], None]


def load_checked(
    root: Path,
    config: BankConfig,
    found: Discovery,
    chosen: Plan,
    selection: Selection,
    stats: dict[str, FileStat],
    started_ns: int,
) -> Checked:
    """The bank (its files `found`, their stat keys `stats` taken after `started_ns`) and
    the lint of `chosen` on it, judged from `validate`'s last whole run with `selection`
    when one is kept and few files changed since (`lint/last_run.py`): then only the
    changed files are read, and the Bank is the kept one with them replaced. Otherwise
    the bank is loaded (`load_bank`), and the caller lints it and may keep that run.
    `validate` and `site build` share the kept run."""
    from journeyops_cli.lint.last_run import LastRun

    last = LastRun.open(root, config, validate_request(selection))
    linted = last.judge(found, stats, chosen)
    if linted is not None:
        return Checked(Loaded(linted.bank, linted.loaded, linted.files), linted, lambda _linted: None)
    loaded = load_bank(root, config, found=found, stats=stats)

    def keep(whole: Linted) -> None:
        last.keep(whole, len(found.findings), stats, started_ns)

    return Checked(loaded, None, keep)


def validate_answers(
    root: Path, config: BankConfig, found: Discovery, selection: Selection | None = None
) -> ResultCache:
    """Where `validate` keeps its answer for the bank's files as they are now and the
    rules `selection` chooses (`lint/results.py`)."""
    from journeyops_cli.lint.results import ResultCache

    return ResultCache.open(root, config, found, validate_request(selection or Selection()))


def validate_request(selection: Selection) -> str:
    """What validate's stored result depends on besides the files and the config."""
    return repr((selection.select, selection.ignore))


def _within(scopes: list[str]) -> Callable[[str], bool]:
    """Whether a bank-relative path is one of `scopes` or lies in one of them."""
    if "" in scopes:
        return lambda path: True
    files = set(scopes)
    folders = tuple(scope.rstrip("/") + "/" for scope in scopes)
    return lambda path: path in files or path.startswith(folders)


def bank_relative(root: Path, path: Path) -> str:
    """`path` as a bank-relative POSIX path; a JourneyopsError if it lies outside the bank."""
    absolute = path.resolve() if path.is_absolute() else (Path.cwd() / path).resolve()
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        raise JourneyopsError(f"{path} is not inside the bank at {root}") from None


def display_prefix(root: Path) -> str:
    """How to show bank paths to the person who ran the command: relative to the current
    folder, so editors and terminals can open them."""
    try:
        relative = os.path.relpath(root, Path.cwd())
    except ValueError:  # another drive on Windows
        return str(root) + "/"
    return "" if relative == "." else relative + "/"
