"""Notes saved before quote counts were recorded get them when their file was
saved on this very text (app.core.count_backfill), and only then."""

from __future__ import annotations

import json

from app.core.anchoring import anchor
from app.core.annotations import annotation_for_span
from app.core.article import text_sha256
from app.core.count_backfill import changed_since_read, placed_with_counts
from app.core.notes_format import ArticleRef, NotesDocument, from_jsonld
from app.core.storage import encode_notes
from tests.core.test_anchoring_unique import T9_QUOTE, T9_TEXT

T9_EDITED = (T9_TEXT.replace("Some trials used 1 g a day for eight weeks.", "Doses varied.")
             .replace("Curcumin is poorly absorbed unless taken with black pepper. ", ""))
FOREIGN = {"id": "https://example.org/anno/7", "type": "Annotation", "creator": "ana",
           "body": {"type": "TextualBody", "value": "Which trial?"},
           "target": {"selector": {"type": "TextQuoteSelector", "exact": T9_QUOTE}}}


def older_file(text_hash: str | None) -> dict:
    """A notes file as session 9 wrote it: no ``claimmark:occurrences``."""
    start = T9_TEXT.index(T9_QUOTE)
    note = annotation_for_span(T9_TEXT, start, start + len(T9_QUOTE), label="supported")
    data = json.loads(encode_notes(NotesDocument(ArticleRef("t9.txt", text_hash), [note])))
    for item in data["first"]["items"]:
        for selector in item["target"]["selector"]:
            selector.pop("claimmark:occurrences", None)
    data["first"]["items"].append(FOREIGN)
    return data


def test_an_older_note_saved_on_this_text_gets_its_count_and_is_found_later() -> None:
    doc = from_jsonld(older_file(text_sha256(T9_TEXT)))
    assert [a.occurrences for a in doc.annotations] == [None, None]
    placed = placed_with_counts(doc, T9_TEXT, text_sha256(T9_TEXT))
    own, foreign = (p.annotation for p in placed)
    assert own.occurrences == 1
    assert foreign.occurrences is None and foreign.untouched  # another tool's: as written
    assert changed_since_read([own]) and not changed_since_read([foreign])
    found = anchor(own, T9_EDITED)  # both neighbours rewritten: T9's case
    assert T9_EDITED[found.start:found.end] == T9_QUOTE


def test_no_count_when_the_file_was_saved_on_another_text_or_says_not() -> None:
    for recorded in (text_sha256(T9_TEXT + " More."), None):
        placed = placed_with_counts(from_jsonld(older_file(recorded)), T9_TEXT,
                                    text_sha256(T9_TEXT))
        assert [p.annotation.occurrences for p in placed] == [None, None]
        assert not changed_since_read(p.annotation for p in placed)
        assert anchor(placed[0].annotation, T9_EDITED).status == "orphaned"  # as before


def test_a_note_not_where_it_was_gets_no_count() -> None:
    """Found elsewhere (moved) the file's text was not this one: no count."""
    data = older_file(text_sha256(T9_TEXT))
    selectors = data["first"]["items"][0]["target"]["selector"]
    for selector in selectors:
        if selector["type"] == "TextPositionSelector":
            selector["start"] += 1
            selector["end"] += 1
    placed = placed_with_counts(from_jsonld(data), T9_TEXT, text_sha256(T9_TEXT))
    assert placed[0].anchor.status != "exact"
    assert placed[0].annotation.occurrences is None
