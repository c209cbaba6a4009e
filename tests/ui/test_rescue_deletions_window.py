"""A note deleted while the notes could not be saved stays deleted when the rescue copy
is taken in at the next opening (helper N16); one changed in the notes file since stays."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.core.notes_rescue import rescue_path, set_aside_copies
from app.core.storage import NotesStore, read_notes_file
from tests.ui.conftest import open_article
from tests.ui.test_unsaved_notes import labels


def notes(article: Path) -> Path:
    return article.with_name(article.name + ".notes.json")


def deleted_while_saves_failed(qtbot, make_window, dialogs, sample_copy: Path) -> None:
    """Two labels saved; the folder renamed away; the second note deleted; quit."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert labels(notes(sample_copy)) == ["advertising", "supported"]
    folder = sample_copy.parent
    moved = folder.with_name("articles-away")
    folder.rename(moved)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert labels(rescue_path(sample_copy)) == ["supported"]
    dialogs.close_answers = ["quit"]
    window.close()
    moved.rename(folder)
    assert labels(notes(sample_copy)) == ["advertising", "supported"]


def test_a_note_deleted_while_saves_failed_stays_deleted(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    deleted_while_saves_failed(qtbot, make_window, dialogs, sample_copy)
    dialogs.confirm_answer = True
    again = make_window()
    open_article(qtbot, again, sample_copy)
    qtbot.waitUntil(lambda: "Took in" in again.statusBar().currentMessage(), timeout=5000)
    assert labels(notes(sample_copy)) == ["supported"]
    assert [a.label for a in again.session.annotations.values()] == ["supported"]
    assert not rescue_path(sample_copy).exists()


def test_a_set_aside_copy_deletes_too_but_not_a_note_changed_since(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    """The copy set aside by a later failure: a note it deleted goes, unless the notes
    file holds another version of it now."""
    deleted_while_saves_failed(qtbot, make_window, dialogs, sample_copy)
    copy = rescue_path(sample_copy)
    aside = copy.with_name(copy.name[:-len(".json")] + "-1.json")
    copy.rename(aside)
    assert set_aside_copies(sample_copy) == [aside]
    dialogs.confirm_answer = True
    again = make_window()
    open_article(qtbot, again, sample_copy)
    qtbot.waitUntil(lambda: "Took in" in again.statusBar().currentMessage(), timeout=5000)
    assert "removed 1 deleted there" in again.statusBar().currentMessage()
    assert labels(notes(sample_copy)) == ["supported"]
    again.close()

    deleted_while_saves_failed(qtbot, make_window, dialogs, sample_copy)
    doc = read_notes_file(notes(sample_copy))  # a later session edits the deleted note
    doc.annotations = [a.edited(note="changed after the copy was made")
                       if a.label == "advertising" else a for a in doc.annotations]
    NotesStore(sample_copy).save(doc)
    third = make_window()
    open_article(qtbot, third, sample_copy)
    qtbot.waitUntil(lambda: "Took in" in third.statusBar().currentMessage(), timeout=5000)
    assert labels(notes(sample_copy)) == ["advertising", "supported"]
