"""A reason names the words that triggered it, under a meaning they have there.

Tester T9 (zlib's how-to, an NHS page): "alternatives: or" on "at their GP
surgery or a pharmacy", "guarantee: guaranteed" on "This is already guaranteed
by calling deflate()…", "promise to the reader: no more data" on "…due to no
more data being available", "benefit to the reader: ever made" on a testimonial.
"""

from __future__ import annotations

import pytest

from app.core.cues import load_lexicon
from app.core.suggest import ordinary_use, suggest_text


def _reasons(sentence: str) -> list[str]:
    found = suggest_text(sentence)
    return found.reasons() if found else []


def _label(sentence: str) -> str | None:
    found = suggest_text(sentence)
    return found.label if found else None


@pytest.mark.parametrize("sentence", [
    # zlib's how-to (T9, in-sample)
    "This is already guaranteed by calling deflate() with Z_FINISH until it has no more output.",
    "We're guaranteed to get Z_STREAM_END from the last deflate() call, since we ran it until "
    "the last chunk of input was consumed and all of the output was generated.",
    "At this point, decompression successfully completed, or we broke out of the loop due to "
    "no more data being available from the input file.",
])
def test_a_guarantee_or_no_more_in_a_manual_is_no_selling(sentence: str) -> None:
    assert _label(sentence) != "advertising", _reasons(sentence)
    assert not any("guarantee" in r or "promise" in r for r in _reasons(sentence))


@pytest.mark.parametrize("sentence", [
    "Every purchase is backed by our 90-day money-back guarantee.",
    "Lose up to 10 pounds in your first month, guaranteed.",
    "Satisfaction guaranteed or your money back.",
    "Try it for 30 nights with our no-quibble guarantee.",
])
def test_a_sellers_guarantee_is_still_named(sentence: str) -> None:
    assert _label(sentence) == "advertising"
    assert any("guarantee" in r for r in _reasons(sentence)), _reasons(sentence)


def test_or_joining_two_places_is_no_alternative_left_open() -> None:
    """T9's NHS sentence: "or" joins two places; neither "or" nor "most people"
    (a quantity, not an unnamed authority) is a hedge."""
    reasons = _reasons("Most people get it at their GP surgery or a pharmacy.")
    assert not any(r.startswith(("alternatives", "weasel")) for r in reasons), reasons
    assert not any(r.endswith(": or") for r in _reasons(
        "If the memory is available, buffers sizes on the order of 128K or 256K bytes "
        "should be used."))


def test_alternatives_left_open_are_still_a_reason() -> None:
    assert "alternatives left open: either" in _reasons(
        "It is unclear whether either drug or both were responsible.")
    assert "weasel words: Some people say" in _reasons(
        "Some people say the treatment works better in the morning.")


def test_a_testimonials_superlative_is_not_a_benefit() -> None:
    reasons = _reasons('"Best purchase I ever made.')
    assert not any(r.startswith("benefit to the reader") for r in reasons), reasons
    assert _label("The lightest running shoe we've ever made.") == "advertising"
    assert _label("The first cluster which is ever created will run on the default port "
                  "5432, free of charge to the user.") != "advertising"


@pytest.mark.parametrize("sentence", [
    "gpgsm: New commands to export a secret RSA key in PKCS#1 or PKCS#8 format.",
    "The secret key is never written to disk.",
])
def test_a_key_and_a_standard_are_no_praise(sentence: str) -> None:
    assert _label(sentence) != "advertising", _reasons(sentence)


def test_every_shown_reason_quotes_its_words() -> None:
    """Every row that can be shown names what it matched ({m}); an ordinary use
    is never shown, so it need not."""
    for entries in load_lexicon().entries.values():
        for entry in entries:
            if not ordinary_use(entry):
                assert "{m}" in entry.reason, entry.id


def test_a_cue_inside_another_is_not_shown_again() -> None:
    """Rows scanned apart can overlap: "our 100-night guarantee" holds
    "100-night guarantee"; the reader is shown the words once."""
    reasons = _reasons("Every mattress comes with our 100-night guarantee.")
    assert [r for r in reasons if "guarantee" in r] == [
        "a seller's guarantee: our 100-night guarantee"], reasons


@pytest.mark.parametrize(("sentence", "reason"), [
    ("Find us at www.greenleafgarden.com for weekly deals.",
     "call to action: www.greenleafgarden.com"),  # the address whole, not cut at a dot
    ('"Best purchase I ever made.', "testimonial: Best purchase I ever made"),
    ("Sign up for our free newsletter and get the latest health news every week!",
     "a subscription offered: newsletter"),  # not "call to action: newsletter"
])
def test_a_reason_quotes_the_words_whole(sentence: str, reason: str) -> None:
    assert reason in _reasons(sentence), _reasons(sentence)


def test_a_value_associated_with_a_type_is_no_hedged_evidence() -> None:
    """"hedged evidence" is an association found (is/has been associated with, linked
    to), not a thing tied to another in a program or a browser connected to a server."""
    for sentence in ("This type declaration indicates that the value it's associated with "
                     "should be an unsigned integer.",
                     "When you look at your terminal, you should see the messages printed "
                     "when the browser connected to the server."):
        assert not any(r.startswith("hedged evidence") for r in _reasons(sentence)), sentence
    found = suggest_text("Eating late at night is associated with weight gain, which may raise "
                         "blood pressure.")
    assert found is not None and "hedged evidence: is associated with" in found.reasons()
