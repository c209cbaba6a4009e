"""Notes another program saves while the article is open appear at once.

Tester T9: `claimmark import` (or a second window) wrote notes while the
article was open; the window took them in only at its next save, so until
the reader edited something they were neither listed nor highlighted.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.importing import import_items
from app.core.notes_format import NotesDocument
from app.core.storage import NotesStore
from tests.ui.conftest import open_article
from tests.ui.test_notes_window import notes_path
from tests.ui.test_reader_window import labels_in_file

OTHER_ID = "urn:uuid:cccccccc-0000-4000-8000-000000000001"


def other_writer_adds_a_note(article: Path, text: str, label: str = "advertising",
                             ident: str = OTHER_ID) -> None:
    """What `claimmark import` does: read, merge, save atomically."""
    store = NotesStore(article)
    doc = store.load() or NotesDocument(None)
    item = {"id": ident, "type": "Annotation",
            "body": [{"type": "TextualBody", "purpose": "classifying", "value": label}],
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Magnesium"}}}
    doc.annotations = import_items(doc.annotations, [item], text, article.name).annotations
    store.save(doc)


def test_a_note_another_program_saves_is_shown_without_an_edit(qtbot, make_window,
                                                               sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # the window's own note, saved
    other_writer_adds_a_note(sample_copy, window.session.article.text)
    qtbot.waitUntil(lambda: OTHER_ID in window.session.annotations, timeout=5000)
    assert "another program" in window.statusBar().currentMessage()
    assert window.session.counts()["advertising"] == 1
    assert window.model.row_for_annotation(OTHER_ID) is not None  # listed
    # Nothing was written meanwhile: the other program's file is what is on disk,
    # and the window's next edit keeps both notes.
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert sorted(labels_in_file(sample_copy).values()) == ["advertising", "supported",
                                                            "uncertain"]


def test_the_first_notes_file_written_by_another_program_is_shown(qtbot, make_window,
                                                                  sample_copy: Path) -> None:
    """No notes file when the article was opened: the other program creates it."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    assert not notes_path(sample_copy).exists()
    other_writer_adds_a_note(sample_copy, window.session.article.text)
    qtbot.waitUntil(lambda: OTHER_ID in window.session.annotations, timeout=5000)


def test_the_windows_own_saves_say_nothing(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    for key in (Qt.Key.Key_1, Qt.Key.Key_J, Qt.Key.Key_2):
        qtbot.keyClick(window.view, key)
    qtbot.wait(800)  # longer than the watcher's quiet spell
    assert "another program" not in window.statusBar().currentMessage()
    # The watch survives every atomic replace, the window's and the other's.
    for round_ in range(3):
        ident = OTHER_ID[:-1] + str(round_)
        other_writer_adds_a_note(sample_copy, window.session.article.text, ident=ident)
        qtbot.waitUntil(lambda ident=ident: ident in window.session.annotations, timeout=5000)
        qtbot.keyClick(window.view, Qt.Key.Key_J)
        qtbot.keyClick(window.view, Qt.Key.Key_3)
        qtbot.wait(400)


def test_a_note_being_typed_survives_another_programs_save(qtbot, make_window,
                                                           sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, "Check the trial")
    other_writer_adds_a_note(sample_copy, window.session.article.text)
    qtbot.waitUntil(lambda: OTHER_ID in window.session.annotations, timeout=5000)
    qtbot.keyClicks(window.editor.note, " registry")
    assert window.editor.note.toPlainText() == "Check the trial registry"
    window.editor.commit_note()
    doc = NotesStore(sample_copy).load()
    assert doc is not None
    assert "Check the trial registry" in [a.note for a in doc.annotations]
    assert OTHER_ID in [a.id for a in doc.annotations]


def test_a_notes_file_another_program_damages_is_reported_and_never_written_over(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    notes_path(sample_copy).write_text('{"type": "AnnotationCollection", "first": ')
    os.utime(notes_path(sample_copy), ns=(1, 1))
    qtbot.waitUntil(lambda: "Notes file not used" in window.notes_location.text(), timeout=5000)
    assert "cannot be used now" in window.statusBar().currentMessage()
    assert window.actions["start_fresh"].isEnabled()  # File ▸ Start Fresh sets it aside
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert notes_path(sample_copy).read_text() == '{"type": "AnnotationCollection", "first": '


def test_a_deleted_notes_file_is_reported_and_the_notes_stay(qtbot, make_window,
                                                            sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    notes_path(sample_copy).unlink()
    qtbot.waitUntil(lambda: "deleted" in window.statusBar().currentMessage(), timeout=5000)
    assert len(window.session.annotations) == 1
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # the next edit writes both back
    assert sorted(labels_in_file(sample_copy).values()) == ["supported", "uncertain"]


def test_the_watch_follows_the_file_not_its_old_copy(qtbot, tmp_path: Path) -> None:
    """After an atomic replace that keeps the old file as a hard-linked .bak,
    Qt still lists the path but watches the .bak; a later write by a program
    that keeps no backup must still be seen."""
    from app.ui.notes_watch import NotesWatch

    notes = tmp_path / "a.txt.notes.json"
    notes.write_text("1")
    watch = NotesWatch()
    watch.follow(notes)

    def replace(text: str, keep_backup: bool) -> None:
        if keep_backup:
            os.link(notes, tmp_path / "a.txt.notes.json.bak")
        (tmp_path / "tmp").write_text(text)
        os.replace(tmp_path / "tmp", notes)

    with qtbot.waitSignal(watch.changed, timeout=3000):
        replace("22", keep_backup=True)
    with qtbot.waitSignal(watch.changed, timeout=3000):
        replace("333", keep_backup=False)


def test_a_linked_notes_file_is_named_before_it_is_replaced(qtbot, make_window,
                                                            sample_copy: Path) -> None:
    """Tester T9: a notes file that was a symbolic link was replaced by a
    file of claimmark's own without a word (the design forbids writing
    through a link). The window now says so before the first change."""
    elsewhere = sample_copy.parent / "synced" / "notes.json"
    elsewhere.parent.mkdir()
    elsewhere.write_text('{"type": "AnnotationCollection", "items": []}')
    notes_path(sample_copy).symlink_to(elsewhere)
    window = make_window()
    open_article(qtbot, window, sample_copy)
    shown = window.notes_location.text()
    assert "is a link to" in shown and str(elsewhere) in shown
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert not notes_path(sample_copy).is_symlink()  # as the design says
    assert elsewhere.read_text() == '{"type": "AnnotationCollection", "items": []}'
    assert "is a link" not in window.notes_location.text()


def test_an_older_notes_file_gets_quote_counts_and_keeps_t9s_note(qtbot, make_window,
                                                                  sample_copy: Path) -> None:
    """A notes file saved before counts were recorded (session 9), on this very
    text: opening writes the counts back, so the note on a sentence whose two
    neighbours are rewritten afterwards is found (tester T9: lost)."""
    import json

    window = make_window()
    open_article(qtbot, window, sample_copy)
    for key in (Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_2):
        qtbot.keyClick(window.view, key)
    text = window.session.article.text
    (noted,) = window.session.annotations.values()
    window.close()
    data = json.loads(notes_path(sample_copy).read_text())
    for item in data["first"]["items"]:
        for selector in item["target"]["selector"]:
            selector.pop("claimmark:occurrences", None)
    notes_path(sample_copy).write_text(json.dumps(data))
    again = make_window()
    open_article(qtbot, again, sample_copy)
    qtbot.waitUntil(lambda: "claimmark:occurrences" in notes_path(sample_copy).read_text(),
                    timeout=5000)
    claims = again.session.claims
    index = next(i for i, c in enumerate(claims) if c.start == noted.start)
    before, after = claims[index - 1], claims[index + 1]
    again.close()
    edited = (text[:before.start] + "Nobody disputes this part." + text[before.end:after.start]
              + "A sentence written afterwards." + text[after.end:])
    sample_copy.write_text(edited, encoding="utf-8")
    third = make_window()
    open_article(qtbot, third, sample_copy)
    (found,) = third.session.annotations.values()
    assert not third.session.is_orphaned(found.id)
    assert third.session.article.text[found.start:found.end] == noted.exact


def test_a_note_deleted_in_another_window_goes_here_too(qtbot, make_window,
                                                        sample_copy: Path) -> None:
    """Two windows on one article: a note deleted in one came back in both (the
    other window kept it and wrote it back). The writer now names what it
    deleted; a file put back by a sync tool names nothing and loses nothing."""
    first, second = make_window(), make_window()
    open_article(qtbot, first, sample_copy)
    open_article(qtbot, second, sample_copy)

    def use(window) -> None:  # the claim keys are the active window's
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)

    use(first)
    qtbot.keyClick(first.view, Qt.Key.Key_1)
    (ident,) = first.session.annotations
    qtbot.waitUntil(lambda: ident in second.session.annotations, timeout=5000)
    qtbot.keyClick(first.view, Qt.Key.Key_Delete)  # deleted in the first window
    assert ident not in first.session.annotations
    qtbot.waitUntil(lambda: ident not in second.session.annotations, timeout=5000)
    assert "deleted in another window" in second.statusBar().currentMessage()
    use(second)
    qtbot.keyClick(second.view, Qt.Key.Key_J)
    qtbot.keyClick(second.view, Qt.Key.Key_2)  # the second window saves: no resurrection
    assert ident not in {a.id for a in NotesStore(sample_copy).load().annotations}
    qtbot.wait(500)
    assert ident not in first.session.annotations
    # Undone in the first window: back in both.
    use(first)
    qtbot.keyClick(first.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ident in second.session.annotations, timeout=5000)


def test_a_note_missing_from_a_file_put_back_by_a_sync_tool_is_kept(qtbot, make_window,
                                                                    sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    older = notes_path(sample_copy).read_bytes()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.wait(400)
    notes_path(sample_copy).write_bytes(older)  # the second note is not in this copy
    os.utime(notes_path(sample_copy), ns=(1, 1))
    qtbot.wait(800)
    assert len(window.session.annotations) == 2
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert sorted(labels_in_file(sample_copy).values()) == ["advertising", "supported",
                                                            "uncertain"]


def test_a_note_edited_in_one_window_while_deleted_in_the_other_is_kept(
        qtbot, make_window, sample_copy: Path) -> None:
    first, second = make_window(), make_window()
    open_article(qtbot, first, sample_copy)
    open_article(qtbot, second, sample_copy)
    first.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is first, timeout=3000)
    qtbot.keyClick(first.view, Qt.Key.Key_1)
    (ident,) = first.session.annotations
    qtbot.waitUntil(lambda: ident in second.session.annotations, timeout=5000)
    qtbot.keyClick(first.view, Qt.Key.Key_Delete)
    # Before the second window has seen that, it changes the note: its change wins.
    second.session.put(ident, second.session.annotations[ident].edited(label="uncertain"))
    qtbot.waitUntil(lambda: ident in first.session.annotations, timeout=5000)
    qtbot.keyClick(first.view, Qt.Key.Key_J)
    qtbot.keyClick(first.view, Qt.Key.Key_3)  # the first window saves again
    data = json.loads(notes_path(sample_copy).read_text())
    assert ident not in data["claimmark"].get("deletedHere", [])
    assert sorted(labels_in_file(sample_copy).values()) == ["advertising", "uncertain"]


def test_an_undo_never_writes_over_a_note_another_window_changed(qtbot, make_window,
                                                                 sample_copy: Path) -> None:
    """Tester T10: the second window labelled a claim, the first typed a note
    on it; an undo in the second window put its old version back and the
    note typed in the first was gone from both. Once another writer's change
    to a note is taken in, the steps that would undo over it are dropped."""
    first, second = make_window(), make_window()
    open_article(qtbot, first, sample_copy)
    open_article(qtbot, second, sample_copy)

    def use(window) -> None:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)

    use(second)
    qtbot.keyClick(second.view, Qt.Key.Key_2)  # an undo step of the second window
    (ident,) = second.session.annotations
    qtbot.waitUntil(lambda: ident in first.session.annotations, timeout=5000)
    use(first)
    first.editor.note.setFocus()
    qtbot.keyClicks(first.editor.note, "Which trial? None is named.")
    first.editor.commit_note()
    qtbot.waitUntil(lambda: second.session.annotations[ident].note != "", timeout=5000)
    assert "undo history starts again" in second.statusBar().currentMessage()
    use(second)
    qtbot.keyClick(second.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(500)
    saved = {a.id: a for a in NotesStore(sample_copy).load().annotations}
    assert saved[ident].note == "Which trial? None is named."
    assert saved[ident].label == "uncertain"
