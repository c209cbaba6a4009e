"""Uncertain means speculation (BioScope's definition), not a tendency or an idiom.

Session 10: technical prose had ~11–13 % of its claims suggested uncertain; among
what fired were tendencies ("C strings are often nul-terminated"), idioms of
"possible" ("the broadest possible definition", "as soon as possible") and code
that "is evaluated". BioScope's annotators mark none of these (tendencies 0 of 19
"typically"; "as … as possible" 0 of 4; "all possible" 1 of 10; "is/are
evaluated" 0 of 2).
"""

from __future__ import annotations

import pytest

from app.core.suggest import suggest_text


def _suggested(sentence: str) -> tuple[str | None, list[str]]:
    found = suggest_text(sentence)
    return (found.label, found.reasons()) if found else (None, [])


@pytest.mark.parametrize("sentence", [
    "Nul terminators and implicit string lengths - Often, C strings are nul-terminated.",
    "The mineral is often found alongside quartz.",
    "Prices usually rise in the run-up to the holidays.",
    "Rainfall tends to be heaviest in the western highlands.",
])
def test_a_tendency_alone_is_not_speculation(sentence: str) -> None:
    assert _suggested(sentence)[0] is None


def test_a_tendency_beside_a_hedge_is_still_shown() -> None:
    label, reasons = _suggested("Symptoms usually fade within a week, but they may return.")
    assert label == "uncertain"
    assert "tendency: usually" in reasons and "hedge: may" in reasons


@pytest.mark.parametrize("sentence", [
    "We will be using the broadest possible definition of aliasing for the sake of discussion.",
    "Report the bug as soon as possible.",
    "The table lists all possible combinations of the two flags.",
    "The possible values are Z_OK, Z_STREAM_END and Z_BUF_ERROR.",
    "Static imports are evaluated from the leaves of the tree first.",
])
def test_an_idiom_of_possibility_is_not_speculation(sentence: str) -> None:
    label, reasons = _suggested(sentence)
    assert label != "uncertain", reasons


@pytest.mark.parametrize("sentence", [
    "It is possible that the cache is stale.",
    "A possible explanation is that the enzyme is inhibited.",
    "We evaluated whether the treatment reduced relapse.",
])
def test_speculation_stays(sentence: str) -> None:
    assert _suggested(sentence)[0] == "uncertain"


def test_a_task_to_determine_is_no_open_question() -> None:
    """T9: "an open question being studied: to determine" on advice. BioScope marks
    "needed/used/able/essential… to determine/test/assess…" in 9 of its 37 tuning
    sentences (0.24, about its base rate): a task, not an investigation. With
    "whether" it still is one."""
    assert suggest_text(
        "Consulting with a healthcare provider is essential to determine the appropriate "
        "magnesium dosage and ensure that it complements other aspects of the individuals "
        "neuropathy treatment plan.") is None
    assert _suggested("We needed to determine whether the effect was direct.")[0] == "uncertain"


def test_disbelief_is_no_belief() -> None:
    """"You won't believe…" is surprise, not a belief hedged: no "hedge: believe"."""
    label, reasons = _suggested(
        '"You won\'t believe how cold it was," said one of the rescued climbers.')
    assert label is None, reasons
    assert _suggested("Some researchers believe the effect is real.")[0] == "uncertain"


@pytest.mark.parametrize("sentence", [
    # where a thing shows up (BioScope marks "appear" before a place 3 times in 25)
    "The warning appears in the log when the disk is full.",
    "The new entry appears at the top of the list.",
    "His name appeared twice on the ballot paper.",
    # "unknown" as a property of a thing (BioScope: 10 of 43 "unknown" + a noun marked)
    "The parser skips unknown options and prints a warning.",
    "Unknown keys in the configuration file are ignored.",
])
def test_showing_up_and_unrecognised_things_are_no_speculation(sentence: str) -> None:
    assert _suggested(sentence)[0] is None


@pytest.mark.parametrize("sentence, reason", [
    ("The protein appears to bind the receptor.", "hedge: appears to"),
    ("The cause of the outbreak is still unknown.", "hedge: unknown"),
    ("It is unknown whether the drug crosses the placenta.", "hedge: unknown"),
])
def test_seeming_and_not_knowing_stay_speculation(sentence: str, reason: str) -> None:
    label, reasons = _suggested(sentence)
    assert label == "uncertain" and reason in reasons, reasons
