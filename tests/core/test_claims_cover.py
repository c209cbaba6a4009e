"""Every non-space character of a paragraph belongs to a claim, unless it is
deliberately left out (a run-in label or heading, a letterless "sentence" that
opens a line: a section or page number) — tester T15's F4: "(see Tab. 2)."
left " 2)." outside every claim, "(cf. Table 2)." made a claim of "Table 2)."."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.core.claims import find_claims
from app.core.loaders import article_from_bytes

# Abbreviations before a number, English and others (any of them may stand in
# an English article's reference to a German table).
ABBREVIATIONS = ["Tab.", "Kap.", "cf.", "ref.", "Fig.", "No.", "p.", "S.", "vol.", "Abb.",
                 "Nr.", "eq.", "Bd.", "ca.", "approx.", "vs.", "see Tab.", "cf. Table", "Sect.",
                 "Ch.", "pp.", "Suppl.", "Anh.", "Ref.", "Eq."]
WORDS = st.sampled_from(["the", "dose", "was", "low", "in", "trials", "it", "helps", "not",
                         "here", "one", "next"])
NUMBER = st.integers(1, 120).map(str) | st.sampled_from(["2a", "3b", "12–14", "4, 5"])
BRACKET = st.tuples(st.sampled_from(ABBREVIATIONS), NUMBER, st.sampled_from("()[]")).map(
    lambda t: f" ({t[0]} {t[1]})" if t[2] in "()" else f" [{t[0]} {t[1]}]")
SENTENCE = st.tuples(st.sampled_from(["Sleep", "Magnesium", "It", "This", "Next", "Dose"]),
                     st.lists(WORDS, min_size=1, max_size=4), st.just("") | BRACKET,
                     st.sampled_from(".!?")).map(
    lambda t: t[0] + " " + " ".join(t[1]) + t[2] + t[3])


def _uncovered(paragraph: str) -> str:
    article = article_from_bytes(f"# Title\n\n{paragraph}\n".encode(), "md", "a.md")
    covered = [False] * len(article.text)
    for claim in find_claims(article):
        covered[claim.start:claim.end] = [True] * (claim.end - claim.start)
    start = article.text.index(paragraph[:10])
    return "".join(ch for i, ch in enumerate(article.text) if i >= start
                   and not covered[i] and not ch.isspace())


@settings(max_examples=300, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=5).map(" ".join))
@example("Sleep is here (see Tab. 2). Next one here.")
@example("Sleep is here (Kap. 4). Next one here.")
def test_every_character_of_a_paragraph_is_in_a_claim(paragraph: str) -> None:
    assert _uncovered(paragraph) == ""


@pytest.mark.parametrize("inside", ["see Tab. 2", "Kap. 4", "Tab. 2a", "cf. Table 2",
                                    "see Tab. 12", "S. 12", "Abb. 2", "see ref. 12",
                                    "Tab. 2, 3, 4, 5"])
def test_a_bracket_after_an_abbreviation_stays_in_its_sentence(inside: str) -> None:
    paragraph = f"Sentence one is here ({inside}). Next one is here."
    article = article_from_bytes(f"# T\n\n{paragraph}\n".encode(), "md", "a.md")
    assert [article.text[c.start:c.end] for c in find_claims(article)] == [
        f"Sentence one is here ({inside}).", "Next one is here."]


def test_sentences_inside_a_bracket_still_part() -> None:
    text = "He said so (This is one. This is two.) Then he left."
    article = article_from_bytes(f"# T\n\n{text}\n".encode(), "md", "a.md")
    claims = [article.text[c.start:c.end] for c in find_claims(article)]
    assert claims[0] == "He said so (This is one."
