"""One "did you mean" for every message that names the nearest known value."""

from __future__ import annotations

from journeyops_cli.suggest import did_you_mean


def test_the_nearest_choice_case_ignored() -> None:
    assert did_you_mean("journey.stael", ["journey.stale", "journey.owner"]) == "did you mean 'journey.stale'?"
    assert did_you_mean("Daycare", ["daycare", "school"]) == "did you mean 'daycare'?"
    assert did_you_mean("JO40", ["JO401", "JO501"]) == "did you mean 'JO401'?"
    assert did_you_mean("Usabilty-Test", {"usability-test", "survey"}) == "did you mean 'usability-test'?"


def test_a_prefix_is_shown_before_the_choice() -> None:
    assert did_you_mean("sned", ["send", "find"], prefix="daycare#") == "did you mean 'daycare#send'?"


def test_nothing_when_no_choice_is_alike_enough() -> None:
    assert did_you_mean("moving", ["daycare", "school"]) is None
    assert did_you_mean("x", []) is None


def test_a_look_alike_letter_breaks_a_tie() -> None:
    # JO2O1 is one letter from JO201 and from JO211: the O typed for a 0 decides
    assert did_you_mean("JO2O1", ["JO201", "JO211"]) == "did you mean 'JO201'?"
    assert did_you_mean("JO2l1", ["JO201", "JO211"]) == "did you mean 'JO211'?"
    assert did_you_mean("schoo1", ["school", "schoon"]) == "did you mean 'school'?"
