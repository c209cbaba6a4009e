"""A notes file of another tool's quote-only notes opens "in place", not "moved"
(helper N16): they had no position to move from."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.conftest import open_article
from tests.ui.test_further_pages_window import _note


def test_quote_only_notes_found_at_their_only_place_are_in_place(
        qtbot, make_window, sample_copy: Path) -> None:
    words = ["Magnesium is one of the most", "This article looks at what is known"]
    text = sample_copy.read_text(encoding="utf-8")
    assert all(text.count(w) == 1 for w in words)
    notes = {"type": "AnnotationCollection", "first": {
        "type": "AnnotationPage", "items": [_note(0, words[0]), _note(1, words[1])]}}
    sample_copy.with_name(sample_copy.name + ".notes.json").write_text(json.dumps(notes))
    window = make_window()
    open_article(qtbot, window, sample_copy)
    said = window.statusBar().currentMessage()
    assert "Notes: 2 in place" in said and "moved" not in said
    assert set(window.session.status.values()) == {"exact"}
