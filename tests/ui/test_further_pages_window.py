"""Opening an article whose notes file is a paged W3C collection that names
its further pages by URL only: the window says, as ``claimmark notes`` does,
that notes are on pages claimmark never read (it never fetches them), with
the URL, and still says so once it has saved the file (helper I15)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import open_article

URL = "https://notes.example.org/page/3"


def _note(n: int, exact: str) -> dict:
    return {"id": f"https://notes.example.org/{n}", "type": "Annotation",
            "body": {"type": "TextualBody", "value": f"note {n}"},
            "target": {"source": "https://example.org/page",
                       "selector": {"type": "TextQuoteSelector", "exact": exact}}}


def _paged_notes_beside(article: Path) -> None:
    words = ["Magnesium is one of the most", "This article looks at what is known"]
    paged = {"type": "AnnotationCollection", "total": 5, "first": {
        "type": "AnnotationPage", "items": [_note(0, words[0]), _note(1, words[1])],
        "next": URL}}
    article.with_name(article.name + ".notes.json").write_text(json.dumps(paged))


def test_the_window_names_the_pages_its_notes_file_does_not_hold(
        qtbot, make_window, sample_copy: Path) -> None:
    _paged_notes_beside(sample_copy)
    window = make_window()
    open_article(qtbot, window, sample_copy)
    assert len(window.session.annotations) == 2
    unread = f"3 notes on further pages not in this file ({URL}): claimmark never fetches them"
    assert window.statusBar().currentMessage().endswith(f" · {unread}")
    assert "3 notes on pages not read" in window.notes_location.text()
    assert unread in window.notes_location.toolTip()
    # The label stays short: a URL in it would widen the window past a small screen.
    assert window.minimumSizeHint().width() <= 800
    # A label is saved: the file keeps the URL, and the window still names it.
    window.navigator.select_row(window.model.row_for_annotation("https://notes.example.org/0"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    saved = json.loads(sample_copy.with_name(sample_copy.name + ".notes.json").read_text())
    assert saved["first"]["next"] == URL
    assert "3 notes on pages not read" in window.notes_location.text()
    assert f"further pages not in this file ({URL})" in window.notes_location.toolTip()


def test_a_notes_file_of_one_page_names_no_further_pages(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.notes_location.text() == f"Notes: {sample_copy.name}.notes.json"
