"""Clickbait formulas, calls to click/tap/win, advert disclaimers, regulatory status
and the reasons shown for them (the tester's report on plain ad copy, 2026-11-27).

Each family is tested by category — sentences of the tuning set's kinds, not only
the tester's — and each has its look-alikes: software instructions ("click the
Save button"), people who hate things, prizes won in sport, FDA news. Reasons
must name the cue in words a reader understands, and an ordinary use of cue
words is never a reason.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.core.cues import load_lexicon
from app.core.suggest import cue_ids, ordinary_use, suggest_for_claims, suggest_text
from tests.core.suggest_helpers import label_of, reasons

TESTER = {
    "Doctors hate this one simple trick!": [
        'clickbait formula ("they hate this"): Doctors hate this',
        'clickbait formula ("one weird trick"): one simple trick'],
    "Click this link to win.": ["call to enter a prize draw: Click this link to win"],
    "These statements have not been evaluated by the Food and Drug Administration.":
        ["supplement-advert disclaimer (US wording): statements have not been evaluated by the "
         "Food and Drug Administration"],
    "This product is not intended to diagnose, treat, cure, or prevent any disease.":
        ["supplement-advert disclaimer (US wording): not intended to diagnose, treat, cure, or "
         "prevent any disease"],
}


@pytest.mark.parametrize(("sentence", "expected"), TESTER.items())
def test_the_testers_sentences_are_advertising_with_their_cue(
        sentence: str, expected: list[str]) -> None:
    assert label_of(sentence) == "advertising"
    assert set(expected) <= set(reasons(sentence))


def test_the_supplement_disclaimer_is_not_given_a_hedge_reason() -> None:
    text = " ".join(list(TESTER)[2:])
    assert label_of(text) == "advertising"
    assert not [r for r in reasons(text) if "studied" in r or "hedge" in r]
    # and the uncertain model sees regulatory status, not an open question
    assert cue_ids(list(TESTER)[2])["uncertain"] == {"not_regulatory"}


@pytest.mark.parametrize(("sentence", "family"), [
    ("Landlords hate this new rule that lets renters save thousands.", "they hate this"),
    ("The secret the banks don't want you to know about.", "they hate this"),
    ("These 5 simple hacks will change how you cook.", "one weird trick"),
    ("You'll never guess which common snack is ageing your skin.", "you won't believe"),
    ("The ending will shock you.", "you won't believe"),
    # "do this one thing" is learned too weak to decide alone (tuning precision 0.63):
    # with the reader addressed, it does
    ("Do this every morning to boost your metabolism.", "do this one thing"),
])
def test_clickbait_formulas_by_family(sentence: str, family: str) -> None:
    assert label_of(sentence) == "advertising"
    assert any(r.startswith(f'clickbait formula ("{family}")') for r in reasons(sentence))


@pytest.mark.parametrize(("sentence", "reason"), [
    ("Tap here to win a year of free coffee.", "call to enter a prize draw: Tap here to win"),
    ("Share this post to win a free smoothie maker.", "call to enter a prize draw"),
    ("Congratulations, you have won a free cruise.", "call to enter a prize draw: you have won"),
    ("Text JOIN to 60123 for weekly prizes.", "call to reply with a keyword: Text JOIN to"),
    ("Tap this button to claim your welcome gift.", "call to action: Tap this button"),
    ("Results may vary from person to person.", "advert disclaimer beside testimonials"),
    ("#gifted These candles arrived last week.", "disclosed as an advert: #gifted"),
])
def test_calls_to_action_and_disclaimers(sentence: str, reason: str) -> None:
    assert label_of(sentence) == "advertising"
    assert any(r.startswith(reason) for r in reasons(sentence)), reasons(sentence)


@pytest.mark.parametrize("sentence", [
    "Click the Save button to keep your changes.",
    "Click the link in the email we sent you to reset your password.",
    "Double-click the file to open it.",
    "Researchers hate to admit uncertainty, but the error bars were wide.",
    "Most cats hate water.",
    "The team must beat Leeds to win the title.",
    "Mathematicians call this the kernel trick.",
    "Results may vary between laboratories that use different assays.",
    "The Food and Drug Administration has not evaluated the claims on the packet.",
    "The FDA approved the drug in 2019 after two phase 3 trials.",
    "The warning letter said the products were intended to treat, cure or prevent disease.",
])
def test_look_alikes_are_not_advertising(sentence: str) -> None:
    assert label_of(sentence) != "advertising", reasons(sentence)


@pytest.mark.parametrize("sentence", [
    "The drug has not been evaluated by the FDA for use in pregnancy.",
    "The Food and Drug Administration has not evaluated the claims on the packet.",
    "The test has not been cleared by the FDA.",
])
def test_regulatory_status_is_not_a_hedge(sentence: str) -> None:
    assert label_of(sentence) is None, reasons(sentence)


def test_a_negated_investigation_in_science_stays_a_hedge() -> None:
    # BioScope marks "has not been investigated" as speculation (an open question):
    # only a regulator's evaluation is status, not a hedge.
    assert label_of("The role of the IKKs in LPS signalling has not been investigated.") \
        == "uncertain"


_PHRASES = ["You may", "click the Save button", "no guarantee", "must", "the doctor ordered",
            "in order to", "try to", "may", "help", "suggest", "Order now", "free trial",
            "has not been evaluated by the FDA", "doctors hate this", "!", "you", "win",
            "Licensee may", "at your option", "shall", "Ask your pharmacist", "our",
            "save your work", "the", "and", "results may vary", "."]


@given(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=12))
@example(["You may", "suggest", "."])  # a permission beside a hedge: only the hedge is a reason
@example(["click the Save button", "Order now", "!"])
def test_an_ordinary_use_is_never_a_reason(phrases: list[str]) -> None:
    text = " ".join(phrases)
    suggestion = suggest_text(text)
    if suggestion is None:
        return  # no suggestion, no reasons to check
    lexicon = load_lexicon()
    ordinary = {e.reason.split("{m}")[0] for entries in lexicon.entries.values()
                for e in entries if ordinary_use(e)}
    for cue in suggestion.cues:
        assert not any(cue.reason.startswith(prefix) for prefix in ordinary), cue


def test_every_ordinary_use_row_is_named_so() -> None:
    """The rows whose reason calls them ordinary uses are the ones never shown."""
    for entries in load_lexicon().entries.values():
        for entry in entries:
            if entry.reason.startswith(("ordinary use", "permission", "rule", "regulatory")):
                assert ordinary_use(entry), entry.id


def test_an_instruction_in_the_closing_pitch_is_not_pitch() -> None:
    """A shop page's instruction ("click the Save button") neither joins the closing
    pitch nor ends it: the pitch around it is still found."""
    from app.core.claims import find_claims
    from app.core.loaders import article_from_bytes

    text = ("Magnesium is a mineral found in nuts and leafy greens.\n\n"
            "Are you tired of restless nights? "
            "To change your delivery address, click the Save button after editing the form. "
            "Order today and save 20%. Click this link to win a free bottle. "
            "Your body will thank you.\n")
    article = article_from_bytes(text.encode(), "txt", "page.txt")
    claims = find_claims(article)
    got = suggest_for_claims(article, claims)
    by_text = {article.text[c.start:c.end]: got.get(c.index) for c in claims}
    instruction = next(t for t in by_text if "Save button" in t)
    assert by_text[instruction] is None
    question = by_text["Are you tired of restless nights?"]
    assert question is not None and question.label == "advertising"  # the pitch goes on past it
    assert by_text["Magnesium is a mineral found in nuts and leafy greens."] is None
