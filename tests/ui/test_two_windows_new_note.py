"""Two windows starting one note on an article without a notes file (tester
T13, F3): each window's first keys were lost and an old fragment of the
other's text was kept ("window ON")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.test_two_windows_at_once import saved, two_windows, use


def test_keys_typed_before_the_other_windows_note_is_taken_in_stay(
        qtbot, make_window, sample_copy: Path) -> None:
    """The second window's label made a note on words the first had just
    labelled; its save took the first's note in, and the window showed that
    (undo history, list, editor) at the next turn of the event loop. The
    reader's first key, pressed before that turn, was committed by the
    editor and then wiped from the note box by the note as read before the
    commit: the next pause wrote "indow TWO" over "w"."""
    assert not sample_copy.with_name(sample_copy.name + ".notes.json").exists()
    first, second = two_windows(qtbot, make_window, sample_copy)
    use(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_1)
    use(qtbot, second)
    qtbot.keyClick(second.view, Qt.Key.Key_2)  # takes the first window's note in
    second.editor.note.setFocus()
    qtbot.keyClicks(second.editor.note, "w")  # before the take-in is shown
    qtbot.wait(50)
    qtbot.keyClicks(second.editor.note, "indow TWO")
    assert second.editor.note.toPlainText() == "window TWO"
    second.editor.commit_note()
    (only,) = saved(sample_copy)
    assert only.note == "window TWO" and only.label == "uncertain"

