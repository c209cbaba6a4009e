"""An edit that takes the current claim out of the filter (helper K, session
11: Clear under "Uncertain"): the list shows no rows, so the editor names no
claim — before, it still named the cleared one and its keys did nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import open_article


def test_the_last_row_leaving_the_filter_leaves_no_claim_current(qtbot, make_window,
                                                                sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    window.filter_box.setCurrentIndex(window.filter_box.findData("uncertain"))
    assert window.editor.heading.text().startswith("Claim 1 of")
    qtbot.keyClick(window.view, Qt.Key.Key_0)
    assert window.proxy.rowCount() == 0
    assert window.editor.heading.text() == "No claim selected"
    window.filter_box.setCurrentIndex(window.filter_box.findData("all"))
    assert window.editor.heading.text().startswith("Claim 1 of")


def test_labelling_under_unmarked_moves_on_to_the_next_unmarked(qtbot, make_window,
                                                                sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.filter_box.setCurrentIndex(window.filter_box.findData("unmarked"))
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3):
        qtbot.keyClick(window.view, key)
    assert window.session.counts() == {"supported": 1, "uncertain": 1, "advertising": 1}
    assert window.editor.heading.text().startswith("Claim 4 of")
