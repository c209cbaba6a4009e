"""A note typed after searching is saved on the claim the editor names.

Tester T10: Ctrl+F "cofactor", Esc; Ctrl+F "pumpkin", Esc; Ctrl+F "spinach",
Esc; Enter, a note, Esc, Ctrl+S — the editor said "Claim 8 of 49" and showed
the note, no row was selected, and the notes file stayed empty: the note was
lost at the next move. The claim keys did nothing in that state either.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.storage import NotesStore
from tests.ui.conftest import open_article


def _search(qtbot, window, words: str) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window.view, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box
    qtbot.keyClick(window.search_box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_box, words)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)


def test_a_note_typed_after_searches_is_saved(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for words in ("cofactor", "pumpkin", "spinach"):
        _search(qtbot, window, words)
    shown = window.editor.heading.text() if hasattr(window.editor, "heading") else ""
    target = window.navigator.current_target()
    assert target is not None, shown
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.editor.note
    qtbot.keyClicks(window.editor.note, "A note that should be saved")
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Escape)
    doc = NotesStore(sample_copy).load()
    assert doc is not None
    assert [a.note for a in doc.annotations] == ["A note that should be saved"]
    # The claim keys work on that claim too.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    (saved,) = NotesStore(sample_copy).load().annotations
    assert saved.label == "uncertain"


def test_a_search_with_no_match_leaves_no_claim_current_and_the_next_one_a_claim(
        qtbot, make_window, sample_copy: Path) -> None:
    """T10: after "zzz" (nothing) then "nerve", 2 marked nothing and J went to
    the first row: the editor had kept naming a claim the list did not show."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _search(qtbot, window, "zzz")
    assert window.navigator.current_target() is None
    assert window.editor.heading.text() == "No claim selected"
    _search(qtbot, window, "nerve")
    target = window.navigator.current_target()
    assert target is not None and "nerve" in sample_copy.read_text()
    shown = window.session.article.text[target.start:target.end]
    assert "nerve" in shown.casefold()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    (saved,) = NotesStore(sample_copy).load().annotations
    assert (saved.start, saved.end, saved.label) == (target.start, target.end, "uncertain")
