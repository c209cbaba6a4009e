"""A word in capitals that is an abbreviation is not the word: "IF"
(intermittent fasting) is no condition (tester T8: "IF may reduce insulin…"
was given the reason "a condition: IF")."""

from __future__ import annotations

import pytest

from app.core.suggest import suggest_text


@pytest.mark.parametrize("sentence", ["IF may reduce insulin levels.",
                                      "Studies of IF may have been too short to tell."])
def test_if_in_capitals_is_no_condition(sentence: str) -> None:
    suggestion = suggest_text(sentence)
    assert suggestion is not None  # "may" still makes it uncertain
    assert not any(reason.startswith("a condition") for reason in suggestion.reasons())


def test_if_as_a_word_is_still_a_condition() -> None:
    suggestion = suggest_text("It is not known if magnesium may help, or if it may harm.")
    assert suggestion is not None
    assert "a condition: if" in suggestion.reasons()
