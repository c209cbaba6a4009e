"""Tester T13 (F11): a blog post's dated byline ending in an initial
("*Posted 3 March 2026 by Dana K.*") was claim 1 of a Markdown post, and a
plain-text article's opening question ("Intermittent fasting: hype or help?",
its title in the window) was claim 1 of a .txt."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes
from app.core.roles import is_byline


@pytest.mark.parametrize("line", [
    "Posted 3 March 2026 by Dana K.",
    "Updated 3 May 2024 by J. R. Smith.",
    "Published on March 3, 2026 by Dana Kowalski.",
])
def test_a_dated_byline_ending_in_a_full_stop_is_a_byline(line: str) -> None:
    assert is_byline(line)


@pytest.mark.parametrize("line", [
    "Posted 3 March 2026 by researchers who found that it works.",
    "Published 3 March 2026 by the CDC, the report says vaccines work.",
    "Posted 3 March 2026 by Dana K. Nobody has tested this in people.",
    "Magnesium was studied on 3 March 2026 by Dana K.",
])
def test_a_sentence_with_a_date_and_by_is_no_byline(line: str) -> None:
    assert not is_byline(line)


def claims_of(text: str, fmt: str) -> list[str]:
    doc = article_from_bytes(text.encode(), fmt, f"post.{fmt}")
    return [doc.text[c.start:c.end] for c in find_claims(doc)]


def test_the_markdown_byline_of_a_post_is_no_claim() -> None:
    claims = claims_of("# Turmeric and joints\n\n*Posted 3 March 2026 by Dana K.*\n\n"
                       "Turmeric is a spice. It may ease joint pain.\n", "md")
    assert claims == ["Turmeric is a spice.", "It may ease joint pain."]


def test_an_opening_question_alone_on_the_first_line_is_the_title() -> None:
    text = ("Intermittent fasting: hype or help?\n\n"
            "Intermittent fasting means eating only within a window of time.\n"
            "Trials have found similar weight loss.\n")
    doc = article_from_bytes(text.encode(), "txt", "fasting.txt")
    assert doc.title == "Intermittent fasting: hype or help?"
    assert claims_of(text, "txt") == [
        "Intermittent fasting means eating only within a window of time.",
        "Trials have found similar weight loss."]


QUESTION = st.sampled_from(["Does it work?", "Why do we sleep?", "Is coffee bad for you?",
                            "Intermittent fasting: hype or help?"])


@given(QUESTION)
def test_a_question_further_down_or_alone_stays_a_claim(question: str) -> None:
    """Only the opening line is the title: the same question after the first
    paragraph, or a file that is only the question, is still a claim."""
    later = f"A Title\n\nA sentence here.\n\n{question} It is asked often.\n\nMore text here."
    assert question in claims_of(later, "txt")
    assert claims_of(f"{question}\n", "txt") == [question]
