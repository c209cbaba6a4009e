"""The claim list shows the current claim in a book too (tester T15, F6: after End in
the article of a 7,932-claim book the editor said "Claim 7932 of 7932" while the list
stayed on chapter 1; its rows are laid out in batches and Qt's scrollTo skipped a row
not laid out yet)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import open_article


def _book(tmp_path: Path) -> Path:
    path = tmp_path / "book.txt"
    path.write_text("\n\n".join(f"Paragraph {n} says a thing about tea. It has a second "
                                f"sentence too." for n in range(5000)), encoding="utf-8")
    return path


def _current_in_sight(window) -> bool:
    claims = window.list
    index = claims.currentIndex()
    return index.isValid() and claims.viewport().rect().intersects(claims.visualRect(index))


def test_end_in_a_book_brings_the_list_to_the_last_claim(qtbot, make_window,
                                                         tmp_path: Path) -> None:
    window = make_window()
    open_article(qtbot, window, _book(tmp_path))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: window.list.currentIndex().row() == 9999, timeout=5000)
    qtbot.waitUntil(lambda: _current_in_sight(window), timeout=10000)


def test_a_row_chosen_at_once_after_opening_is_shown(qtbot, make_window,
                                                     tmp_path: Path) -> None:
    window = make_window()
    open_article(qtbot, window, _book(tmp_path))
    window.navigator.select_row(7000)
    qtbot.waitUntil(lambda: _current_in_sight(window), timeout=10000)
    assert window.list.currentIndex().row() == 7000


def test_the_current_row_stays_in_sight_through_a_new_layout(qtbot, make_window,
                                                             tmp_path: Path) -> None:
    # In the running program the list is laid out again after the claims come in
    # (seen under Xvfb: "Claim 8000 of 8000" with the list on row ~200).
    window = make_window()
    open_article(qtbot, window, _book(tmp_path))
    window.navigator.select_row(7000)
    qtbot.waitUntil(lambda: _current_in_sight(window), timeout=10000)
    window.list.doItemsLayout()  # as a model reset or a reload does
    qtbot.waitUntil(lambda: _current_in_sight(window), timeout=10000)
