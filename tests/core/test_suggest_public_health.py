"""Public-health advice, stated comparisons of risk and headline clickbait (session 12, G).

Tester T11: a BBC page's "Check your child's red book and book a catch-up MMR with your
GP today." was advertising ("call to action: book a"), a tabloid's "coffee lovers were
less likely to die" was uncertain ("hedge: likely"), and a native ad "Doctors are
stunned: this one kitchen spice melts belly fat overnight!" had no suggestion.

- Booking with a free public service (a GP surgery, the NHS, a pharmacy, a practice
  nurse) or booking a vaccination is advice: an ordinary use, listed before the call to
  book. A booking a business sells ("at our clinic", a price, "save 20%") stays an ad.
- A comparison of risk reported as found ("were 25% more likely", "twice as likely",
  "people who … are less likely to") is a finding, not the writer's speculation; the
  comparison hedged by other words ("may be more likely", "research suggests") stays
  uncertain, and so do "most likely" and "likely to rise".
- A group of experts stunned with no ordinary object ("Doctors are stunned!", "Doctors
  stunned: …"), "the secret that doctors hate", "this one weird <thing>" and "prepare
  to be shocked" are clickbait; "The police are baffled by the crime" and "One simple
  trick is to …" are not.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.suggest_helpers import label_of, reasons


@pytest.mark.parametrize("sentence", [
    "Check your child's red book and book a catch-up MMR with your GP today.",
    "If your child has missed a dose, book a catch-up MMR vaccination with your GP surgery "
    "today.",
    "Are you a parent who has struggled to book a vaccination?",
    "Book your flu jab at a local pharmacy before the winter.",
    "You can book your smear test with the practice nurse.",
])
def test_booking_with_a_public_service_is_not_advertising(sentence: str) -> None:
    assert label_of(sentence) != "advertising", reasons(sentence)


OPENINGS = ["Book", "Remember to book", "Please book", "Check the red book, then book"]
THINGS = ["a catch-up MMR", "an appointment", "your child's booster", "a blood test",
          "a review of your medicines", "a health check"]
SERVICES = ["with your GP", "with your GP surgery", "at your local pharmacy",
            "with the practice nurse", "through the NHS app", "with a pharmacist",
            "at your GP practice"]
ENDINGS = ["today.", "this week.", "if you have missed a dose.", "before you travel.", "."]


@given(st.sampled_from(OPENINGS), st.sampled_from(THINGS), st.sampled_from(SERVICES),
       st.sampled_from(ENDINGS))
def test_any_booking_with_a_public_service_sells_nothing(opening: str, thing: str,
                                                          service: str, ending: str) -> None:
    sentence = f"{opening} {thing} {service} {ending}".replace(" .", ".")
    assert label_of(sentence) != "advertising", reasons(sentence)


@pytest.mark.parametrize("sentence", [
    "Book your free consultation at our clinic today.",
    "Book a hearing test at our Leeds clinic today and save 20%.",
    "Book a private GP appointment online for just £49.",
    "Book your eye test with our opticians and get 20% off frames.",
])
def test_a_booking_a_business_sells_is_still_advertising(sentence: str) -> None:
    assert label_of(sentence) == "advertising"


@pytest.mark.parametrize("sentence", [
    "People who walk daily are less likely to die early",
    "The bombshell study of half a million Brits found that coffee lovers were less likely "
    "to die from heart disease, stroke and even cancer.",
    "Women who smoked were 25% more likely than men who smoked to suffer a heart attack.",
    "They also were twice as likely to become smokers after age 14.",
    "Children who walk to school are three times as likely to meet activity targets.",
])
def test_a_stated_comparison_of_risk_is_not_speculation(sentence: str) -> None:
    assert label_of(sentence) is None, reasons(sentence)


def test_a_relative_risk_in_percent_is_no_discount() -> None:
    sentence = "Those who walked were 14.9 % less likely to die over ten years."
    assert label_of(sentence) is None, reasons(sentence)
    assert label_of("Pay 20% less with our annual plan.") == "advertising"


@pytest.mark.parametrize("sentence", [
    "Smokers may be more likely to have other unhealthy habits.",
    "Obese people are more likely to smoke, new research suggests.",
    "The most likely explanation is a fault in the pump.",
    "Officials said the death toll was likely to rise.",
    "The two languages are likely descended from a common ancestor.",
])
def test_likely_as_a_hedge_stays_uncertain(sentence: str) -> None:
    assert label_of(sentence) == "uncertain", reasons(sentence)


@pytest.mark.parametrize("sentence", [
    "Doctors are stunned: this one kitchen spice melts belly fat overnight!",
    "Doctors are stunned!",
    "Dermatologists are baffled...",
    "Doctors stunned: this cheap gadget reverses hair loss",
    "Local mom discovers a weight loss secret that doctors hate",
    "This one weird fruit burns fat while you sleep.",
    "Prepare to be shocked!",
    "Experts hate this new app.",
    "Trees hate this one trick.",
    "URGENT: this is causing hair loss - share before it's deleted!",
])
def test_headline_clickbait_is_advertising(sentence: str) -> None:
    assert label_of(sentence) == "advertising", reasons(sentence)


def test_the_reason_says_which_formula() -> None:
    assert any(r.startswith('clickbait formula ("doctors are stunned"): Doctors are stunned')
               for r in reasons("Doctors are stunned!"))


@pytest.mark.parametrize("sentence", [
    "The police are baffled by the crime and its circumstances.",
    "Many administrators are baffled when their hook program runs fine by hand.",
    "One simple trick is to start the second array where the first one is.",
    "Programming experts hate code comments that say what the code says.",
    "Engineers were baffled by the fault for weeks.",
])
def test_the_same_words_said_plainly_are_not_clickbait(sentence: str) -> None:
    assert label_of(sentence) != "advertising", reasons(sentence)
