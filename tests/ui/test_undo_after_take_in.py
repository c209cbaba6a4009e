"""A window that took in another window's change to a note keeps the undo
steps it can still undo without writing over that change (C11's leftover:
the whole history went)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.test_two_windows_at_once import saved, two_windows, type_note, use


def ctrl_z(qtbot, window) -> None:
    use(qtbot, window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_typed_words_still_undo_after_the_other_window_relabelled_the_note(
        qtbot, make_window, sample_copy: Path) -> None:
    first, second = two_windows(qtbot, make_window, sample_copy)
    use(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_1)  # step 1: the note is made, Supported
    (ident,) = first.session.annotations
    type_note(qtbot, first, "Which trial?")
    first.editor.commit_note()  # step 2: its words
    qtbot.waitUntil(lambda: second.session.annotations.get(ident) is not None
                    and second.session.annotations[ident].note == "Which trial?", timeout=5000)
    use(qtbot, second)
    second.view.setFocus()
    qtbot.keyClick(second.view, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: first.session.annotations[ident].label == "advertising",
                    timeout=5000)
    assert "Ctrl+Z undoes only your last step" in first.statusBar().currentMessage()
    assert first.actions["undo"].isEnabled() and "Edit note" in first.actions["undo"].text()
    assert not first.actions["redo"].isEnabled()
    ctrl_z(qtbot, first)  # the words go; the other window's label stays
    assert [(a.label, a.note) for a in saved(sample_copy)] == [("advertising", "")]
    qtbot.keyClick(first.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [(a.label, a.note) for a in saved(sample_copy)] == [("advertising", "Which trial?")]
    ctrl_z(qtbot, first)
    ctrl_z(qtbot, first)  # making the note is not undone: it would delete the other's label
    assert [(a.label, a.note) for a in saved(sample_copy)] == [("advertising", "")]
    qtbot.waitUntil(lambda: second.session.annotations[ident].note == "", timeout=5000)


def test_steps_on_other_notes_keep_their_undo(qtbot, make_window, sample_copy: Path) -> None:
    first, second = two_windows(qtbot, make_window, sample_copy)
    use(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_1)
    (mine,) = first.session.annotations
    use(qtbot, second)
    second.view.setFocus()
    qtbot.keyClick(second.view, Qt.Key.Key_J)
    qtbot.keyClick(second.view, Qt.Key.Key_2)  # another claim's note, made there
    qtbot.waitUntil(lambda: len(first.session.annotations) == 2, timeout=5000)
    assert "undo" not in first.statusBar().currentMessage()
    ctrl_z(qtbot, first)
    assert [a.label for a in saved(sample_copy)] == ["uncertain"]
    assert mine not in first.session.annotations
