"""A note whose sentence changed since it was labelled: the window shows the
wording judged, keeps it on disk, and lets the reader confirm the new one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import open_article
from tests.ui.test_reader_window import notes_of

OLD = "It affects millions of people"
NEW = "It affects millions of adults"


def stored_quote(article: Path, ident: str) -> str:
    [item] = [i for i in notes_of(article) if i["id"] == ident]
    quote = next(s for s in item["target"]["selector"] if s["type"] == "TextQuoteSelector")
    return str(quote["exact"])


def label_of(article: Path, ident: str) -> str:
    [item] = [i for i in notes_of(article) if i["id"] == ident]
    return str(next(b["value"] for b in item["body"] if b.get("purpose") == "classifying"))


def open_with_a_changed_note(qtbot, make_window, article: Path):
    window = make_window()
    open_article(qtbot, window, article)
    qtbot.keyClick(window.view, Qt.Key.Key_J)  # the second claim (title and byline are none)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    [item] = notes_of(article)
    assert item["target"]["selector"][0]["exact"].startswith(OLD)
    window.close()
    article.write_text(article.read_text().replace(OLD, NEW))
    window = make_window()
    open_article(qtbot, window, article)
    ident = str(item["id"])
    assert window.session.status[ident] == "fuzzy"
    return window, ident


def test_a_changed_sentence_shows_the_judged_wording_until_kept_for_the_new(
        qtbot, make_window, sample_copy: Path) -> None:
    window, ident = open_with_a_changed_note(qtbot, make_window, sample_copy)
    editor = window.editor
    window.navigator.select_annotation(ident)
    assert editor.changed.isVisible()
    assert "Changed since you labelled it" in editor.changed_label.text()
    assert OLD in editor.changed_label.text()
    assert window.session.article.text[window.session.annotations[ident].start:].startswith(NEW)
    # An unrelated edit elsewhere keeps the judged quote on disk.
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert not editor.changed.isVisible()
    assert stored_quote(sample_copy, ident).startswith(OLD)
    assert len(notes_of(sample_copy)) == 2
    # Keep for the new wording: stored quote follows the text; undo restores it.
    window.navigator.select_annotation(ident)
    qtbot.mouseClick(editor.keep_button, Qt.MouseButton.LeftButton)
    assert stored_quote(sample_copy, ident).startswith(NEW)
    assert window.session.status[ident] == "exact"
    assert not editor.changed.isVisible()
    window.annotator.undo_stack.undo()
    assert stored_quote(sample_copy, ident).startswith(OLD)
    assert window.session.status[ident] == "fuzzy"
    assert editor.changed.isVisible() and OLD in editor.changed_label.text()


def test_relabelling_a_changed_sentence_confirms_its_new_wording(
        qtbot, make_window, sample_copy: Path) -> None:
    window, ident = open_with_a_changed_note(qtbot, make_window, sample_copy)
    window.navigator.select_annotation(ident)
    window.editor.note.setPlainText("A note typed about it")  # not a confirmation
    window.editor.commit_note()
    assert stored_quote(sample_copy, ident).startswith(OLD)
    assert window.editor.changed.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert stored_quote(sample_copy, ident).startswith(NEW)
    assert label_of(sample_copy, ident) == "uncertain"
    assert not window.editor.changed.isVisible()
    window.annotator.undo_stack.undo()
    assert stored_quote(sample_copy, ident).startswith(OLD)
    assert label_of(sample_copy, ident) == "supported"
    assert window.editor.changed.isVisible()


def test_an_unchanged_note_shows_no_notice(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert not window.editor.changed.isVisible()
    window.editor.keep_button.click()  # nothing to confirm: nothing happens
    assert window.annotator.undo_stack.count() == 1
