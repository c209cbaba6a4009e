"""Page notes and replies (they mark no text) have their own filter, apart
from the notes that lost their place (tester T13, helper I15): "Lost their
place" lists only notes that lost their place, as the exports do; each of
these filters counts its notes in its title."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.ui.claim_delegate import row_texts
from app.ui.row_words import NO_TEXT
from tests.ui.test_notes_in_claims import imported


def _show(window, mode: str) -> list[str]:
    """Choose the filter ``mode`` as a reader does; the rows' spoken text."""
    window.filter_box.setCurrentIndex(window.filter_box.findData(mode))
    return [str(window.proxy.index(i, 0).data(Qt.ItemDataRole.AccessibleTextRole))
            for i in range(window.proxy.rowCount())]


def test_lost_notes_and_page_notes_are_listed_apart(qtbot, make_window, dialogs,
                                                    tmp_path: Path) -> None:
    window, _page = imported(qtbot, make_window, dialogs, tmp_path)
    titles = [window.filter_box.itemText(i) for i in range(window.filter_box.count())]
    assert titles[-3:] == ["Lost their place (2)", "Page notes and replies (2)",
                           "Lost and page notes (4)"]
    lost = _show(window, "lost")
    assert len(lost) == 2 and all("Lost its place" in row for row in lost)
    assert not any("marks no text" in row for row in lost)
    window.list.setCurrentIndex(window.proxy.index(0, 0))
    assert "lost its place" in window.editor.heading.text()
    pages = _show(window, "page_notes")
    assert len(pages) == 2 and all("Marks no text" in row for row in pages)
    assert not any(": ." in row for row in pages)  # no empty quote read out
    # Its words where a quote would be (it has none), its state under them.
    lines = [row_texts(window.proxy.index(i, 0)) for i in range(2)]
    notes = {a.note for a in window.session.annotations.values() if a.marks_no_text}
    assert {quote for quote, _ in lines} == notes
    assert all(extra == NO_TEXT for _, extra in lines)
    window.list.setCurrentIndex(window.proxy.index(1, 0))
    assert "marks no text" in window.editor.heading.text()
    both = _show(window, "orphaned")  # the lost first, then the page notes, as exported
    assert [("Lost its place" in row, "Marks no text" in row) for row in both] == [
        (True, False), (True, False), (False, True), (False, True)]
    # A page note deleted: its filter counts one.
    window.filter_box.setCurrentIndex(window.filter_box.findData("page_notes"))
    window.list.setCurrentIndex(window.proxy.index(0, 0))
    window.actions["delete"].trigger()
    assert window.filter_box.itemText(window.filter_box.findData("page_notes")) == \
        "Page notes and replies (1)"
    assert window.filter_box.itemText(window.filter_box.findData("lost")) == \
        "Lost their place (2)"


def test_j_past_the_lost_notes_says_it_reaches_the_page_notes(
        qtbot, make_window, dialogs, tmp_path: Path) -> None:
    window, _page = imported(qtbot, make_window, dialogs, tmp_path)
    rows = window.proxy.rowCount()
    window.navigator.select_row(rows - 5)  # the last row in the text
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert window.statusBar().currentMessage().startswith(
        "Past the claims: the notes that lost their place")
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert "marks no text" in window.editor.heading.text()
    assert window.statusBar().currentMessage().startswith(
        "Past the lost notes: page notes and replies, which mark no text")
    page_note = window.navigator.current_target().annotation
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # labelled where the article cannot show it
    assert window.statusBar().currentMessage() == (
        f"The page note “{page_note.note[:59]}…” is now uncertain"
        if len(page_note.note) > 60 else f"The page note “{page_note.note}” is now uncertain")
    assert window.session.annotations[page_note.id].label == "uncertain"
