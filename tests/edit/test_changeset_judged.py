"""`Changeset.new_errors_judged` (the rules again only where a change reaches) says what
`Changeset.new_errors` (the whole bank validated with the change, in a scratch copy) says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journeyops_cli.edit.changeset import Changeset
from journeyops_cli.edit.fields import SetValue
from journeyops_cli.edit.rename import plan
from journeyops_cli.models import Insight, Opportunity
from journeyops_cli.pipeline import Loaded, load_bank

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"


@pytest.fixture
def loaded(tmp_path: Path) -> Loaded:
    root = tmp_path / "bank"
    shutil.copytree(EXAMPLE, root)
    return load_bank(root, cache=False)


def test_a_change_that_breaks_references(loaded: Loaded) -> None:
    bank = loaded.bank
    changes = Changeset(bank.root, bank.config.limits)
    insight = bank.get(Insight, "fb-daycare-attachment-upload")
    assert insight is not None
    changes.edit(insight, [SetValue(("steps", 0), "daycare-application#nowhere")], "broken step link")
    opportunity = bank.get(Opportunity, "callback-time-slot")
    assert opportunity is not None
    changes.edit(opportunity, [SetValue(("insights", 0), "no-such-insight")], "broken evidence")
    changes.move(opportunity.source_path, "opportunities/moved.yaml", "moved")
    full = changes.new_errors()
    assert len(full) == 2
    assert changes.new_errors_judged(loaded) == full


@pytest.mark.parametrize(("old", "new"), [("daycare-journey#apply", "hae"), ("daycare-journey", "vaka"),
                                          ("families-with-children", "perheet")])
def test_a_rename_adds_no_error_either_way(loaded: Loaded, old: str, new: str) -> None:
    changes = plan(loaded.bank, old, new).changes
    assert changes.new_errors_judged(loaded) == changes.new_errors() == []


def test_a_change_to_the_config_is_left_to_the_whole_run(loaded: Loaded) -> None:
    changes = Changeset(loaded.bank.root, loaded.bank.config.limits)
    changes.edit_text("journeyops.yaml", lambda text: text + "# a comment\n", "comment")
    assert changes.new_errors_judged(loaded) is None
