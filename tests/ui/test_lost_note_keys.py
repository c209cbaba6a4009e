"""J/K and the label keys from a lost note (tester T11: J from a lost note went
to the next lost note, and 3 then relabelled a note the reader never chose).

J/K walk the claims placed in the article; only the "Lost their place" list,
where lost notes are all there is, walks from one lost note to the next."""

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


def test_j_from_a_lost_note_goes_to_a_claim_and_3_labels_that_claim(
        qtbot, make_window, sample_copy: Path) -> None:
    window = _two_lost_notes(qtbot, make_window, sample_copy)
    before = labels_in_file(sample_copy)
    _first_lost_note_then_all_claims(window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    heading = window.editor.heading.text()
    assert heading.startswith("Claim "), heading
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    after = labels_in_file(sample_copy)
    for quote, label in before.items():  # neither lost note changed
        assert after[quote] == label
    assert len(after) == 3 and list(after.values()).count("advertising") == 2


def test_k_from_a_lost_note_goes_to_a_claim_too(qtbot, make_window,
                                                sample_copy: Path) -> None:
    window = _two_lost_notes(qtbot, make_window, sample_copy)
    _first_lost_note_then_all_claims(window)
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_K)
    assert window.editor.heading.text().startswith("Claim ")
    # From the last claim, J stays there: the lost notes after it are no claims.
    window.list.setCurrentIndex(window.proxy.index(len(window.session.claims) - 1, 0))
    qtbot.keyClick(window.list, Qt.Key.Key_J)
    assert window.editor.heading.text().startswith("Claim ")


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
