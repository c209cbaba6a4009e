"""A notes file naming further pages by URL keeps, when saved, how many notes those
pages hold (helper N16; I15's leftover: the save wrote its own count as ``total``, and
the next opening said "notes on further pages" without a number)."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from app.core.annotations import annotation_for_span
from app.core.notes_format import from_jsonld
from app.core.storage import encode_notes
from tests.core.test_annotation_pages import TEXT, _chain

URL = "https://notes.example.org/page/9"


@given(held=st.integers(0, 5), unread=st.integers(1, 50), added=st.integers(0, 3))
def test_the_count_of_the_unread_pages_survives_saves(held: int, unread: int,
                                                      added: int) -> None:
    doc = from_jsonld(_chain([held], tail=URL, total=held + unread))
    assert doc.further is not None and doc.further.notes == unread
    for _ in range(2):  # saved twice, a note added each time
        start = TEXT.index("Zinc")
        doc = replace(doc, annotations=[*doc.annotations, *(
            annotation_for_span(TEXT, start, start + 4) for _ in range(added))])
        written = json.loads(encode_notes(doc))
        assert written["first"]["next"] == URL
        doc = from_jsonld(written)
        assert doc.further is not None and doc.further.notes == unread


def test_an_unknown_count_stays_unknown() -> None:
    doc = from_jsonld(_chain([2], tail=URL))
    assert doc.further is not None and doc.further.notes is None
    written = json.loads(encode_notes(doc))
    assert written["total"] == 2
    again = from_jsonld(written).further
    assert again is not None and again.notes is None
