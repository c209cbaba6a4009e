"""A testimonial quoted from a named customer is advertising, even built on a clickbait
formula (session 11, helper G).

Ads name the customer as ads do: a first name with an age, a town or "a customer since…"
('"You won't believe the results," says Mark from Leeds'). Session 10 made a clickbait
formula inside reported speech a remark, which left such testimonials with no suggestion.
News quotes a person by full name ("says Mark Evans from the council"), and a remark
('"Doctors hate him," his brother said') stays a remark.
"""

from __future__ import annotations

import pytest

from tests.core.suggest_helpers import label_of, reasons


@pytest.mark.parametrize("sentence, who", [
    ('"You won\'t believe the results," says Mark from Leeds.', "says Mark from Leeds"),
    ('"You\'ll never guess what my GP said," writes Anne, 58, from Truro.',
     "writes Anne, 58, from Truro"),
    ('"Dentists hate this, but it works," says Raj, a customer since 2020.',
     "says Raj, a customer since"),
    ('"This simple trick saved me hundreds," says retired nurse Gwen.',
     "says retired nurse Gwen"),
])
def test_a_named_customers_testimonial_is_advertising(sentence: str, who: str) -> None:
    assert label_of(sentence) == "advertising"
    assert f"a customer's testimonial: {who}" in reasons(sentence), reasons(sentence)


def test_the_clickbait_formula_in_it_is_shown_too() -> None:
    assert 'clickbait formula ("you won\'t believe"): You won\'t believe' in reasons(
        '"You won\'t believe the results," says Mark from Leeds.')


@pytest.mark.parametrize("sentence", [
    '"You won\'t believe the traffic," says Mark Evans from the council.',
    '"The results were striking," says Dr Helen Price from the University of Leeds.',
    '"Doctors hate him," his brother said at the finish line.',
    'The coach said: "You won\'t believe how hard these kids worked."',
])
def test_news_quotes_and_remarks_are_no_testimonial(sentence: str) -> None:
    assert label_of(sentence) != "advertising", reasons(sentence)
