"""Discount-only ads are ads; praise, advice and reported speech that sell nothing
are not (session 9's left-overs, helper G; session 10).

- "save N%", half price, multi-buys: a discount of its own (`offer_discount`),
  apart from the words of a sale that also name other things ("bundle", "on
  sale", "winter sale": `offer_sale`), so that "Bundle and save up to 30%" is
  not left at 0.49 by the weight the two shared;
- "when you purchase/buy/order…" is the condition of an offer, not health advice;
  "Stock up" is no share-price news;
- "look and feel your best" is an idiom (`not_best_idiom`), not praise;
- a clickbait formula inside a quotation reported as speech ('"Doctors hate him,"
  his brother said') is a remark, not a headline.
"""

from __future__ import annotations

import pytest

from app.core.suggest import suggest_text


def _label(sentence: str) -> str | None:
    found = suggest_text(sentence)
    return found.label if found else None


@pytest.mark.parametrize("sentence", [
    "Bundle and save up to 30%.",
    "Buy 2, get 1 free.",
    "Look for the bundle icon to save 4% when you purchase two or more items.",
    "Stock up on the items you need today and save 10% when you buy three.",
    "Orders ship free when you spend over $50.",  # a purchase's condition, no health advice
    "Stock up now before our spring prices change.",  # no share-price news
])
def test_a_discount_alone_is_advertising(sentence: str) -> None:
    assert _label(sentence) == "advertising"


def test_praise_of_feeling_well_is_no_advertising() -> None:
    assert _label("Regular exercise can help you look and feel your best.") is None
    assert _label("Look and feel your best with GlowMax serum, now 20% off.") == "advertising"


@pytest.mark.parametrize("sentence", [
    '"Doctors hate him," his brother said, laughing, after the marathon.',
    'The coach said: "You won\'t believe how hard these kids worked."',
])
def test_clickbait_said_by_a_person_is_a_remark(sentence: str) -> None:
    assert _label(sentence) != "advertising"


def test_a_clickbait_headline_and_a_testimonial_stay_ads() -> None:
    assert _label("Doctors hate this one simple trick!") == "advertising"
    assert _label('"I love it," says Jane from Leeds. Order now!') == "advertising"
