"""Plain ad copy from product pages, newsletters and affiliate posts, and the
ordinary sentences that share its words (issue 14's follow-up).

Each case failed or sat on the threshold before its cue family existed:
product-superiority claims, calls to compare offers, shops named as the place to
buy, value for money, membership, promises of relief; advice-imperatives
("Try to…") and "Compare the results…" are not calls to buy.
"""

from __future__ import annotations

import pytest

from tests.core.suggest_helpers import label_of, reasons


@pytest.mark.parametrize(("sentence", "reason"), [
    ("No other moisturiser comes close.",
     "product better than the rest: No other moisturiser comes close"),
    ("The softest towels on the market.", "product better than the rest: on the market"),
    ("Compare quotes from 40 insurers in minutes.", "call to compare offers: Compare quotes"),
    ("See today's price on Amazon.", "call to buy at a shop: See today's price on"),
    ("It's a steal at this price.", "value for money: It's a steal"),
    ("Paid members unlock the whole archive.", "membership: Paid members"),
    ("Wake up refreshed and ready for the day.", "promise to the reader: Wake up refreshed"),
])
def test_plain_ad_copy_is_advertising_with_its_cue(sentence: str, reason: str) -> None:
    assert label_of(sentence) == "advertising"
    assert reason in reasons(sentence)


@pytest.mark.parametrize("sentence", [
    "Compare the results in the two tables.",  # "Compare" with no offer to compare
    "Try to walk for half an hour every day.",  # advice, not a product to try
    "The drug has been on the market since 2003.",
    "Amazon said it would hire 1,000 workers.",
    "Unlike other mammals, bats can fly.",
    "No more than 4 g of paracetamol should be taken in a day.",
    "Finally, the samples were frozen at -80 degrees.",
    "The founding member of this protein family binds DNA.",
])
def test_look_alikes_are_not_advertising(sentence: str) -> None:
    assert label_of(sentence) != "advertising"
