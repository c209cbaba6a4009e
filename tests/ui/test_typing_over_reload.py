"""Typing a note while the article changes on disk: the note box keeps the
keyboard over the reload, so nothing typed afterwards is lost (tester T8:
every keystroke after the reload went nowhere)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import open_article
from tests.ui.test_reader_window import notes_of


def type_keys(qtbot, text: str) -> None:
    """Keys as the reader presses them: to whatever has the focus."""
    for char in text:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClicks(widget, char)


def test_what_is_typed_after_a_reload_goes_on_into_the_note(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.show()
    window.activateWindow()
    window.navigator.select_row(3)
    window.editor.note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.note)
    type_keys(qtbot, "Checked the")
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        sample_copy.write_text(sample_copy.read_text() + "\n\nA paragraph added later.\n")
    type_keys(qtbot, " review.")
    window.documents.save_now()
    notes = [body["value"] for item in notes_of(sample_copy) for body in item["body"]
             if body["purpose"] == "commenting"]
    assert notes == ["Checked the review."]


def _commenting(article: Path) -> list[str]:
    return [body["value"] for item in notes_of(article) for body in item["body"]
            if body["purpose"] == "commenting"]


def test_keys_typed_while_the_article_reloads_all_end_in_the_note(
        qtbot, make_window, sample_copy: Path) -> None:
    """Tester T13 (F4): "a1 b1 … t1" typed while another program changed the
    article lost 3-5 characters: from the article read until the claims
    were found again the note box was emptied and disabled, and the keys
    went elsewhere. Here keys are pressed at each step of the reload: when
    the change is seen, when the article is read again, and in between."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.activateWindow()
    window.navigator.select_row(3)
    window.editor.note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.note)
    words = iter(f"{letter}1 " for letter in "bcdefghijklmnopqrstuvwxyz")
    typed = ["a1 "]
    type_keys(qtbot, typed[0])

    def press() -> None:
        word = next(words)
        typed.append(word)
        for char in word:  # the keyboard's: to the window when no box has it
            qtbot.keyClicks(QApplication.focusWidget() or window, char)

    loader = window.documents.loader
    loader.articleLoaded.connect(lambda *_: press())  # the article read again
    loader.claimsReady.connect(lambda *_: press())  # its claims found again
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        sample_copy.write_text(sample_copy.read_text() + "\n\nA paragraph added later.\n")
        while len(typed) < 8:  # and keys between, every 15 ms
            press()
            qtbot.wait(15)
    type_keys(qtbot, "end")
    window.documents.save_now()
    assert _commenting(sample_copy) == ["".join(typed) + "end"]
    assert window.editor.note.toPlainText() == "".join(typed) + "end"


def test_keys_typed_during_a_reload_are_merged_with_words_another_writer_added(
        qtbot) -> None:
    """The note as read again may hold another window's words: both stay."""
    from app.ui.claim_editor import ClaimEditor

    editor = ClaimEditor()
    qtbot.addWidget(editor)
    editor.show_item("Claim 1", "none", "Base.", [], None, key=1)
    editor.hold()
    editor.note.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.note, " Mine.")
    assert editor.note.isEnabled() and editor.note.toPlainText() == "Base. Mine."
    with qtbot.waitSignal(editor.noteCommitted, timeout=3000) as committed:
        editor.show_item("Claim 1", "none", "Theirs. Base.", [], None, key=1)
        assert editor.note.toPlainText() == "Theirs. Base. Mine."
    assert committed.args == ["Theirs. Base. Mine."]


def test_a_note_begun_during_a_reload_goes_to_its_own_claim(
        qtbot, make_window, sample_copy: Path) -> None:
    """A claim without a note when the reload began: the reload found the row
    again by note id only, so the first row became current and the keys
    typed meanwhile would have gone to its note. Found by its words now."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.activateWindow()
    window.navigator.select_row(3)
    target = window.navigator.current_target()
    words = window.session.article.text[target.start:target.end]
    window.editor.note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.note)
    loader = window.documents.loader
    loader.articleLoaded.connect(lambda *_: qtbot.keyClicks(window.editor.note, "Mine"))
    with qtbot.waitSignal(window.articleReady, timeout=15000):
        sample_copy.write_text("A sentence put first.\n\n" + sample_copy.read_text())
    window.documents.save_now()
    (item,) = notes_of(sample_copy)
    assert item["target"]["selector"][0]["exact"] == words
    assert [b["value"] for b in item["body"] if b["purpose"] == "commenting"] == ["Mine"]
