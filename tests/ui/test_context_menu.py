"""A right-click acts on the sentence it was made on (tester T8: Mark
Advertising from the menu labelled the claim that was current before)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import open_article
from tests.ui.test_reader_window import labels_in_file


def right_click(window, point: QPoint, choose: str) -> None:
    """Right-click at ``point`` (viewport coordinates) and choose ``choose``'s action."""
    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        assert window.actions[choose] in menu.actions()
        menu.close()
        window.actions[choose].trigger()

    QTimer.singleShot(0, pick)
    viewport = window.view.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point)))


def middle_of(window, row: int) -> tuple[str, QPoint]:
    start, end = window.model.rows[row].start, window.model.rows[row].end
    window.view.scroll_to(start, end)
    QApplication.processEvents()
    rect = window.view.span_rects(start, end)[0]
    return window.session.article.text[start:end], rect.center().toPoint()


def test_the_menu_marks_the_sentence_right_clicked(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.navigator.select_row(1)
    clicked, point = middle_of(window, 4)
    right_click(window, point, "advertising")
    assert labels_in_file(sample_copy) == {clicked: "advertising"}
    assert window.navigator.current_source_row() == 4


def test_delete_inside_a_selection_deletes_the_note_there_not_the_current_one(
        qtbot, make_window, sample_copy: Path) -> None:
    """T8: with text selected in claim 3 while claim 5 was current, Delete
    Annotation from the menu deleted claim 5's note."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    for row in (6, 1):
        window.navigator.select_row(row)
        window.actions["uncertain"].trigger()
    kept, _ = middle_of(window, 1)
    _, point = middle_of(window, 6)
    cursor = window.view.cursorForPosition(point)
    cursor.movePosition(QTextCursor.MoveOperation.StartOfWord)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    window.navigator.select_row(1)  # claim 1 current, the selection in claim 6
    right_click(window, point, "delete")
    assert labels_in_file(sample_copy) == {kept: "uncertain"}
