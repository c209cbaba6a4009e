"""A note with a position and no quote, in the window: another tool's notes
file found beside the article, and File ▸ Import Notes. Its offsets count the
page it was made on, so it is listed as lost with the reason, never put on
whatever words stand at those offsets here (tests/core/test_notes_position_only.py
has the rule)."""

from __future__ import annotations

import json
from pathlib import Path

from app.core.article import text_sha256
from tests.ui.conftest import open_article

TEXT = ("Magnesium is an essential mineral. It takes part in hundreds of reactions. "
        "It may help people whose nerves hurt at night. Click here to order today.")
SENTENCE = "It may help people whose nerves hurt at night."


def _item(source: str) -> dict[str, object]:
    start = TEXT.index(SENTENCE)
    return {"id": "https://notes.example.org/anno/7", "type": "Annotation",
            "motivation": "commenting", "body": {"type": "TextualBody", "value": "Which trial?"},
            "target": {"source": source, "selector": {
                "type": "TextPositionSelector", "start": start, "end": start + len(SENTENCE)}}}


def _article(tmp_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    return article


def _lost_heading(qtbot, window) -> str:
    [ident] = [i for i, s in window.session.status.items() if s == "orphaned"]
    window.navigator.select_row(window.model.row_for_annotation(ident))
    return str(window.editor.heading.text())


def test_another_tools_notes_file_beside_the_article(qtbot, make_window,
                                                     tmp_path: Path) -> None:
    article = _article(tmp_path)
    notes = tmp_path / "a.txt.notes.json"
    notes.write_text(json.dumps({"type": "AnnotationCollection", "first": {
        "type": "AnnotationPage", "items": [_item("https://blog.example.com/magnesium")]}}))
    window = make_window()
    open_article(qtbot, window, article)
    assert "1 lost" in window.statusBar().currentMessage()
    assert "position only" in _lost_heading(qtbot, window)
    # The same note in a file that records this text for this article: placed.
    window.close()
    notes.write_text(json.dumps({
        "type": "AnnotationCollection",
        "claimmark": {"version": 1, "article": {"path": "a.txt", "sha256": text_sha256(TEXT)}},
        "first": {"type": "AnnotationPage", "items": [_item("a.txt")]}}))
    again = make_window()
    open_article(qtbot, again, article)
    assert list(again.session.status.values()) == ["exact"]


def test_file_import_notes(qtbot, make_window, dialogs, tmp_path: Path) -> None:
    article = _article(tmp_path)
    exported = tmp_path / "hypothesis.json"
    exported.write_text(json.dumps([_item("https://blog.example.com/magnesium")]))
    window = make_window()
    open_article(qtbot, window, article)
    dialogs.notes_answer = str(exported)
    window.actions["import_notes"].trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("imported 1: 0 placed, 1 could not be placed; 1 had only a "
                              "position"), message
    assert "position only" in _lost_heading(qtbot, window)
