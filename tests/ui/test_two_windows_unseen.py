"""Two windows on one article: what one window did is not undone by the other
before its reader could have seen it (tester T11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.test_two_windows_at_once import saved, two_windows, type_note, use


def test_delete_just_after_the_other_windows_words_came_in_keeps_them(
        qtbot, make_window, sample_copy: Path) -> None:
    """T11 in two real windows: the first window took in the second's words
    0.1–0.7 s before its reader pressed Del, and the note went from both. Words
    that came in so recently are not the reader's to delete unseen: the note
    stays and the status bar says why; Del again deletes it."""
    first, second = two_windows(qtbot, make_window, sample_copy)
    type_note(qtbot, first, "Base.")
    first.editor.commit_note()
    (ident,) = first.session.annotations
    qtbot.waitUntil(lambda: ident in second.session.annotations, timeout=5000)
    type_note(qtbot, second, " B-typed")
    second.editor.commit_note()
    qtbot.waitUntil(lambda: first.session.annotations[ident].note == "Base. B-typed",
                    timeout=5000)
    use(qtbot, first)
    first.view.setFocus()
    qtbot.keyClick(first.view, Qt.Key.Key_Delete)  # words shown, not yet read
    assert [a.note for a in saved(sample_copy)] == ["Base. B-typed"]
    assert "Not deleted" in first.statusBar().currentMessage()
    assert "another window" in first.statusBar().currentMessage()
    assert first.session.annotations[ident].note == "Base. B-typed"
    qtbot.wait(800)
    assert second.session.annotations[ident].note == "Base. B-typed"
    qtbot.keyClick(first.view, Qt.Key.Key_Delete)  # now the reader has been told
    assert saved(sample_copy) == []
    qtbot.waitUntil(lambda: ident not in second.session.annotations, timeout=5000)


def test_delete_once_the_other_windows_words_have_been_shown_a_while_goes_ahead(
        qtbot, make_window, sample_copy: Path, monkeypatch) -> None:
    from app.ui import annotation_editor

    monkeypatch.setattr(annotation_editor, "UNSEEN_S", 0.3)
    first, second = two_windows(qtbot, make_window, sample_copy)
    type_note(qtbot, first, "Base.")
    first.editor.commit_note()
    (ident,) = first.session.annotations
    qtbot.waitUntil(lambda: ident in second.session.annotations, timeout=5000)
    qtbot.wait(400)
    use(qtbot, second)
    second.view.setFocus()
    qtbot.keyClick(second.view, Qt.Key.Key_Delete)
    assert saved(sample_copy) == []
    assert "Not deleted" not in second.statusBar().currentMessage()


def test_delete_while_the_other_window_is_still_typing_keeps_its_words(
        qtbot, make_window, sample_copy: Path) -> None:
    """The other side of the same moment: the second window's words are typed
    but not yet committed (its reader has not paused) when the first deletes."""
    first, second = two_windows(qtbot, make_window, sample_copy)
    type_note(qtbot, first, "Base.")
    first.editor.commit_note()
    (ident,) = first.session.annotations
    qtbot.waitUntil(lambda: ident in second.session.annotations, timeout=5000)
    type_note(qtbot, second, " B-typed")
    first.session.put(ident, None)  # Del in the first window, saved at once
    qtbot.waitUntil(lambda: [a.note for a in saved(sample_copy)] == ["Base. B-typed"],
                    timeout=5000)
    assert second.editor.note.toPlainText() == "Base. B-typed"
    qtbot.waitUntil(lambda: ident in first.session.annotations, timeout=5000)
    assert first.session.annotations[ident].note == "Base. B-typed"
