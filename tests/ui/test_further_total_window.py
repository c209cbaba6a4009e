"""The window saves a notes file that names further pages with their count kept: the
next opening still says how many notes are on pages not read (helper N16)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import open_article
from tests.ui.test_further_pages_window import URL, _paged_notes_beside


def test_after_a_save_the_next_opening_still_counts_the_unread_notes(
        qtbot, make_window, sample_copy: Path) -> None:
    _paged_notes_beside(sample_copy)  # 2 notes held, total 5
    window = make_window()
    open_article(qtbot, window, sample_copy)
    window.navigator.select_row(window.model.row_for_annotation("https://notes.example.org/0"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    saved = json.loads(sample_copy.with_name(sample_copy.name + ".notes.json").read_text())
    assert saved["first"]["next"] == URL and saved["total"] == 5
    window.close()
    again = make_window()
    open_article(qtbot, again, sample_copy)
    assert "3 notes on pages not read" in again.notes_location.text()
    assert f"3 notes on further pages not in this file ({URL})" in (
        again.statusBar().currentMessage())
