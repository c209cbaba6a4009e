"""Where the caret is in the note box (tester T11): Enter on a claim that has
a note put it before the note's first word, so " second" came out
" secondfirst"; a note another window changed while this one was typing put
it at the start as well."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import open_article
from tests.ui.test_reader_window import notes_of


def note_texts(path: Path) -> list[str]:
    return [body["value"] for item in notes_of(path) for body in item["body"]
            if body["purpose"] == "commenting"]


def type_keys(qtbot, text: str) -> None:
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget(), char)


def test_typing_on_in_a_note_adds_at_its_end(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.note)
    type_keys(qtbot, "first")
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Escape)
    qtbot.keyClick(window.view, Qt.Key.Key_K)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.note)
    type_keys(qtbot, " second")
    window.documents.save_now()
    assert note_texts(sample_copy) == ["first second"]


def test_a_note_changed_elsewhere_keeps_the_caret_after_the_readers_words(qtbot, make_window,
                                                                           sample_copy) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    editor = window.editor
    editor.show_item("Claim 1 of 2", "none", "Alpha wrote this.", [], None, key="row")
    editor.note.setFocus()
    qtbot.waitUntil(lambda: editor.note.hasFocus())
    editor.note.moveCursor(editor.note.textCursor().MoveOperation.End)
    editor.show_item("Claim 1 of 2", "none", "Alpha wrote this. Beta added this.", [], None,
                     key="row")
    assert editor.note.textCursor().position() == len("Alpha wrote this.")
