"""In a .txt, a question in title case on a line of its own is a heading
("Is It Safe?", "How Much Should You Take?"), as health pages head their
sections; a question asked in prose stays a sentence (tester T8: the title
"Vitamin D and Colds: Should You Take a Supplement This Winter?" was claim 1
and the article was titled "References")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.article import Article
from app.core.loaders import article_from_bytes


def article(text: str) -> Article:
    return article_from_bytes(text.encode(), "txt", "page.txt")


def kinds(text: str) -> dict[str, str]:
    doc = article(text)
    return {doc.text[b.start:b.end]: b.kind for b in doc.blocks}


@pytest.mark.parametrize("question", ["Is It Safe?", "How Much Should You Take?",
                                      "What Is the Best Dose of Magnesium?",
                                      "Does Vitamin D Prevent Colds?", "Why Take 500 mg?"])
def test_a_title_case_question_alone_is_a_heading(question: str) -> None:
    text = f"Turmeric for Joint Pain\n\nTurmeric is a spice.\n\n{question}\n\nMost people do well."
    assert kinds(text)[question] == "heading"


@pytest.mark.parametrize("question", ["Why does this matter?", "But does it work?",
                                      "So what should you do?", "Really??"])
def test_a_question_in_prose_stays_a_sentence(question: str) -> None:
    text = f"Turmeric for Joint Pain\n\nTurmeric is a spice.\n\n{question}\n\nMost people do well."
    assert kinds(text)[question] == "paragraph"


def test_a_question_as_the_title_is_the_title() -> None:
    doc = article("Vitamin D and Colds: Should You Take a Supplement This Winter?\n\n"
                  "Every winter, people take vitamin D.\n\nReferences\n\n1. Smith J. 2019.")
    assert doc.title == "Vitamin D and Colds: Should You Take a Supplement This Winter?"


WORD = st.sampled_from(["magnesium", "sleep", "dose", "safe", "take", "work", "help"])


@given(st.lists(WORD, min_size=2, max_size=8), st.integers(0, 7))
def test_one_word_left_in_lower_case_keeps_a_question_a_sentence(words: list[str],
                                                               lower: int) -> None:
    lower %= len(words)
    titled = [w.capitalize() if i != lower else w for i, w in enumerate(words)]
    titled[0] = titled[0].capitalize()
    question = " ".join(titled) + "?"
    kind = kinds(f"A Title\n\nA sentence here.\n\n{question}\n\nMore text here.")[question]
    assert kind == ("heading" if lower == 0 else "paragraph")
