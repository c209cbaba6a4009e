"""The same words in composed (NFC) or decomposed (NFD) form are the same words:
an article re-saved decomposed (macOS tools) keeps its notes in place or moved,
never "changed", and the place maps back to the canonical text exactly."""

from __future__ import annotations

import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.anchoring import anchor, anchor_all
from app.core.annotations import annotation_for_span
from app.core.composed import Composed, same_wording

GERMAN = ("Die Tagescrème mit Aloë vera kostet nur 5 €. Sie wirkt gegen Müdigkeit, "
          "sagt Dr. Müller. Öl und Säure schaden der Haut nicht. Déjà-vu für Käufer: "
          "Übersicht über größere Studien fehlt. Ein Satz ohne Akzent bleibt.")


def _spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for end in range(len(text)):
        if text[end] == "." and (end + 1 == len(text) or text[end + 1] == " "):
            spans.append((start, end + 1))
            start = end + 2
    return spans


def _at(form: str, text: str, at: int) -> int:
    return len(unicodedata.normalize(form, text[:at]))


def test_notes_on_a_composed_article_stay_in_place_or_moved_when_it_is_decomposed() -> None:
    notes = [annotation_for_span(GERMAN, s, e) for s, e in _spans(GERMAN)]
    nfd = unicodedata.normalize("NFD", GERMAN)
    placed = anchor_all(notes, nfd)
    for note, p in zip(notes, placed, strict=True):
        assert (p.anchor.start, p.anchor.end) == (_at("NFD", GERMAN, note.start),
                                                  _at("NFD", GERMAN, note.end))
        unmoved = (p.anchor.start, p.anchor.end) == (note.start, note.end)
        assert p.anchor.status == ("exact" if unmoved else "moved")
        assert same_wording(note.exact, nfd[p.anchor.start:p.anchor.end])
    # Saved at the new offsets (the judged quote kept composed): in place next time.
    again = anchor_all([p.annotation for p in placed], nfd)
    assert {p.anchor.status for p in again} == {"exact"}


def test_notes_on_a_decomposed_article_stay_when_it_is_composed_again() -> None:
    nfd = unicodedata.normalize("NFD", GERMAN)
    notes = [annotation_for_span(nfd, s, e) for s, e in _spans(nfd)]
    placed = anchor_all(notes, GERMAN)
    assert {p.anchor.status for p in placed} <= {"exact", "moved"}
    for note, p in zip(notes, placed, strict=True):
        assert (p.anchor.start, p.anchor.end) == (_at("NFC", nfd, note.start),
                                                  _at("NFC", nfd, note.end))


def test_an_edited_decomposed_article_still_says_changed_where_words_changed() -> None:
    notes = [annotation_for_span(GERMAN, s, e) for s, e in _spans(GERMAN)]
    edited = unicodedata.normalize("NFD", GERMAN.replace("gegen Müdigkeit", "gegen Kälte"))
    statuses = [p.anchor.status for p in anchor_all(notes, edited)]
    assert statuses[1] == "fuzzy"
    assert statuses.count("fuzzy") == 1 and "orphaned" not in statuses


def test_korean_decomposed_into_jamo_is_the_same_text() -> None:
    text = "녹차는 건강에 좋다. 카테킨이 많이 들어 있다. 매일 마신다."
    notes = [annotation_for_span(text, s, e) for s, e in _spans(text)]
    nfd = unicodedata.normalize("NFD", text)
    placed = anchor_all(notes, nfd)
    assert [p.anchor.status for p in placed] == ["moved", "moved", "moved"]
    assert nfd[placed[2].anchor.start:placed[2].anchor.end] == unicodedata.normalize(
        "NFD", "매일 마신다.")


PIECES = st.sampled_from(
    ["a", "e", " ", "x", ".", "é", "e\u0301", "ü", "u\u0308", "\u212b", "Å", "o\u0302\u0323",
     "ộ", "\u0323", "\u0301", "가", "\u1100\u1161", "\u11a8", "ö", "ß", "ﬁ", "\uf900", "€"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=40), st.data(), st.sampled_from(["NFC", "NFD"]))
def test_a_quote_anchors_on_the_same_characters_in_either_form(
        pieces: list[str], data: st.DataObject, form: str) -> None:
    text = "".join(pieces)
    # Quote edges before an ASCII character or at an end: where both forms agree.
    edges = [i for i in range(len(text) + 1) if i in (0, len(text)) or text[i] < "\x80"]
    start = data.draw(st.sampled_from(edges))
    end = data.draw(st.sampled_from([e for e in edges if e > start] or [start]))
    assume(end > start and text[start:end].strip())
    quote = unicodedata.normalize("NFC", text[start:end])
    composed = unicodedata.normalize("NFC", text)
    first = composed.find(quote)  # once, overlaps counted: "ee" stands twice in "éeee"
    assume(composed.find(quote, first + 1) == -1)
    other = unicodedata.normalize(form, text)
    found = anchor(annotation_for_span(text, start, end), other)
    assert found.status in ("exact", "moved")
    assert (found.start, found.end) == (_at(form, text, start), _at(form, text, end))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.integers(0, 40))
def test_offsets_map_back_to_character_edges(text: str, at: int) -> None:
    c = Composed(text)
    assert c.text == unicodedata.normalize("NFC", text)
    at = min(at, len(c.text))
    down, up = c.to_raw(at), c.to_raw(at, snap_up=True)
    assert 0 <= down <= up <= len(text)
    assert unicodedata.normalize("NFC", text[:down]) == c.text[:c.to_composed(down)]
