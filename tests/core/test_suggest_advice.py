"""Advice in the imperative is not advertising (session 11, helper G).

Health, home and software pages tell the reader what to do, as ads do: "Take your
tablets with a glass of water" was advertising for "imperative opening: Take" +
"addressing the reader: your". An ad sells something — a product, a brand, a price, a
call to buy or to act now — and the imperative opening is, like "you", the form both
share: a helper, shown beside a commercial cue, never a label alone. The pitch openings
that promise what a product does (transform, boost, regain…) and the calls to buy stay
cues, and so does an imperative asking for the act now ("Switch to FiberNet today").
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes
from app.core.suggest import suggest_for_claims
from tests.core.suggest_helpers import label_of, reasons

# the verbs of the imperative opening ("Start your…", "Get a…", "Give your…" are other
# rows: calls to buy and pitch openings, see the left-overs in docs/decisions.md)
VERBS = ["Take", "Find", "Check", "Choose", "Bring", "Stop", "Pick", "Test", "See", "Call",
         "Come", "Let"]
OBJECTS = ["your tablets", "a few minutes for yourself", "the dose your nurse gave you",
           "your blood pressure", "a quiet corner where you can rest", "your notes",
           "a name for your project", "the settings your team uses", "your shoes off"]
ENDINGS = ["with a glass of water.", "before you go to bed.", "every morning.",
           "at least once a week.", "so you do not forget.", "when you feel tired.",
           "before you start the next step.", "."]


@given(st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(ENDINGS))
def test_an_imperative_to_the_reader_sells_nothing_alone(verb: str, thing: str,
                                                         ending: str) -> None:
    sentence = f"{verb} {thing} {ending}".replace(" .", ".")
    assert label_of(sentence) != "advertising", reasons(sentence)


@pytest.mark.parametrize("sentence", [
    "Take your inhaler with you whenever you leave the house.",
    "Bring a list of the medicines you take to your appointment.",
    "Find a time of day that suits you and keep to it.",
    "Check the label on your medicine for the right dose.",
    "Pick a name for your branch that says what you changed.",
    "Stop for a rest whenever you feel out of breath.",
    "Let your skin cool down before you put cream on it.",
])
def test_advice_is_not_advertising(sentence: str) -> None:
    assert label_of(sentence) != "advertising", reasons(sentence)


@pytest.mark.parametrize("sentence, reason", [
    # something sold beside the imperative: the opening is shown as a reason with it
    ("Take your coffee breaks to the next level with 20% off our espresso machines.",
     "imperative opening: Take"),
    ("Choose your favourite from our new collection.", "imperative opening: Choose"),
    ("Get your first month free when you sign up.", "offer: first month free"),
    # the act asked for now: a call to act, whatever the verb
    ("Call Sparkle Cleaners today.", "call to act now: Call"),
    ("Take charge of your mornings today!", "call to act now: Take"),
    ("Book a table with your friends tonight.", "call to action: Book a"),
    # a promise of what the product does for the reader
    ("Regain your confidence in just three weeks.", "pitch opening: Regain"),
    ("Transform your garden this summer.", "pitch opening: Transform"),
])
def test_the_imperatives_that_sell_stay_advertising(sentence: str, reason: str) -> None:
    assert label_of(sentence) == "advertising"
    assert reason in reasons(sentence), reasons(sentence)


@pytest.mark.parametrize("sentence", [
    "Call 999 now.",
    "Call your doctor today.",
    "Phone NHS 111 now if you are worried.",
])
def test_calling_for_help_now_is_advice(sentence: str) -> None:
    assert label_of(sentence) != "advertising", reasons(sentence)


def test_a_closing_pitch_of_imperatives_stays_a_pitch() -> None:
    """The imperatives of a closing pitch still join it: pitch-like form is context."""
    text = ("Magnesium is a mineral.\n\nTake charge of your energy today! Discover how "
            "VitaCalm supports your nerves. Regain your focus and feel like yourself. "
            "Click here to order.\n")
    article = article_from_bytes(text.encode(), "txt", "page.txt")
    claims = find_claims(article)
    got = suggest_for_claims(article, claims)
    assert [got[c.index].label if c.index in got else None for c in claims] == \
        [None, "advertising", "advertising", "advertising", "advertising"]
