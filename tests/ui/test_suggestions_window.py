"""Suggestions in the window: shown before the reader acts, accepted only by the reader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from app.ui.claim_model import LABEL_ROLE, SUGGESTION_ROLE
from app.ui.suggest_bridge import default_suggester
from tests.ui.conftest import open_article
from tests.ui.test_reader_window import labels_in_file


def row_of(window, prefix: str) -> int:
    for row in range(len(window.model.rows)):
        if window.model.data(window.model.index(row)).startswith(prefix):
            return row
    raise AssertionError(prefix)


def dotted(window) -> int:
    return sum(1 for s in window.view.extraSelections()
               if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine)


def test_suggestions_show_before_the_reader_acts(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window(default_suggester())
    open_article(qtbot, window, sample_copy)
    order = row_of(window, "Order now and save 30%")
    suggestion = window.model.data(window.model.index(order), SUGGESTION_ROLE)
    assert suggestion.label == "advertising"
    hedge = row_of(window, "Research has shown that magnesium may")
    assert window.model.data(window.model.index(hedge), SUGGESTION_ROLE).label == "uncertain"
    assert dotted(window) >= 10
    assert not sample_copy.with_name(sample_copy.name + ".notes.json").exists()
    window.navigator.select_row(order)
    assert window.editor.why.isVisibleTo(window.editor)
    text = window.editor.why_label.text()
    assert "call to action: Order now" in text and "promo code: code NERVE30" in text
    assert window.actions["accept_all"].text().startswith("Accept All &Suggestions (")


def test_enter_accepts_and_a_chosen_label_is_never_overridden(qtbot, make_window,
                                                              sample_copy: Path) -> None:
    window = make_window(default_suggester())
    open_article(qtbot, window, sample_copy)
    order = row_of(window, "Order now and save 30%")
    window.navigator.select_row(order)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert labels_in_file(sample_copy) == {window.model.data(window.model.index(order)):
                                           "advertising"}
    hedge = row_of(window, "Research has shown that magnesium may")
    window.navigator.select_row(hedge)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # the reader disagrees with "uncertain"
    assert window.model.data(window.model.index(hedge), SUGGESTION_ROLE) is None
    window.annotator.accept_all_suggestions()
    assert window.model.data(window.model.index(hedge), LABEL_ROLE) == "supported"
    labels = labels_in_file(sample_copy)
    assert labels[window.model.data(window.model.index(hedge))] == "supported"
    assert len(labels) > 10
    window.annotator.undo_stack.undo()  # accept-all is one step
    assert len(labels_in_file(sample_copy)) == 2


def test_show_suggestions_can_be_turned_off(qtbot, make_window, sample_copy: Path) -> None:
    window = make_window(default_suggester())
    open_article(qtbot, window, sample_copy)
    assert dotted(window) > 0
    window.actions["show_suggestions"].setChecked(False)
    assert dotted(window) == 0
    order = row_of(window, "Order now and save 30%")
    assert window.model.data(window.model.index(order), SUGGESTION_ROLE) is None
    window.navigator.select_row(order)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # nothing to accept: edit the note
    assert window.editor.note.hasFocus()
    window.filter_box.setCurrentIndex(window.filter_box.findData("suggested"))
    assert window.proxy.rowCount() == 0


def test_the_rows_to_accept_are_those_with_an_unanswered_suggestion(
        qtbot, make_window, sample_copy: Path) -> None:
    window = make_window(default_suggester())
    open_article(qtbot, window, sample_copy)
    model = window.model

    def expected() -> list[int]:
        return [row for row in range(model.rowCount())
                if model.data(model.index(row), SUGGESTION_ROLE) is not None
                and model.data(model.index(row), LABEL_ROLE) == "none"]

    assert not window.session.annotations  # no notes yet: every suggestion counts
    before = model.suggested_rows()
    assert len(before) > 10 and before == expected()
    window.navigator.select_row(before[1])
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # the reader answers one of them
    assert model.suggested_rows() == expected() == before[:1] + before[2:]


def test_each_reason_is_shown_once(qtbot, make_window, tmp_path: Path) -> None:
    path = tmp_path / "pitch.md"
    path.write_text("Regain your energy and improve your overall well-being.\n", encoding="utf-8")
    window = make_window(default_suggester())
    open_article(qtbot, window, path)
    window.navigator.select_row(row_of(window, "Regain your energy"))
    text = window.editor.why_label.text()
    assert text.count("addressing the reader: your") == 1, text
