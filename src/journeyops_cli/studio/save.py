"""Writing a form's changes: the file must be as it was when the form was opened, and the
bank with the change in it must have no error it did not have before; only then is each
file written (atomically, by the changeset)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from journeyops_cli.edit.changeset import Changeset
from journeyops_cli.errors import JourneyopsError
from journeyops_cli.findings import Finding
from journeyops_cli.studio.state import BankState


class Stale(JourneyopsError):
    """A file changed on disk after the form showing it was opened."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path} changed on disk after this form was opened; reload the page")
        self.path = path


class Refused(JourneyopsError):
    """The change would add errors to the bank (listed in `findings`)."""

    def __init__(self, findings: list[Finding]) -> None:
        first = findings[0]
        super().__init__(f"{first.path}:{first.line}:{first.column}: {first.code} {first.message}")
        self.findings = findings


def save(state: BankState, digests: Mapping[str, str], plan: Callable[[], Changeset]) -> list[str]:
    """Check `digests` (bank-relative path -> digest the form was opened with), make the
    changeset, check the bank with it and write it; returns what changed, one line each."""
    with state.lock:
        # The bank was brought up to date when the form was opened (every page load
        # refreshes it); the files this change touches are checked by digest here.
        for path, digest in digests.items():
            if state.digest(path) != digest:
                raise Stale(path)
        changes = plan()
        texts = {change.path: change.encoded() for change in changes.changed}
        if not texts:
            return []
        after = state.planned(texts)
        errors = state.new_errors(after)
        if errors:
            raise Refused(errors)
        changes.write()
        state.adopt(after, list(texts))
        return [line for change in changes.changed for line in change.what]
