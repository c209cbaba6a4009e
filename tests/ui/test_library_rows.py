"""Search hits in the Library window are compact two-line rows (quote, then
snippet), whatever the quote's length and the window's width."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from app.core.annotations import annotation_for_span
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore

LONG = ("Magnesium may help nerve pain in some people with diabetes, but the trials so far "
        "have been small, short and run by the makers of the supplements they tested, so "
        "nobody can yet say who benefits, at which dose, or for how long.")
TEXT = "Magnesium is a mineral. " + LONG + " Buy Glucontrol today."


def test_hit_rows_take_two_lines(qtbot, tmp_path: Path) -> None:
    from app.ui.application import create_application
    from app.ui.library_window import LibraryWindow

    create_application()
    root = tmp_path / "reviews"
    root.mkdir()
    article = root / "nerves.txt"
    article.write_text(TEXT, encoding="utf-8")
    start = TEXT.index(LONG)
    note = ("A pitch in disguise: every trial cited was paid for by the seller, and the "
            "claim about doses is nowhere in them. " * 3)
    NotesStore(article).save(NotesDocument(ArticleRef(article.name), [
        annotation_for_span(TEXT, start, start + len(LONG), label="uncertain", note=note),
        annotation_for_span(TEXT, TEXT.index("Buy"), len(TEXT), label="advertising",
                            note="sales pitch")]))
    window = LibraryWindow(tmp_path / "lib.sqlite3", choose_folder=lambda _start: str(root))
    qtbot.addWidget(window)
    window.resize(700, 500)
    window.show()
    with qtbot.waitSignal(window.synced, timeout=30000):
        qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "pitch")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.hit_view, timeout=3000)
    view, hits = window.hit_view, window.hits
    group = hits.index(0, 0)
    assert hits.rowCount(group) == 2
    line = view.fontMetrics().lineSpacing()
    delegate = view.itemDelegate()
    for row in range(2):
        index = hits.index(row, 0, group)
        assert view.visualRect(index).height() <= 2 * line + 8, row
        narrow, wide = QStyleOptionViewItem(), QStyleOptionViewItem()
        narrow.rect.setWidth(120)
        wide.rect.setWidth(2000)
        assert delegate.sizeHint(narrow, index).height() == delegate.sizeHint(wide, index).height()
    window.wait_for_sync()
