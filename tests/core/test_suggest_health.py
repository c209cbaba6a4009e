"""Ordinary health and software prose uses a pitch's words (tester T8, session 9).

"Caffeine late in the day can keep you awake." was advertising for "benefit to
the reader: keep you"; "Sleep hygiene is the best way to start." was praise; a
hedged sentence after a closing pitch ("Low iron can also make you feel…") was
pulled into it; "git lets you rewrite history" and a sentence about "one weird
trick" ads were advertising. Each kind is tested with sentences written here,
in the style of health-information pages, and each has the pitch it must keep.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes
from app.core.suggest import cue_ids, suggest_for_claims
from tests.core.suggest_helpers import label_of

SUBJECTS = ["Caffeine late in the day", "Stress at work", "Regular exercise", "A warm bath",
            "Fibre", "Physiotherapy", "This medicine", "Worrying about money"]
MODALS = ["", "can ", "will ", "often ", "usually "]
EFFECTS = ["keep you awake", "keep you up at night", "help you sleep", "help your body heal",
           "keep you full for longer", "help you cope with pain", "let you move more freely"]


@given(st.sampled_from(SUBJECTS), st.sampled_from(MODALS), st.sampled_from(EFFECTS))
def test_a_plain_effect_on_the_reader_is_not_advertising(subject: str, modal: str,
                                                         effect: str) -> None:
    """What a substance, habit or treatment does to the reader is a statement of an
    effect, not a benefit a seller offers."""
    verb = effect if modal else effect.replace("keep", "keeps").replace("help ", "helps ") \
        .replace("let ", "lets ")
    assert label_of(f"{subject} {modal}{verb}.") != "advertising"


@pytest.mark.parametrize("sentence", [
    "Caffeine late in the day can keep you awake.",
    "Vitamin C helps your body absorb iron from plant foods.",
    "A food diary helps you spot which foods trigger your symptoms.",
    # software described: what a tool lets you do
    "git lets you rewrite history.",
    "The package manager lets you pin each dependency to an exact version.",
    "An editor plugin helps you catch type errors as you write.",
])
def test_the_testers_kinds_of_effect_are_not_advertising(sentence: str) -> None:
    assert label_of(sentence) != "advertising"


@pytest.mark.parametrize("sentence", [
    "Our app helps you track every penny, automatically.",
    "DreamEase keeps you asleep all night — order now and save 20%!",
    "Our formula keeps you full for hours — buy today!",
    "This serum helps you look ten years younger, with free shipping on every order.",
])
def test_a_benefit_offered_with_a_product_or_an_offer_is_still_advertising(
        sentence: str) -> None:
    assert label_of(sentence) == "advertising"


@pytest.mark.parametrize("sentence", [
    "Our vitamin C serum keeps your skin glowing all day.",
    "My collagen powder helps you feel like yourself again.",
])
def test_the_writers_own_product_named_with_a_modifier_is_a_product(sentence: str) -> None:
    """With "helps you" a helper, the product must be seen: "our … serum/powder"."""
    assert label_of(sentence) == "advertising"


@pytest.mark.parametrize("sentence", [
    "Sleep hygiene is the best way to start.",
    "The best way to protect your heart is to stay active.",
    "One of the best ways to lower your blood pressure is to eat less salt.",
    "The best time to take your tablets is with your evening meal.",
    "Stopping smoking is the best thing you can do for your health.",
    "Oily fish is the best source of omega-3 for most of your family.",
    "Ibuprofen works best when you take it with food.",
])
def test_superlative_advice_is_not_praise_of_a_product(sentence: str) -> None:
    assert label_of(sentence) != "advertising"


@pytest.mark.parametrize("sentence", [
    "The best magnesium supplement money can buy.",
    "Our best-selling blend is the best way to start your day — order now!",
    "Rated the best sleep aid of the year by thousands of happy customers.",
])
def test_praise_of_a_product_is_still_advertising(sentence: str) -> None:
    assert label_of(sentence) == "advertising"


@pytest.mark.parametrize("sentence", [
    "Stay active and keep moving, even if it hurts a little at first.",
    "Stay hydrated in hot weather, especially if you are older.",
    "Sleep matters if we want to perform at our best every day.",
    "Most of us are not at our best after a poor night's sleep.",
])
def test_everyday_health_advice_is_no_pitch(sentence: str) -> None:
    """NHS pages say "Stay active", "Stay positive"; no tuning ad opens with "Stay"."""
    assert label_of(sentence) != "advertising"


@pytest.mark.parametrize("sentence", [
    "Stay in our beachfront suites and save 30% this spring.",
    "Enjoy unlimited calls and texts for just £10 a month.",
])
def test_the_pitches_that_open_alike_stay_advertising(sentence: str) -> None:
    assert label_of(sentence) == "advertising"


PITCH = ("Try IronPlus gummies today. Order now and save 20%! "
         "Every bottle comes with a money-back guarantee.")


def _labels(text: str) -> dict[str, str | None]:
    article = article_from_bytes(text.encode(), "txt", "page.txt")
    claims = find_claims(article)
    got = suggest_for_claims(article, claims)
    return {article.text[c.start:c.end]: (got[c.index].label if c.index in got else None)
            for c in claims}


@pytest.mark.parametrize("after", [
    "Low iron can also make you feel short of breath.",
    "You may also feel weak or tired when your iron levels are low.",
    "You might notice that your skin looks paler than usual.",
    "Your ankles could swell if you stand for a long time.",
])
def test_a_hedged_sentence_after_a_closing_pitch_is_not_pulled_into_it(after: str) -> None:
    labels = _labels(f"Iron helps make red blood cells.\n\n{PITCH}\n\n{after}\n")
    assert labels[after] != "advertising"
    assert labels["Order now and save 20%!"] == "advertising"


@pytest.mark.parametrize("after", [
    "Regular exercise helps you sleep better.",
    "Your body stores most of its iron in your red blood cells.",
    "The debugger lets you step through your program one line at a time.",
])
def test_a_plain_statement_to_the_reader_after_a_pitch_paragraph_stays_out(after: str) -> None:
    """"You" makes a claim pitch-like only in a paragraph that sells."""
    labels = _labels(f"Iron helps make red blood cells.\n\n{PITCH}\n\n{after}\n")
    assert labels[after] is None
    assert labels["Order now and save 20%!"] == "advertising"


def test_a_line_to_the_reader_between_two_selling_paragraphs_joins_the_pitch() -> None:
    line = "Each gummy gives you a full day's iron in a berry flavour."
    labels = _labels("Iron is a mineral.\n\nTry IronPlus gummies today. Order now and save "
                     f"20%!\n\n{line}\n\nEvery bottle comes with a money-back guarantee.\n")
    assert labels[line] == "advertising"  # context: it sits inside the pitch


def test_a_hedged_sentence_inside_the_pitch_paragraph_is_not_pulled_in() -> None:
    after = "Low iron can also make you feel short of breath."
    labels = _labels(f"Iron helps make red blood cells.\n\n{PITCH} {after}\n")
    assert labels[after] is None
    assert labels["Order now and save 20%!"] == "advertising"


def test_a_pitch_that_addresses_the_reader_still_joins_the_closing_run() -> None:
    labels = _labels("Iron is a mineral.\n\nYou deserve better sleep. Tired of tossing and "
                     "turning? Order now and save 20%! Every bottle comes with a money-back "
                     "guarantee. Your nights are about to change.\n")
    assert labels["Tired of tossing and turning?"] == "advertising"
    assert labels["Your nights are about to change."] == "advertising"


@pytest.mark.parametrize("sentence", [
    "One weird trick ads filled the sidebars of news sites.",
    "Doctors hate him adverts were banned by the regulator last year.",
    "Researchers counted you won't believe headlines on viral sites.",
])
def test_a_clickbait_formula_naming_a_kind_of_ad_is_no_clickbait(sentence: str) -> None:
    assert label_of(sentence) != "advertising"


@pytest.mark.parametrize("sentence", [
    "Doctors hate this one simple trick!",
    "This one weird trick melts belly fat overnight.",
    "You won't believe what happened next.",
])
def test_clickbait_itself_is_still_advertising(sentence: str) -> None:
    assert label_of(sentence) == "advertising"


def test_a_call_that_counts_only_at_the_opening_does_not_hide_a_cue_mid_sentence() -> None:
    """"save" opens a call to buy only at a sentence's opening; mid-sentence the
    discount it starts must still be found (it was hidden: "…and save 30%")."""
    ids = cue_ids("The rooms are lovely and you save 30% this spring.")["advertising"]
    assert "offer_discount" in ids and "cta_sales_start" not in ids
    assert label_of("Stay in our beachfront suites and save 30% this spring.") == "advertising"


def test_at_the_opening_a_start_only_cue_holds_its_place_as_before() -> None:
    assert cue_ids("Save 30% this spring.")["advertising"] == {"cta_sales_start"}
