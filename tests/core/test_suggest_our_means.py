"""An imperative done with the writer's own product or staff sells (session 12, G).

Session 11 made the imperative opening a helper, so advice ("Take your tablets with a
glass of water") is not advertising; it cost imperative ads whose only sign of a sale is
that the means or the agent is the writer's own: "Take your baking to the next level
with our stand mixer", "Let our expert stylists give you the look…". An imperative opening
with "with/using/through our …" (not the writer's FAQ, guides or help pages, nor people who
are company rather than staff) and "Let our <staff>…" are a cue of their own
(`cta_our_means`); advice and pointers to help pages stay what they were.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.suggest_helpers import label_of, reasons


@pytest.mark.parametrize("sentence", [
    "Take your baking to the next level with our stand mixer.",
    "Let our expert stylists give you the look you've always wanted.",
    "Take your skills to the next level with our wide range of courses.",
    "Keep your family safe with our monitoring service.",
    "Let our team plan your perfect wedding day.",
])
def test_the_writers_own_means_or_staff_sells(sentence: str) -> None:
    assert label_of(sentence) == "advertising", reasons(sentence)


def test_the_reason_quotes_the_words() -> None:
    assert "the writer's own staff offered: Let our expert stylists" in reasons(
        "Let our expert stylists give you the look you've always wanted.")


VERBS = ["Take", "Find", "Check", "Read", "See", "Keep"]  # not "Start your", "Make your": calls
HELP = ["our FAQ", "our guide to getting started", "our help pages", "our privacy policy",
        "our colleagues", "our documentation"]


@given(st.sampled_from(VERBS), st.sampled_from(HELP))
def test_the_writers_help_pages_and_company_sell_nothing(verb: str, ours: str) -> None:
    sentence = f"{verb} your notes with {ours} before you start."
    assert label_of(sentence) != "advertising", reasons(sentence)


@pytest.mark.parametrize("sentence", [
    "Check our FAQ first.",
    "Pick an issue from the list, or read our guide to getting started.",
    "Take your medicine at the same time each day so you don't forget it.",
    "Let the dough rest for an hour before you roll it out.",
    "We worked with our partners to build the bridge.",
])
def test_advice_and_help_pages_are_not_advertising(sentence: str) -> None:
    assert label_of(sentence) != "advertising", reasons(sentence)
