"""The claim search's folding: case and accents ignored, matches on whole characters."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.search_fold import find_folded, fold


@pytest.mark.parametrize(("query", "text", "found"), [
    ("ubersicht", "Eine Übersicht der Studien", "Übersicht"),
    ("konnte", "Magnesium könnte helfen", "könnte"),
    ("cafe", "Le café noir", "café"),
    ("CAFÉ", "le cafe noir", "cafe"),
    ("strasse", "Die Straße", "Straße"),
    ("cafe", "le cafe\u0301 noir", "cafe\u0301"),  # decomposed: the accent is the e's
    ("fit", "ﬁt und gesund", "ﬁt"),  # a ligature
    ("abc", "ＡＢＣ", "ＡＢＣ"),  # full width
    ("ελληνικα", "Ελληνικά", "Ελληνικά"),
    ("カテキン", "緑茶にはカテキンが多く", "カテキン"),
    ("緑茶", "緑茶にはカテキンが多く", "緑茶"),
    ("ガス", "天然ガスの", "ガス"),
])
def test_a_query_finds_the_text_read_without_case_and_accents(
        query: str, text: str, found: str) -> None:
    spans = find_folded(text, query)
    assert [text[s:e] for s, e in spans] == [found]


@pytest.mark.parametrize(("query", "text"), [
    ("カス", "天然ガスの"),  # the voicing mark makes another syllable
    ("노", "녹차"),  # a Hangul syllable is not cut into its letters
    ("s", "Straße"[5:]),  # inside one character's folding
])
def test_what_is_not_the_same_word_stays_apart(query: str, text: str) -> None:
    assert find_folded(text, query) == []


def test_every_match_is_reported_left_to_right() -> None:
    text = "Café, cafe, CAFÉ!"
    assert find_folded(text, "cafe") == [(0, 4), (6, 10), (12, 16)]
    assert fold("Übersicht") == "ubersicht"
    assert fold("Straße") == "strasse"


ALPHABET = st.sampled_from(list("aeinsßAEÉéü ÜﬁΣσςﬀ") + ["e\u0301", "\u0308", "İ", "ǅ", "ｱ",
                                                         "ガ", "カ", "\u3099", "녹", "茶", "Å"])
texts = st.lists(ALPHABET, max_size=14).map("".join)


@given(text=texts, query=texts)
def test_each_match_folds_to_the_query(text: str, query: str) -> None:
    """For any text and query, every reported span is whole characters of the
    text whose folded form is the folded query, in order and not overlapping."""
    spans = find_folded(text, query)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert fold(text[start:end]) == fold(query)
        last = end
    if spans:
        assert fold(query) in fold(text)


@given(text=texts, cut=st.integers(0, 14), size=st.integers(1, 6))
def test_a_piece_of_the_text_is_found_where_it_stands(text: str, cut: int, size: int) -> None:
    """A query cut out of the text at character boundaries is found there (or
    at an earlier match that reads the same once folded, overlapping it)."""
    query = text[cut:cut + size]
    if not fold(query):
        return
    spans = find_folded(text, query)
    assert spans
    assert any(start <= cut < end or fold(text[start:end]) == fold(query) for start, end in spans)


def test_fold_agrees_with_unicode_casefold_on_plain_letters() -> None:
    for ch in "ABCxyzΣÆŒ":
        assert fold(ch) == unicodedata.normalize("NFKD", ch.casefold())
