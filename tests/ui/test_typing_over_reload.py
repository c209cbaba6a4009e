"""Typing a note while the article changes on disk: the note box keeps the
keyboard over the reload, so nothing typed afterwards is lost (tester T8:
every keystroke after the reload went nowhere)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import open_article
from tests.ui.test_reader_window import notes_of


def type_keys(qtbot, text: str) -> None:
    """Keys as the reader presses them: to whatever has the focus."""
    for char in text:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClicks(widget, char)


def test_what_is_typed_after_a_reload_goes_on_into_the_note(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.show()
    window.activateWindow()
    window.navigator.select_row(3)
    window.editor.note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.note)
    type_keys(qtbot, "Checked the")
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        sample_copy.write_text(sample_copy.read_text() + "\n\nA paragraph added later.\n")
    type_keys(qtbot, " review.")
    window.documents.save_now()
    notes = [body["value"] for item in notes_of(sample_copy) for body in item["body"]
             if body["purpose"] == "commenting"]
    assert notes == ["Checked the review."]
