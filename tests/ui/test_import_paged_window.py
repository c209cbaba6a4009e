"""File ▸ Import Notes… with a paged W3C collection: every embedded page is
taken in, and a page named only by URL is named in the window's message
(tester T13, F5)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.conftest import open_article


def _note(n: int, exact: str) -> dict:
    return {"id": f"https://notes.example.org/{n}", "type": "Annotation",
            "body": {"type": "TextualBody", "value": f"note {n}"},
            "target": {"source": "https://example.org/page",
                       "selector": {"type": "TextQuoteSelector", "exact": exact}}}


def test_a_paged_collection_is_imported_whole(qtbot, make_window, dialogs,
                                              sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    text = window.session.article.text
    words = [c for c in text.split(". ") if len(c) > 30][:3]
    paged = {"type": "AnnotationCollection", "total": 5, "first": {
        "type": "AnnotationPage", "items": [_note(0, words[0])],
        "next": {"type": "AnnotationPage", "items": [_note(1, words[1]), _note(2, words[2])],
                 "next": "https://notes.example.org/page/3"}}}
    path = sample_copy.parent / "paged.json"
    path.write_text(json.dumps(paged))
    dialogs.notes_answer = str(path)
    window.actions["import_notes"].trigger()
    assert window.statusBar().currentMessage() == (
        "imported 3: 3 placed, 0 could not be placed; 2 notes on further pages not in this "
        "file (https://notes.example.org/page/3)")
    notes = json.loads(sample_copy.with_name(sample_copy.name + ".notes.json").read_text())
    assert sorted(i["id"] for i in notes["first"]["items"]) == [
        f"https://notes.example.org/{n}" for n in range(3)]


def test_a_collection_whose_pages_are_all_elsewhere_is_named_not_called_empty(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    elsewhere = sample_copy.parent / "elsewhere.json"
    elsewhere.write_text(json.dumps({"type": "AnnotationCollection", "total": 3,
                                     "first": "https://notes.example.org/page/1"}))
    dialogs.notes_answer = str(elsewhere)
    window.actions["import_notes"].trigger()
    said = ("Nothing to import: elsewhere.json holds no annotations; 3 notes on further pages "
            "not in this file (https://notes.example.org/page/1)")
    assert window.statusBar().currentMessage() == said
    assert ("info", "Nothing imported", said) in dialogs.calls
    assert not sample_copy.with_name(sample_copy.name + ".notes.json").exists()
