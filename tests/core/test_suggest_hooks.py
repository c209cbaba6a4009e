"""A pitch's hook is part of the pitch (session 12, G; app.core.suggest_hooks).

"Stop paying too much for your broadband." names no product: alone it is not advertising
(an imperative to the reader is advice as often as a pitch), but directly before "Switch to
FiberNet today…" in the same paragraph it opens that pitch.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes
from app.core.suggest import suggest_for_claims, suggest_text
from app.core.suggest_hooks import HOOK_REASON

AD = "Switch to FiberNet today and get your first month free."
HOOK = "Stop paying too much for your broadband."
PLAIN = "Broadband prices rose by 5% last year."
ENDING = "The regulator publishes its figures every spring."


def labelled(text: str) -> list[tuple[str, str | None, str]]:
    article = article_from_bytes(text.encode("utf-8"), "txt", "page.txt")
    claims = find_claims(article)
    got = suggest_for_claims(article, claims)
    return [(article.text[c.start:c.end], got[c.index].label if c.index in got else None,
             got[c.index].cues[0].reason if c.index in got else "") for c in claims]


def test_a_hook_alone_is_not_advertising() -> None:
    assert suggest_text(HOOK) is None


def test_a_hook_before_an_ad_of_its_paragraph_opens_the_pitch() -> None:
    rows = labelled(f"{PLAIN}\n\n{HOOK} {AD}\n\n{ENDING}\n")
    assert rows[1] == (HOOK, "advertising", HOOK_REASON)
    assert rows[2][1] == "advertising"
    assert rows[0][1] is None and rows[3][1] is None


def test_a_question_before_a_single_ad_stays_unmarked() -> None:
    # a question is how health pages talk to their readers ("Do you feel tired?"): before
    # one ad it is not marked (test_suggest.py::test_closing_pitch_needs_two_ads)
    assert labelled(f"Tired of slow broadband? {AD}\n\n{ENDING}\n")[0][1] is None


def test_only_a_hook_directly_before_an_ad_of_the_same_paragraph() -> None:
    assert labelled(f"{HOOK}\n\n{AD}\n\n{ENDING}\n")[0][1] is None  # another paragraph
    assert labelled(f"{PLAIN} {AD}\n\n{ENDING}\n")[0][1] is None  # no hook
    assert labelled(f"{HOOK} {PLAIN}\n\n{ENDING}\n")[0][1] is None  # no ad after it
    assert labelled(f"{HOOK} {HOOK} {AD}\n\n{ENDING}\n")[0][1] is None  # one step only


SENTENCES = [AD, HOOK, PLAIN, "Take your tablets with a glass of water.",
             "Magnesium may help some people sleep.", "Order now and save 20%!",
             "Why does this matter?", "See your GP if the cough lasts."]


@given(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
                min_size=1, max_size=4))
def test_hooks_only_add_to_claims_without_a_suggestion(paragraphs: list[list[str]]) -> None:
    text = "\n\n".join(" ".join(p) for p in paragraphs) + f"\n\n{ENDING}\n"
    rows = labelled(text)
    for number, (sentence, _label, reason) in enumerate(rows):
        if reason == HOOK_REASON:
            assert suggest_text(sentence) is None  # it had nothing of its own
            assert rows[number + 1][1] == "advertising"
            assert rows[number + 1][2] != HOOK_REASON
