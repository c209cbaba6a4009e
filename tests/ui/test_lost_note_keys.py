"""J/K and the label keys from a lost note (tester T11: J from a lost note went
to the next lost note, and 3 then relabelled a note the reader never chose).

J/K walk the list as it is shown (lost notes last, after the claims), as
Down/Up do; stepping onto the lost notes is said, and so is a label key's
change to one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import open_article
from tests.ui.test_reader_window import labels_in_file

SECOND = ("It affects millions of people, and many of them go\n"
          "looking for help beyond the pharmacy counter.")
THIRD = "Magnesium is one of the most\nsearched-for answers."


def _two_lost_notes(qtbot, make_window, article: Path):
    window = make_window()
    open_article(qtbot, window, article)
    for key in (Qt.Key.Key_J, Qt.Key.Key_3, Qt.Key.Key_J, Qt.Key.Key_2):
        qtbot.keyClick(window.view, key)
    window.close()
    text = article.read_text(encoding="utf-8")
    assert SECOND in text and THIRD in text
    article.write_text(text.replace(SECOND, "Written by the staff.")
                       .replace(THIRD, "Zebras hum quietly at noon."), encoding="utf-8")
    window = make_window()
    open_article(qtbot, window, article)
    assert "2 lost" in window.statusBar().currentMessage()
    return window


def _first_lost_note_then_all_claims(window) -> None:
    window.filter_box.setCurrentIndex(window.filter_box.findData("orphaned"))
    window.list.setCurrentIndex(window.proxy.index(0, 0))
    assert "lost its place" in window.editor.heading.text()
    window.filter_box.setCurrentIndex(window.filter_box.findData("all"))
    assert "lost its place" in window.editor.heading.text()  # still the one chosen


def test_j_past_the_last_claim_says_it_reaches_the_lost_notes(
        qtbot, make_window, sample_copy: Path) -> None:
    window = _two_lost_notes(qtbot, make_window, sample_copy)
    claims = len(window.session.claims)
    window.navigator.select_row(claims - 1)
    window.statusBar().clearMessage()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert "lost its place" in window.editor.heading.text()
    assert "lost their place" in window.statusBar().currentMessage()
    # From one lost note to the next, as the list shows them: no new message.
    window.statusBar().clearMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert "lost its place" in window.editor.heading.text()
    assert window.statusBar().currentMessage() == ""
    qtbot.keyClick(window.view, Qt.Key.Key_K)
    qtbot.keyClick(window.view, Qt.Key.Key_K)
    assert window.editor.heading.text() == f"Claim {claims} of {claims}"


def test_3_on_a_lost_note_reached_by_j_is_said_and_undone(qtbot, make_window,
                                                          sample_copy: Path) -> None:
    window = _two_lost_notes(qtbot, make_window, sample_copy)
    before = labels_in_file(sample_copy)
    _first_lost_note_then_all_claims(window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    changed = window.navigator.current_target().annotation
    assert changed is not None and window.session.is_orphaned(changed.id)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    message = window.statusBar().currentMessage()
    quote = " ".join(changed.exact.split())
    assert message.startswith("The lost note “") and "advertising" in message, message
    assert quote[:30] in message
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert labels_in_file(sample_copy) == before


def test_in_the_lost_notes_list_j_walks_the_lost_notes(qtbot, make_window,
                                                       sample_copy: Path) -> None:
    window = _two_lost_notes(qtbot, make_window, sample_copy)
    window.filter_box.setCurrentIndex(window.filter_box.findData("orphaned"))
    window.list.setCurrentIndex(window.proxy.index(0, 0))
    first = window.navigator.current_annotation_id()
    qtbot.keyClick(window.list, Qt.Key.Key_J)
    second = window.navigator.current_annotation_id()
    assert second and second != first
    assert "lost its place" in window.editor.heading.text()


def test_a_label_key_on_a_lost_note_says_which_note_it_changed(qtbot, make_window,
                                                               sample_copy: Path) -> None:
    window = _two_lost_notes(qtbot, make_window, sample_copy)
    _first_lost_note_then_all_claims(window)
    qtbot.keyClick(window.list, Qt.Key.Key_1)
    message = window.statusBar().currentMessage()
    assert "lost" in message and "supported" in message, message
