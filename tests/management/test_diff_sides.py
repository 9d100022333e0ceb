"""`diff/sides`: what each side of `journeyops diff` names (in-process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyops_cli.diff.sides import folder_of, needs_bank
from journeyops_cli.errors import JourneyopsError


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "journeyops.yaml").write_text("name: B\n")
    (tmp_path / "plain").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_bank_folder_a_revision_and_a_folder_that_is_neither(here: Path) -> None:
    assert folder_of("bank") == here / "bank"
    assert folder_of("main") is None
    assert folder_of("plain") is None  # a bare word may be a branch called "plain"
    with pytest.raises(JourneyopsError) as raised:
        folder_of("./plain")
    assert raised.value.message == "./plain: no journeyops.yaml in that folder; name a bank folder or a git revision"


def test_the_bank_is_needed_for_a_revision_or_the_working_tree(here: Path) -> None:
    assert needs_bank("bank", "bank") is False
    assert needs_bank("bank", None) is True
    assert needs_bank("main", "bank") is True
    assert needs_bank("bank", "HEAD~1") is True
