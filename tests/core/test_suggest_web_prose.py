"""Blog and news prose that sells nothing is not advertising (session 15, lead).

Measured on editorial web pages (Mozilla Readability's test pages, see
docs/decisions.md "Session 15 — lead: advertising on editorial pages"); each
row below pairs a general use of a sales word with a weak cue ("our", a
product-like name), as on those pages, written here, not copied:

- "free" in a hyphenated compound ("free-software projects", "a free-will
  defence") is the ordinary word, as "free software" already was;
- "in the best interest(s) of" is an idiom, not praise;
- "a month" / "per month" is a price only after an amount ("$9.99 a month" is
  still the price cue; "one release per month" is a frequency);
- "my website", "my team", "my software" are a blogger's own things; "my
  formula", "my shop" and "our website" still sell;
- "as seen in figure 3" / "as shown in the table below" points at the page,
  unlike "as seen on TV" (second change, after the held-out figures);
- "less-than-perfect" is no praise.
"""

from __future__ import annotations

import pytest

from tests.core.suggest_helpers import label_of, reasons


@pytest.mark.parametrize("sentence", [
    "In the free-software world, LibreOffice and OpenOffice still share most of their code.",
    "I will keep working in our community in the best interest of its members.",
    "We think it is in the best interests of our readers to say so plainly.",
    "Since the fork, LibreOffice has put out at least one release per month.",
    "Our volunteers meet once a month to go through the bug list.",
    "This is my website, so the opinions on it are mine alone.",
    "My team spent a month rewriting the scheduler before anyone noticed.",
    "I keep my software small so that I can read all of it.",
    "As seen in figure 3, our sync now sends the marker with the changeset.",
    "As shown in the table below, our results hold for every group we tried.",
    "You will want to hide your less-than-perfect first idea from the history.",
])
def test_ordinary_uses_of_sales_words_are_no_advertising(sentence: str) -> None:
    assert label_of(sentence) != "advertising", reasons(sentence)


@pytest.mark.parametrize("sentence", [
    "Get free shipping on every order this week.",
    "Plans start at just 9.99 a month, cancel any time.",
    "Try my formula today and feel the difference in a week.",
    "Visit our website to order your starter kit today.",
    "As seen on TV: the only blender you'll ever need!",
    "Our serum, as featured in Vogue, gives you the perfect glow.",
])
def test_the_sales_uses_stay_advertising(sentence: str) -> None:
    assert label_of(sentence) == "advertising", reasons(sentence)
