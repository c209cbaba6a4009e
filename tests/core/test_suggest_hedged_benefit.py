"""A benefit the sentence hedges ("magnesium may help you sleep") is the
design's own example of an uncertain claim, not advertising (tester T8: "may
help you" was called advertising for "benefit to the reader: help you", and
the "may" was not even shown). A benefit stated outright ("helps you") is
still an advertising cue, and hedged ad copy is still advertising when it
carries another cue of selling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.suggest import suggest_text

SUBJECTS = ["Magnesium", "A short walk after dinner", "Cutting back on caffeine", "Fibre",
            "Keeping a sleep diary", "This kind of therapy"]
HEDGES = ["may", "might", "could", "may also", "might even"]
BENEFITS = ["help you sleep better", "help you feel less tired", "keep you full for longer",
            "help you manage the pain", "let you cut down on painkillers"]


@given(st.sampled_from(SUBJECTS), st.sampled_from(HEDGES), st.sampled_from(BENEFITS))
def test_a_hedged_benefit_is_not_advertising(subject: str, hedge: str, benefit: str) -> None:
    suggestion = suggest_text(f"{subject} {hedge} {benefit}.")
    if suggestion is not None:  # "could" alone is too weak a hedge to suggest anything
        assert suggestion.label == "uncertain", suggestion
        assert not any("benefit to the reader" in reason for reason in suggestion.reasons())


@pytest.mark.parametrize("sentence", ["Magnesium may help you sleep better.",
                                      "Fibre might help you feel less tired."])
def test_the_designs_hedged_claim_is_uncertain_for_its_hedge(sentence: str) -> None:
    suggestion = suggest_text(sentence)
    assert suggestion is not None and suggestion.label == "uncertain"
    assert any(reason.startswith("hedge:") for reason in suggestion.reasons())


@pytest.mark.parametrize("sentence", [
    "NervaCalm helps you sleep through the night. Order now and save 20%!",
    "Our formula keeps you full for hours — buy today!",
])
def test_a_benefit_stated_outright_in_a_pitch_is_still_advertising(sentence: str) -> None:
    suggestion = suggest_text(sentence)
    assert suggestion is not None and suggestion.label == "advertising"


def test_hedged_ad_copy_with_another_selling_cue_is_still_advertising() -> None:
    suggestion = suggest_text("This supplement may help you lose weight — order now and save 30%!")
    assert suggestion is not None and suggestion.label == "advertising"
