"""Two windows on one article, the reader working in both at once (tester T10).

The same note typed in both kept one person's text (the other window's
editor was replaced); both labelling one unlabelled claim made two notes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.note_conflicts import SEPARATOR
from app.core.storage import NotesStore
from tests.ui.conftest import open_article


def saved(article: Path) -> list:
    doc = NotesStore(article).load()
    return doc.annotations if doc else []


def two_windows(qtbot, make_window, article: Path):
    first, second = make_window(), make_window()
    open_article(qtbot, first, article)
    open_article(qtbot, second, article)
    return first, second


def use(qtbot, window) -> None:  # the claim keys are the active window's
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def type_note(qtbot, window, words: str) -> None:
    use(qtbot, window)
    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, words)


def test_one_note_typed_in_two_windows_at_once_keeps_both_texts(qtbot, make_window,
                                                                sample_copy: Path) -> None:
    first, second = two_windows(qtbot, make_window, sample_copy)
    use(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_2)
    (ident,) = first.session.annotations
    qtbot.waitUntil(lambda: ident in second.session.annotations, timeout=5000)
    type_note(qtbot, first, "Which trial?")
    type_note(qtbot, second, "Funded by the seller")
    first.editor.commit_note()  # a pause in typing: saved
    second.editor.commit_note()  # before the second window has seen that
    note = f"Funded by the seller\n\n{SEPARATOR}\nWhich trial?"
    assert second.editor.note.toPlainText() == note  # its own text first, where it was
    assert [a.note for a in saved(sample_copy)] == [note]
    qtbot.waitUntil(lambda: "at the same time" in second.statusBar().currentMessage(),
                    timeout=3000)
    assert "the note keeps both texts" in second.statusBar().currentMessage()
    # The first window takes the note in and says why it holds two versions.
    qtbot.waitUntil(lambda: "now holds both versions" in first.statusBar().currentMessage(),
                    timeout=5000)
    qtbot.keyClicks(second.editor.note, ", says the label")  # typing goes on where it was
    assert second.editor.note.toPlainText().startswith("Funded by the seller, says the label\n")
    second.editor.commit_note()
    # The first window takes the note in; its reader's text is in it.
    qtbot.waitUntil(lambda: "Funded by the seller, says" in first.editor.note.toPlainText(),
                    timeout=5000)
    assert "Which trial?" in first.editor.note.toPlainText()
    qtbot.wait(800)  # no ping-pong: the file settles with one copy of each text
    (only,) = saved(sample_copy)
    assert only.note.count("Which trial?") == 1 and only.note.count(SEPARATOR) == 1
    assert only.note == second.session.annotations[ident].note \
        == first.session.annotations[ident].note


def test_a_new_note_typed_on_one_claim_in_two_windows_is_one_note_with_both(
        qtbot, make_window, sample_copy: Path) -> None:
    first, second = two_windows(qtbot, make_window, sample_copy)
    type_note(qtbot, first, "Which trial?")
    type_note(qtbot, second, "Funded by the seller")
    first.editor.commit_note()
    second.editor.commit_note()
    (only,) = saved(sample_copy)
    assert "Which trial?" in only.note and "Funded by the seller" in only.note
    assert second.editor.note.toPlainText().startswith("Funded by the seller\n")
    qtbot.waitUntil(lambda: list(first.session.annotations) == [only.id], timeout=5000)
    assert "Which trial?" in first.editor.note.toPlainText()
    assert list(second.session.annotations) == [only.id]


def test_two_windows_labelling_one_claim_at_once_make_one_note(qtbot, make_window,
                                                               sample_copy: Path) -> None:
    first, second = two_windows(qtbot, make_window, sample_copy)
    use(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_1)
    use(qtbot, second)
    qtbot.keyClick(second.view, Qt.Key.Key_2)  # within the watch's quiet spell
    (only,) = saved(sample_copy)
    assert only.label == "uncertain"  # the later label
    qtbot.waitUntil(lambda: "the later label, Uncertain, is kept"
                    in second.statusBar().currentMessage(), timeout=3000)
    assert "Supported" in second.statusBar().currentMessage()
    qtbot.waitUntil(lambda: first.session.counts()["uncertain"] == 1, timeout=5000)
    assert list(first.session.annotations) == [only.id]
    assert first.session.counts()["supported"] == 0
    assert list(second.session.annotations) == [only.id]
    # The second window's undo would remove a note it no longer has: its history
    # starts again, and Ctrl+Z writes nothing over the one note.
    assert "undo history starts again" in second.statusBar().currentMessage()
    qtbot.keyClick(second.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(400)
    assert [a.label for a in saved(sample_copy)] == ["uncertain"]


def test_a_label_in_one_window_while_the_other_deletes_the_note_is_kept(
        qtbot, make_window, sample_copy: Path) -> None:
    """The second window changes the note; the first deletes it before it has
    seen that: the change wins (as in Syncthing), and the first window says
    why the note it deleted is back."""
    first, second = two_windows(qtbot, make_window, sample_copy)
    use(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_1)
    (ident,) = first.session.annotations
    qtbot.waitUntil(lambda: ident in second.session.annotations, timeout=5000)
    use(qtbot, second)
    qtbot.keyClick(second.view, Qt.Key.Key_2)
    use(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_Delete)  # within the watch's quiet spell
    assert [(a.id, a.label) for a in saved(sample_copy)] == [(ident, "uncertain")]
    assert first.session.annotations[ident].label == "uncertain"
    qtbot.waitUntil(lambda: "you deleted" in first.statusBar().currentMessage(), timeout=3000)
    qtbot.wait(800)
    assert ident in second.session.annotations
    # Ctrl+Z in the first window would delete it again without having seen it.
    qtbot.keyClick(first.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(400)
    assert [a.label for a in saved(sample_copy)] == ["uncertain"]


def test_a_deleted_note_another_window_labelled_meanwhile_is_said_to_be_back(
        qtbot, make_window, sample_copy: Path) -> None:
    first, second = two_windows(qtbot, make_window, sample_copy)
    use(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_1)
    (ident,) = first.session.annotations
    qtbot.waitUntil(lambda: ident in second.session.annotations, timeout=5000)
    qtbot.keyClick(first.view, Qt.Key.Key_Delete)
    use(qtbot, second)
    qtbot.keyClick(second.view, Qt.Key.Key_2)  # before it has seen the deletion
    qtbot.waitUntil(lambda: ident in first.session.annotations, timeout=5000)
    assert "you deleted" in first.statusBar().currentMessage()


def test_ctrl_z_after_a_save_took_in_the_other_windows_text_keeps_it(
        qtbot, make_window, sample_copy: Path) -> None:
    """The second window relabels a note whose text the first has just saved:
    its save takes the text in, and its Ctrl+Z no longer puts back a version
    without it. (Session 12: it undoes the label, and only the label, instead
    of losing the undo history.)"""
    first, second = two_windows(qtbot, make_window, sample_copy)
    use(qtbot, first)
    qtbot.keyClick(first.view, Qt.Key.Key_1)
    (ident,) = first.session.annotations
    qtbot.waitUntil(lambda: ident in second.session.annotations, timeout=5000)
    type_note(qtbot, first, "Which trial?")
    first.editor.commit_note()
    use(qtbot, second)
    qtbot.keyClick(second.view, Qt.Key.Key_3)  # before it has seen the note
    assert [(a.label, a.note) for a in saved(sample_copy)] == [("advertising", "Which trial?")]
    qtbot.waitUntil(lambda: "at the same time" in second.statusBar().currentMessage(),
                    timeout=3000)
    assert "undo" not in second.statusBar().currentMessage()
    qtbot.keyClick(second.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(400)
    assert [a.note for a in saved(sample_copy)] == ["Which trial?"]
    assert [a.label for a in saved(sample_copy)] == ["supported"]


def test_an_import_while_typing_keeps_the_typed_note_and_the_imported_one_apart(
        qtbot, make_window, sample_copy: Path) -> None:
    """`claimmark import` of someone's Hypothesis note on the very sentence
    the reader is typing a new note on: two people's notes, not joined."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    claim = window.session.claims[0]
    words = window.session.article.text[claim.start:claim.end]
    type_note(qtbot, window, "Which trial?")
    store = NotesStore(sample_copy)
    doc = store.load()
    row = {"id": "hyp0001", "uri": "https://example.org/a", "text": "Seen elsewhere.",
           "created": "2024-03-01T10:00:00Z", "updated": "2024-03-01T10:00:00Z",
           "target": [{"selector": [{"type": "TextQuoteSelector", "exact": words}]}]}
    from app.core.importing import hypothesis_to_w3c, import_items
    from app.core.notes_format import NotesDocument

    doc = doc or NotesDocument(None)
    doc.annotations = import_items(doc.annotations, [hypothesis_to_w3c(row)],
                                   window.session.article.text, sample_copy.name).annotations
    store.save(doc)
    qtbot.waitUntil(lambda: len(window.session.annotations) == 2, timeout=5000)
    qtbot.keyClicks(window.editor.note, " None is named.")
    assert window.editor.note.toPlainText() == "Which trial? None is named."
    window.editor.commit_note()
    assert sorted(a.note for a in saved(sample_copy)) == ["Seen elsewhere.",
                                                         "Which trial? None is named."]


OTHER_WRITER = """
import sys, time
from pathlib import Path
from app.core.importing import import_items
from app.core.loaders import load_article
from app.core.notes_format import NotesDocument
from app.core.notes_lock import notes_folder_locked
from app.core.storage import NotesStore

article = load_article(sys.argv[1])
store = NotesStore(Path(sys.argv[1]))
item = {"id": "urn:uuid:dddddddd-0000-4000-8000-000000000001", "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "classifying", "value": "advertising"}],
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "Magnesium"}}}
with notes_folder_locked(store.path):
    doc = store.load() or NotesDocument(None)
    print("read", flush=True)
    time.sleep(0.5)  # another process, between reading the file and writing it
    doc.annotations = import_items(doc.annotations, [item], article.text,
                                   Path(sys.argv[1]).name).annotations
    store.save(doc)
"""


def test_a_save_while_another_process_is_between_reading_and_writing_keeps_both(
        qtbot, make_window, sample_copy: Path) -> None:
    """Seen in two real windows labelling one claim within milliseconds: both
    read the file before either wrote it, the second rename dropped the first
    one's note, and the windows disagreed for good. A save now waits for the
    other writer (notes_lock), then takes its file in."""
    import os
    import subprocess
    import sys

    window = make_window()
    open_article(qtbot, window, sample_copy)
    root = Path(__file__).resolve().parents[2]
    other = subprocess.Popen([sys.executable, "-c", OTHER_WRITER, str(sample_copy)],
                             stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(root)})
    try:
        assert other.stdout is not None and other.stdout.readline() == b"read\n"
        qtbot.keyClick(window.view, Qt.Key.Key_2)  # the window saves now
    finally:
        other.wait(timeout=30)
        if other.stdout is not None:
            other.stdout.close()
    assert sorted(a.label for a in saved(sample_copy)) == ["advertising", "uncertain"]
    assert sorted(a.label for a in window.session.annotations.values()) == [
        "advertising", "uncertain"]


def test_the_cursor_stays_after_the_readers_words_when_words_come_in_before_it(
        qtbot) -> None:
    """Seen in two real windows: another window's words merged in before the
    cursor left it that many characters early, and what the reader typed next
    was glued inside their own word ("L4R4a R4b b")."""
    from PySide6.QtWidgets import QPlainTextEdit

    from app.ui.typing_spot import TypingSpot

    box = QPlainTextEdit()
    qtbot.addWidget(box)
    box.show()
    box.setPlainText("Check the trial regis")
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=3000)
    cursor = box.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    box.setTextCursor(cursor)
    spot = TypingSpot.capture()
    assert spot is not None
    box.setPlainText("Check the [funded by the maker] trial regis")  # merged in
    spot.restore()
    qtbot.keyClicks(box, "try")
    assert box.toPlainText() == "Check the [funded by the maker] trial registry"


def test_a_failed_save_is_said_after_the_notes_folder_is_let_go(
        qtbot, make_window, sample_copy: Path, dialogs, monkeypatch) -> None:
    """The "Notes not saved" dialog waits for the reader; the other window's
    saves must not wait for it (the lock held under a dialog)."""
    from app.core import notes_lock, storage

    held_when_said: list[bool] = []

    def refuse(self, doc):
        raise storage.NotesSaveError(28, "cannot save notes: No space left on device")

    monkeypatch.setattr(storage.NotesStore, "save", refuse)
    monkeypatch.setattr(type(dialogs), "error", lambda self, title, message:
                        held_when_said.append(bool(notes_lock._held)))
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert held_when_said == [False]
