"""Shouted clickbait, counted studies and a public body's own tools (session 12, H12).

A clickbait headline often opens with a word in capitals ("EXPOSED: …", "GUARANTEED to…")
or shouts its verb ("Government HIDES Truth…"): `bait_shout`, matched case-sensitively, so
acronyms (NHS, WHO, COVID-19, DNA) and headings set wholly in capitals are no cue. "What
the mainstream media won't tell you" is the same formula as "what doctors don't want you
to know". A count of studies ("a meta-analysis of 75 studies found") reports a finding,
not speculation: no hedge. A map or a form of the writer's ("with our online map",
"using our online form") is how a reader finds or reports something, not a product.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.suggest_helpers import label_of, reasons


@pytest.mark.parametrize("sentence", [
    "GUARANTEED to transform your body in 30 days!!!",
    "EXPOSED: The truth about sugar that mainstream media won't tell you",
    "REVEALED: the one vegetable that burns belly fat.",
    "BANNED: The morning drink your cardiologist will never mention.",
    "Mum of three REVEALS how she lost four stone without dieting.",
])
def test_shouted_clickbait_is_advertising(sentence: str) -> None:
    assert label_of(sentence) == "advertising"
    assert any(r.startswith(("clickbait headline shouted:", "clickbait formula"))
               for r in reasons(sentence))


def test_what_the_media_wont_tell_you_is_clickbait() -> None:
    sentence = "The truth about sugar that the mainstream media won't tell you."
    assert 'clickbait formula ("what they won\'t tell you"): truth about sugar that the ' \
        "mainstream media won't tell you" in reasons(sentence)


@pytest.mark.parametrize("sentence", [
    "And frankly, the fake news media won't tell you this, but everybody knows it's true.",
    "Threads with explicit 'mainstream media won't tell you' language show the highest "
    "repost velocity in this cluster.",
])
def test_media_wont_tell_you_without_a_promised_truth_is_no_clickbait(sentence: str) -> None:
    assert label_of(sentence) != "advertising"


@pytest.mark.parametrize("sentence", [
    "NHS England publishes new guidance on winter flu vaccines.",
    "WHO recommends two doses for children under five.",
    "COVID-19 admissions fell by a third in March.",
    "DNA was extracted from the samples and sequenced.",
    "SHOCKING RESULTS FROM THE TRIAL",
    "GUARANTEED PERFORMANCE SECTION",
    "The doctor won't tell you the results until Monday.",
    "Ask the pharmacist; they won't tell you to stop without a reason.",
    "The bug was exposed: the parser never checked the length.",
])
def test_acronyms_headings_and_plain_words_are_not_clickbait(sentence: str) -> None:
    assert label_of(sentence) != "advertising"


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ -0123456789", min_size=1, max_size=40))
def test_a_line_wholly_in_capitals_is_never_shouted_clickbait(heading: str) -> None:
    assert not any(r.startswith("clickbait headline shouted:") for r in reasons(heading))


@pytest.mark.parametrize("sentence", [
    "A meta-analysis of 75 studies found that women who smoked were 25% more likely than "
    "men who smoked to suffer a heart attack.",
    "A review of 12 trials showed that the drug lowered blood pressure.",
])
def test_a_count_of_studies_reports_a_finding(sentence: str) -> None:
    assert label_of(sentence) != "uncertain"


@pytest.mark.parametrize("sentence", [
    "Studies have found that magnesium eases cramps.",
    "Research shows that people who walk live longer.",
])
def test_unnamed_studies_are_still_unattributed(sentence: str) -> None:
    assert label_of(sentence) == "uncertain"


@pytest.mark.parametrize("sentence", [
    "Find your nearest recycling centre with our online map",
    "Report a missed bin collection using our online form.",
    "Check your bin day with our postcode search.",
])
def test_a_public_bodys_map_or_form_is_not_advertising(sentence: str) -> None:
    assert label_of(sentence) != "advertising"


def test_the_writers_own_product_still_sells() -> None:
    sentence = "Take your baking to the next level with our stand mixer."
    assert label_of(sentence) == "advertising"
