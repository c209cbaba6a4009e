"""Another tool's note that has only its quote (a Hypothesis note with a
TextQuoteSelector alone) is "in place" when its quote stands once in the text and
is found there; it was reported "moved", though it had no place to move from
(helper N16, I15's leftover). A quote standing twice is still placed by its context,
and not said to be in place."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from app.core.anchoring import anchor, anchor_all
from app.core.notes_format import from_jsonld

SENTENCES = ["Magnesium is one of the most common minerals.",
             "It helps nerves carry signals.", "Some trials found less pain.",
             "Others found nothing at all.", "It helps nerves carry signals."]
TEXT = " ".join(SENTENCES)


def quote_only(exact: str, **context: str) -> dict:
    selector = {"type": "TextQuoteSelector", "exact": exact, **context}
    return {"id": f"https://hypothes.is/a/{abs(hash(exact))}", "type": "Annotation",
            "body": {"type": "TextualBody", "value": "a note"},
            "target": {"source": "https://example.org/page", "selector": selector}}


def read(*items: dict):
    return from_jsonld({"type": "AnnotationCollection",
                        "first": {"type": "AnnotationPage", "items": list(items)}}).annotations


def test_a_quote_found_at_its_only_place_is_in_place() -> None:
    notes = read(quote_only(SENTENCES[0]), quote_only(SENTENCES[2], prefix="signals. "))
    placed = anchor_all(notes, TEXT)
    assert [p.anchor.status for p in placed] == ["exact", "exact"]
    assert [TEXT[p.anchor.start:p.anchor.end] for p in placed] == [SENTENCES[0], SENTENCES[2]]


def test_a_quote_that_stands_twice_is_placed_by_its_context_not_said_in_place() -> None:
    (note,) = read(quote_only(SENTENCES[1], prefix="at all. "))
    found = anchor(note, TEXT)
    assert found.status == "moved" and found.start == TEXT.rindex(SENTENCES[1])


def test_a_reworded_quote_is_still_changed() -> None:
    (note,) = read(quote_only("Some trials found less pain!"))
    assert anchor(note, TEXT).status == "fuzzy"


def test_a_decomposed_text_finds_a_composed_quote_in_place() -> None:
    text = unicodedata.normalize("NFD", "Café owners say crème brûlée sells. Nothing else.")
    (note,) = read(quote_only("Café owners say crème brûlée sells."))
    found = anchor(note, text)
    assert found.status == "exact" and found.start == 0


@given(st.data())
def test_in_place_only_where_the_quote_stands_once(data: st.DataObject) -> None:
    words = data.draw(st.lists(st.sampled_from(["zinc", "colds", "may", "help", "a", "b"]),
                               min_size=3, max_size=30))
    text = " ".join(words)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    (note,) = read(quote_only(quote))
    found = anchor(note, text)
    assert found.status in ("exact", "moved")
    assert text[found.start:found.end] == quote
    occurrences = sum(text.startswith(quote, i) for i in range(len(text)))
    assert (found.status == "exact") == (occurrences == 1)
